/// RFC 4180 CSV: fields quoted when needed, quotes doubled, CRLF after every record.
///
/// Works on Unicode scalars, not `Character`s, so a quote or comma followed by a combining mark is still seen.
/// Cells that a spreadsheet would run as a formula (first scalar `=`, `+`, `-`, `@`, tab or CR) get a leading `'`,
/// unless they are a plain number such as `-366`.
package enum CSVWriter {
    package static func render(header: [String]?, rows: [[String]]) -> String {
        var out = ""
        if let header { out += line(header) }
        for row in rows { out += line(row) }
        return out
    }

    package static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    package static func field(_ value: String) -> String {
        let safe = neutralised(value)
        let needsQuotes = safe.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        guard needsQuotes else { return safe }
        var quoted = String.UnicodeScalarView()
        quoted.append("\"")
        for scalar in safe.unicodeScalars {
            if scalar == "\"" { quoted.append("\"") }
            quoted.append(scalar)
        }
        quoted.append("\"")
        return String(quoted)
    }

    /// Prefixes `'` to a cell a spreadsheet would treat as a formula.
    ///
    /// A cell that already starts with quotes before such a character gets one more, so import, which strips exactly
    /// one `'` from `'…'=`, gives back the original.
    /// A plain number (`-366`, `-0.5`) is left as it is: a spreadsheet reads it as the number it is, and a `'` would
    /// turn a negative `slipped_days` into text.
    package static func neutralised(_ value: String) -> String {
        guard let first = value.unicodeScalars.drop(while: { $0 == "'" }).first else { return value }
        switch first {
        case "=", "+", "-", "@", "\t", "\r": return isPlainNumber(value.utf8) ? value : "'" + value
        default: return value
        }
    }

    /// `-`, then digits, then optionally `.` and digits: nothing a spreadsheet could run. (`+` and exponents are
    /// guarded as before: no rlt number is written that way.) Takes UTF-8 bytes, so the index's byte-level
    /// listings apply the same rule.
    package static func isPlainNumber<Bytes: Collection<UInt8>>(_ utf8: Bytes) -> Bool {
        var bytes = utf8[...]
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        let isDigit = { (b: UInt8) in (48...57).contains(b) }
        let whole = bytes.prefix(while: isDigit)
        guard !whole.isEmpty else { return false }
        let rest = bytes.dropFirst(whole.count)
        guard let dot = rest.first else { return true }
        let fraction = rest.dropFirst()
        return dot == UInt8(ascii: ".") && !fraction.isEmpty && fraction.allSatisfy(isDigit)
    }
}

/// Tab-separated values: one record a line; tab, CR, LF and backslash escaped as `\t`, `\r`, `\n`, `\\`.
package enum TSVWriter {
    package static func render(header: [String]?, rows: [[String]]) -> String {
        var out = ""
        if let header { out += header.map(field).joined(separator: "\t") + "\n" }
        for row in rows { out += row.map(field).joined(separator: "\t") + "\n" }
        return out
    }

    static func field(_ value: String) -> String {
        guard value.unicodeScalars.contains(where: { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\\" }) else {
            return value
        }
        var out = String.UnicodeScalarView()
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\t": out.append(contentsOf: "\\t".unicodeScalars)
            case "\n": out.append(contentsOf: "\\n".unicodeScalars)
            case "\r": out.append(contentsOf: "\\r".unicodeScalars)
            case "\\": out.append(contentsOf: "\\\\".unicodeScalars)
            default: out.append(scalar)
            }
        }
        return String(out)
    }
}
