import Foundation

/// Case- and accent-insensitive matching ("Éléonore" finds "eleonore"; NFC and NFD alike).
///
/// Folding goes through Foundation, which is slow (it was most of `search` at national scale), so ASCII texts take a
/// shortcut with the same answer: folding ASCII only lowercases A–Z, so an ASCII needle is found in an ASCII text
/// exactly where its lowercase bytes are. Any other text, or a needle that folds to anything but printable ASCII,
/// takes the general path.
package struct TextMatcher: Sendable {
    package let needle: String
    /// The folded needle's bytes when they are all printable ASCII (no CR or LF, which can join into one character).
    private let asciiNeedle: [UInt8]?

    package init(_ text: String) {
        needle = TextMatcher.fold(text)
        let bytes = Array(needle.utf8)
        asciiNeedle = bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F } ? bytes : nil
    }

    package func matches(_ text: String?) -> Bool {
        guard let text, !needle.isEmpty else { return false }
        if let asciiNeedle, let found = TextMatcher.asciiContains(text, asciiNeedle) { return found }
        return TextMatcher.fold(text).contains(needle)
    }

    /// Whether `text`, folded, contains `needle` (printable ASCII, already folded); nil when `text` is not all ASCII.
    static func asciiContains(_ text: String, _ needle: [UInt8]) -> Bool? {
        var text = text
        return text.withUTF8 { bytes -> Bool? in
            var found = false
            var k = 0
            let n = bytes.count
            let m = needle.count
            while k < n {
                let c = bytes[k]
                if c >= 0x80 { return nil }
                if !found, k + m <= n, lowered(c) == needle[0] {
                    var j = 1
                    while j < m, lowered(bytes[k + j]) == needle[j] { j += 1 }
                    found = j == m
                }
                k += 1
            }
            return found
        }
    }

    @inline(__always) private static func lowered(_ c: UInt8) -> UInt8 {
        c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z") ? c | 0x20 : c
    }

    static func fold(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping
            .folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }
}

extension Review {
    /// The review's own free text (not its children's).
    package var ownText: [String] { [title, summary, source].compactMap { $0 } }
}

extension Recommendation {
    package var allText: [String] { [text, reason].compactMap { $0 } + outcomes.map(\.text) }
}

extension AgencyAction {
    package var allText: [String] { [text, measure, evidence, reason].compactMap { $0 } + updates.map(\.text) }
}

extension DisseminationEvent {
    package var allText: [String] { [title, audience, feedback].compactMap { $0 } }
}
