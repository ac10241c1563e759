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
        var rows: [(Review, Finding)] = []
        for review in try reviews(arguments, invocation) {
            for finding in review.findings where audiences.isEmpty || audiences.contains(finding.audience) {
                rows.append((review, finding))
            }
        }
        if try arguments.choice(.format, OutputFormat.self) == .json {
            invocation.out(try JSONOutput.render(rows.map { WithReview(review: $0.0.id, record: $0.1) }))
            return
        }
        var table = TextTable(["review", "id", "audience", "themes", "text"])
        for (review, finding) in rows {
            table.add([review.id, finding.id, finding.audience, list(finding.themes), finding.text])
        }
        invocation.out(table.render(width: invocation.terminalWidth))
    }
}
