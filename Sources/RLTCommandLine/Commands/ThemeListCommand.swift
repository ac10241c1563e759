import ReviewLearning

enum ThemeListCommand {
    static let spec = CommandSpec(
        name: "list",
        overview: "List the theme vocabulary.",
        options: [OutputFormat.option],
        examples: ["rlt theme list"],
        run: run)

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws {
        let themes = try invocation.store.loadTracker().themes
        switch try arguments.choice(.format, OutputFormat.self) ?? .table {
        case .json:
            invocation.out(try JSONOutput.render(themes))
        case .table:
            var table = TextTable(["code", "label"])
            for theme in themes { table.add([theme.code, theme.label]) }
            invocation.out(table.render(width: invocation.terminalWidth))
        }
    }
}
