import ReviewLearning

/// The columns of each kind of row; the names are the CSV headers and `--columns` values.
enum Listings {
    static let recommendations = Listing<RecommendationRow>(
        columns: [
            Column(name: "review") { $0.review.id },
            Column(name: "id") { $0.recommendation.id },
            Column(name: "level") { $0.recommendation.level.rawValue },
            Column(name: "owners") { joined($0.recommendation.owners) },
            Column(name: "lead") { $0.recommendation.owners.first ?? "" },
            Column(name: "themes") { joined($0.recommendation.themes) },
            Column(name: "due") { $0.recommendation.due?.description ?? "" },
            Column(name: "original_due") { $0.recommendation.originalDue?.description ?? "" },
            Column(name: "slipped_days") { $0.recommendation.slippedDays.map(String.init) ?? "" },
            Column(name: "status") { $0.recommendation.status.rawValue },
            Column(name: "assurance") { $0.recommendation.assurance.rawValue },
            Column(name: "rag") { $0.state.rag.rawValue },
            Column(name: "overdue") { $0.state.isOverdue ? "yes" : "no" },
            Column(name: "days_overdue") { $0.state.daysOverdue.map(String.init) ?? "" },
            Column(name: "last_update") { $0.recommendation.lastUpdate?.description ?? "" },
            Column(name: "outcomes") { String($0.recommendation.outcomes.count) },
            Column(name: "latest_outcome") { $0.recommendation.outcomes.last?.date.description ?? "" },
            Column(name: "links") { joined($0.recommendation.links) },
            Column(name: "reason") { $0.recommendation.reason ?? "" },
            Column(name: "text") { $0.recommendation.text },
        ],
        defaults: ["review", "id", "status", "assurance", "rag", "due", "owners", "text"],
        json: { row in
            WithReview(
                review: row.review.id, record: row.recommendation,
                derived: DerivedFields(
                    state: row.state, lastUpdate: row.recommendation.lastUpdate,
                    slippedDays: row.recommendation.slippedDays))
        })

    static let actions = Listing<ActionRow>(
        columns: [
            Column(name: "review") { $0.review.id },
            Column(name: "id") { $0.action.id },
            Column(name: "agency") { $0.action.agency },
            Column(name: "responds_to") { joined($0.action.respondsTo) },
            Column(name: "due") { $0.action.due?.description ?? "" },
            Column(name: "original_due") { $0.action.originalDue?.description ?? "" },
            Column(name: "slipped_days") { $0.action.slippedDays.map(String.init) ?? "" },
            Column(name: "status") { $0.action.status.rawValue },
            Column(name: "completed") { $0.action.completed?.description ?? "" },
            Column(name: "rag") { $0.state.rag.rawValue },
            Column(name: "overdue") { $0.state.isOverdue ? "yes" : "no" },
            Column(name: "days_overdue") { $0.state.daysOverdue.map(String.init) ?? "" },
            Column(name: "last_update") { $0.action.lastUpdate?.description ?? "" },
            Column(name: "measure") { $0.action.measure ?? "" },
            Column(name: "evidence") { $0.action.evidence ?? "" },
            Column(name: "reason") { $0.action.reason ?? "" },
            Column(name: "text") { $0.action.text },
        ],
        defaults: ["review", "id", "agency", "status", "rag", "due", "responds_to", "text"],
        json: { row in
            WithReview(
                review: row.review.id, record: row.action,
                derived: DerivedFields(state: row.state, lastUpdate: row.action.lastUpdate, slippedDays: row.action.slippedDays))
        })

    /// Review rows carry the recommendation counts computed under the same filters.
    struct ReviewRow {
        var review: Review
        var recommendations: [RecommendationRow]
        var actions: [ActionRow]
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
            Column(name: "overdue_recs") { String($0.recommendations.filter(\.state.isOverdue).count) },
            Column(name: "actions") { String($0.review.actions.count) },
            Column(name: "overdue_actions") { String($0.actions.filter(\.state.isOverdue).count) },
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
        .choice("--sort", SortKey.self, "Order the rows."),
        .value("--limit", "N", "Print at most N rows (totals still count every match)."),
        .flag("--fail-if-any", "Exit 1 when any row matches, printed or not (for cron alerts)."),
    ]

    /// Sort key parts for one row: review, due end (none last), status rank, owner.
    struct Key {
        var review: String
        var due: CalendarDay?
        var status: Int
        var owner: String
    }

    enum SortKey: String, Vocabulary {
        case due, review, status, owner
        static let noun = "sort key"
    }

    /// `--sort` and `--limit`, checked (an unknown sort key or a bad number is a usage error).
    static func options(_ arguments: ParsedArguments) throws -> (sort: SortKey?, limit: Int?) {
        (try arguments.choice("--sort", SortKey.self), try arguments.integer("--limit", range: 0...Int.max))
    }

    /// The rows to print: every match ordered by `--sort`, then cut to `--limit`. `total` counts every match, because
    /// totals and `--fail-if-any` describe what matched, not what fitted under the limit.
    static func apply<Row>(
        _ rows: [Row], _ arguments: ParsedArguments, key: (Row) -> Key
    ) throws -> (shown: [Row], total: Int) {
        var rows = rows
        let (sort, limit) = try options(arguments)
        if let sort {
            let indexed = rows.enumerated().map { ($0.offset, key($0.element), $0.element) }
            let order: ((Int, Key, Row), (Int, Key, Row)) -> Bool
            switch sort {
            case .due:
                order = { a, b in
                    let (x, y) = (a.1.due.map(\.ordinal) ?? Int.max, b.1.due.map(\.ordinal) ?? Int.max)
                    return x != y ? x < y : a.0 < b.0
                }
            case .review: order = { a, b in a.1.review != b.1.review ? a.1.review < b.1.review : a.0 < b.0 }
            case .status: order = { a, b in a.1.status != b.1.status ? a.1.status < b.1.status : a.0 < b.0 }
            case .owner: order = { a, b in a.1.owner != b.1.owner ? a.1.owner < b.1.owner : a.0 < b.0 }
            }
            rows = indexed.sorted(by: order).map(\.2)
        }
        let total = rows.count
        if let limit { rows = Array(rows.prefix(limit)) }
        return (rows, total)
    }

    /// `--fail-if-any`: matching rows (`total`, every match whatever `--limit`) become exit 1 after printing.
    static func finish(total: Int, _ arguments: ParsedArguments) throws {
        if total > 0 && arguments.flag("--fail-if-any") { throw CommandFailure(message: "", code: ExitCode.failure) }
    }
}

extension RecommendationRow {
    var orderingKey: Ordering.Key {
        Ordering.Key(
            review: review.id, due: recommendation.due?.end,
            status: RecommendationStatus.allCases.firstIndex(of: recommendation.status) ?? 0,
            owner: recommendation.owners.first ?? "")
    }
}

extension ActionRow {
    var orderingKey: Ordering.Key {
        Ordering.Key(
            review: review.id, due: action.due?.end, status: ActionStatus.allCases.firstIndex(of: action.status) ?? 0,
            owner: action.agency)
    }
}
