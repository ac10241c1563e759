import Foundation

/// A roff man page generated from the command table and the help topics.
///
/// Every command has a section with its usage, arguments and options, and the values each one takes. The page
/// is plain ASCII: other characters are written as groff escapes (`\[u2026]`), each with an ASCII fallback
/// for devices without the glyph, so `man` renders it without a warning in any locale.
struct ManPage {
    let root: CommandSpec
    let globalOptions: [OptionSpec]
    let version: String

    func render() -> String {
        var body = """
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
        for option in globalOptions { body += item(option) }
        body += ".TP\n.B \\-h, \\-\\-help\nShow help information.\n.TP\n.B \\-\\-version\nShow the version.\n"
        body += ".SH COMMANDS\n"
        let parser = ArgumentParser(root: root, globalOptions: globalOptions)
        func visit(_ spec: CommandSpec, _ path: [String]) {
            if !path.isEmpty {
                body += ".SS \(escape((["rlt"] + path).joined(separator: " ")))\n"
                body += escape(spec.overview) + "\n"
                if !spec.aliases.isEmpty {
                    let spellings = spec.aliases.map { (["rlt"] + path.dropLast() + [$0]).joined(separator: " ") }
                    body += ".PP\nAlso spelt \(spellings.map { "\\fB\(escape($0))\\fR" }.joined(separator: ", ")).\n"
                }
            }
            if spec.run != nil {
                body += ".PP\n.B Usage:\n" + escape(parser.usageLine(spec, path: path)) + "\n"
                if let discussion = spec.discussion { body += ".PP\n" + escape(discussion) + "\n" }
                for argument in spec.arguments {
                    var help = argument.help
                    let values = argument.values.allowed
                    if !values.isEmpty { help += " Values: \(values.joined(separator: ", "))." }
                    body += ".TP\n.I \(escape(argument.name))\n\(escape(help))\n"
                }
                for option in spec.options { body += item(option) }
                if !spec.examples.isEmpty {
                    let examples = spec.examples.map(escape).joined(separator: "\n")
                    body += ".PP\nExamples:\n.RS\n.nf\n\(examples)\n.fi\n.RE\n"
                }
            }
            for sub in spec.subcommands { visit(sub, path + [sub.name]) }
        }
        visit(root, [])
        for topic in HelpTopic.allCases {
            let lines = topic.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            body += ".SH \(escape(lines.first ?? topic.rawValue.uppercased()))\n.nf\n"
            body += lines.dropFirst().map(escape).joined(separator: "\n") + "\n.fi\n"
        }
        body += """
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
        // Options and codes are never hyphenated or stretched, so what the page shows can be typed as shown.
        var head = ".TH RLT 1 \"\" \"rlt \(escape(version))\" \"User Commands\"\n.nh\n.ad l\n"
        for scalar in Set(body.unicodeScalars.filter { !$0.isASCII }).sorted(by: { $0.value < $1.value }) {
            head += ".if !c\(Self.glyph(scalar)) .char \(Self.glyph(scalar)) \(Self.fallback(scalar))\n"
        }
        return Self.asciiOnly(head + body)
    }

    private func item(_ option: OptionSpec) -> String {
        var help = option.help
        if !option.allowed.isEmpty { help += " Values: \(option.allowed.joined(separator: ", "))." }
        if let value = option.defaultValue { help += " Default: \(value)." }
        if option.isRepeatable { help += " Repeatable." }
        let name = escape(option.name) + (option.valueName.map { " \\fI\(escape($0))\\fR" } ?? "")
        return ".TP\n\\fB\(name)\\fR\n\(escape(help))\n"
    }

    /// Escapes roff: backslashes, hyphens (so options print as typed, never hyphenated), and a leading '.' or
    /// "'" (which would start a request). Characters outside ASCII are left for `asciiOnly`.
    func escape(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var out = line.replacingOccurrences(of: "\\", with: "\\e").replacingOccurrences(of: "-", with: "\\-")
            if out.hasPrefix(".") || out.hasPrefix("'") { out = "\\&" + out }
            return out
        }.joined(separator: "\n")
    }

    /// The page with every character outside ASCII written as its groff escape.
    static func asciiOnly(_ page: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in page.unicodeScalars {
            if scalar.isASCII { out.append(scalar) } else { out.append(contentsOf: glyph(scalar).unicodeScalars) }
        }
        return String(out)
    }

    /// groff's name for a character: `\[u00E9]`.
    static func glyph(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "\\[u\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex)]"
    }

    /// What an ASCII-only device prints instead, in roff: the usual spelling of punctuation, a letter without
    /// its accent, else '?'.
    static func fallback(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\u{2026}": return "\\&..."
        case "\u{2014}": return "\\-\\-"
        case "\u{2013}", "\u{2010}", "\u{2011}", "\u{2212}": return "\\-"
        case "\u{2192}": return "\\->"
        case "\u{2190}": return "<\\-"
        case "\u{2018}", "\u{2019}": return "\\[aq]"
        case "\u{201C}", "\u{201D}": return "\\[dq]"
        case "\u{00A0}": return "\\ "
        case "\u{00D7}": return "x"
        case "\u{2264}": return "<="
        case "\u{2265}": return ">="
        case "\u{2022}": return "*"
        case "\u{00A3}": return "GBP"
        default:
            let base = String(Character(scalar)).decomposedStringWithCanonicalMapping.unicodeScalars
                .filter { $0.isASCII && $0.properties.isAlphabetic }
            return base.isEmpty ? "?" : String(String.UnicodeScalarView(base))
        }
    }
}
