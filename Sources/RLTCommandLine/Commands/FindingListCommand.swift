import ReviewLearning

enum FindingListCommand {
    static let spec = CommandSpec(
        name: "list",
        overview: "List findings.",
        options: [
            .value(.review, "ID", "Only this review's findings.", repeatable: true, values: .store(.reviews)),
            .value(
                .audience, "CODE", "Only findings for this agency or sector.", repeatable: true,
                values: .store(.audiences)),
            .choice(.kind, FindingKind.self, "Only findings of this kind.", repeatable: true),
            OutputFormat.option,
        ],
        examples: [
            "rlt finding list --review child-g", "rlt finding list --audience probation",
            "rlt finding list --kind practice-principle --kind good-practice",
        ],
        run: run)

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws {
        let audiences = arguments.strings(.audience)
        let kinds = try arguments.choices(.kind, FindingKind.self)
        if try arguments.choice(.format, OutputFormat.self) == .json {
            // Whole findings (with their history): only the findings are kept, their reviews read a batch at a time.
            var rows: [WithReview<Finding>] = []
            try forEachReview(arguments, invocation) { review in
                for finding in review.findings
                where (audiences.isEmpty || !Set(audiences).isDisjoint(with: [finding.audience] + finding.with))
                    && (kinds.isEmpty || kinds.contains(finding.kind))
                {
                    rows.append(WithReview(review: review.id, record: finding))
                }
            }
            invocation.out(try JSONOutput.render(rows))
            return
        }
        // The table's cells are in the index; without it (or for --review), reviews are decoded a batch at a time.
        var rows: [[String]] = []
        if arguments.strings(.review).isEmpty,
            let index = try QueryContext.storeIndex(invocation, tracker: try invocation.store.loadTracker())
        {
            rows = FindingListing.rows(index, audiences: audiences, kinds: kinds)
            try QueryContext.requireIntact(index)
            QueryContext.reportSource(.index, count: index.count, invocation)
        } else if arguments.strings(.review).isEmpty {
            var decoded = 0
            try invocation.store.forEachBatch(try invocation.store.reviewIDs()) { batch in
                decoded += batch.count
                rows += FindingListing.rows(RecordSet(batch), audiences: audiences, kinds: kinds)
            }
            QueryContext.reportSource(.decoded, count: decoded, invocation)
        } else {
            let named = try reviews(arguments, invocation)
            rows = FindingListing.rows(RecordSet(named), audiences: audiences, kinds: kinds)
            QueryContext.reportSource(.decoded, count: named.count, invocation)
        }
        let columns = FindingListing.columns
        StreamedTable(
            columns: columns, freeText: columns.map(TextTable.freeText.contains), count: rows.count,
            style: TextTable.Style(width: invocation.terminalWidth), cells: { Array(rows[$0]) }
        ).write(invocation.out)
    }
}
