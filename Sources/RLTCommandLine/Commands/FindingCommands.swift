import ReviewLearning

enum FindingAddCommand {
    static let spec = CommandSpec(
        name: "add",
        overview: "Add a finding (learning) to a review; prints its reference.",
        discussion: "Ids F1, F2… are assigned unless --id is given.",
        arguments: [ArgumentSpec(name: "REVIEW", help: "The review's id.", values: .store(.reviews))],
        options: [
            .value(
                "--audience", "CODE", "Agency code or sector the learning is for (e.g. probation).", required: true,
                values: .store(.audiences)),
            .text("--text", "The learning.", required: true),
            .value("--theme", "THEME", "Theme code.", repeatable: true, values: .store(.themes)),
            .value("--id", "ID", "Use this id instead of the next F-number."),
        ],
        examples: ["rlt finding add child-g --audience probation --text \"Home visits were not made\" --theme risk-assessment"],
        run: run)

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws {
        let reviewID = try slug(arguments.positionals[0], argument: "REVIEW", kind: "review")
        let given = try arguments.string("--id").map { try recordID($0, option: "--id", kind: "finding") }
        let audience = arguments.string("--audience") ?? ""
        let text = try arguments.text("--text") ?? ""
        let themes = arguments.strings("--theme")
        try requireDistinct(themes, option: "--theme")
        let id = try invocation.write { transaction in
            let tracker = try transaction.tracker()
            var review = try transaction.existingReview(reviewID)
            try ChangeRules.requireOpen(review)
            try tracker.requireAudience(audience, field: "--audience")
            try CodeChecks(tracker: tracker).themes(themes, option: "--theme")
            let id = given ?? Identifiers.next(prefix: "F", after: review.findings.map(\.id))
            try review.requireFreeChildID(id)
            var finding = Finding(id: id, audience: audience, text: text, themes: themes)
            finding.history.append(invocation.history("added"))
            review.findings.append(finding)
            try transaction.save(review)
            return id
        }
        invocation.out("\(reviewID)/\(id)\n")
    }
}

enum FindingListCommand {
    static let spec = CommandSpec(
        name: "list",
        overview: "List findings.",
        options: [
            .value("--review", "ID", "Only this review's findings.", repeatable: true, values: .store(.reviews)),
            .value(
                "--audience", "CODE", "Only findings for this agency or sector.", repeatable: true,
                values: .store(.audiences)),
            OutputFormat.option,
        ],
        examples: ["rlt finding list --review child-g", "rlt finding list --audience probation"],
        run: run)

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws {
        let audiences = arguments.strings("--audience")
        var rows: [(Review, Finding)] = []
        for review in try reviews(arguments, invocation) {
            for finding in review.findings where audiences.isEmpty || audiences.contains(finding.audience) {
                rows.append((review, finding))
            }
        }
        if try arguments.choice("--format", OutputFormat.self) == .json {
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
