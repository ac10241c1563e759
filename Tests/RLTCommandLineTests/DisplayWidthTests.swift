import Foundation
import Testing

@testable import RLTCommandLine

#if canImport(Glibc)
    import Glibc
#endif

@Suite("Display width")
struct DisplayWidthTests {
    @Test(
        "strings take the cells a terminal gives them",
        arguments: [
            ("", 0), ("abc", 3), ("東京", 4), ("Cafe\u{301}", 4), ("Café", 4), ("👩‍👩‍👧", 2), ("🇬🇧", 2), ("❤️", 2),
            ("❤", 1), ("👍🏽", 2), ("a\u{200B}b", 2), ("…", 1), ("—", 1), ("ｈｅｌｌｏ", 10), ("한국어", 6),
        ])
    func widths(_ text: String, _ cells: Int) {
        #expect(DisplayWidth.of(text) == cells)
    }

    /// glibc's `wcwidth`, which Swift's Glibc module does not export (it needs _XOPEN_SOURCE).
    static let wcwidth: (@convention(c) (wchar_t) -> Int32)? = {
        setlocale(LC_CTYPE, "C.UTF-8")
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "wcwidth") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (wchar_t) -> Int32).self)
    }()

    @Test("every assigned character from U+0020 to U+3FFFF has glibc's wcwidth")
    func matchesGlibc() throws {
        let wcwidth = try #require(Self.wcwidth, "glibc's wcwidth not found")
        try #require(wcwidth(0x6771) == 2, "the C.UTF-8 locale is missing: wcwidth(東) is not 2")
        var differences: [String] = []
        var compared = 0
        for value in UInt32(0x20)...0x3_FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            switch scalar.properties.generalCategory {
            case .unassigned, .privateUse, .surrogate: continue
            default: break
            }
            let glibc = Int(wcwidth(wchar_t(bitPattern: value)))
            // -1: newer than glibc's tables. U+1171E: an Ahom mark glibc takes as combining, Unicode as spacing.
            if glibc == -1 || value == 0x1171E { continue }
            compared += 1
            if glibc != DisplayWidth.of(scalar) {
                differences.append("U+\(String(value, radix: 16, uppercase: true)) glibc \(glibc) rlt \(DisplayWidth.of(scalar))")
            }
        }
        #expect(compared > 100_000)
        #expect(differences.isEmpty, "\(differences.count) differ: \(differences.prefix(20).joined(separator: ", "))")
    }

    @Test(
        "cut keeps whole characters and ends in … when it cut",
        arguments: [
            ("abcdef", 6, "abcdef"), ("abcdef", 5, "abcd…"), ("abcdef", 1, "…"), ("abcdef", 0, ""),
            ("東京都", 5, "東京…"), ("東京都", 4, "東…"), ("Cafe\u{301}s", 4, "Caf…"), ("👩‍👩‍👧x", 2, "…"),
        ])
    func cut(_ text: String, _ cells: Int, _ expected: String) {
        let result = DisplayWidth.cut(text, to: cells)
        #expect(result == expected)
        #expect(DisplayWidth.of(result) <= cells)
    }

    @Test(
        "wrap breaks at spaces, splits only words wider than a line, and never exceeds the width",
        arguments: [
            ("one two three", 7, ["one two", "three"]), ("one  two", 20, ["one two"]), ("", 5, [""]),
            ("abcdefghij", 4, ["abcd", "efgh", "ij"]), ("東京 東京都庁", 4, ["東京", "東京", "都庁"]),
            ("a b", 1, ["a", "b"]),
        ])
    func wrap(_ text: String, _ width: Int, _ expected: [String]) {
        let lines = DisplayWidth.wrap(text, width: width)
        #expect(lines == expected)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= width })
    }

    @Test("a narrower first line (text beside a label) splits a long word once, never with a space inside it")
    func wrapThen() {
        let url = "https://example.org/abcdefghijklmnopqrstuvwxyz0123456789"
        let lines = DisplayWidth.wrap("see \(url) now", width: 10, then: 20)
        #expect(lines.first.map { DisplayWidth.of($0) <= 10 } == true)
        #expect(lines.dropFirst().allSatisfy { DisplayWidth.of($0) <= 20 })
        // The pieces of the address, put back together, are the address: no space went into it.
        #expect(lines.joined().contains(url), "\(lines)")
    }

    @Test("preformatted lines wrap under their value column, short lines stay as they are")
    func fitLines() {
        let text = "Recommendation:  open, in-progress, implemented, assured (terminal)\nshort"
        #expect(DisplayWidth.fitLines(text, width: 50) == """
            Recommendation:  open, in-progress, implemented,
                             assured (terminal)
            short
            """)
        #expect(DisplayWidth.fitLines(text, width: nil) == text)
        for width in 20...80 {
            let fitted = DisplayWidth.fitLines(text, width: width)
            #expect(fitted.split(separator: "\n").allSatisfy { DisplayWidth.of($0) <= width }, "\(width): \(fitted)")
        }
    }
}
