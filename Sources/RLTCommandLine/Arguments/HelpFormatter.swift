/// Renders help as OVERVIEW / USAGE / ARGUMENTS / OPTIONS / EXAMPLES, like swift-argument-parser.
struct HelpFormatter {
    let parser: ArgumentParser

    func render(_ command: CommandSpec, path: [String]) -> String {
        var out = "OVERVIEW: \(command.overview)\n"
        if let discussion = command.discussion { out += "\n\(discussion)\n" }
        out += "\nUSAGE: \(parser.usageLine(command, path: path))\n"
        if !command.arguments.isEmpty {
            out += "\nARGUMENTS:\n"
            for argument in command.arguments {
                out += row("<\(argument.name)>", argument.help)
            }
        }
        if !command.options.isEmpty {
            out += "\nOPTIONS:\n"
            for option in command.options { out += row(option) }
        }
        if !command.subcommands.isEmpty {
            out += "\nSUBCOMMANDS:\n"
            for sub in command.subcommands {
                let name = sub.aliases.isEmpty ? sub.name : "\(sub.name) (\(sub.aliases.joined(separator: ", ")))"
                out += row(name, sub.overview)
            }
        }
        out += "\nGLOBAL OPTIONS:\n"
        for option in parser.globalOptions { out += row(option) }
        out += row("-h, --help", "Show help information.")
        if path.isEmpty { out += row("--version", "Show the version.") }
        if !command.examples.isEmpty {
            out += "\nEXAMPLES:\n"
            for example in command.examples { out += "  \(example)\n" }
        }
        if !command.subcommands.isEmpty {
            let prefix = (["rlt", "help"] + path).joined(separator: " ")
            out += "\n  See '\(prefix) <subcommand>' for detailed help.\n"
        }
        if path.isEmpty {
            out += "\nHELP TOPICS:\n"
            for topic in HelpTopic.allCases { out += row("rlt help \(topic.rawValue)", topic.summary) }
        }
        return out
    }

    private func row(_ option: OptionSpec) -> String {
        var help = option.help
        if !option.allowed.isEmpty { help += " (values: \(option.allowed.joined(separator: ", ")))" }
        if let value = option.defaultValue { help += " (default: \(value))" }
        if option.isRequired { help += " (required)" }
        if option.isRepeatable { help += " (repeatable)" }
        if option.readsStandardInput { help += " (- reads it from standard input)" }
        let name = (option.short.map { "-\($0), " } ?? "") + option.synopsis
        return row(name, help)
    }

    /// A left column of 26 and the text wrapped at 100 columns, continuation lines indented.
    private func row(_ left: String, _ text: String) -> String {
        let indent = 28
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if !current.isEmpty && current.count + 1 + word.count > 100 - indent {
                lines.append(current)
                current = String(word)
            } else {
                current += (current.isEmpty ? "" : " ") + word
            }
        }
        lines.append(current)
        let head = "  \(left)"
        var out = head.count < indent ? head + String(repeating: " ", count: indent - head.count) + lines[0] + "\n"
            : head + "\n" + String(repeating: " ", count: indent) + lines[0] + "\n"
        for line in lines.dropFirst() { out += String(repeating: " ", count: indent) + line + "\n" }
        return out
    }
}
