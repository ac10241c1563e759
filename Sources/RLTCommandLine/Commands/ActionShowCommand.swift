import ReviewLearning

enum ActionShowCommand {
    static let spec = CommandSpec(
        name: "show",
        overview: "Show an agency action with its updates and history.",
        arguments: [ArgumentSpec(name: "REVIEW/ID", help: "The action (e.g. child-g/A3).", values: .store(.actions))],
        options: [OutputFormat.option],
        examples: ["rlt action show child-g/A1"],
        run: run)

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws {
        let ref = try reference(arguments.positionals[0], argument: "REVIEW/ID")
        let review = try invocation.store.existingReview(ref.review)
        let action = review.actions[try review.requireAction(ref.id)]
        if try arguments.choice(.format, OutputFormat.self) == .json {
            invocation.out(try JSONOutput.render(WithReview(review: review.id, record: action)))
            return
        }
        var details = Details()
        details.add("Action", "\(ref)")
        details.add("Agency", action.with.isEmpty ? action.agency : list(["\(action.agency) (lead)"] + action.with))
        details.add("Text", action.text)
        details.add("Responds to", list(action.respondsTo))
        details.add("Due", dueText(action.due, original: action.originalDue, slipped: action.slippedDays))
        details.add("Timing", action.timing.summary)
        details.add("Date note", action.timing.note)
        details.add("Status", action.status.rawValue)
        details.add("Completed", action.completed?.description)
        details.add("Measure", action.measure)
        details.add("Evidence", action.evidence)
        details.add("Reason", action.reason)
        let events = try invocation.store.loadEvents().events.filter { $0.serves.contains("\(ref)") }
        details.add("Served by", list(events.map { "\($0.id) (\($0.date), \($0.status.rawValue))" }))
        var out = details.render(width: invocation.terminalWidth)
        if !action.updates.isEmpty {
            var table = TextTable(["date", "author", "text"])
            for note in action.updates { table.add([note.date.description, note.author, note.text]) }
            out += section("Updates", table, width: invocation.terminalWidth)
        }
        out += section("History", historyTable(action.history), width: invocation.terminalWidth)
        invocation.out(out)
    }
}
