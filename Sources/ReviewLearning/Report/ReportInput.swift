/// The board assurance report's formats.
public enum ReportFormat: String, Vocabulary {
    case markdown, html
    public static let noun = "report format"
}

/// What a report is made of: the store's records and the day it is "as of". Nothing else is read.
public struct ReportInput: Sendable {
    /// The partnership's name, agency directory, themes and amber window.
    public var tracker: Tracker
    /// The reviews to report on, in the order they appear; the filter's review options are applied again.
    public var reviews: [Review]
    public var events: [DisseminationEvent]
    /// The list filters (`--owner`, `--theme`, …) applied to recommendations and actions.
    public var filter: RecordFilter
    /// The day treated as today: overdue, RAG and stale are computed as of it.
    public var asOf: CalendarDay

    public init(
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
public struct ReportOptions: Sendable {
    public var format: ReportFormat
    /// Adds "changes since" from the history and outcomes, from the start of this date up to the as-of day.
    public var since: PartialDate?
    /// Stale: not terminal and nothing recorded for this many days or more.
    public var staleDays: Int
    /// How the records were chosen, one phrase each (e.g. `--owner lincs-police`); empty for everything.
    public var scope: [String]

    public init(format: ReportFormat = .markdown, since: PartialDate? = nil, staleDays: Int = 90, scope: [String] = []) {
        self.format = format
        self.since = since
        self.staleDays = staleDays
        self.scope = scope
    }
}

/// The board assurance report (DESIGN §5 `rlt report`): a pure function of the records and the as-of day.
public enum Report {
    /// Renders the report in `options.format`; the same input always gives the same text.
    public static func render(_ input: ReportInput, options: ReportOptions) -> String {
        switch options.format {
        case .markdown: return MarkdownReport.render(input, options: options)
        case .html: return HTMLReport.render(input, options: options)
        }
    }
}
