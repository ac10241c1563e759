import Foundation
import Testing

@testable import RLTCommandLine
@testable import ReviewLearning

/// Every bad input gets a one-line error naming the value and the fix, a non-zero exit, and writes nothing.
@Suite("Bad input")
struct BadInputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var arguments: [String]
        var code: Int32
        var message: String
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let cases: [Case] = [
        Case(arguments: ["rec", "add", "darren-bethany/4", "--text", "x", "--owner", "lincs-polce"], code: 65,
             message: "--owner: \"lincs-polce\" is not a known agency code; did you mean \"lincs-police\"?"),
        Case(arguments: ["rec", "add", "darren-bethany/3i", "--text", "x"], code: 65,
             message: "record darren-bethany/3i already exists"),
        Case(arguments: ["rec", "add", "darren-bethany/3I", "--text", "x"], code: 65,
             message: "record darren-bethany/3I already exists"),
        Case(arguments: ["rec", "add", "darren-bethanny/4", "--text", "x"], code: 65,
             message: "no review darren-bethanny; did you mean \"darren-bethany\"?"),
        Case(arguments: ["rec", "update", "darren-bethany/3iii", "--status", "open"], code: 65,
             message: "no recommendation darren-bethany/3iii"),
        Case(arguments: ["rec", "update", "darren-bethany/3i", "--due", "2024-02-30"], code: 64,
             message: "--due: \"2024-02-30\" is not a valid date: there is no such day in that month"),
        Case(arguments: ["rec", "update", "darren-bethany/3i", "--due", "06/15/2024"], code: 64,
             message: "--due: \"06/15/2024\" is not a valid date: there is no such month"),
        Case(arguments: ["rec", "update", "darren-bethany/3i", "--due", "2024-6-5"], code: 64,
             message: "--due: \"2024-6-5\" is not a valid date"),
        Case(arguments: ["rec", "update", "darren-bethany/3i", "--status", "finished"], code: 64,
             message: "--status: \"finished\" is not a recommendation status; did you mean \"implemented\"? (one of: open, in-progress"),
        Case(arguments: ["rec", "add", "darren-bethany/4"], code: 64, message: "missing required option '--text'"),
        Case(arguments: ["rec", "add", "darren-bethany/4", "--text", "x", "--theme", "marac"], code: 65,
             message: "--theme: \"marac\" is not a known theme"),
        Case(arguments: ["rec", "add", "darren-bethany/4", "--text", "x", "--link", "9"], code: 65,
             message: "no recommendation darren-bethany/9"),
        Case(arguments: ["rec", "add", "darren-bethany", "--text", "x"], code: 64,
             message: "REVIEW/ID: \"darren-bethany\" is not a reference; use REVIEW/ID"),
        Case(arguments: ["rec", "add", "../x/1", "--text", "x"], code: 64, message: "\"../x/1\" is not a reference"),
        Case(arguments: ["rec", "add", "Bad/1", "--text", "x"], code: 64, message: "review id \"Bad\" is not valid"),
        Case(arguments: ["review", "add", "Bad_ID", "--type", "dhr", "--title", "x"], code: 64,
             message: "review id \"Bad_ID\" is not valid"),
        Case(arguments: ["review", "add", "darren-bethany", "--type", "dhr", "--title", "x"], code: 65,
             message: "review darren-bethany already exists"),
        Case(arguments: ["review", "add", "new", "--type", "dhrr", "--title", "x"], code: 64,
             message: "did you mean \"dhr\"?"),
        Case(arguments: ["agency", "add", "lincs-police", "--name", "x", "--sector", "police"], code: 65,
             message: "agency lincs-police already exists"),
        Case(arguments: ["agency", "add", "new", "--name", "x", "--sector", "cops"], code: 64,
             message: "\"cops\" is not a sector"),
        Case(arguments: ["action", "add", "darren-bethany", "--agency", "nobody", "--text", "x"], code: 65,
             message: "--agency: \"nobody\" is not a known agency code"),
        Case(arguments: ["action", "add", "darren-bethany", "--agency", "lincs-police", "--text", "x", "--for", "F9"],
             code: 65, message: "no recommendation or finding darren-bethany/F9"),
        Case(arguments: ["outcome", "add", "darren-bethany/3i", "--text", "x", "--assurance", "high"], code: 64,
             message: "\"high\" is not an assurance level"),
        Case(arguments: ["event", "add", "--kind", "seminar", "--title", "x", "--date", "2014-03", "--attendees", "-5"],
             code: 64, message: "--attendees: \"-5\" is not a whole number"),
        Case(arguments: ["rec", "update", "darren-bethany/3i"], code: 65, message: "nothing to change"),
        Case(arguments: ["rec", "update", "darren-bethany/3i", "--text", ""], code: 64, message: "--text: must not be empty"),
        Case(arguments: ["rec", "add", "darren-bethany/4", "--text", "x", "--owner", "lincs-scp", "--owner", "lincs-scp"],
             code: 64, message: "\"lincs-scp\" is given twice"),
        Case(arguments: ["review", "remove", "darren-bethany"], code: 64, message: "add --yes to confirm"),
        Case(arguments: ["rec", "list", "--as-of", "2024-02-30"], code: 64, message: "--as-of: \"2024-02-30\""),
    ]

    @Test("refused with the right code and message, nothing written", arguments: cases)
    func refused(_ testCase: Case) {
        let cli = CLIHarness()
        cli.seed()
        let before = cli.snapshot()
        let result = cli.run(testCase.arguments)
        #expect(result.code == testCase.code)
        #expect(result.err.hasPrefix("error: "))
        #expect(result.err.contains(testCase.message), "\(result.err)")
        let errorLines = result.err.split(separator: "\n").filter { $0.hasPrefix("error:") }
        #expect(errorLines.count == 1)
        if testCase.code == 64 { #expect(result.err.contains("\nusage: rlt ")) }
        #expect(result.out.isEmpty)
        #expect(cli.snapshot() == before)
    }

    @Test("a hand-broken review file: error names file and line; nothing rewritten; check finds it")
    func corruptReview() throws {
        let cli = CLIHarness()
        cli.seed()
        let path = "reviews/darren-bethany.json"
        let broken = cli.read(path).replacingOccurrences(of: "\"id\" : \"3ii\",", with: "\"id\" : \"3ii\",,")
        try cli.write(broken, to: path)
        let before = cli.snapshot()
        let result = cli.run("rec", "update", "darren-bethany/3i", "--status", "in-progress")
        #expect(result.code == 65)
        let line = broken.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(",,") }
        #expect(result.err.contains("darren-bethany.json:\((line ?? -2) + 1): "), "\(result.err)")
        #expect(cli.snapshot() == before)
        let check = cli.run("check")
        #expect(check.code == 1)
        #expect(check.out.contains("reviews/darren-bethany.json:\((line ?? -2) + 1): "))
    }

    @Test("a store from a newer schema is read-only")
    func newerSchema() throws {
        let cli = CLIHarness()
        cli.seed()
        let path = "reviews/darren-bethany.json"
        try cli.write(
            cli.read(path).replacing(#/"schema" : \d+/#, with: "\"schema\" : \(Store.schemaVersion + 1)"), to: path)
        let before = cli.snapshot()
        let result = cli.run("rec", "update", "darren-bethany/3i", "--status", "in-progress")
        #expect(result.code == 65)
        #expect(result.err.contains("newer rlt (schema \(Store.schemaVersion + 1)"))
        #expect(result.err.contains("upgrade rlt"))
        #expect(cli.snapshot() == before)
        #expect(cli.run("rec", "show", "darren-bethany/3i").code == 0)
    }

    @Test("no store: a clear message naming init")
    func noStore() {
        let cli = CLIHarness()
        let result = cli.run("rec", "list")
        #expect(result.code == 66)
        #expect(result.err.contains("rlt init"))
    }

    @Test("check reports every problem as path:line: message")
    func checkReportsAll() throws {
        let cli = CLIHarness()
        cli.seed()
        let path = "reviews/darren-bethany.json"
        let text = cli.read(path)
            .replacingOccurrences(of: "\"lincs-police\"", with: "\"lincs-polise\"")
            .replacingOccurrences(of: "\"3i\"\n", with: "\"9\"\n")
        try cli.write(text, to: path)
        try cli.write("x", to: "reviews/.darren-bethany.json.tmp-1-1")
        let check = cli.run("check")
        #expect(check.code == 1)
        let lines = check.out.split(separator: "\n")
        #expect(lines.contains { $0.contains("action A1: agency lincs-polise is not a known agency code") })
        #expect(lines.contains { $0.contains("recommendation 3i: owner lincs-polise is not a known agency code") })
        #expect(lines.contains { $0.contains("links to missing recommendation 9") })
        #expect(lines.contains { $0.contains("stray temporary file") })
        #expect(lines.allSatisfy { $0.contains(".json:") || $0.contains(".tmp-") })
    }
}
