import ReviewLearning

enum RecUpdateCommand {
    static let spec = CommandSpec(
        name: "update",
        overview: "Change a recommendation's status, due date, assurance, owners or text.",
        discussion: """
            Only the options given change; --owner, --theme and --link replace their lists. Moving the due date
            keeps the first one as original_due, so slippage stays visible. --note adds a dated outcome entry
            (dated --as-of). not-accepted and already-in-place need --reason; superseded needs a --link to the
            replacement. Reopening (assured, already-in-place, not-accepted or superseded back to open, in-progress
            or implemented) needs --reason saying why: it is kept in the reason field and history says "reopened".
            --text -, --note - or --reason - reads that text from standard input.
            """,
        arguments: [
            ArgumentSpec(
                name: "REVIEW/ID",
                help: "The recommendation (e.g. darren-bethany/3i); name several to change them alike, all or none.",
                isRepeatable: true, values: .store(.recommendations))
        ],
        options: [
            .choice(.status, RecommendationStatus.self, "The new status."),
            .date(.due, "The new due date (a month or quarter falls due at its end)."),
            .choice(.assurance, AssuranceLevel.self, "The assurance level judged now."),
            .value(
                .owner, "CODE", "Owning agency code; the first is the lead. Replaces the list.", repeatable: true,
                values: .store(.agencies)),
            .text(.text, "The recommendation's text."),
            .choice(.level, RecommendationLevel.self, "Whom it is addressed to."),
            .value(.theme, "THEME", "Theme code. Replaces the list.", repeatable: true, values: .store(.themes)),
            DetailOptions.link(update: true),
            .text(.note, "A progress note, stored as a dated outcome (dated --on, else --as-of)."),
            ReportedOn.spec,
            .text(
                .reason,
                "Why it is not accepted, or where existing practice meets it; also why it is reopened (a terminal status "
                    + "back to open, in-progress or implemented)."),
        ] + DetailOptions.timing(update: true) + DetailOptions.roles(update: true),
        examples: [
            "rlt rec update darren-bethany/3i --status implemented --note \"Policy relaunched\"",
            "rlt rec update louise/10 --due 2022-03 --assurance limited",
        ],
        run: run)

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws {
        let groups = try referencesByReview(arguments.positionals, argument: "REVIEW/ID")
        let done = try invocation.write { transaction in
            let tracker = try transaction.tracker()
            var done: [String] = []
            for group in groups {
                var review = try transaction.existingReview(group.review)
                for ref in group.refs {
                    let index = try review.requireRecommendation(ref.id)
                    var rec = review.recommendations[index]
                    let before = rec.status
                    let on = try ReportedOn.parse(arguments, invocation, reference: "\(ref)")
                    let changes = try apply(arguments, to: &rec, in: review, tracker: tracker, on: on, invocation: invocation) {
                        try transaction.existingReview($0)
                    }
                    guard !changes.isEmpty else { throw unchanged("\(ref)", arguments, status: rec.status.rawValue) }
                    try rec.requireValid(
                        from: before, reasonGiven: arguments.has(.reason), reference: "\(ref)", in: review)
                    rec.history.append(invocation.history(changes.summary, on: on))
                    review.recommendations[index] = rec
                    done.append("updated \(ref): \(changes.summary)")
                }
                try transaction.save(review)
            }
            return done
        }
        for line in done { invocation.err(line + "\n") }
    }

    private static func apply(
        _ arguments: ParsedArguments, to rec: inout Recommendation, in review: Review, tracker: Tracker, on: PartialDate,
        invocation: Invocation, other: (String) throws -> Review
    ) throws -> ChangeLog {
        let checks = CodeChecks(tracker: tracker)
        var edit = RecommendationEdit()
        edit.status = try arguments.choice(.status, RecommendationStatus.self)
        edit.due = try arguments.date(.due)
        edit.assurance = try arguments.choice(.assurance, AssuranceLevel.self)
        edit.owners = try arguments.list(.owner, check: { try checks.agencies($0, option: "--owner") })
        edit.text = try arguments.text(.text)
        edit.level = try arguments.choice(.level, RecommendationLevel.self)
        edit.themes = try arguments.list(.theme, check: { try checks.themes($0, option: "--theme") })
        let id = rec.id
        edit.links = try arguments.list(.link, check: { try DetailOptions.checkLinks($0, of: id, in: review, other: other) })
        edit.timing = try DetailOptions.timingEdit(arguments)
        edit.assuranceBy = try arguments.list(.assuranceBy, check: {
            try DetailOptions.assurers($0, tracker: tracker, option: "--assurance-by")
        })
        edit.engage = try arguments.list(.engage, check: { try checks.agencies($0, option: "--engage") })
        edit.issuedBy = try arguments.clearableText(.issuedBy)
        if let issuer = edit.issuedBy ?? nil { try checks.agencies([issuer], option: "--issued-by") }
        edit.reason = try arguments.text(.reason)
        edit.note = try arguments.text(.note).map { note in
            Outcome(date: on, text: note, author: invocation.author, assurance: edit.assurance)
        }
        return try edit.apply(to: &rec, reference: "\(review.id)/\(rec.id)")
    }
}
