import Foundation

/// A roff man page generated from the command table and the help topics.
struct ManPage {
    let root: CommandSpec
    let globalOptions: [OptionSpec]
    let version: String

    func render() -> String {
        var out = """
            .TH RLT 1 "" "rlt \(version)" "User Commands"
            .SH NAME
            rlt \\- track the learning, recommendations and agency actions of statutory reviews
            .SH SYNOPSIS
            .B rlt
            .I command
            .RI [ options ]
            .SH DESCRIPTION
            \(escape(root.discussion ?? root.overview))
            .SH GLOBAL OPTIONS

            """
        for option in globalOptions { out += item(option) }
        out += ".TP\n.B \\-h, \\-\\-help\nShow help information.\n.TP\n.B \\-\\-version\nShow the version.\n"
        out += ".SH COMMANDS\n"
        let parser = ArgumentParser(root: root, globalOptions: globalOptions)
        func visit(_ spec: CommandSpec, _ path: [String]) {
            if spec.run != nil {
                out += ".SS \(escape((["rlt"] + path).joined(separator: " ")))\n"
                out += escape(spec.overview) + "\n"
                out += ".PP\n.B Usage:\n" + escape(parser.usageLine(spec, path: path)) + "\n"
                if let discussion = spec.discussion { out += ".PP\n" + escape(discussion) + "\n" }
                for argument in spec.arguments {
                    out += ".TP\n.I \(escape(argument.name))\n\(escape(argument.help))\n"
                }
                for option in spec.options { out += item(option) }
                if !spec.examples.isEmpty {
                    out += ".PP\nExamples:\n.RS\n.nf\n" + spec.examples.map(escape).joined(separator: "\n") + "\n.fi\n.RE\n"
                }
            }
            for sub in spec.subcommands { visit(sub, path + [sub.name]) }
        }
        visit(root, [])
        for topic in HelpTopic.allCases {
            let lines = topic.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            out += ".SH \(escape(lines.first ?? topic.rawValue.uppercased()))\n.nf\n"
            out += lines.dropFirst().map(escape).joined(separator: "\n") + "\n.fi\n"
        }
        out += """
            .SH ENVIRONMENT
            .TP
            .B RLT_STORE
            The store directory when \\-\\-store is not given.
            .TP
            .B RLT_AS_OF
            The day treated as today when \\-\\-as\\-of is not given.
            .TP
            .B RLT_AUTHOR
            The name written into history when \\-\\-author is not given (else USER).
            .TP
            .B RLT_LOCK_TIMEOUT
            Seconds to wait for another writer (default 10).
            .TP
            .B NO_COLOR
            When set, no colour.

            """
        return out
    }

    private func item(_ option: OptionSpec) -> String {
        var help = option.help
        if !option.allowed.isEmpty { help += " Values: \(option.allowed.joined(separator: ", "))." }
        if let value = option.defaultValue { help += " Default: \(value)." }
        if option.isRepeatable { help += " Repeatable." }
        let name = escape(option.name) + (option.valueName.map { " \\fI\(escape($0))\\fR" } ?? "")
        return ".TP\n\\fB\(name)\\fR\n\(escape(help))\n"
    }

    /// Escapes roff: backslashes, hyphens (so they print as minus signs in options), and a leading '.' or "'".
    func escape(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var out = line.replacingOccurrences(of: "\\", with: "\\e").replacingOccurrences(of: "-", with: "\\-")
            if out.hasPrefix(".") || out.hasPrefix("'") { out = "\\&" + out }
            return out
        }.joined(separator: "\n")
    }
}
