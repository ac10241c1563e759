/// Escaping for HTML text and attribute values: the one place record text becomes markup.
package enum HTMLText {
    /// Escapes `&`, `<`, `>`, `"` and `'`, so the result is safe in element content and in quoted attributes.
    ///
    /// Control characters other than tab, newline and carriage return are not allowed in HTML and become U+FFFD.
    package static func escape(_ text: String) -> String {
        // Byte by byte: every byte that is not one of these characters or the start of a C1 control (C2 80 to C2
        // 9F in UTF-8) is copied, so the text's other characters pass through whole.
        let utf8 = text.utf8
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + 16)
        var bytes = utf8.makeIterator()
        var pending: UInt8? = nil
        while let byte = pending ?? bytes.next() {
            pending = nil
            switch byte {
            case UInt8(ascii: "&"): out += "&amp;".utf8
            case UInt8(ascii: "<"): out += "&lt;".utf8
            case UInt8(ascii: ">"): out += "&gt;".utf8
            case UInt8(ascii: "\""): out += "&quot;".utf8
            case UInt8(ascii: "'"): out += "&#39;".utf8
            case 0x09, 0x0A, 0x0D: out.append(byte)
            case 0x00..<0x20, 0x7F: out += replacement
            case 0xC2:
                guard let next = bytes.next() else {
                    out.append(byte)
                    break
                }
                if (0x80...0x9F).contains(next) {
                    out += replacement
                } else {
                    out.append(byte)
                    pending = next
                }
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// U+FFFD in UTF-8.
    private static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]
}

/// Escaping for GitHub-flavoured Markdown, so record text reads as text and tables keep their columns.
package enum MarkdownText {
    /// Text for a table cell: `|` is escaped, line breaks become `<br>`, and Markdown and HTML syntax is
    /// backslash-escaped so a `<script>` or a `*` in a recommendation stays literal.
    package static func cell(_ text: String) -> String { escape(text, lineBreak: "<br>") }

    /// Text for a heading or a paragraph: like a cell, but line breaks become spaces.
    package static func inline(_ text: String) -> String { escape(text, lineBreak: " ") }

    private static func escape(_ text: String, lineBreak: String) -> String {
        // Most texts have nothing to escape: none of the characters below, no line break, no control character.
        guard needsEscape(text) else { return text }
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

    /// Whether `escape` would change anything: an escaped character, a line break or a control character (C0,
    /// DEL, or C1: C2 80 to C2 9F in UTF-8).
    private static func needsEscape(_ text: String) -> Bool {
        let special = specialBytes
        let check = { (bytes: UnsafeBufferPointer<UInt8>) -> Bool in
            for k in bytes.indices where special[Int(bytes[k])] {
                if bytes[k] != 0xC2 || (k + 1 < bytes.count && (0x80...0x9F).contains(bytes[k + 1])) { return true }
            }
            return false
        }
        if let answer = text.utf8.withContiguousStorageIfAvailable(check) { return answer }
        return Array(text.utf8).withUnsafeBufferPointer(check)
    }

    /// The bytes `needsEscape` looks at (C2 only when a C1 control follows).
    private static let specialBytes: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in 0..<0x20 { table[byte] = true }
        for byte in [0x7F, 0xC2] + "\\`*_[]<>|~&".utf8.map(Int.init) { table[byte] = true }
        return table
    }()

    /// `name;`, `#123;` or `#x1F;` after an ampersand.
    private static func looksLikeEntity(_ rest: ArraySlice<Character>) -> Bool {
        let body = rest.prefix { $0.isLetter || $0.isNumber || $0 == "#" }
        guard !body.isEmpty, body.count <= 32, rest.dropFirst(body.count).first == ";" else { return false }
        return body.allSatisfy(\.isASCII)
    }
}
