import ReviewLearning

/// What the command line asked for.
enum ParseResult: Sendable {
    case run(CommandSpec, ParsedArguments)
    /// `--help`, `-h`, `rlt help …`, or a group named without a subcommand.
    case help(CommandSpec, path: [String])
    /// `rlt help dates` and the other topics.
    case topic(HelpTopic)
    case version
}

/// Turns `argv` into a command and its arguments, git/swift-argument-parser style.
///
/// Accepts `--opt value`, `--opt=value`, repeatable options, flags, `-h`, and `--` to end options. Options may come
/// before or after the command words; global options are known to every command.
struct ArgumentParser {
    let root: CommandSpec
    let globalOptions: [OptionSpec]

    func parse(_ arguments: [String]) throws(UsageFailure) -> ParseResult {
        var command = root
        var path: [String] = []
        var parsed = ParsedArguments(path: [])
        var wantsHelp = false
        var onlyPositionals = false
        var index = 0

        func fail(_ error: UsageError) -> UsageFailure {
            UsageFailure(error: error, usage: usageLine(command, path: path), path: path)
        }

        while index < arguments.count {
            let word = arguments[index]
            index += 1
            if onlyPositionals {
                parsed.positionals.append(word)
                continue
            }
            if word == "--" {
                onlyPositionals = true
                continue
            }
            if word == "-h" || word == "--help" {
                wantsHelp = true
                continue
            }
            if word == "--version" && path.isEmpty {
                return .version
            }
            if word.hasPrefix("--") {
                let body = word.dropFirst(2)
                let name = "--" + (body.split(separator: "=", maxSplits: 1).first.map(String.init) ?? "")
                let inline: String? = body.contains("=") ? String(body.drop { $0 != "=" }.dropFirst()) : nil
                guard let option = (command.options + globalOptions).first(where: { $0.name == name }) else {
                    let known = (command.options + globalOptions).map(\.name) + ["--help"]
                    throw fail(.unknownOption(name, suggestions: nearestMatches(to: name, in: known, limit: 2)))
                }
                if option.takesValue {
                    let value: String
                    if let inline {
                        value = inline
                    } else {
                        guard index < arguments.count else { throw fail(.missingValue(option: name)) }
                        value = arguments[index]
                        index += 1
                    }
                    if !option.isRepeatable && parsed.values[name] != nil { throw fail(.repeated(option: name)) }
                    parsed.values[name, default: []].append(value)
                } else {
                    if inline != nil { throw fail(.unexpectedValue(option: name)) }
                    parsed.flags.insert(name)
                }
                continue
            }
            if word.hasPrefix("-") && word.count > 1 {
                let known = (command.options + globalOptions).map(\.name) + ["--help"]
                throw fail(.unknownOption(word, suggestions: nearestMatches(to: "-" + word, in: known, limit: 2)))
            }
            if word == "help" && path.isEmpty {
                return try help(Array(arguments[index...]))
            }
            if !command.subcommands.isEmpty && parsed.positionals.isEmpty {
                guard let next = command.subcommand(named: word) else {
                    if wantsHelp { return .help(command, path: path) }
                    throw fail(.unknownCommand(word, path: path, suggestions: suggestions(word, command)))
                }
                command = next
                path.append(next.name)
                continue
            }
            parsed.positionals.append(word)
        }

        // A group named alone shows its help, as gh does, rather than failing.
        if wantsHelp || command.run == nil { return .help(command, path: path) }
        parsed.path = path
        parsed.usage = usageLine(command, path: path)
        let required = command.arguments.filter { !$0.isOptional }
        if parsed.positionals.count < required.count {
            throw fail(.missingArgument(required[parsed.positionals.count].name))
        }
        if parsed.positionals.count > command.arguments.count, command.arguments.last?.isRepeatable != true {
            throw fail(.unexpectedArgument(parsed.positionals[command.arguments.count]))
        }
        for option in command.options where option.isRequired && parsed.values[option.name] == nil {
            throw fail(.missingOption(option.name))
        }
        return .run(command, parsed)
    }

    /// `rlt help rec add`: the same as `rlt rec add --help`; options among the words are ignored.
    private func help(_ words: [String]) throws(UsageFailure) -> ParseResult {
        var path: [String] = []
        var target = root
        let words = words.filter { !$0.hasPrefix("-") }
        if words.count == 1, let topic = HelpTopic(rawValue: words[0]) { return .topic(topic) }
        for word in words {
            guard let next = target.subcommand(named: word) else {
                // Someone asking for help gets the list of what there is, not just "no such thing".
                let topics = path.isEmpty ? HelpTopic.allCases.map(\.rawValue) : []
                let near = nearestMatches(to: word, in: topics, limit: 1) + suggestions(word, target)
                throw UsageFailure(
                    error: .unknownHelpTopic(
                        word, path: path, suggestions: Array(near.prefix(2)), topics: topics,
                        commands: target.subcommands.map(\.name)),
                    usage: path.isEmpty ? "rlt help <command or topic>" : usageLine(target, path: path), path: path)
            }
            target = next
            path.append(next.name)
        }
        return .help(target, path: path)
    }

    private func suggestions(_ word: String, _ command: CommandSpec) -> [String] {
        nearestMatches(to: word, in: command.subcommands.flatMap { [$0.name] + $0.aliases }, limit: 2)
    }

    /// `rlt rec add REVIEW/ID --text TEXT [--owner CODE]... [options]`.
    func usageLine(_ command: CommandSpec, path: [String]) -> String {
        var parts = ["rlt"] + path
        if !command.subcommands.isEmpty && command.run == nil {
            parts.append("<subcommand>")
            return parts.joined(separator: " ")
        }
        for argument in command.arguments {
            let name = argument.name + (argument.isRepeatable ? " ..." : "")
            parts.append(argument.isOptional ? "[\(name)]" : name)
        }
        for option in command.options {
            let text = option.synopsis + (option.isRepeatable ? " ..." : "")
            parts.append(option.isRequired ? text : "[\(text)]")
        }
        return parts.joined(separator: " ")
    }
}

/// A usage error with the usage line of the command it happened in.
struct UsageFailure: Error, Sendable {
    var error: UsageError
    var usage: String
    var path: [String]
}
