import ReviewLearning

enum ConfigListCommand {
    static let spec = CommandSpec(
        name: "list",
        overview: "Show the store's settings.",
        examples: ["rlt config list"],
        run: run)

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws {
        let tracker = try invocation.store.loadTracker()
        var table = TextTable(["setting", "value"])
        for key in ConfigKey.allCases { table.add([key.rawValue, key.value(in: tracker)]) }
        invocation.out(table.render(width: invocation.terminalWidth))
    }
}
