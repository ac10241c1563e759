import ReviewLearning

enum ThemeAddCommand {
    static let spec = CommandSpec(
        name: "add",
        overview: "Add a theme to the vocabulary.",
        arguments: [ArgumentSpec(name: "CODE", help: "A short code: lower-case letters, digits and '-' (e.g. substance-misuse).")],
        options: [.value(.label, "LABEL", "How the theme reads in reports.", required: true)],
        examples: ["rlt theme add substance-misuse --label \"Substance misuse\""],
        run: run)

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws {
        let code = try slug(arguments.positionals[0], argument: "CODE", kind: "theme")
        let label = try arguments.text(.label) ?? code
        try invocation.write { transaction in
            var tracker = try transaction.tracker()
            if tracker.themes.contains(where: { $0.code == code }) {
                throw RecordError.duplicate(kind: "theme", reference: code)
            }
            tracker.themes.append(Theme(code: code, label: label))
            tracker.history.append(invocation.history("added theme \(code)"))
            try transaction.save(tracker)
        }
        invocation.out("\(code)\n")
    }
}
