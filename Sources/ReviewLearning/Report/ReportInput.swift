/// The board assurance report's formats.
package enum ReportFormat: String, Vocabulary {
    case markdown, html
    package static let noun = "report format"
}

/// Whole reviews by id, a batch at a time: what "changes since" reads for histories and dated outcomes, which the
/// index does not keep.
package struct ReviewBatches: Sendable {
    /// Calls `body` with the reviews of `ids`, in that order, a batch at a time.
    package let read: @Sendable (_ ids: [String], _ body: ([Review]) throws -> Void) throws -> Void

    package init(read: @escaping @Sendable (_ ids: [String], _ body: ([Review]) throws -> Void) throws -> Void) {
        self.read = read
    }

    /// Reviews already in memory.
    package init(_ reviews: [Review]) {
        read = { ids, body in
            let byID = Dictionary(reviews.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            let chosen = ids.compactMap { byID[$0] }
            for start in stride(from: 0, to: chosen.count, by: 128) {
                try body(Array(chosen[start..<min(chosen.count, start + 128)]))
            }
        }
    }
}

/// Why a report could not be finished.
package enum ReportError: Error, Equatable, CustomStringConvertible {
    /// A review file changed between the index's reading and the report's reading of its histories.
    case storeChanged(review: String)

    package var description: String {
        switch self {
        case .storeChanged(let review):
            return "review '\(review)' changed while the report was being written; run the report again"
        }
    }
}

/// What a report is made of: the store's records and the day it is "as of". Nothing else is read.
package struct ReportInput: Sendable {
    /// The partnership's name, agency directory, themes and amber window.
    package var tracker: Tracker
    /// The reviews to report on, packed, in the order they appear (the index, or decoded reviews packed alike); the
    /// filter's review options are applied again.
    package var records: RecordSet
    /// The same reviews whole, read only for "changes since".
    package var reviews: ReviewBatches
    package var events: [DisseminationEvent]
    /// The list filters (`--owner`, `--theme`, …) applied to recommendations and actions.
    package var filter: RecordFilter
    /// The day treated as today: overdue, RAG and stale are computed as of it.
    package var asOf: CalendarDay

    package init(
        tracker: Tracker, records: RecordSet, reviews: ReviewBatches, events: [DisseminationEvent],
        filter: RecordFilter = RecordFilter(), asOf: CalendarDay
    ) {
        self.tracker = tracker
        self.records = records
        self.reviews = reviews
        self.events = events
        self.filter = filter
        self.asOf = asOf
    }
}

extension ReportInput {
    /// Reviews in memory, packed for the report.
    package init(
        tracker: Tracker, reviews: [Review], events: [DisseminationEvent], filter: RecordFilter = RecordFilter(),
        asOf: CalendarDay
    ) {
        self.init(
            tracker: tracker, records: RecordSet(reviews), reviews: ReviewBatches(reviews), events: events, filter: filter,
            asOf: asOf)
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
    /// Writes the report in `options.format` to `write`, a piece at a time; the same input always gives the same
    /// text. Throws what reading the reviews throws, or the first error of `write` (after which nothing more is
    /// written).
    package static func write(_ input: ReportInput, options: ReportOptions, to write: @escaping (String) throws -> Void) throws {
        let out = ReportSink(write)
        switch options.format {
        case .markdown: try MarkdownReport.write(input, options: options, to: out)
        case .html: try HTMLReport.write(input, options: options, to: out)
        }
        out.flush()
        if let failure = out.failure { throw failure }
    }

    /// The whole report as one string (`write` collected).
    package static func render(_ input: ReportInput, options: ReportOptions) throws -> String {
        var text = ""
        try write(input, options: options) { text += $0 }
        return text
    }
}

/// Collects a report's text and hands it on in pieces of about 64 KB, so a national report is never held whole.
/// The first error of the destination is kept, and nothing more is handed on.
final class ReportSink {
    private var buffer = ""
    private let write: (String) throws -> Void
    private(set) var failure: (any Error)?

    init(_ write: @escaping (String) throws -> Void) { self.write = write }

    func callAsFunction(_ text: String) {
        buffer += text
        if buffer.utf8.count >= 1 << 16 { flush() }
    }

    func flush() {
        guard !buffer.isEmpty, failure == nil else { return }
        do { try write(buffer) } catch { failure = error }
        buffer = ""
    }
}
