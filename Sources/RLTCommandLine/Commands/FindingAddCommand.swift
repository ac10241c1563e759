import ReviewLearning

enum FindingAddCommand {
    static let spec = CommandSpec(
        name: "add",
        overview: "Add a finding (learning) to a review; prints its reference.",
        discussion: "Ids F1, F2… are assigned unless --id is given.",
        arguments: [ArgumentSpec(name: "REVIEW", help: "The review's id.", values: .store(.reviews))],
        options: [
            .value(
                .audience, "CODE", "Agency code or sector the learning is for (e.g. probation).", required: true,
                values: .store(.audiences)),
            .text(.text, "The learning.", required: true),
            .value(.theme, "THEME", "Theme code.", repeatable: true, values: .store(.themes)),
            .value(.id, "ID", "Use this id instead of the next F-number."),
        ] + FindingDetails.options(update: false),
        examples: [
            "rlt finding add child-g --audience probation --text \"Home visits were not made\" --theme risk-assessment",
            "rlt finding add panel-da-briefing-2022 --audience partnership --kind practice-principle --para 2.1 --text \"...\"",
        ],
        run: run)

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws {
        let reviewID = try slug(arguments.positionals[0], argument: "REVIEW", kind: "review")
        let given = try arguments.string(.id).map { try recordID($0, option: "--id", kind: "finding") }
        let audience = arguments.string(.audience) ?? ""
        let text = try arguments.text(.text) ?? ""
        let themes = arguments.strings(.theme)
        try requireDistinct(themes, option: "--theme")
        let details = try FindingDetails(arguments)
        if details.with?.contains(audience) == true {
            throw UsageError.invalidValue(option: "--with", message: "\"\(audience)\" is already --audience")
        }
        let id = try invocation.write { transaction in
            let tracker = try transaction.tracker()
            var review = try transaction.existingReview(reviewID)
            try ChangeRules.requireOpen(review)
            try tracker.requireAudience(audience, field: "--audience")
            try CodeChecks(tracker: tracker).themes(themes, option: "--theme")
            let id = given ?? Identifiers.next(prefix: "F", after: review.findings.map(\.id))
            try review.requireFreeChildID(id)
            try details.check(tracker)
            var finding = Finding(id: id, audience: audience, text: text, themes: themes)
            var changes = ChangeLog()  // a new finding's history says "added", not each field
            details.apply(to: &finding, &changes)
            finding.history.append(invocation.history("added"))
            review.findings.append(finding)
            try transaction.save(review)
            return id
        }
        invocation.out("\(reviewID)/\(id)\n")
    }
}
