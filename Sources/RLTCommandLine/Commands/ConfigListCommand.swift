import ReviewLearning

enum ConfigListCommand {
    static let spec = CommandSpec(
        name: "list",
        overview: "Show the store's settings, with the review timescales in force.",
        examples: ["rlt config list"],
        run: run)

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws {
        let tracker = try invocation.store.loadTracker()
        var table = TextTable(["setting", "value"])
        for key in SettingKey.listed(tracker) { table.add([key.name, key.value(in: tracker)]) }
        invocation.out(table.render(width: invocation.terminalWidth))
    }
}
