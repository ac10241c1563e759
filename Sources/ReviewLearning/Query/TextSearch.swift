import Foundation

/// Case- and accent-insensitive matching ("Éléonore" finds "eleonore"; NFC and NFD alike).
///
/// Folding goes through Foundation, which is slow (it was most of `search` at national scale), so when the needle
/// folds to printable ASCII and tabled characters (below), texts take shortcuts with the same answer. Folding ASCII
/// only lowercases A–Z, so in an ASCII text the needle is found exactly where its lowercase bytes are. A text that
/// also holds common precomposed characters (accented Latin letters, dashes, quotes, arrows: `QuickFold`) is folded
/// a character at a time from a table Foundation itself filled, and searched the same way. Anything else takes the
/// general path.
package struct TextMatcher: Sendable {
    package let needle: String
    /// The folded needle's bytes when its characters are all printable ASCII (no CR or LF, which can join into one
    /// character) or tabled characters that fold to themselves (`QuickFold`).
    private let quickNeedle: [UInt8]?

    package init(_ text: String) {
        needle = TextMatcher.fold(text)
        let plain = needle.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII ? scalar.value >= 0x20 && scalar.value < 0x7F : QuickFold.table[scalar.value] == Array(String(scalar).utf8)
        }
        quickNeedle = plain ? Array(needle.utf8) : nil
    }

    package func matches(_ text: String?) -> Bool {
        guard var text, !needle.isEmpty else { return false }
        if let found = text.withUTF8({ quickMatch(UnsafeRawBufferPointer($0)) }) { return found }
        return TextMatcher.fold(text).contains(needle)
    }

    /// `matches` for UTF-8 bytes (a text in the index), without making a `String` of the text.
    func matches(_ text: UnsafeRawBufferPointer) -> Bool {
        guard !needle.isEmpty else { return false }
        if let found = quickMatch(text) { return found }
        return TextMatcher.fold(String(decoding: text, as: UTF8.self)).contains(needle)
    }

    /// The answer without Foundation, or nil when a shortcut cannot be sure.
    private func quickMatch(_ text: UnsafeRawBufferPointer) -> Bool? {
        guard let quickNeedle else { return nil }
        if let found = TextMatcher.asciiContains(text, quickNeedle) { return found }
        guard let folded = QuickFold.fold(text) else { return nil }
        return folded.withUnsafeBytes { TextMatcher.asciiContains($0, quickNeedle, asciiOnly: false) ?? false }
    }

    /// Whether `text`, folded, contains `needle` (`quickNeedle`); nil when `text` is not all ASCII (unless
    /// `asciiOnly` is false: `text` is then already folded, its non-ASCII characters standalone and tabled). UTF-8
    /// never starts a character inside another, so bytes match where characters do.
    static func asciiContains(_ bytes: UnsafeRawBufferPointer, _ needle: [UInt8], asciiOnly: Bool = true) -> Bool? {
        // Every byte is looked at even after a match: one non-ASCII character anywhere sends the text on.
        guard let base = bytes.baseAddress, !needle.isEmpty else { return asciiOnly && bytes.contains { $0 >= 0x80 } ? nil : false }
        let n = bytes.count
        let m = needle.count
        func matches(at k: Int) -> Bool {
            guard k + m <= n else { return false }
            var j = 0
            while j < m, lowered(bytes[k + j]) == needle[j] { j += 1 }
            return j == m
        }
        var found = false
        var k = 0
        // Sixteen bytes at a time: a candidate is where the needle's first two bytes are (an ASCII letter matches
        // either case: `| 0x20` takes only "M" and "m" to "m").
        typealias Lanes = SIMD16<UInt8>
        let first = Lanes(repeating: needle[0])
        let second = Lanes(repeating: m > 1 ? needle[1] : 0)
        let fold1 = Lanes(repeating: isLowerLetter(needle[0]) ? 0x20 : 0)
        let fold2 = Lanes(repeating: m > 1 && isLowerLetter(needle[1]) ? 0x20 : 0)
        func candidates(_ word: UInt64, at start: Int) -> Bool {
            var word = word
            while word != 0 {
                let lane = word.trailingZeroBitCount / 8
                if matches(at: start + lane) { return true }
                word &= ~(0xFF << UInt64(lane * 8))
            }
            return false
        }
        // (Lanes and masks are read as two words: `any()` is not inlined and costs more than the search.)
        func words(_ lanes: Lanes) -> (UInt64, UInt64) { unsafeBitCast(lanes, to: (UInt64, UInt64).self) }
        let high: UInt64 = 0x8080_8080_8080_8080
        while k + Lanes.scalarCount < n {
            let here = base.loadUnaligned(fromByteOffset: k, as: Lanes.self)
            if asciiOnly {
                let (a, b) = words(here)
                if (a | b) & high != 0 { return nil }
            }
            if !found {
                var hits = (here | fold1) .== first
                if m > 1 { hits = hits .& ((base.loadUnaligned(fromByteOffset: k + 1, as: Lanes.self) | fold2) .== second) }
                // A matching lane is 0xFF: its byte's position is the lane.
                let (a, b) = unsafeBitCast(hits, to: (UInt64, UInt64).self)
                found = candidates(a, at: k) || candidates(b, at: k + 8)
            }
            k += Lanes.scalarCount
        }
        while k < n {
            if bytes[k] >= 0x80 && asciiOnly { return nil }
            if !found && matches(at: k) { found = true }
            k += 1
        }
        return found
    }

    @inline(__always) private static func isLowerLetter(_ c: UInt8) -> Bool { c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z") }

    @inline(__always) private static func lowered(_ c: UInt8) -> UInt8 {
        c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z") ? c | 0x20 : c
    }

    static func fold(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping
            .folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }
}

/// Folding a character at a time, for texts of ASCII and common precomposed characters: each such character's fold,
/// as Foundation gives it, is in a table. A character enters the table only if it stands alone (a letter,
/// punctuation, symbol, digit or space, never a mark or a joiner, so it cannot merge with a neighbour) and folds to
/// ASCII or to itself; for a text of such characters the folds put together are the fold of the text.
enum QuickFold {
    /// The folded UTF-8 of each tabled scalar, by scalar value.
    static let table: [UInt32: [UInt8]] = {
        var table: [UInt32: [UInt8]] = [:]
        let ranges: [ClosedRange<UInt32>] = [0xA0...0x24F, 0x2010...0x2027, 0x2030...0x205E, 0x20AC...0x20AC, 0x2190...0x21FF]
        for value in ranges.joined() {
            guard let scalar = Unicode.Scalar(value) else { continue }
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .otherLetter, .decimalNumber, .otherNumber,
                .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
                .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol,
                .spaceSeparator:
                let original = String(scalar)
                let folded = TextMatcher.fold(original)
                let bytes = Array(folded.utf8)
                if folded == original && original.unicodeScalars.count == 1 || bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
                    table[value] = bytes
                }
            default:
                continue
            }
        }
        return table
    }()

    /// The fold of `text`, or nil when it holds a character outside ASCII and the table.
    static func fold(_ text: UnsafeRawBufferPointer) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(text.count)
        var k = 0
        while k < text.count {
            let c = text[k]
            if c < 0x80 {
                // As in `asciiContains`: a needle of printable ASCII never holds a control, so CR LF (one character)
                // cannot be split by a match.
                out.append(c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z") ? c | 0x20 : c)
                k += 1
                continue
            }
            let length = text.utf8SequenceLength(at: k)
            guard length > 1 else { return nil }
            var value = UInt32(c) & (0xFF >> UInt32(length + 1))
            for j in 1..<length { value = value << 6 | UInt32(text[k + j] & 0x3F) }
            guard let folded = table[value] else { return nil }
            out.append(contentsOf: folded)
            k += length
        }
        return out
    }
}
