/// Escaping for HTML text and attribute values: the one place record text becomes markup.
package enum HTMLText {
    /// Escapes `&`, `<`, `>`, `"` and `'`, so the result is safe in element content and in quoted attributes.
    ///
    /// Control characters other than tab, newline and carriage return are not allowed in HTML and become U+FFFD.
    package static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}

/// Escaping for GitHub-flavoured Markdown, so record text reads as text and tables keep their columns.
package enum MarkdownText {
    /// Text for a table cell: `|` is escaped, line breaks become `<br>`, and Markdown and HTML syntax is
    /// backslash-escaped so a `<script>` or a `*` in a recommendation stays literal.
    package static func cell(_ text: String) -> String { escape(text, lineBreak: "<br>") }

    /// Text for a heading or a paragraph: like a cell, but line breaks become spaces.
    package static func inline(_ text: String) -> String { escape(text, lineBreak: " ") }

    private static func escape(_ text: String, lineBreak: String) -> String {
        let characters = Array(text)
        var out = ""
        for (index, character) in characters.enumerated() {
            switch character {
            case "\r\n", "\n", "\r":
                out += lineBreak
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "~":
                out += "\\" + String(character)
            case "&" where looksLikeEntity(characters[(index + 1)...]):
                // "&amp;" would otherwise render as "&"; a plain "Darren & Bethany" is left alone.
                out += "\\&"
            default:
                let isControl = character.unicodeScalars.count == 1
                    && character.unicodeScalars.first.map { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) } == true
                out += isControl ? "\u{FFFD}" : String(character)
            }
        }
        return out
    }

    /// `name;`, `#123;` or `#x1F;` after an ampersand.
    private static func looksLikeEntity(_ rest: ArraySlice<Character>) -> Bool {
        let body = rest.prefix { $0.isLetter || $0.isNumber || $0 == "#" }
        guard !body.isEmpty, body.count <= 32, rest.dropFirst(body.count).first == ";" else { return false }
        return body.allSatisfy(\.isASCII)
    }
}
