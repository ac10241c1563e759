/// Renders help as OVERVIEW / USAGE / ARGUMENTS / OPTIONS / EXAMPLES, like swift-argument-parser.
///
/// Text wraps at 100 columns, or at the terminal's width when that is narrower; below 60 columns an option's
/// description goes on the lines under its name instead of beside it.
struct HelpFormatter {
    let parser: ArgumentParser
    /// The terminal's width; nil for a pipe (wrapped at 100).
    var width: Int? = nil

    private var lineWidth: Int { min(width ?? 100, 100) }

    func render(_ command: CommandSpec, path: [String]) -> String {
        var out = paragraph("OVERVIEW: \(command.overview)")
        if let discussion = command.discussion {
            for text in discussion.split(separator: "\n\n") { out += "\n" + reflowed(text) }
        }
        out += "\n" + hanging("USAGE:", words: usageWords(parser.usageLine(command, path: path)), indent: 2)
        if !command.arguments.isEmpty {
            out += "\nARGUMENTS:\n"
            for argument in command.arguments {
                let values = argument.values.allowed
                let help = argument.help + (values.isEmpty ? "" : " (values: \(values.joined(separator: ", ")))")
                out += row("<\(argument.name)>", help)
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
            for example in command.examples { out += hanging(" ", words: usageWords(example), indent: 6) }
        }
        if !command.subcommands.isEmpty {
            let prefix = (["rlt", "help"] + path).joined(separator: " ")
            out += "\n" + paragraph("See '\(prefix) <subcommand>' for detailed help.", indent: 2)
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

    /// A name in a left column of 26 and its text beside it; narrower than 60, the text goes under the name.
    private func row(_ left: String, _ text: String) -> String {
        let head = "  \(left)"
        guard lineWidth >= 60 else {
            return DisplayWidth.wrap(left, width: lineWidth - 2).map { "  \($0)\n" }.joined()
                + DisplayWidth.wrap(text, width: lineWidth - 6).map { "      \($0)\n" }.joined()
        }
        let indent = 28
        let lines = DisplayWidth.wrap(text, width: lineWidth - indent)
        let pad = String(repeating: " ", count: indent)
        var out = DisplayWidth.of(head) < indent ? DisplayWidth.pad(head, to: indent) + lines[0] + "\n"
            : head + "\n" + pad + lines[0] + "\n"
        for line in lines.dropFirst() { out += pad + line + "\n" }
        return out
    }

    /// A paragraph of a discussion: prose lines joined and wrapped; a line with a two-space gap in it
    /// (`fish:  rlt completions fish > …`) is a line of its own, wrapped under its value column.
    private func reflowed(_ text: Substring) -> String {
        var out = ""
        var prose: [Substring] = []
        func flush() {
            if !prose.isEmpty { out += paragraph(prose.joined(separator: " ")) }
            prose = []
        }
        for line in text.split(separator: "\n") {
            if line.contains("  ") {
                flush()
                out += DisplayWidth.fitLines(String(line), width: lineWidth) + "\n"
            } else {
                prose.append(line)
            }
        }
        flush()
        return out
    }

    /// Prose wrapped at the line width, every line indented by `indent`.
    private func paragraph(_ text: some StringProtocol, indent: Int = 0) -> String {
        let pad = String(repeating: " ", count: indent)
        let lines = DisplayWidth.wrap(String(text), width: lineWidth - indent)
        return lines.map { pad + $0 + "\n" }.joined()
    }

    /// `label` then words filling the line, continuation lines indented by `indent`; a word is never split unless
    /// it alone is wider than a line.
    private func hanging(_ label: String, words: [String], indent: Int) -> String {
        // A word wider than a line on its own is split into pieces that fit.
        let words = words.flatMap { word in
            DisplayWidth.of(word) > lineWidth - indent ? DisplayWidth.wrap(word, width: lineWidth - indent) : [word]
        }
        var lines: [String] = []
        var line = label
        for word in words {
            if DisplayWidth.of(line) + 1 + DisplayWidth.of(word) > lineWidth && line.contains(where: { $0 != " " }) {
                lines.append(line)
                line = String(repeating: " ", count: indent) + word
            } else {
                line += " " + word
            }
        }
        lines.append(line)
        return lines.map { $0 + "\n" }.joined()
    }

    /// A usage line's words, keeping `[--owner CODE]` and `<subcommand>` together.
    private func usageWords(_ usage: String) -> [String] {
        var words: [String] = []
        var depth = 0
        for piece in usage.split(separator: " ") {
            if depth > 0, let last = words.popLast() {
                words.append(last + " " + piece)
            } else {
                words.append(String(piece))
            }
            depth += piece.filter { $0 == "[" }.count - piece.filter { $0 == "]" }.count
            depth = max(0, depth)
        }
        return words
    }
}
