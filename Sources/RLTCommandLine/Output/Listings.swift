import ReviewLearning

/// The columns of the review listing; the names are the CSV headers and `--columns` values. (The record listings'
/// columns are `RecordColumn`s, in the core.)
enum Listings {
    /// Review rows carry the counts of overdue records matching the same filters.
    struct ReviewRow {
        var review: Review
        var overdueRecommendations = 0
        var overdueActions = 0
    }

    static let reviews = Listing<ReviewRow>(
        columns: [
            Column(name: "id") { $0.review.id },
            Column(name: "type") { $0.review.type.rawValue },
            Column(name: "status") { $0.review.status.rawValue },
            Column(name: "title") { $0.review.title },
            Column(name: "partnerships") { joined($0.review.partnerships) },
            Column(name: "themes") { joined($0.review.themes) },
            Column(name: "incident") { $0.review.incident?.description ?? "" },
            Column(name: "notified") { $0.review.notified?.description ?? "" },
            Column(name: "commissioned") { $0.review.commissioned?.description ?? "" },
            Column(name: "completed") { $0.review.completed?.description ?? "" },
            Column(name: "published") { $0.review.published?.description ?? "" },
            Column(name: "converted_from") { $0.review.convertedFrom ?? "" },
            Column(name: "findings") { String($0.review.findings.count) },
            Column(name: "recs") { String($0.review.recommendations.count) },
            Column(name: "open") { String($0.review.recommendations.filter { !$0.status.isTerminal }.count) },
            Column(name: "overdue_recs") { String($0.overdueRecommendations) },
            Column(name: "actions") { String($0.review.actions.count) },
            Column(name: "overdue_actions") { String($0.overdueActions) },
            Column(name: "source") { $0.review.source ?? "" },
        ],
        defaults: ["id", "type", "status", "recs", "open", "overdue_recs", "actions", "overdue_actions", "title"],
        json: { row in row.review })

    /// Lists inside a cell, as DESIGN §6 joins them.
    static func joined(_ values: [String]) -> String { values.joined(separator: separator) }

    static let separator = "; "
}

/// `--sort` and `--limit`, shared by the listings.
enum Ordering {
    static let specs: [OptionSpec] = [
        .choice(.sort, SortKey.self, "Order the rows."),
        .value(.limit, "N", "Print at most N rows (totals still count every match)."),
        .flag(.failIfAny, "Exit 1 when any row matches, printed or not (for cron alerts)."),
    ]

    /// `--sort` and `--limit`, checked (an unknown sort key or a bad number is a usage error).
    static func options(_ arguments: ParsedArguments) throws -> (sort: SortKey?, limit: Int?) {
        (try arguments.choice(.sort, SortKey.self), try arguments.integer(.limit, range: 0...Int.max))
    }

    /// `--fail-if-any`: matching rows (`total`, every match whatever `--limit`) become exit 1 after printing.
    static func finish(total: Int, _ arguments: ParsedArguments) throws {
        if total > 0 && arguments.flag(.failIfAny) { throw CommandFailure(message: "", code: ExitCode.failure) }
    }
}
