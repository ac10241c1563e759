import Foundation
import Testing

@testable import ReviewLearning

/// Tests for the strict JSON syntax checker and value locator.
@Suite("JSONLocator")
struct JSONLocatorTests {
    /// One malformed document and where and how its first problem must be reported.
    struct InvalidCase: CustomTestStringConvertible, Sendable {
        /// Names the case in test output.
        let name: String
        /// The document.
        let text: String
        /// The expected 1-based line.
        let line: Int
        /// The expected 1-based column, in Unicode scalars.
        let column: Int
        /// A fragment the message must contain.
        let message: String

        /// Shown by the test runner instead of the raw text.
        var testDescription: String { name }
    }

    /// Scans `text` as UTF-8 and returns the first problem.
    static func problem(_ text: String, maximumDepth: Int = 512) -> JSONSyntaxProblem? {
        JSONLocator.firstProblem(in: Data(text.utf8), maximumDepth: maximumDepth)
    }

    /// Scans `text` and returns the path map, recording an issue if it fails.
    static func positions(_ text: String, sourceLocation: SourceLocation = #_sourceLocation)
        -> [[JSONPathComponent]: JSONPosition]
    {
        switch JSONLocator.scan(Data(text.utf8)) {
        case .success(let map):
            return map
        case .failure(let problem):
            Issue.record("unexpected problem \(problem)", sourceLocation: sourceLocation)
            return [:]
        }
    }

    // MARK: Valid documents

    /// Strict JSON that must be accepted.
    static let validDocuments: [String] = [
        "{}",
        "[]",
        "0",
        "-0",
        "42",
        "-12.5e-3",
        "1E+10",
        "0.0",
        "123456789012345678901234567890",
        "true",
        "false",
        "null",
        "\"\"",
        "\"plain\"",
        " \t\r\n[1]\r\n\t ",
        "{\"a\": [1, 2, {\"b\": [true, false, null, {}]}], \"c\": {\"d\": {\"e\": []}}}",
        "\"Zoë 😀 日本語 \u{2028}\"",
        #""\" \\ \/ \b \f \n \r \t \u00e9 \uD83D\uDE00 \uFFFF""#,
        #"["\ud800", "\udc00x", "\uDBFF\u0041"]"#,
        #"{"k\u00e9y": 1, "kéy2": 2, "": 3, "a\"b": 4}"#,
        "[\n  -1,\n  0.5,\n  1e5,\n  2E-2,\n  3.25e+1\n]\n",
        "{\r\n  \"crlf\": true\r\n}\r\n",
        #"{"a": "<<<<<<< HEAD", "b": "=======", "c": ">>>>>>> x"}"#,
    ]

    @Test("accepts strict JSON", arguments: validDocuments)
    func acceptsValidDocument(_ text: String) {
        #expect(Self.problem(text) == nil)
        let map = Self.positions(text)
        #expect(map[[]] != nil)
    }

    @Test("accepts a top-level value after leading whitespace and records its real position")
    func topLevelPosition() {
        #expect(Self.positions("\n\n  42\n") == [[]: JSONPosition(line: 3, column: 3)])
    }

    // MARK: Syntax rules

    /// Every syntax rule with the exact position of the first problem.
    static let invalidCases: [InvalidCase] = [
        InvalidCase(
            name: "trailing comma in object on line 3", text: "{\n  \"a\": 1,\n  \"b\": 2,\n}", line: 3, column: 9,
            message: "trailing comma"),
        InvalidCase(
            name: "trailing comma in array on line 3", text: "[\n  1,\n  2,\n]", line: 3, column: 4,
            message: "trailing comma"),
        InvalidCase(name: "trailing comma on one line", text: "[1,]", line: 1, column: 3, message: "trailing comma"),
        InvalidCase(
            name: "trailing comma with CRLF counts lines once", text: "{\r\n  \"a\": 1,\r\n}", line: 2, column: 9,
            message: "trailing comma"),
        InvalidCase(
            name: "line comment", text: "{\n  // note\n  \"a\": 1\n}", line: 2, column: 3,
            message: "comments are not allowed"),
        InvalidCase(
            name: "block comment after value", text: "[1 /* note */]", line: 1, column: 4,
            message: "comments are not allowed"),
        InvalidCase(
            name: "comment before the value", text: "/* note */ {}", line: 1, column: 1,
            message: "comments are not allowed"),
        InvalidCase(
            name: "comment after the value", text: "{}\n// end", line: 2, column: 1, message: "comments are not allowed"),
        InvalidCase(
            name: "unquoted key", text: "{\n  a: 1\n}", line: 2, column: 3, message: "keys must be strings"),
        InvalidCase(name: "single-quoted key", text: "{'a': 1}", line: 1, column: 2, message: "keys must be strings"),
        InvalidCase(name: "number key", text: "{1: 2}", line: 1, column: 2, message: "keys must be strings"),
        InvalidCase(name: "single-quoted string", text: "[\n'x']", line: 2, column: 1, message: "double quotes"),
        InvalidCase(name: "invalid escape", text: #"["ab\x"]"#, line: 1, column: 5, message: "invalid escape"),
        InvalidCase(name: "short unicode escape", text: #"["\u12G4"]"#, line: 1, column: 3, message: "\\u escape"),
        InvalidCase(
            name: "raw tab in string", text: "[\"a\tb\"]", line: 1, column: 4, message: "control character U+0009"),
        InvalidCase(
            name: "raw line break in string", text: "{\"a\": \"x\ny\"}", line: 1, column: 9,
            message: "line break inside a string"),
        InvalidCase(
            name: "raw control character in string", text: "[\"\u{1B}\"]", line: 1, column: 3,
            message: "control character U+001B"),
        InvalidCase(name: "leading zero", text: "[01]", line: 1, column: 2, message: "leading zeros"),
        InvalidCase(name: "negative leading zero", text: "-01", line: 1, column: 1, message: "leading zeros"),
        InvalidCase(name: "plus sign", text: "[+1]", line: 1, column: 2, message: "must not start with '+'"),
        InvalidCase(name: "no digit before point", text: "[.5]", line: 1, column: 2, message: "before the decimal point"),
        InvalidCase(name: "no digit after point", text: "[1.]", line: 1, column: 4, message: "after the decimal point"),
        InvalidCase(
            name: "point before exponent", text: "[1.e5]", line: 1, column: 4, message: "after the decimal point"),
        InvalidCase(name: "empty exponent", text: "[1e]", line: 1, column: 4, message: "exponent"),
        InvalidCase(name: "signed empty exponent", text: "[1e+]", line: 1, column: 5, message: "exponent"),
        InvalidCase(name: "lone minus", text: "[-]", line: 1, column: 3, message: "digit after '-'"),
        InvalidCase(name: "NaN", text: "[NaN]", line: 1, column: 2, message: "NaN and Infinity"),
        InvalidCase(name: "Infinity", text: "[Infinity]", line: 1, column: 2, message: "NaN and Infinity"),
        InvalidCase(name: "negative Infinity", text: "[-Infinity]", line: 1, column: 2, message: "NaN and Infinity"),
        InvalidCase(name: "hex number", text: "[0x10]", line: 1, column: 3, message: "expected ',' or ']'"),
        InvalidCase(name: "short literal", text: "[tru]", line: 1, column: 2, message: "invalid literal"),
        InvalidCase(name: "short null", text: "[nul]", line: 1, column: 2, message: "invalid literal"),
        InvalidCase(name: "long literal", text: "[falsey]", line: 1, column: 2, message: "invalid literal"),
        InvalidCase(name: "capitalised literal", text: "[True]", line: 1, column: 2, message: "expected a value"),
        InvalidCase(name: "unquoted string", text: "{\"a\": yes}", line: 1, column: 7, message: "expected a value"),
        InvalidCase(
            name: "form feed between tokens", text: "[1,\u{0C}2]", line: 1, column: 4,
            message: "whitespace character U+000C"),
        InvalidCase(
            name: "vertical tab between tokens", text: "[1,\u{0B}2]", line: 1, column: 4,
            message: "whitespace character U+000B"),
        InvalidCase(
            name: "no-break space between tokens", text: "[1,\u{A0}2]", line: 1, column: 4,
            message: "whitespace character U+00A0"),
        InvalidCase(name: "two top-level objects", text: "{}\n{}", line: 2, column: 1, message: "exactly one value"),
        InvalidCase(name: "two top-level numbers", text: "1 2", line: 1, column: 3, message: "exactly one value"),
        InvalidCase(name: "missing colon", text: "{\"a\" 1}", line: 1, column: 6, message: "expected ':'"),
        InvalidCase(
            name: "missing comma between members", text: "{\n  \"a\": 1\n  \"b\": 2\n}", line: 3, column: 3,
            message: "missing ','"),
        InvalidCase(name: "missing comma between elements", text: "[1 2]", line: 1, column: 4, message: "missing ','"),
        InvalidCase(name: "missing value", text: "{\"a\": }", line: 1, column: 7, message: "expected a value"),
        InvalidCase(name: "closing bracket first", text: "]", line: 1, column: 1, message: "expected a value"),
        InvalidCase(name: "mismatched bracket", text: "[1}", line: 1, column: 3, message: "expected ',' or ']'"),
        InvalidCase(name: "mismatched brace", text: "{\"a\": 1]", line: 1, column: 8, message: "expected ',' or '}'"),
        InvalidCase(
            name: "columns count Unicode scalars", text: "[\"é😀\", x]", line: 1, column: 8,
            message: "expected a value but found 'x'"),
        InvalidCase(
            name: "a lone CR does not end a line", text: "[1,\r2,]", line: 1, column: 6, message: "trailing comma"),
        InvalidCase(
            name: "unexpected end of file", text: "{\n  \"a\": [1, 2\n", line: 2, column: 13,
            message: "unexpected end of file"),
        InvalidCase(name: "empty file", text: "", line: 1, column: 1, message: "is empty"),
        InvalidCase(name: "whitespace-only file", text: "  \n\t\r\n", line: 1, column: 1, message: "is empty"),
    ]

    @Test("reports the first problem at the right place", arguments: invalidCases)
    func reportsProblem(_ testCase: InvalidCase) throws {
        let problem = try #require(Self.problem(testCase.text))
        #expect(problem.position == JSONPosition(line: testCase.line, column: testCase.column))
        #expect(problem.message.contains(testCase.message), "message: \(problem.message)")
        #expect(!problem.message.contains("\n"))
        // `scan` and `firstProblem` share the checker, so they must agree exactly.
        #expect(JSONLocator.scan(Data(testCase.text.utf8)) == .failure(problem))
        #expect(JSONLocator.line(of: [], in: Data(testCase.text.utf8)) == nil)
    }

    @Test("uses the exact wording for the fixed messages")
    func exactMessages() {
        #expect(Self.problem("")?.message == "is empty")
        #expect(Self.problem("[1,")?.message == "unexpected end of file")
        #expect(Self.problem("{\"a\": 1, \"a\": 2}")?.message == "duplicate key \"a\"")
        #expect(Self.problem("[\"\u{0}\"]")?.message == "contains a NUL byte")
        #expect(Self.problem("=======\n")?.message == "git conflict marker; resolve the merge and run rlt check")
        #expect(
            JSONLocator.firstProblem(in: Data([0xEF, 0xBB, 0xBF]) + Data("{}".utf8))?.message
                == "starts with a byte-order mark; save the file as UTF-8 without BOM")
    }

    /// Documents whose string contents are secret; no message may repeat them.
    static let sensitiveDocuments: [String] = [
        #"["SECRET-TOKEN\q"]"#,
        "[\"SECRET-TOKEN\u{01}\"]",
        "[\"SECRET-TOKEN\nmore\"]",
        "{\"k\": \"SECRET-TOKEN\"\n\"x\": 1}",
        "[\"SECRET-TOKEN\"",
        "[\"SECRET-TOKEN\", ]",
        "SECRET-TOKEN",
        "[SECRET-TOKEN]",
        "\"SECRET-TOKEN\" \"SECRET-TOKEN\"",
        "{\"a\": 1, \"a\": \"SECRET-TOKEN\"}",
        #"["SECRET-TOKEN\u00"]"#,
    ]

    @Test("never repeats string contents in messages", arguments: sensitiveDocuments)
    func messagesDoNotLeakContent(_ text: String) throws {
        let problem = try #require(Self.problem(text))
        #expect(!problem.message.contains("SECRET"), "message: \(problem.message)")
        #expect(!problem.message.contains("TOKEN"), "message: \(problem.message)")
    }

    // MARK: Encoding

    @Test("rejects a byte-order mark at the start")
    func byteOrderMark() throws {
        let data = Data([0xEF, 0xBB, 0xBF]) + Data("{\"a\": 1}".utf8)
        let problem = try #require(JSONLocator.firstProblem(in: data))
        #expect(problem.message == "starts with a byte-order mark; save the file as UTF-8 without BOM")
        #expect(problem.position == JSONPosition(line: 1, column: 1))
        #expect(JSONLocator.line(of: [.key("a")], in: data) == nil)
    }

    @Test(
        "rejects a NUL byte anywhere",
        arguments: [
            ("{\n  \"a\": \"x\u{0}y\"\n}", JSONPosition(line: 2, column: 10)),
            ("[1,\u{0} 2]", JSONPosition(line: 1, column: 4)),
            ("[1]\n\u{0}", JSONPosition(line: 2, column: 1)),
            ("\u{0}", JSONPosition(line: 1, column: 1)),
        ])
    func nulByte(_ text: String, position: JSONPosition) throws {
        let problem = try #require(Self.problem(text))
        #expect(problem.message == "contains a NUL byte")
        #expect(problem.position == position)
    }

    @Test(
        "rejects invalid UTF-8",
        arguments: [
            [0xFF],  // never valid
            [0x80],  // lone continuation byte
            [0xC0, 0x80],  // overlong NUL
            [0xE0, 0x80, 0x80],  // overlong three-byte form
            [0xED, 0xA0, 0x80],  // encoded surrogate
            [0xF4, 0x90, 0x80, 0x80],  // above U+10FFFF
            [0xE2, 0x82],  // truncated sequence
            [0xC3, 0x41],  // lead byte followed by ASCII
        ] as [[UInt8]])
    func invalidUTF8(_ bad: [UInt8]) throws {
        let data = Data("[\n\"".utf8) + Data(bad) + Data("\"]".utf8)
        let problem = try #require(JSONLocator.firstProblem(in: data))
        #expect(problem.message == "is not valid UTF-8")
        #expect(problem.position == JSONPosition(line: 2, column: 2))
    }

    // MARK: Conflict markers

    @Test(
        "reports git conflict markers at their line",
        arguments: ["<<<<<<< HEAD", "=======", ">>>>>>> feature/branch", "||||||| merged common ancestors"])
    func conflictMarker(_ marker: String) throws {
        let text = "{\n  \"a\": 1,\n\(marker)\n  \"b\": 2\n}\n"
        let problem = try #require(Self.problem(text))
        #expect(problem.message == "git conflict marker; resolve the merge and run rlt check")
        #expect(problem.position == JSONPosition(line: 3, column: 1))
        let crlf = try #require(Self.problem(text.replacingOccurrences(of: "\n", with: "\r\n")))
        #expect(crlf.position == JSONPosition(line: 3, column: 1))
    }

    @Test("prefers the conflict-marker message over an earlier parse error")
    func conflictMarkerBeatsParseError() throws {
        let text = """
            {
              "a": [1, 2,],
            <<<<<<< HEAD
              "b": 1
            =======
              "b": 2
            >>>>>>> theirs
            }
            """
        let problem = try #require(Self.problem(text))
        #expect(problem.message == "git conflict marker; resolve the merge and run rlt check")
        #expect(problem.position.line == 3)
    }

    @Test("reports a conflict marker on the first line")
    func conflictMarkerFirstLine() {
        #expect(Self.problem("<<<<<<< HEAD\n{}\n=======\n[]\n>>>>>>> x\n")?.position == JSONPosition(line: 1, column: 1))
    }

    // MARK: Duplicate keys

    @Test("reports a duplicate key at its second occurrence")
    func duplicateKey() throws {
        let text = "{\n  \"a\": 1,\n  \"b\": 2,\n  \"a\": 3\n}"
        let problem = try #require(Self.problem(text))
        #expect(problem.message == "duplicate key \"a\"")
        #expect(problem.position == JSONPosition(line: 4, column: 3))
    }

    @Test("compares keys after resolving escapes")
    func duplicateKeyThroughEscape() throws {
        let problem = try #require(Self.problem(#"{"ab": 1, "a\u0062": 2}"#))
        #expect(problem.message == "duplicate key \"ab\"")
        #expect(problem.position == JSONPosition(line: 1, column: 11))
    }

    @Test("escapes control characters of a duplicate key in the message")
    func duplicateKeyIsSanitised() throws {
        let problem = try #require(Self.problem(#"{"x\ny": 1, "x\ny": 2}"#))
        #expect(problem.message == #"duplicate key "x\ny""#)
    }

    @Test("finds duplicates in objects too large for a linear key search", arguments: [17, 18, 40])
    func duplicateKeyInLargeObject(_ keyCount: Int) throws {
        let members = (0..<keyCount).map { "  \"k\($0)\": \($0)" }
        let unique = "{\n" + members.joined(separator: ",\n") + "\n}"
        #expect(Self.problem(unique) == nil)
        let duplicated = "{\n" + (members + ["  \"k3\": 0"]).joined(separator: ",\n") + "\n}"
        let problem = try #require(Self.problem(duplicated))
        #expect(problem.message == "duplicate key \"k3\"")
        #expect(problem.position == JSONPosition(line: keyCount + 2, column: 3))
    }

    @Test(
        "allows the same key in different objects",
        arguments: [#"[{"a": 1}, {"a": 2}]"#, #"{"a": {"a": {"a": 1}}, "b": {"a": 2}}"#])
    func sameKeyInDifferentObjects(_ text: String) {
        #expect(Self.problem(text) == nil)
    }

    // MARK: Depth

    @Test("reports 100000-deep nesting as a depth problem without overflowing the stack")
    func veryDeepNesting() throws {
        let problem = try #require(Self.problem(String(repeating: "[", count: 100_000)))
        #expect(problem.message.contains("deeper than 512"))
        #expect(problem.position == JSONPosition(line: 1, column: 513))
        let objects = try #require(Self.problem(String(repeating: "{\"a\":", count: 100_000)))
        #expect(objects.message.contains("deeper than 512"))
        #expect(JSONLocator.line(of: [.key("a")], in: Data(String(repeating: "{\"a\":", count: 100_000).utf8)) == nil)
    }

    @Test("handles 100000-deep balanced nesting iteratively when the limit allows it")
    func deepNestingWithinLimit() {
        let text = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(Self.problem(text, maximumDepth: 100_000) == nil)
        #expect(Self.problem(text, maximumDepth: 99_999)?.position == JSONPosition(line: 1, column: 100_000))
    }

    @Test(
        "allows exactly the maximum depth and rejects one more",
        arguments: [(512, true), (513, false), (600, false)])
    func depthLimit(_ depth: Int, isValid: Bool) {
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        let problem = Self.problem(text)
        #expect((problem == nil) == isValid)
        if !isValid {
            #expect(problem?.position == JSONPosition(line: 1, column: 513))
            #expect(problem?.message == "nesting is deeper than 512 levels")
        }
    }

    @Test("honours a custom maximum depth")
    func customDepth() {
        #expect(Self.problem(#"[{"a": 1}]"#, maximumDepth: 2) == nil)
        #expect(Self.problem(#"[{"a": []}]"#, maximumDepth: 2)?.position == JSONPosition(line: 1, column: 8))
        #expect(Self.problem("{}", maximumDepth: 0) != nil)
        #expect(Self.problem("1", maximumDepth: 0) == nil)
    }

    // MARK: Truncation

    /// A small document exercising every token kind, in LF and CRLF form.
    static let truncationDocuments: [String] = {
        let text = """
            {
              "name": "Zoë \\"quoted\\" \\u00e9 😀",
              "list": [1, -2.5e+3, 0, true, false, null],
              "nested": {"deep": [[{}], []]},
              "esc": "\\\\\\/\\b\\f\\n\\r\\t"
            }
            """
        return [text, text.replacingOccurrences(of: "\n", with: "\r\n")]
    }()

    @Test("reports every truncation of a valid document", arguments: truncationDocuments)
    func everyTruncation(_ text: String) throws {
        let bytes = Array(text.utf8)
        #expect(JSONLocator.firstProblem(in: Data(bytes)) == nil)
        for length in 0..<bytes.count {
            let prefix = Array(bytes[..<length])
            let problem = try #require(
                JSONLocator.firstProblem(in: Data(prefix)), "prefix of \(length) bytes was accepted")
            guard length > 0 else {
                #expect(problem.message == "is empty")
                continue
            }
            guard String(validating: prefix, as: UTF8.self) != nil else {
                // Cutting inside a multi-byte character leaves invalid UTF-8.
                #expect(problem.message == "is not valid UTF-8")
                continue
            }
            #expect(problem.message == "unexpected end of file", "prefix of \(length) bytes")
            // The final line break belongs to the last line, so the problem is reported on that line.
            var content = prefix[...]
            if content.last == 0x0A { content = content.dropLast() }
            if content.last == 0x0D { content = content.dropLast() }
            let lastLine = content.count { $0 == 0x0A } + 1
            #expect(problem.position.line == lastLine, "prefix of \(length) bytes")
        }
    }

    // MARK: Path map

    @Test("maps every value's path to its start")
    func pathMapExample() {
        #expect(
            Self.positions(#"{"a": [ {"b": 1} ]}"#) == [
                []: JSONPosition(line: 1, column: 1),
                [.key("a")]: JSONPosition(line: 1, column: 7),
                [.key("a"), .index(0)]: JSONPosition(line: 1, column: 9),
                [.key("a"), .index(0), .key("b")]: JSONPosition(line: 1, column: 15),
            ])
    }

    @Test("maps multi-line documents with decoded keys")
    func pathMapMultiLine() {
        let text = """
            {
              "title": "x",
              "items": [
                10,
                {"k\\u00e9y": null},
                []
              ],
              "empty": {}
            }
            """
        #expect(
            Self.positions(text) == [
                []: JSONPosition(line: 1, column: 1),
                [.key("title")]: JSONPosition(line: 2, column: 12),
                [.key("items")]: JSONPosition(line: 3, column: 12),
                [.key("items"), .index(0)]: JSONPosition(line: 4, column: 5),
                [.key("items"), .index(1)]: JSONPosition(line: 5, column: 5),
                [.key("items"), .index(1), .key("kéy")]: JSONPosition(line: 5, column: 18),
                [.key("items"), .index(2)]: JSONPosition(line: 6, column: 5),
                [.key("empty")]: JSONPosition(line: 8, column: 12),
            ])
    }

    // MARK: line(of:)

    /// A review-shaped document for line look-ups.
    static let reviewDocument = """
        {
          "reviews": [
            {
              "id": "r1",
              "score": 4
            },
            {
              "id": "r2",
              "tags": ["a", "b"]
            }
          ]
        }
        """

    @Test(
        "finds the line of a value or its nearest existing ancestor",
        arguments: [
            ([], 1),
            ([.key("reviews")], 2),
            ([.key("reviews"), .index(0)], 3),
            ([.key("reviews"), .index(0), .key("id")], 4),
            ([.key("reviews"), .index(0), .key("score")], 5),
            ([.key("reviews"), .index(1)], 7),
            ([.key("reviews"), .index(1), .key("id")], 8),
            ([.key("reviews"), .index(1), .key("tags")], 9),
            ([.key("reviews"), .index(1), .key("tags"), .index(1)], 9),
            // Fallbacks: the missing step is replaced by the deepest value that does exist.
            ([.key("reviews"), .index(1), .key("score")], 7),
            ([.key("reviews"), .index(1), .key("missing"), .index(3)], 7),
            ([.key("reviews"), .index(5)], 2),
            ([.key("reviews"), .index(5), .key("id")], 2),
            ([.key("reviews"), .key("0")], 2),
            ([.key("reviews"), .index(0), .key("id"), .index(0)], 4),
            ([.key("missing")], 1),
            ([.index(0)], 1),
        ] as [([JSONPathComponent], Int)])
    func lineOfPath(_ path: [JSONPathComponent], line: Int) {
        #expect(JSONLocator.line(of: path, in: Data(Self.reviewDocument.utf8)) == line)
    }

    @Test("agrees with the path map for every value")
    func lineOfAgreesWithScan() {
        let data = Data(Self.reviewDocument.utf8)
        let map = Self.positions(Self.reviewDocument)
        #expect(map.count == 10)
        for (path, position) in map {
            #expect(JSONLocator.line(of: path, in: data) == position.line, "path \(path)")
        }
    }

    @Test("returns nil when the text does not parse", arguments: ["", "{\"a\": 1,}", "{\"a\": 1", "[1] [2]"])
    func lineOfInvalidText(_ text: String) {
        #expect(JSONLocator.line(of: [.key("a")], in: Data(text.utf8)) == nil)
    }

    @Test("works on a Data slice that does not start at index 0")
    func dataSlice() {
        let data = Data("xx[\n1]".utf8).dropFirst(2)
        #expect(JSONLocator.line(of: [.index(0)], in: data) == 2)
        #expect(JSONLocator.firstProblem(in: data) == nil)
    }

    // MARK: Size

    @Test("scans a 2 MB document in linear time, on one line or many")
    func largeDocument() throws {
        var multiLine = "[\n"
        var oneLine = "["
        var oneLineColumns: [Int] = []
        var scalarCount = 1
        let count = 23_000
        for index in 0..<count {
            let item = #"{"id": \#(index), "text": "lorem ipsum dolor sit amet é", "tags": ["x", "y"], "n": 1.5e3}"#
            let separator = index + 1 < count ? "," : ""
            multiLine += "  " + item + separator + "\n"
            oneLineColumns.append(scalarCount + 1)
            oneLine += item + separator
            scalarCount += item.unicodeScalars.count + separator.unicodeScalars.count
        }
        multiLine += "]\n"
        oneLine += "]"
        #expect(multiLine.utf8.count > 2_000_000)

        let clock = ContinuousClock()
        let start = clock.now
        let multiMap = Self.positions(multiLine)
        let oneMap = Self.positions(oneLine)
        // Generous even for debug builds; a quadratic column computation would take minutes.
        #expect(clock.now - start < .seconds(20))

        #expect(multiMap.count == 1 + count * 7)
        #expect(oneMap.count == 1 + count * 7)
        for index in [0, 1, 11_111, count - 1] {
            #expect(multiMap[[.index(index)]] == JSONPosition(line: index + 2, column: 3))
            #expect(oneMap[[.index(index)]] == JSONPosition(line: 1, column: oneLineColumns[index]))
        }
        #expect(JSONLocator.line(of: [.index(count - 1), .key("tags"), .index(1)], in: Data(multiLine.utf8)) == count + 1)
    }
}
