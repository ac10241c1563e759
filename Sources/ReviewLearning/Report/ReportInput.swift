/// The board assurance report's formats.
package enum ReportFormat: String, Vocabulary {
    case markdown, html
    package static let noun = "report format"
}

/// What a report is made of: the store's records and the day it is "as of". Nothing else is read.
package struct ReportInput: Sendable {
    /// The partnership's name, agency directory, themes and amber window.
    package var tracker: Tracker
    /// The reviews to report on, in the order they appear; the filter's review options are applied again.
    package var reviews: [Review]
    package var events: [DisseminationEvent]
    /// The list filters (`--owner`, `--theme`, …) applied to recommendations and actions.
    package var filter: RecordFilter
    /// The day treated as today: overdue, RAG and stale are computed as of it.
    package var asOf: CalendarDay

    package init(
        tracker: Tracker, reviews: [Review], events: [DisseminationEvent], filter: RecordFilter = RecordFilter(),
        asOf: CalendarDay
    ) {
        self.tracker = tracker
        self.reviews = reviews
        self.events = events
        self.filter = filter
        self.asOf = asOf
    }
}

/// How to render a report.
package struct ReportOptions: Sendable {
    package var format: ReportFormat
    /// Adds "changes since" from the history and outcomes, from the start of this date up to the as-of day.
    package var since: PartialDate?
    /// Stale: not terminal and nothing recorded for this many days or more.
    package var staleDays: Int
    /// How the records were chosen, one phrase each (e.g. `--owner lincs-police`); empty for everything.
    package var scope: [String]

    package init(format: ReportFormat = .markdown, since: PartialDate? = nil, staleDays: Int = 90, scope: [String] = []) {
        self.format = format
        self.since = since
        self.staleDays = staleDays
        self.scope = scope
    }
}

/// The board assurance report (DESIGN §5 `rlt report`): a pure function of the records and the as-of day.
package enum Report {
    /// Renders the report in `options.format`; the same input always gives the same text.
    package static func render(_ input: ReportInput, options: ReportOptions) -> String {
        switch options.format {
        case .markdown: return MarkdownReport.render(input, options: options)
        case .html: return HTMLReport.render(input, options: options)
        }
    }
}
