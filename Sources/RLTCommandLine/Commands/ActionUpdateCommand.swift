import ReviewLearning

enum ActionUpdateCommand {
    static let spec = CommandSpec(
        name: "update",
        overview: "Change an agency action, or log progress on it.",
        discussion: """
            Only the options given change. --note adds a dated progress update (dated --on, else --as-of). Setting
            status done records --completed (default: --on, else --as-of), which cannot be after --as-of. --on is
            when it happened or was reported: history keeps it beside when it was typed. dropped needs --reason.
            Reopening (done or dropped back to planned, in-progress or blocked) needs --reason saying why: it is
            kept in the reason field, the completed date is cleared and history says "reopened". Moving the due
            date keeps the first one as original_due. --text -, --note - or --reason - reads standard input.
            """,
        arguments: [
            ArgumentSpec(
                name: "REVIEW/ID", help: "The action (e.g. child-g/A3); name several to change them alike, all or none.",
                isRepeatable: true, values: .store(.actions))
        ],
        options: [
            .choice(.status, ActionStatus.self, "The new status."),
            .date(
                .completed,
                "When it was completed (default with --status done: --on, else --as-of); not after --as-of; "
                    + "\"undated\" when the document gives no date."),
            DetailOptions.with(update: true),
            .date(.due, "The new due date (a month or quarter falls due at its end)."),
            .value(.evidence, "TEXT", "Evidence that it was done."),
            .value(.measure, "TEXT", "How success is judged."),
            .text(.text, "What the agency will do."),
            .text(.note, "A progress update (dated --on, else --as-of)."),
            ReportedOn.spec,
            .text(.reason, "Why it was dropped; also why it is reopened (done or dropped back to planned, in-progress or blocked)."),
        ] + DetailOptions.timing(update: true),
        examples: [
            "rlt action update child-g/A3 --status done --completed 2021-11-30 --evidence \"Training records\"",
            "rlt action update child-g/A4 --note \"Half of the teams trained\"",
        ],
        run: run)

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws {
        let groups = try referencesByReview(arguments.positionals, argument: "REVIEW/ID")
        let done = try invocation.write { transaction in
            var done: [String] = []
            let tracker = try transaction.tracker()
            for group in groups {
                var review = try transaction.existingReview(group.review)
                for ref in group.refs {
                    done.append("updated \(ref): \(try update(ref, in: &review, arguments, invocation, tracker: tracker))")
                }
                try transaction.save(review)
            }
            return done
        }
        for line in done { invocation.err(line + "\n") }
    }

    /// Applies the options to one action of `review`; returns the change, as history records it.
    private static func update(
        _ ref: RecordReference, in review: inout Review, _ arguments: ParsedArguments, _ invocation: Invocation,
        tracker: Tracker
    ) throws -> String {
        let index = try review.requireAction(ref.id)
        var action = review.actions[index]
        let before = action.status
        let on = try ReportedOn.parse(arguments, invocation, reference: "\(ref)")
        var edit = ActionEdit()
        edit.status = try arguments.choice(.status, ActionStatus.self)
        edit.completed = try arguments.date(.completed, allowingUndated: true)
        edit.with = try arguments.list(.with, check: { codes in
            if codes.contains(action.agency) {
                throw UsageError.invalidValue(option: "--with", message: "\"\(action.agency)\" is already the lead agency")
            }
            try CodeChecks(tracker: tracker).agencies(codes, option: "--with")
        })
        edit.timing = try DetailOptions.timingEdit(arguments)
        // Done as reported on a past day: completed then, unless --completed says otherwise.
        if edit.status == .done && edit.completed == nil && action.status != .done { edit.completed = on }
        edit.due = try arguments.date(.due)
        edit.evidence = try arguments.text(.evidence)
        edit.measure = try arguments.text(.measure)
        edit.text = try arguments.text(.text)
        edit.reason = try arguments.text(.reason)
        edit.note = try arguments.text(.note).map { ProgressNote(date: on, text: $0, author: invocation.author) }
        let changes = try edit.apply(to: &action, asOf: invocation.asOf, reference: "\(ref)")
        guard !changes.isEmpty else { throw unchanged("\(ref)", arguments, status: action.status.rawValue) }
        try action.requireValid(from: before, reasonGiven: arguments.has(.reason), reference: "\(ref)", in: review)
        action.history.append(invocation.history(changes.summary, on: on))
        review.actions[index] = action
        return changes.summary
    }
}
