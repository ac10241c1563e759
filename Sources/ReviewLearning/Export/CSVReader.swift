/// One CSV record and the line of the file it starts on.
package struct CSVRecord: Equatable, Sendable {
    package var line: Int
    package var fields: [String]
}

/// A CSV syntax problem and where it is.
package struct CSVSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    package var line: Int
    package var message: String
    package var description: String { "line \(line): \(message)" }
}

/// An RFC 4180 reader working on UTF-8 bytes, so a quote or comma next to a combining mark is still a delimiter.
///
/// Accepts CRLF, LF or CR record ends (also inside quoted fields, kept as they are), a missing final newline, and
/// doubled quotes. A quote inside an unquoted field, or text after a closing quote, is an error rather than a guess.
package enum CSVReader {
    package static func parse(_ bytes: [UInt8]) throws(CSVSyntaxError) -> [CSVRecord] {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        var records: [CSVRecord] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1
        var recordLine = 1
        var i = 0
        var atFieldStart = true
        var sawAnything = false

        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            atFieldStart = true
        }
        func endRecord() {
            endField()
            records.append(CSVRecord(line: recordLine, fields: fields))
            fields.removeAll(keepingCapacity: true)
            sawAnything = false
        }

        while i < bytes.count {
            let byte = bytes[i]
            if atFieldStart && byte == quote {
                // Quoted field: runs to the next quote not followed by another quote.
                sawAnything = true
                let startLine = line
                i += 1
                var closed = false
                while i < bytes.count {
                    let b = bytes[i]
                    if b == quote {
                        if i + 1 < bytes.count && bytes[i + 1] == quote {
                            field.append(quote)
                            i += 2
                            continue
                        }
                        closed = true
                        i += 1
                        break
                    }
                    if b == lf || (b == cr && !(i + 1 < bytes.count && bytes[i + 1] == lf)) { line += 1 }
                    field.append(b)
                    i += 1
                }
                guard closed else {
                    throw CSVSyntaxError(line: startLine, message: "a quoted field is never closed; add the missing '\"'")
                }
                atFieldStart = false
                if i < bytes.count && bytes[i] != comma && bytes[i] != cr && bytes[i] != lf {
                    throw CSVSyntaxError(line: line, message: "text after a closing quote; quote the whole field")
                }
                continue
            }
            switch byte {
            case comma:
                sawAnything = true
                endField()
                i += 1
            case cr, lf:
                i += (byte == cr && i + 1 < bytes.count && bytes[i + 1] == lf) ? 2 : 1
                endRecord()
                line += 1
                recordLine = line
            case quote:
                throw CSVSyntaxError(line: line, message: "a '\"' inside an unquoted field; quote the field and double the '\"'")
            default:
                sawAnything = true
                atFieldStart = false
                field.append(byte)
                i += 1
            }
        }
        if sawAnything || !fields.isEmpty || !field.isEmpty { endRecord() }
        return records
    }
}

/// Reads text files that spreadsheets save: UTF-8 with or without a byte-order mark, or Windows-1252.
package enum TextDecoding {
    package enum Encoding: Equatable, Sendable { case utf8, utf8WithBOM, windows1252 }

    /// The bytes as UTF-8 (without BOM) and the encoding they were in; nil when they are neither.
    package static func utf8Bytes(_ bytes: [UInt8]) -> ([UInt8], Encoding)? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            let rest = Array(bytes.dropFirst(3))
            return isValidUTF8(rest) ? (rest, .utf8WithBOM) : nil
        }
        if isValidUTF8(bytes) { return (bytes, .utf8) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        for byte in bytes {
            guard let scalar = windows1252(byte) else { return nil }
            out.append(contentsOf: Array(String(Character(scalar)).utf8))
        }
        return (out, .windows1252)
    }

    /// A UTF-16 byte-order mark, or the NUL bytes UTF-16 puts beside ASCII (about every other byte): never a text
    /// spreadsheet we can read. A stray NUL in otherwise 8-bit text is not UTF-16 (the importer reports its line).
    package static func looksLikeUTF16(_ bytes: [UInt8]) -> Bool {
        let start = bytes.prefix(512)
        return bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
            || (start.count >= 2 && start.count { $0 == 0 } * 4 >= start.count)
    }

    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }

    /// Windows-1252: Latin-1 except 0x80–0x9F, five of which are unassigned.
    static func windows1252(_ byte: UInt8) -> Unicode.Scalar? {
        let high: [UInt32] = [
            0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
            0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E,
            0x0178,
        ]
        if byte < 0x80 || byte >= 0xA0 { return Unicode.Scalar(UInt32(byte)) }
        let value = high[Int(byte) - 0x80]
        return value == 0 ? nil : Unicode.Scalar(value)
    }
}
