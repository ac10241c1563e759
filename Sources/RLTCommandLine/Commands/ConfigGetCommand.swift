import ReviewLearning

enum ConfigGetCommand {
    static let spec = CommandSpec(
        name: "get",
        overview: "Print one setting.",
        arguments: [ArgumentSpec(
                name: "KEY", help: "The setting: \(ConfigKey.allowedValues.joined(separator: ", ")), or timescale.TYPE.STAGE.",
                values: .store(.settings))],
        examples: ["rlt config get amber-days", "rlt config get timescale.cspr.decided"],
        run: run)

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws {
        let key = try parseKey(arguments.positionals[0])
        invocation.out(TerminalText.sanitized(key.value(in: try invocation.store.loadTracker())) + "\n")
    }
}
