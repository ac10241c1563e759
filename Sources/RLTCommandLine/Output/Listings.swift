import ReviewLearning

/// The columns of the review listing; the names are the CSV headers and `--columns` values. (The record listings'
/// columns are `RecordColumn`s, in the core.)
enum Listings {
    /// The review listing's columns, the same for the index and decoded reviews (`ReviewFacts`); its JSON without
    /// `--columns` is the whole reviews (`wholeReviews`).
    static let reviews = Listing<ReviewFacts>(
        columns: [
            Column(name: "id") { $0.id },
            Column(name: "type") { $0.type },
            Column(name: "status") { $0.status },
            Column(name: "title") { $0.title },
            Column(name: "partnerships") { joined($0.partnerships) },
            Column(name: "themes") { joined($0.themes) },
        ] + ReviewStage.allCases.map { stage in Column(name: stage.rawValue) { $0.dates[stage.slot] } } + [
            Column(name: "late") { joined($0.late.map(\.rawValue)) },
            Column(name: "converted_from") { $0.convertedFrom },
            Column(name: "findings") { String($0.findings) },
            Column(name: "recs") { String($0.recommendations) },
            Column(name: "open") { String($0.open) },
            Column(name: "overdue_recs") { String($0.overdueRecommendations) },
            Column(name: "actions") { String($0.actions) },
            Column(name: "overdue_actions") { String($0.overdueActions) },
            Column(name: "source") { $0.source },
        ],
        defaults: ["id", "type", "status", "recs", "open", "overdue_recs", "actions", "overdue_actions", "late", "title"],
        json: nil)

    /// Whole reviews, for the review listing's JSON.
    static let wholeReviews = Listing<Review>(columns: [], defaults: [], json: { $0 })

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
