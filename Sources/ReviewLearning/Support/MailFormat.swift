import Foundation

/// The pieces of an Internet message (RFC 5322 with MIME, RFCs 2045–2047) that a draft letter needs: header
/// values that may hold any text, a date, and a UTF-8 body safe for any mail system.
package enum MailFormat {
    /// A header line `Name: value`, folded so no line passes 78 characters where the value has spaces to fold at;
    /// a value with anything but printable ASCII is sent as encoded words (`=?UTF-8?B?…?=`).
    package static func header(_ name: String, _ value: String) -> String {
        let words = isPlain(value) ? value.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            : encodedWords(value)
        return fold(name + ":", words)
    }

    /// `To:` or `From:` for a mailbox: `Name <address>`, the name quoted or encoded as RFC 5322 needs; just the
    /// address without a name. The address must already satisfy `ContactRules`.
    package static func mailbox(_ name: String?, _ address: String) -> [String] {
        guard let name, !name.isEmpty else { return ["<\(address)>"] }
        let atext = name.unicodeScalars.allSatisfy { isAtext($0) || $0 == " " } && !name.contains("=?")
        if atext { return name.split(separator: " ").map(String.init) + ["<\(address)>"] }
        if isPlain(name) {
            let quoted = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            return ["\"\(quoted)\"", "<\(address)>"]
        }
        return encodedWords(name) + ["<\(address)>"]
    }

    /// A header line from words (`mailbox`'s) folded at 78 characters.
    package static func header(_ name: String, words: [String]) -> String { fold(name + ":", words) }

    /// RFC 5322's date: `Mon, 07 Dec 2026 18:00:00 +0000`, in UTC.
    package static func date(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let ordinal = Int((Double(seconds) / 86400).rounded(.down))
        let day = CalendarDay(ordinal: ordinal)
        let rest = seconds - ordinal * 86400
        // 1970-01-01 was a Thursday.
        let weekday = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"][((ordinal % 7) + 7) % 7]
        let month = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][day.month - 1]
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(weekday), \(two(day.day)) \(month) \(day.year) \(two(rest / 3600)):\(two(rest / 60 % 60)):\(two(rest % 60)) +0000"
    }

    /// `text` (lines separated by "\n") as a quoted-printable body with CRLF line ends: any UTF-8, no line over
    /// 76 characters, trailing spaces kept.
    package static func quotedPrintable(_ text: String) -> String {
        var out = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var encoded = ""
            var length = 0
            let bytes = Array(line.utf8)
            for (k, byte) in bytes.enumerated() {
                let isLast = k == bytes.count - 1
                let literal = (byte >= 33 && byte <= 126 && byte != UInt8(ascii: "=")) || ((byte == 32 || byte == 9) && !isLast)
                let piece = literal ? String(UnicodeScalar(byte)) : "=" + hex(byte)
                // A soft break ("=" at the end) keeps every line within 76 characters.
                if length + piece.count > 75 {
                    encoded += "=\r\n"
                    length = 0
                }
                encoded += piece
                length += piece.count
            }
            out += encoded + "\r\n"
        }
        return out
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 15)]])
    }

    /// Printable ASCII only: sent as it is.
    private static func isPlain(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= 32 && $0 < 127 } && !text.contains("=?")
    }

    /// RFC 5322 `atext`: what a display name may hold without quotes.
    private static func isAtext(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "!#$%&'*+-/=?^_`{|}~".unicodeScalars.contains(scalar))
    }

    /// `text` as base64 encoded words of at most 75 characters, each holding whole characters.
    private static func encodedWords(_ text: String) -> [String] {
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in text {
            let bytes = Array(String(character).utf8)
            // 39 bytes make 52 base64 characters: with "=?UTF-8?B?" and "?=", 64, so even after "Subject: " a line
            // holding one stays within RFC 2047's 76.
            if chunk.count + bytes.count > 39 && !chunk.isEmpty {
                words.append(encodedWord(chunk))
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append(encodedWord(chunk)) }
        return words
    }

    private static func encodedWord(_ bytes: [UInt8]) -> String { "=?UTF-8?B?\(Data(bytes).base64EncodedString())?=" }

    /// `head` then the words with single spaces, a line broken (CRLF, space) before a word that would pass 78.
    private static func fold(_ head: String, _ words: [String]) -> String {
        var out = head
        var length = head.count
        for word in words {
            if length + 1 + word.count > 78 && length > head.count {
                out += "\r\n"
                length = 0
            }
            out += " " + word
            length += 1 + word.count
        }
        return out + "\r\n"
    }
}
