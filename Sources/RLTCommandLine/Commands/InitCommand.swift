import ReviewLearning

enum InitCommand {
    static let spec = CommandSpec(
        name: "init",
        overview: "Create an empty store.",
        discussion: "The new store holds tracker.json (the partnership, agency directory, theme vocabulary and settings),\nan empty reviews/ folder and events.json. It starts with the common DHR themes.",
        arguments: [
            ArgumentSpec(
                name: "DIR", help: "Where to create it (default: --store, $RLT_STORE, else ./data).", isOptional: true,
                values: .directory)
        ],
        options: [.value(.name, "NAME", "The partnership's name (default: the directory's name).")],
        examples: ["rlt init ~/reviews --name \"Safer Lincolnshire Partnership\""],
        run: run)

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws {
        let directory = arguments.positional(0) ?? invocation.storePath
        let name = try arguments.text(.name) ?? directory.split(separator: "/").last.map(String.init) ?? directory
        try OutputPath.requireNotInsideStore(directory, option: arguments.positional(0) == nil ? "--store" : "DIR")
        _ = try Store.create(at: directory, name: name, now: invocation.timestamp, author: invocation.author)
        invocation.err("Created an empty rlt store in \(directory).\n")
    }
}
