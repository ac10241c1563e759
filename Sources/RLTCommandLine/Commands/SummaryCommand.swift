import ReviewLearning

/// What `summary --of` counts.
enum CountedRecords: String, Vocabulary {
    case recommendations, actions
    static let noun = "kind of record to count"
}

enum SummaryCommand {
    static let spec = CommandSpec(
        name: "summary",
        overview: "Count recommendations (or actions) by status and RAG, grouped, with a totals row.",
        discussion: """
            Each row: how many, how many in each status, RAG as of --as-of, overdue, the share assured
            (recommendations) or done (actions), and the longest-overdue record. A recommendation with several
            owners or themes counts in each of their rows and once in TOTAL. --by agency counts actions.
            """,
        options: [
            .choice("--by", SummaryGrouping.self, "What to group by.", default: .review),
            .value(
                "--of", "RECORDS", "What to count.", values: .words(CountedRecords.self),
                default: "recommendations (actions for --by agency)"),
        ] + FilterOptions.specs(.both) + ListingOptions.specs,
        examples: ["rlt summary", "rlt summary --by theme", "rlt summary --by agency --format csv"],
        run: run)

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws {
        let grouping = try arguments.choice("--by", SummaryGrouping.self) ?? .review
        let ofActions: Bool
        if let text = arguments.string("--of") {
            do {
                // "recs" is accepted as the short form people type.
                ofActions = try CountedRecords(parsing: text == "recs" ? "recommendations" : text) == .actions
            } catch {
                throw UsageError.invalidValue(option: "--of", message: error.description)
            }
        } else {
            ofActions = grouping == .agency
        }
        let context = try QueryContext(arguments, invocation, target: ofActions ? .actions : .recommendations)
        let query = context.query
        let (groups, total): ([SummaryRow], SummaryRow)
        let index = try context.index()
        if let index, let indexQuery = IndexQuery(query) {
            (groups, total) =
                ofActions
                ? Summary.actions(index, indexQuery, by: grouping) : Summary.recommendations(index, indexQuery, by: grouping)
        } else {
            let reviews = try context.decodedReviews(index)
            (groups, total) =
                ofActions
                ? Summary.actions(query.actions(in: reviews), by: grouping)
                : Summary.recommendations(query.recommendations(in: reviews), by: grouping)
        }
        let statuses = ofActions ? ActionStatus.allowedValues : RecommendationStatus.allowedValues
        let finishedName = ofActions ? "done_pct" : "assured_pct"
        var columns: [Column<SummaryRow>] = [
            Column(name: grouping.rawValue) { $0.group },
            Column(name: "total") { String($0.total) },
        ]
        for status in statuses {
            columns.append(Column(name: status) { String($0.statuses[status] ?? 0) })
        }
        for rag in RAG.allCases {
            columns.append(Column(name: rag.rawValue) { String($0.rags[rag] ?? 0) })
        }
        columns += [
            Column(name: "overdue") { String($0.overdue) },
            Column(name: finishedName) { $0.finishedPercent.map { "\($0)%" } ?? "-" },
            Column(name: "oldest_overdue") { row in row.oldestOverdue.map { "\($0.reference) (\($0.days) days)" } ?? "" },
        ]
        let listing = Listing(columns: columns, defaults: columns.map(\.name), json: { row in SummaryJSON(row, statuses: statuses) })
        invocation.out(try ListingOptions(arguments, invocation).render(groups + [total], listing))
    }
}

/// A summary row for `--format json`: counts as numbers.
private struct SummaryJSON: Encodable {
    var group: String
    var total: Int
    var statuses: [String: Int]
    var rag: [String: Int]
    var overdue: Int
    var finishedPercent: Int?
    var oldestOverdue: String?
    var oldestOverdueDays: Int?

    init(_ row: SummaryRow, statuses: [String]) {
        group = row.group
        total = row.total
        self.statuses = Dictionary(uniqueKeysWithValues: statuses.map { ($0, row.statuses[$0] ?? 0) })
        rag = Dictionary(uniqueKeysWithValues: RAG.allCases.map { ($0.rawValue, row.rags[$0] ?? 0) })
        overdue = row.overdue
        finishedPercent = row.finishedPercent
        oldestOverdue = row.oldestOverdue?.reference
        oldestOverdueDays = row.oldestOverdue?.days
    }

    enum CodingKeys: String, CodingKey {
        case group, total, statuses, rag, overdue, finishedPercent = "finished_pct", oldestOverdue = "oldest_overdue"
        case oldestOverdueDays = "oldest_overdue_days"
    }
}
