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
            --by stage counts reviews instead: each under the furthest stage it has reached (its latest stage date,
            or what its status says), by type, with how many have a stage late against its timescale ('rlt help
            timescales') and the most late.
            """,
        options: [
            .choice(.by, SummaryGrouping.self, "What to group by.", default: .review),
            .value(
                .of, "RECORDS", "What to count.", values: .words(CountedRecords.self),
                default: "recommendations (actions for --by agency)"),
        ] + FilterOptions.specs(.both) + ListingOptions.specs,
        examples: ["rlt summary --by theme", "rlt summary --by agency --format csv", "rlt summary --by stage"],
        run: run)

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws {
        let grouping = try arguments.choice(.by, SummaryGrouping.self) ?? .review
        if grouping == .stage { return try stages(arguments, invocation) }
        let ofActions: Bool
        if let text = arguments.string(.of) {
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
        let records = try context.listing(ofActions ? .actions : .recommendations)
        let (groups, total) = Summary.counts(records, by: grouping)
        try QueryContext.requireIntact(records.records)
        let statuses = ofActions ? ActionStatus.allowedValues : RecommendationStatus.allowedValues
        let finishedName = ofActions ? "done_pct" : "assured_pct"
        var columns: [Column<SummaryRow>] = [
            Column(name: grouping.rawValue, freeText: false, type: .text) { $0.group },
            Column(name: "total") { String($0.total) },
        ]
        for status in statuses {
            columns.append(Column(name: status, type: .integer) { String($0.statuses[status] ?? 0) })
        }
        for rag in RAG.allCases {
            columns.append(Column(name: rag.rawValue, type: .integer) { String($0.rags[rag] ?? 0) })
        }
        columns += [
            Column(name: "overdue", type: .integer) { String($0.overdue) },
            Column(name: finishedName, type: .integer) { $0.finishedPercent.map { "\($0)%" } ?? "-" },
            Column(name: "oldest_overdue") { $0.oldestOverdue?.reference ?? "" },
            Column(name: "oldest_overdue_days") { $0.oldestOverdue.map { String($0.days) } ?? "" },
        ]
        let listing = typedListing(columns)
        invocation.out(try ListingOptions(arguments, invocation).render(groups + [total], listing))
    }

    /// `summary --by stage`: reviews by the stage they have reached.
    private static func stages(_ arguments: ParsedArguments, _ invocation: Invocation) throws {
        if arguments.has(.of) {
            throw UsageError.invalidValue(option: "--of", message: "--by stage counts reviews, not recommendations or actions; leave out --of")
        }
        if let option = (FilterOptions.recordOnly + [.text]).first(where: arguments.has) {
            throw UsageError.invalidValue(
                option: option.rawValue, message: "--by stage counts reviews; filter them with --review or --type")
        }
        let context = try QueryContext(arguments, invocation, target: .both)
        let clock = ReviewClock(settings: context.tracker.settings)
        let records = try context.index() ?? RecordSet(try context.reviews())
        let (rows, total) = StageSummary.rows(context.query, records: records, clock: clock)
        try QueryContext.requireIntact(records)
        var columns: [Column<StageSummaryRow>] = [
            Column(name: "stage", freeText: false, type: .text) { $0.stage },
            Column(name: "total", type: .integer) { String($0.total) },
        ]
        for type in ReviewType.allowedValues {
            columns.append(Column(name: type, type: .integer) { String($0.types[type] ?? 0) })
        }
        columns += [
            Column(name: "late", type: .integer) { String($0.late) },
            Column(name: "most_late") { $0.mostLate?.review ?? "" },
            Column(name: "most_late_days") { $0.mostLate.map { String($0.days) } ?? "" },
        ]
        let listing = typedListing(columns)
        invocation.out(try ListingOptions(arguments, invocation).render(rows + [total], listing))
    }

    /// A listing of every column by default whose JSON has the same keys and types as the columns, with or without
    /// `--columns`.
    private static func typedListing<Row>(_ columns: [Column<Row>]) -> Listing<Row> {
        Listing(
            columns: columns, defaults: columns.map(\.name),
            json: { row in Dictionary(uniqueKeysWithValues: columns.map { ($0.name, $0.type.json($0.value(row))) }) })
    }
}
