/// The command line itself is wrong (exit 64); the message is followed by the command's usage line.
enum UsageError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownCommand(String, path: [String], suggestions: [String])
    case unknownOption(String, suggestions: [String])
    case missingValue(option: String)
    case unexpectedValue(option: String)
    case repeated(option: String)
    case missingOption(String)
    case missingArgument(String)
    case unexpectedArgument(String)
    case invalidValue(option: String, message: String)
    case invalidArgument(name: String, message: String)
    case confirmationRequired(what: String)
    /// More than one option asked to read standard input (`--text - --note -`).
    case standardInputTwice([String])
    /// `rlt help WORD` where WORD is neither a help topic nor a command.
    /// With a `path` (`rlt help rec nope`) there are no topics, only that group's commands.
    case unknownHelpTopic(String, path: [String], suggestions: [String], topics: [String], commands: [String])

    var description: String {
        switch self {
        case .unknownCommand(let word, let path, let suggestions):
            let place = path.isEmpty ? "rlt" : "rlt \(path.joined(separator: " "))"
            return "'\(safe(word))' is not a command of \(place)\(hint(suggestions))"
        case .unknownOption(let option, let suggestions):
            return "unknown option '\(safe(option))'\(hint(suggestions))"
        case .missingValue(let option):
            return "option '\(option)' needs a value"
        case .unexpectedValue(let option):
            return "option '\(option)' does not take a value"
        case .repeated(let option):
            return "option '\(option)' may be given only once"
        case .missingOption(let option):
            return "missing required option '\(option)'"
        case .missingArgument(let name):
            return "missing argument \(name)"
        case .unexpectedArgument(let word):
            return "unexpected argument '\(safe(word))'"
        case .invalidValue(let option, let message):
            return "\(option): \(message)"
        case .invalidArgument(let name, let message):
            return "\(name): \(message)"
        case .confirmationRequired(let what):
            return "\(what): add --yes to confirm ('rlt undo' puts it back)"
        case .standardInputTwice(let options):
            let who = options.count == 2 ? "both" : "all"
            return "only one option can read standard input, but \(options.joined(separator: " and ")) \(who) say '-'; "
                + "give all but one of them on the command line"
        case .unknownHelpTopic(let word, let path, let suggestions, let topics, let commands):
            let lead = hint(suggestions).isEmpty ? "; " : "\(hint(suggestions)) "
            guard path.isEmpty else {
                let place = "'\(safe(word))' is not a command of rlt \(path.joined(separator: " "))"
                if commands.isEmpty { return place + hint(suggestions) }
                return place + lead + "its commands: \(commands.joined(separator: ", "))"
            }
            return "'\(safe(word))' is not a help topic or a command" + lead
                + "topics: \(topics.joined(separator: ", ")); commands: \(commands.joined(separator: ", "))"
        }
    }
}

private func hint(_ suggestions: [String]) -> String {
    suggestions.isEmpty ? "" : "; did you mean '\(suggestions.joined(separator: "' or '"))'?"
}

private func safe(_ text: String) -> String {
    String(String.UnicodeScalarView(text.unicodeScalars.prefix(60).filter { $0.value >= 0x20 && $0.value != 0x7F }))
}
