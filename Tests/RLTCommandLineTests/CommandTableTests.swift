import Foundation
import ReviewLearning
import Testing

@testable import RLTCommandLine

/// Every runnable command with its path (`["rec", "update"]`).
private func runnableCommands() -> [(path: [String], spec: CommandSpec)] {
    var out: [(path: [String], spec: CommandSpec)] = []
    func visit(_ spec: CommandSpec, _ path: [String]) {
        if spec.run != nil { out.append((path, spec)) }
        for sub in spec.subcommands { visit(sub, path + [sub.name]) }
    }
    visit(CommandTable.root, [])
    return out
}

/// The command table is the one place that says which values an option or argument takes: help, the man page,
/// the parser and the completion scripts all read it, so these tests check the table against the commands.
@Suite("The command table: one source for values")
struct CommandTableTests {
    @Test("every option name the code knows is one a command declares (--version and --help are the parser's own)")
    func optionNamesDeclared() {
        let declared = Set(runnableCommands().flatMap { $0.spec.options + CommandTable.globalOptions }.map(\.name))
        for option in OptionName.allCases where option != .version && option != .help {
            #expect(declared.contains(option.rawValue), "\(option.rawValue) is read but no command declares it")
        }
    }

    @Test("every option and argument naming a code, theme, review, record or path says where its values come from")
    func valuesDeclared() {
        for (path, spec) in runnableCommands() {
            let title = (["rlt"] + path).joined(separator: " ")
            for option in spec.options + CommandTable.globalOptions where option.takesValue {
                switch option.valueName {
                case "CODE": #expect(option.values == .store(.agencies) || option.values == .store(.audiences), "\(title) \(option.name)")
                case "THEME": #expect(option.values == .store(.themes), "\(title) \(option.name)")
                case "DIR": #expect(option.values == .directory, "\(title) \(option.name)")
                case "FILE", "PATH": #expect(option.values == .file, "\(title) \(option.name)")
                default: break
                }
                if ["--review", "--converted-from"].contains(option.name) {
                    #expect(option.values == .store(.reviews), "\(title) \(option.name)")
                }
            }
            // The argument of an `add` names something new; everywhere else a review or REVIEW/ID must exist.
            for argument in spec.arguments where argument.name.hasPrefix("REVIEW") || argument.name == "REF" {
                if path.last == "add" && argument.name != "REVIEW" && argument.name != "REVIEW/REC" { continue }
                guard case .store = argument.values else {
                    Issue.record("\(title) \(argument.name) does not complete from the store")
                    continue
                }
            }
            if ["show", "update", "remove"].contains(path.last), let first = spec.arguments.first {
                #expect(first.values != .any, "\(title) \(first.name)")
            }
        }
    }

    @Test("closed sets of values are plain lower-case words, so every shell and the man page show them as they are")
    func plainWords() {
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-")
        for (path, spec) in runnableCommands() {
            for values in spec.options.map(\.values) + spec.arguments.map(\.values) + CommandTable.globalOptions.map(\.values) {
                for value in values.allowed {
                    #expect(!value.isEmpty && value.allSatisfy(allowed.contains), "\(path): \"\(value)\"")
                }
            }
        }
    }

    /// A value that passes for `source` in the seeded store, or for an option named `valueName`.
    private func placeholder(_ source: ValueSource, valueName: String?, _ cli: CLIHarness) -> String {
        switch source {
        case .oneOf(let words): return words[0]
        case .store(.recommendations): return "darren-bethany/3i"
        case .store(.actions): return "darren-bethany/A1"
        case .store(.findings): return "darren-bethany/F1"
        case .store(.events): return "E1"
        case .store(.reviews), .store(.records): return "darren-bethany"
        case .store(.agencies), .store(.audiences): return "lincs-police"
        case .store(.themes): return "information-sharing"
        case .store(.settings): return "timescale.sar.completed"
        case .file: return cli.directory + "/none.csv"
        case .directory: return cli.directory + "/new-store"
        case .any:
            switch valueName {
            case "DATE": return "2024-01"
            case "N", "DAYS": return "1"
            default: return "x"
            }
        }
    }

    @Test("every command accepts each value its table declares, and refuses a value it does not")
    func parserAgrees() {
        let cli = CLIHarness()
        cli.seed()
        var checked = 0
        for (path, spec) in runnableCommands() {
            let title = (["rlt"] + path).joined(separator: " ")
            let required = spec.options.filter(\.isRequired)
            func words(arguments: [String], option: OptionSpec?, value: String?) -> [String] {
                var out = path + arguments
                for other in required where other.name != option?.name {
                    out += [other.name, placeholder(other.values, valueName: other.valueName, cli)]
                }
                if let option, let value { out += [option.name, value] }
                return out
            }
            // A new id for each run, so an `add` never fails as a duplicate before it reads the option.
            var serial = 0
            var arguments: [String] {
                serial += 1
                return spec.arguments.map { argument in
                    switch (argument.values, argument.name) {
                    case (.any, "REVIEW/ID"): return "darren-bethany/t\(serial)"
                    case (.any, "ID"), (.any, "CODE"): return "t\(serial)"
                    default: return placeholder(argument.values, valueName: nil, cli)
                    }
                }
            }
            /// Whether the command's error, if any, is about the value given for `name`.
            func refused(_ words: [String], _ name: String) -> Bool {
                let result = cli.run(words)
                return result.code == ExitCode.usage && result.err.contains("\(name): ")
            }
            /// Whether the whole command line is valid (the command may still fail on the store's data).
            func accepted(_ words: [String]) -> Bool {
                let result = cli.run(words)
                return result.code != ExitCode.usage
            }
            let globals = path == ["rec", "list"] ? CommandTable.globalOptions : []
            for option in spec.options + globals where !option.allowed.isEmpty {
                for value in option.allowed {
                    // summary takes the statuses of what --of counts; chase's email format writes to --out DIR;
                    // events other than board meetings need a title.
                    let variants =
                        spec.options.contains { $0.name == "--of" } ? [[], ["--of", "actions"]]
                        : path == ["chase"] ? [[], ["--out", "\(cli.directory)/letters"]]
                        : path == ["event", "add"] ? [[], ["--title", "t"]] : [[String]()]
                    let accepted = variants.contains { extra in
                        accepted(words(arguments: arguments, option: option, value: value) + extra)
                    }
                    #expect(accepted, "\(title) \(option.name) \(value) is in the table but refused")
                    checked += 1
                }
                #expect(refused(words(arguments: arguments, option: option, value: "not-a-value"), option.name),
                        "\(title) \(option.name) accepts a value the table does not list")
            }
            for (index, argument) in spec.arguments.enumerated() where !argument.values.allowed.isEmpty {
                for value in argument.values.allowed {
                    var given = arguments
                    given[index] = value
                    // Only this argument's own check: VALUE of config set depends on KEY.
                    #expect(!refused(words(arguments: given, option: nil, value: nil), argument.name), "\(title) \(argument.name) \(value)")
                    checked += 1
                }
                var given = arguments
                given[index] = "not-a-value"
                #expect(refused(words(arguments: given, option: nil, value: nil), argument.name),
                        "\(title) \(argument.name) accepts a value the table does not list")
            }
        }
        #expect(checked > 300)
    }

    @Test("the completion scripts describe each option's values per command, so one --status is not another's")
    func scriptsPerCommand() {
        let scripts = CompletionScripts(root: CommandTable.root, globalOptions: CommandTable.globalOptions)
        let bash = scripts.bash()
        let statuses = { (values: [String]) in "printf '%s\\n' words " + values.joined(separator: " ") + " ;;" }
        #expect(bash.contains("'rec update|--status') " + statuses(RecommendationStatus.allowedValues)))
        #expect(bash.contains("'action update|--status') " + statuses(ActionStatus.allowedValues)))
        #expect(bash.contains("'review update|--status') " + statuses(ReviewStatus.allowedValues)))
        #expect(bash.contains("'rec show|0') printf '%s\\n' store recommendations ;;"))
        #expect(scripts.zsh().hasPrefix("#compdef rlt\n"))
        #expect(scripts.fish().contains("case 'rec update|--status'\n"))
    }
}
