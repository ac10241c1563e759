import Foundation
import Testing

@testable import ReviewLearning
@testable import SyntheticStore

/// `TextMatcher`'s ASCII shortcut must give Foundation's folding answer (issue 16).
@Suite("Text matching")
struct TextMatcherTests {
    /// The general path alone.
    func folded(_ needle: String, _ text: String) -> Bool {
        TextMatcher.fold(text).contains(TextMatcher.fold(needle))
    }

    @Test("folding an ASCII character only lowercases A-Z")
    func asciiFolding() {
        for byte in UInt8(0)..<0x80 {
            let c = String(UnicodeScalar(byte))
            let lowered = byte >= 0x41 && byte <= 0x5A ? String(UnicodeScalar(byte | 0x20)) : c
            #expect(TextMatcher.fold(c) == lowered, "byte \(byte)")
        }
    }

    @Test("the shortcut and Foundation agree", arguments: [
        ("MARAC", "Referral to marac was late."), ("marac", "MARAC"), ("Éléonore", "ELEONORE visited"),
        ("eleonore", "Éléonore visited"), ("information sharing", "Information\nsharing"), ("a-b", "A-B"),
        ("straße", "STRASSE"), ("x", ""), ("café", "cafe\u{301}"), ("line", "line\r\nnext"), ("e", "caf\u{E9}"),
        ("[a]", "x[A]y"), ("ab", "aab"), ("aab", "aaab"),
    ])
    func agree(_ needle: String, _ text: String) {
        #expect(TextMatcher(needle).matches(text) == folded(needle, text))
    }

    @Test("random texts of ASCII, tabled and other characters: the shortcuts and Foundation agree")
    func randomMixed() {
        var rng = SeededRandom(seed: 1616)
        let tabled = QuickFold.table.keys.sorted().compactMap(Unicode.Scalar.init).map(Character.init)
        #expect(tabled.count > 300, "the table holds the common characters (\(tabled.count))")
        #expect(QuickFold.table[0xE9] == Array("e".utf8) && QuickFold.table[0x2192] == Array("→".utf8))
        #expect(QuickFold.table[0x301] == nil && QuickFold.table[0x200D] == nil, "no marks or joiners")
        let ascii = Array("aAeEsS -.,'\r\n\t0")
        let others: [Character] = ["\u{301}", "\u{200D}", "\u{FE0F}", "Ω", "日", "\u{130}", "\u{149}", "😀"]
        for round in 0..<4000 {
            let text = String((0..<rng.int(0...40)).map { _ in
                switch rng.int(0...9) {
                case 0...5: return rng.pick(ascii)
                case 6...8: return rng.pick(tabled)
                default: return round % 2 == 0 ? rng.pick(others) : rng.pick(tabled)
                }
            })
            let needle = String((0..<rng.int(1...3)).map { _ in rng.int(0...3) == 0 ? rng.pick(tabled) : rng.pick(ascii) })
            let matcher = TextMatcher(needle)
            let expected = folded(needle, text)
            #expect(matcher.matches(text) == expected, "\(needle.debugDescription) in \(text.debugDescription)")
            var copy = text
            let viaBytes = copy.withUTF8 { matcher.matches(UnsafeRawBufferPointer($0)) }
            #expect(viaBytes == expected, "bytes: \(needle.debugDescription) in \(text.debugDescription)")
        }
    }

    @Test("the byte scan, sixteen bytes at a time: a match at every place, a near miss, a non-ASCII byte anywhere")
    func everyPlace() {
        func scan(_ text: String, _ needle: String) -> Bool? {
            var copy = text
            return copy.withUTF8 { TextMatcher.asciiContains(UnsafeRawBufferPointer($0), Array(needle.utf8)) }
        }
        for length in 0...50 {
            let filler = String(repeating: "x", count: length)
            for needle in ["m", "ma", "marac", "a b"] {
                let m = needle.count
                for place in 0...max(0, length - m) where length >= m {
                    var chars = Array(filler)
                    chars.replaceSubrange(place..<place + m, with: Array(needle.uppercased()))
                    let text = String(chars)
                    #expect(scan(text, needle) == true, "\(needle) at \(place) in \(length)")
                    // The last byte wrong: no match.
                    chars[place + m - 1] = "q"
                    #expect(scan(String(chars), needle) == false, "\(needle) cut at \(place)")
                    // A non-ASCII byte anywhere after the match still sends the text on.
                    for other in place + m..<length {
                        var mixed = Array(text)
                        mixed[other] = "é"
                        #expect(scan(String(mixed), needle) == nil, "é at \(other) after \(needle) at \(place)")
                    }
                }
            }
        }
    }

    @Test("random ASCII texts and needles: the shortcut and Foundation agree")
    func randomASCII() {
        var rng = SeededRandom(seed: 16)
        let alphabet = Array("aAbB -.,'\"\t\r\n0Zz")
        for _ in 0..<3000 {
            let text = String((0..<rng.int(0...70)).map { _ in rng.pick(alphabet) })
            let needle = String((0..<rng.int(1...3)).map { _ in rng.pick(alphabet) })
            #expect(TextMatcher(needle).matches(text) == folded(needle, text), "\(needle.debugDescription) in \(text.debugDescription)")
        }
    }
}
