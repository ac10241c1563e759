import ReviewLearning

/// The shells `rlt completions` writes a script for.
enum CompletionShell: String, Vocabulary {
    case bash, zsh, fish
    static let noun = "shell"
}

enum CompletionsCommand {
    static let spec = CommandSpec(
        name: "completions",
        overview: "Print a shell completion script.",
        discussion: """
            The script completes commands, options and exactly the values each option of each command takes, and
            asks rlt at completion time for the store's agency codes, themes, review ids and REVIEW/ID references.
            bash (in ~/.bashrc):  source <(rlt completions bash)
            zsh (in ~/.zshrc, after compinit):  source <(rlt completions zsh)
            fish:  rlt completions fish > ~/.config/fish/completions/rlt.fish
            """,
        arguments: [
            ArgumentSpec(
                name: "SHELL", help: "The shell to write the script for.", isOptional: true,
                values: .words(CompletionShell.self))
        ],
        options: [
            .value(
                .values, "KIND", "Print the store's values of this kind, one a line (the scripts use it).",
                values: .words(StoreList.self)),
        ],
        examples: ["source <(rlt completions bash)", "rlt completions fish > ~/.config/fish/completions/rlt.fish"],
        run: run)

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws {
        if let kind = try arguments.choice(.values, StoreList.self) {
            invocation.out(try kind.values(in: invocation.store).map { "\($0)\n" }.joined())
            return
        }
        let scripts = CompletionScripts(root: CommandTable.root, globalOptions: CommandTable.globalOptions)
        guard let text = arguments.positional(0) else { throw UsageError.missingArgument("SHELL (bash, zsh or fish)") }
        let shell: CompletionShell
        do {
            shell = try CompletionShell(parsing: text)
        } catch {
            throw UsageError.invalidArgument(name: "SHELL", message: error.description)
        }
        switch shell {
        case .bash: invocation.out(scripts.bash())
        case .zsh: invocation.out(scripts.zsh())
        case .fish: invocation.out(scripts.fish())
        }
    }
}
