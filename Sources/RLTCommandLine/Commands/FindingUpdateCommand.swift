import ReviewLearning

enum FindingUpdateCommand {
    static let spec = CommandSpec(
        name: "update",
        overview: "Change a finding's text, audience, kind, source paragraph or themes.",
        discussion: "Only the options given change; --with and --theme replace their lists.",
        arguments: [
            ArgumentSpec(name: "REVIEW/ID", help: "The finding (e.g. child-g/F12).", values: .store(.findings))
        ],
        options: [
            .text(.text, "The learning."),
            .value(.audience, "CODE", "Agency code or sector the learning is for.", values: .store(.audiences)),
            .value(.theme, "THEME", "Theme code. Replaces the list.", repeatable: true, values: .store(.themes)),
        ] + FindingDetails.options(update: true),
        examples: [
            "rlt finding update child-g/F12 --text \"Agencies must make best efforts to ...\"",
            "rlt finding update panel-da-briefing-2022/F13 --kind practice-principle --para \"Practice and interventions\"",
        ],
        run: run)

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws {
        let ref = try reference(arguments.positionals[0], argument: "REVIEW/ID")
        let text = try arguments.text(.text)
        let audience = arguments.string(.audience)
        let themes = try arguments.list(.theme)
        let details = try FindingDetails(arguments)
        let summary = try invocation.write { transaction in
            let tracker = try transaction.tracker()
            var review = try transaction.existingReview(ref.review)
            let index = try review.requireFinding(ref.id)
            if let audience { try tracker.requireAudience(audience, field: "--audience") }
            try CodeChecks(tracker: tracker).themes(themes ?? [], option: "--theme")
            try details.check(tracker)
            var finding = review.findings[index]
            var changes = ChangeLog()
            if let text { changes.set(&finding.text, text, "text", text: true) }
            if let audience { changes.set(&finding.audience, audience, "audience") }
            if let themes { changes.setList(&finding.themes, themes, "themes") }
            details.apply(to: &finding, &changes)
            if finding.with.contains(finding.audience) {
                throw UsageError.invalidValue(option: "--with", message: "\"\(finding.audience)\" is already its audience")
            }
            guard !changes.isEmpty else { throw RecordError.unchanged(reference: "\(ref)") }
            finding.history.append(invocation.history(changes.summary))
            review.findings[index] = finding
            try transaction.save(review)
            return changes.summary
        }
        invocation.err("updated \(ref): \(summary)\n")
    }
}
