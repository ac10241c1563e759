import ReviewLearning

enum UndoCommand {
    static let spec = CommandSpec(
        name: "undo",
        overview: "Revert the last change to the store (repeatable), or list what undo would revert.",
        discussion: """
            Every command that changes the store is kept in an undo journal (.undo/ in the store, git-ignored, the
            store's file mode): the bytes of each file before and after. undo puts back the newest change's files, all
            or none, if each is still as the change left it; a file changed since (by hand, or by git) is named and
            nothing is written (exit 65). Repeat to go further back, up to undo-depth changes (default 100; 'rlt config
            set undo-depth N'). 'rlt redo' re-applies what undo reverted, until the next change. review remove and rec
            remove can be undone.
            """,
        options: [.flag(.list, "List the changes undo would revert, newest first, and those redo would re-apply.")],
        examples: ["rlt undo", "rlt undo --list"],
        run: run)

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws {
        if arguments.flag(.list) { return try list(invocation) }
        try finish("undid", try invocation.store.undo(), invocation)
    }

    /// After an undo or redo: the store's file modes follow its tracker, and stderr says what was done.
    static func finish(_ verb: String, _ step: UndoStep, _ invocation: Invocation) throws {
        try followPermissions(step, invocation)
        let label = step.label
        invocation.err(
            "\(verb) step \(step.seq): rlt \(TerminalText.sanitized(label.command)) (\(TerminalText.sanitized(label.author)), \(label.at)): \(records(step))\n")
    }

    /// What a step changed, by record file: `review r1, tracker`.
    static func records(_ step: UndoStep) -> String {
        step.files.map { file in
            if file.path.hasPrefix("reviews/") && file.path.hasSuffix(".json") {
                return "review " + file.path.dropFirst("reviews/".count).dropLast(".json".count)
            }
            return file.path == "tracker.json" ? "tracker" : file.path == "events.json" ? "events" : file.path
        }.joined(separator: ", ")
    }

    /// A step that changed tracker.json may have changed the file mode: the store's files follow it, as after
    /// `config set file-mode`.
    private static func followPermissions(_ step: UndoStep, _ invocation: Invocation) throws {
        guard step.files.contains(where: { $0.path == "tracker.json" }) else { return }
        try invocation.store.applyPermissions(fileMode: try invocation.store.loadTracker().settings.permissions)
    }

    private static func list(_ invocation: Invocation) throws {
        let journal = UndoJournal(root: invocation.storePath)
        let done = try journal.doneSteps()
        let undone = try journal.undoneSteps()
        guard !done.isEmpty || !undone.isEmpty else {
            return invocation.out(fitted("Nothing to undo or redo.", width: invocation.terminalWidth))
        }
        var table = TextTable(["step", "would", "at", "by", "records", "command"], freeText: [false, false, false, true, true, true])
        for step in done { table.add([String(step.seq), "undo", step.label.at, step.label.author, records(step), "rlt " + step.label.command]) }
        for step in undone { table.add([String(step.seq), "redo", step.label.at, step.label.author, records(step), "rlt " + step.label.command]) }
        invocation.out(table.render(width: invocation.terminalWidth))
    }
}

enum RedoCommand {
    static let spec = CommandSpec(
        name: "redo",
        overview: "Re-apply the change 'rlt undo' reverted last.",
        discussion: """
            Redo works until the next change to the store, which ends it. Like undo, it refuses (exit 65, nothing
            written) when a file it would change is no longer as undo left it.
            """,
        examples: ["rlt redo"],
        run: run)

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws {
        try UndoCommand.finish("redid", try invocation.store.redo(), invocation)
    }
}
