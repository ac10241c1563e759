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

    @Test("random ASCII texts and needles: the shortcut and Foundation agree")
    func randomASCII() {
        var rng = SeededRandom(seed: 16)
        let alphabet = Array("aAbB -.,'\"\t\r\n0Zz")
        for _ in 0..<3000 {
            let text = String((0..<rng.int(0...30)).map { _ in rng.pick(alphabet) })
            let needle = String((0..<rng.int(1...3)).map { _ in rng.pick(alphabet) })
            #expect(TextMatcher(needle).matches(text) == folded(needle, text), "\(needle.debugDescription) in \(text.debugDescription)")
        }
    }
}
