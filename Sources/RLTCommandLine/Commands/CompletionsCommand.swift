import ReviewLearning

enum CompletionsCommand {
    static let spec = CommandSpec(
        name: "completions",
        overview: "Print a shell completion script.",
        discussion: """
            The script completes commands, options and their allowed values, and asks rlt for agency codes, theme
            codes and review ids of the store at completion time. Add to ~/.bashrc:  source <(rlt completions bash)
            zsh: source <(rlt completions zsh)   fish: rlt completions fish | source
            """,
        arguments: [ArgumentSpec(name: "SHELL", help: "bash, zsh or fish.", isOptional: true)],
        options: [
            .value("--values", "KIND", "Print the store's agencies, themes or reviews, one a line (used by the scripts).",
                   allowed: ["agencies", "themes", "reviews"]),
        ],
        examples: ["source <(rlt completions bash)", "rlt completions fish > ~/.config/fish/completions/rlt.fish"],
        run: run)

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws {
        if let kind = arguments.string("--values") {
            let store = invocation.store
            switch kind {
            case "agencies": invocation.out(try store.loadTracker().agencies.map { "\($0.code)\n" }.joined())
            case "themes": invocation.out(try store.loadTracker().themes.map { "\($0.code)\n" }.joined())
            case "reviews": invocation.out(try store.reviewIDs().map { "\($0)\n" }.joined())
            default:
                throw UsageError.invalidValue(option: "--values", message: "\"\(kind)\" is not one of: agencies, themes, reviews")
            }
            return
        }
        let scripts = CompletionScripts(root: CommandTable.root, globalOptions: CommandTable.globalOptions)
        switch arguments.positional(0) {
        case "bash"?: invocation.out(scripts.bash())
        case "zsh"?: invocation.out(scripts.zsh())
        case "fish"?: invocation.out(scripts.fish())
        case nil: throw UsageError.missingArgument("SHELL (bash, zsh or fish)")
        case let other?: throw UsageError.invalidArgument(name: "SHELL", message: "\"\(other)\" is not one of: bash, zsh, fish")
        }
    }
}

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
