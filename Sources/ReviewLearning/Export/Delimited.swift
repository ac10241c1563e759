#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one writer of delimited text, on UTF-8 bytes: every listing, export and streamed index answer goes through
/// `field`. Every character it looks at is ASCII, and UTF-8 never uses ASCII bytes inside other characters, so a
/// quote or comma followed by a combining mark is still seen.
package enum Delimited: Sendable {
    /// RFC 4180: fields quoted when needed, quotes doubled, CRLF after every record. Cells that a spreadsheet would
    /// run as a formula (first character after any `'`s is `=`, `+`, `-`, `@`, tab or CR) get a leading `'`, unless
    /// they are a plain number such as `-366`.
    case csv
    /// Tab-separated values: one record a line; tab, CR, LF and backslash escaped as `\t`, `\r`, `\n`, `\\`.
    case tsv

    /// The whole text: an optional header, then the rows.
    package func render(header: [String]?, rows: [[String]]) -> String {
        let out = ByteBuffer()
        if let header { line(header, out) }
        for row in rows { line(row, out) }
        return out.string
    }

    func line(_ fields: [String], _ out: ByteBuffer) {
        for (k, var value) in fields.enumerated() {
            if k > 0 { separator(out) }
            value.withUTF8 { field(UnsafeRawBufferPointer($0), out) }
        }
        end(out)
    }

    @inline(__always) func separator(_ out: ByteBuffer) { out.byte(self == .csv ? UInt8(ascii: ",") : 0x09) }

    @inline(__always) func end(_ out: ByteBuffer) {
        if self == .csv { out.byte(0x0D) }
        out.byte(0x0A)
    }

    /// Writes one cell, escaped.
    @inline(__always) func field(_ cell: UnsafeRawBufferPointer, _ out: ByteBuffer) {
        let n = cell.count
        guard n > 0, let base = cell.baseAddress else { return }
        let p = base.assumingMemoryBound(to: UInt8.self)
        func has(_ c: UInt8) -> Bool { memchr(base, Int32(c), n) != nil }
        /// Whether any byte is one of `mask`'s (bit b for byte b < 64): one pass for short cells, memchr for long.
        func any(_ mask: UInt64, _ chars: (UInt8, UInt8, UInt8, UInt8)) -> Bool {
            if n < 48 {
                for k in 0..<n {
                    let c = p[k]
                    if c < 64 && (mask >> UInt64(c)) & 1 != 0 { return true }
                }
                return false
            }
            return has(chars.0) || has(chars.1) || has(chars.2) || has(chars.3)
        }
        guard self == .csv else {
            // Tab, LF, CR; and backslash (92), which is past the mask's 64 bits, checked on its own.
            guard any(1 << 9 | 1 << 10 | 1 << 13, (0x09, 0x0A, 0x0D, 0x09)) || has(UInt8(ascii: "\\")) else {
                out.append(cell)
                return
            }
            for k in 0..<n {
                switch p[k] {
                case 0x09: out.two(UInt8(ascii: "\\"), UInt8(ascii: "t"))
                case 0x0A: out.two(UInt8(ascii: "\\"), UInt8(ascii: "n"))
                case 0x0D: out.two(UInt8(ascii: "\\"), UInt8(ascii: "r"))
                case UInt8(ascii: "\\"): out.two(UInt8(ascii: "\\"), UInt8(ascii: "\\"))
                default: out.byte(p[k])
                }
            }
            return
        }
        let prefix = CSVWriter.needsPrefix(cell)
        let specials: UInt64 = 1 << 10 | 1 << 13 | 1 << 34 | 1 << 44  // LF, CR, '"', ','
        guard any(specials, (UInt8(ascii: "\""), UInt8(ascii: ","), 0x0A, 0x0D)) else {
            if prefix { out.byte(UInt8(ascii: "'")) }
            out.append(cell)
            return
        }
        out.byte(UInt8(ascii: "\""))
        if prefix { out.byte(UInt8(ascii: "'")) }
        // Double each quote: copy up to and including it, then write it again.
        var at = 0
        while at < n, let q = memchr(base + at, Int32(UInt8(ascii: "\"")), n - at) {
            let end = UnsafeRawPointer(q) - base + 1
            out.append(UnsafeRawBufferPointer(rebasing: cell[at..<end]))
            out.byte(UInt8(ascii: "\""))
            at = end
        }
        out.append(UnsafeRawBufferPointer(rebasing: cell[at..<n]))
        out.byte(UInt8(ascii: "\""))
    }
}

/// One CSV cell as text, and the formula rule that import undoes.
package enum CSVWriter {
    package static func field(_ value: String) -> String {
        let out = ByteBuffer()
        var value = value
        value.withUTF8 { Delimited.csv.field(UnsafeRawBufferPointer($0), out) }
        return out.string
    }

    /// Prefixes `'` to a cell a spreadsheet would treat as a formula.
    ///
    /// A cell that already starts with quotes before such a character gets one more, so import, which strips exactly
    /// one `'` from `'…'=`, gives back the original.
    /// A plain number (`-366`, `-0.5`) is left as it is: a spreadsheet reads it as the number it is, and a `'` would
    /// turn a negative `slipped_days` into text.
    package static func neutralised(_ value: String) -> String {
        var value = value
        return value.withUTF8 { needsPrefix(UnsafeRawBufferPointer($0)) } ? "'" + value : value
    }

    /// Whether a cell (UTF-8) needs the `'` of `neutralised`.
    static func needsPrefix(_ cell: UnsafeRawBufferPointer) -> Bool {
        guard let first = cell.first(where: { $0 != UInt8(ascii: "'") }) else { return false }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D: return !isPlainNumber(cell)
        default: return false
        }
    }

    /// `-`, then digits, then optionally `.` and digits: nothing a spreadsheet could run. (`+` and exponents are
    /// guarded as before: no rlt number is written that way.)
    static func isPlainNumber(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var bytes = bytes[...]
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
