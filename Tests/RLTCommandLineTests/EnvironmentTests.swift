import Foundation
import Testing

@testable import RLTCommandLine

/// What rlt takes from its environment (issue 14, item 14): the author written into history and today's date.
@Suite("Environment")
struct EnvironmentTests {
    @Test(
        "an author with a line break, a control character or over 200 characters is refused before anything is written",
        arguments: [
            ("RLT_AUTHOR", "alice\nby: mallory"), ("RLT_AUTHOR", "a\tb"), ("RLT_AUTHOR", "x\u{1b}[2Jy"),
            ("RLT_AUTHOR", "a\u{2028}b"), ("RLT_AUTHOR", String(repeating: "a", count: 201)), ("--author", "a\rb"),
            ("USER", "bob\n"),
        ])
    func badAuthor(_ source: String, _ name: String) {
        let cli = CLIHarness()
        cli.seed()
        let before = cli.snapshot()
        let arguments = ["rec", "update", "darren-bethany/3i", "--status", "in-progress"]
        let result: CLIHarness.Result
        switch source {
        case "--author": result = cli.run(arguments + ["--author", name])
        case "USER": result = cli.run(arguments, environment: ["RLT_AUTHOR": "", "USER": name])
        default: result = cli.run(arguments, environment: [source: name])
        }
        #expect(result.code == 64)
        #expect(result.err.hasPrefix("error: \(source): "), "\(result.err)")
        #expect(result.err.split(separator: "\n").count == 3, "one error line, then usage and help: \(result.err)")
        #expect(cli.snapshot() == before)
    }

    @Test("a name of 200 characters, with accents, is accepted")
    func longName() {
        let cli = CLIHarness()
        cli.seed()
        let name = "Siân " + String(repeating: "é", count: 195)
        #expect(cli.run(["rec", "update", "darren-bethany/3i", "--status", "in-progress"], environment: ["RLT_AUTHOR": name]).code == 0)
        #expect(cli.read("reviews/darren-bethany.json").contains("\"by\" : \"\(name)\""))
    }

    @Test(
        "without --as-of, today is the local date: 23:30 UTC on 30 June is 1 July in London",
        arguments: [("Europe/London", "2024-07-01"), ("UTC", "2024-06-30"), ("America/New_York", "2024-06-30")])
    func todayIsLocal(_ zone: String, _ expected: String) throws {
        let now = Date(timeIntervalSince1970: 1_719_790_200)  // 2024-06-30T23:30:00Z
        let cli = CLIHarness(now: now, timeZone: try #require(TimeZone(identifier: zone)))
        cli.seed()
        let result = cli.run(["action", "update", "darren-bethany/A1", "--status", "done"], environment: ["RLT_AS_OF": ""])
        #expect(result.code == 0, "\(result.err)")
        #expect(cli.read("reviews/darren-bethany.json").contains("\"completed\" : \"\(expected)\""))
        #expect(cli.read("reviews/darren-bethany.json").contains("\"at\" : \"2024-06-30T23:30:00Z\""), "history stays UTC")
    }

    @Test("a negative slipped_days is a number in CSV, not guarded text")
    func negativeSlippage() {
        let cli = CLIHarness()
        cli.seed()
        #expect(cli.run("rec", "update", "darren-bethany/3i", "--due", "2023-06").code == 0)
        let csv = cli.run("rec", "list", "--format", "csv", "--columns", "id,slipped_days", "--no-header").out
        #expect(csv.contains("3i,-366\r\n"), "\(csv)")
    }

    @Test("a damaged action status is 'not an action status'")
    func article() throws {
        let cli = CLIHarness()
        cli.seed()
        let file = cli.read("reviews/darren-bethany.json").replacingOccurrences(of: "\"planned\"", with: "\"waiting\"")
        try cli.write(file, to: "reviews/darren-bethany.json")
        let result = cli.run("action", "list")
        #expect(result.err.contains("field actions[0].status: not an action status (one of: planned"), "\(result.err)")
    }
}
