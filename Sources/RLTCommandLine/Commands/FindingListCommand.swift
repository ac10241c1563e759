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
            OutputFormat.option,
        ],
        examples: ["rlt finding list --review child-g", "rlt finding list --audience probation"],
        run: run)

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws {
        let audiences = arguments.strings(.audience)
        // Only the findings are kept, not their reviews, which are read a batch at a time.
        var rows: [WithReview<Finding>] = []
        try forEachReview(arguments, invocation) { review in
            for finding in review.findings where audiences.isEmpty || audiences.contains(finding.audience) {
                rows.append(WithReview(review: review.id, record: finding))
            }
        }
        if try arguments.choice(.format, OutputFormat.self) == .json {
            invocation.out(try JSONOutput.render(rows))
            return
        }
        var table = TextTable(["review", "id", "audience", "themes", "text"])
        for row in rows {
            let finding = row.record
            table.add([row.review, finding.id, finding.audience, list(finding.themes), finding.text])
        }
        invocation.out(table.render(width: invocation.terminalWidth))
    }
}
