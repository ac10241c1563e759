import ReviewLearning

enum ActionShowCommand {
    static let spec = CommandSpec(
        name: "show",
        overview: "Show an agency action with its updates and history.",
        arguments: [ArgumentSpec(name: "REVIEW/ID", help: "The action (e.g. child-g/A3).")],
        options: [OutputFormat.option],
        examples: ["rlt action show child-g/A1"],
        run: run)

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws {
        let ref = try reference(arguments.positionals[0], argument: "REVIEW/ID")
        let review = try invocation.store.existingReview(ref.review)
        let action = review.actions[try review.requireAction(ref.id)]
        if try arguments.choice("--format", OutputFormat.self) == .json {
            invocation.out(try JSONOutput.render(WithReview(review: review.id, record: action)))
            return
        }
        var details = Details()
        details.add("Action", "\(ref)")
        details.add("Agency", action.agency)
        details.add("Text", action.text)
        details.add("Responds to", list(action.respondsTo))
        var due = action.due?.description
        if let original = action.originalDue, let slipped = action.slippedDays {
            due = (due ?? "-") + " (originally \(original), slipped \(slipped) days)"
        }
        details.add("Due", due)
        details.add("Status", action.status.rawValue)
        details.add("Completed", action.completed?.description)
        details.add("Measure", action.measure)
        details.add("Evidence", action.evidence)
        details.add("Reason", action.reason)
        var out = details.render()
        if !action.updates.isEmpty {
            var table = TextTable(["date", "author", "text"])
            for note in action.updates { table.add([note.date.description, note.author, note.text]) }
            out += "\nUpdates:\n" + indent(table.render())
        }
        out += "\nHistory:\n" + indent(historyTable(action.history))
        invocation.out(out)
    }
}

enum ActionListCommand {
    static let spec = CommandSpec(
        name: "list",
        overview: "List agency actions.",
        options: [
            .value("--review", "ID", "Only this review's actions.", repeatable: true),
            .choice("--status", ActionStatus.self, "Only actions with this status.", repeatable: true),
            .value("--agency", "CODE", "Only this agency's actions.", repeatable: true),
            OutputFormat.option,
        ],
        examples: ["rlt action list --review child-g", "rlt action list --agency doncaster-police --format json"],
        run: run)

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws {
        let statuses = try arguments.choices("--status", ActionStatus.self)
        let agencies = arguments.strings("--agency")
        var rows: [(Review, AgencyAction)] = []
        for review in try reviews(arguments, invocation) {
            for action in review.actions
            where (statuses.isEmpty || statuses.contains(action.status))
                && (agencies.isEmpty || agencies.contains(action.agency))
            {
                rows.append((review, action))
            }
        }
        if try arguments.choice("--format", OutputFormat.self) == .json {
            invocation.out(try JSONOutput.render(rows.map { WithReview(review: $0.0.id, record: $0.1) }))
            return
        }
        var table = TextTable(["review", "id", "agency", "status", "due", "for", "text"])
        for (review, action) in rows {
            table.add([
                review.id, action.id, action.agency, action.status.rawValue, action.due?.description ?? "-",
                list(action.respondsTo), action.text,
            ])
        }
        invocation.out(table.render())
    }
}
