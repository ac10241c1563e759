import ReviewLearning

enum CheckCommand {
    static let spec = CommandSpec(
        name: "check",
        overview: "Validate the store: silent with exit 0 when clean.",
        discussion: """
            Reads every file and reports every problem, one line each, as path:line: message (the format editors
            and CI parse): files that do not parse (with the line), duplicate ids, unknown agency and theme codes,
            links and references to missing records, missing reasons, stray temporary files, git conflict
            markers and files from a newer rlt. Exits 1 when it finds anything. Run it after a git merge.

            --strict adds consistency checks for things that are valid but probably wrong: a review file not
            formatted as rlt writes it, review dates out of order, assured without an assurance level, an
            assurance level with no outcome as evidence, a completed date, outcome or progress note dated after
            --as-of (the rule the commands enforce), done without a completed date (or completed without done),
            original_due without due, history out of order.

            It also compares the derived index (.index/) with the review files: an entry that disagrees with its
            file is a problem (delete .index/; it is rebuilt); a damaged index file is only a note, as the next
            query rebuilds it anyway. Check never writes anything.
            """,
        options: [.flag(.strict, "Also run the consistency checks.")],
        examples: ["rlt check", "rlt check --strict --store ~/reviews"],
        run: run)

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws {
        var problems = StoreChecker.check(invocation.store, strict: arguments.flag(.strict), asOf: invocation.asOf)
        if QueryContext.indexEnabled(invocation) {
            let index = StoreChecker.checkIndex(invocation.store, now: invocation.context.fileClock())
            problems += index.problems
            for note in index.notes { invocation.err("note: \(note)\n") }
        }
        guard !problems.isEmpty else { return }
        invocation.out(problems.map { "\($0)\n" }.joined())
        throw CommandFailure(message: "", code: ExitCode.failure)
    }
}
