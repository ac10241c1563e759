import ReviewLearning

enum ManpageCommand {
    static let spec = CommandSpec(
        name: "manpage",
        overview: "Print the rlt(1) man page (roff).",
        examples: ["rlt manpage > rlt.1 && man -l rlt.1"],
        run: run)

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws {
        invocation.out(ManPage(root: CommandTable.root, globalOptions: CommandTable.globalOptions, version: RLTTool.version).render())
    }
}
