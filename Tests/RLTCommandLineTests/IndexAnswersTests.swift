import Foundation
import Testing

@testable import RLTCommandLine

/// The differential tests compare the index's answers with decoding every file, so on their own they could not
/// notice if the index stopped answering altogether (decode would then be compared with decode). The engine says
/// which source answered (`RLT_SHOW_SOURCE=1`, a note on stderr); these name the queries the index must answer by
/// itself, and those that must be decoded.
@Suite("Index answers what it should")
struct IndexAnswersTests {
    static let fromIndex = "note: answered from the index (.index/)\n"

    /// Runs one command with the source reported: its stdout, and the note saying where the records came from.
    static func run(_ cli: CLIHarness, _ arguments: [String], environment: [String: String] = [:]) -> (out: String, source: String) {
        var env = ["RLT_SHOW_SOURCE": "1", "RLT_AS_OF": "2024-09-01"]
        env.merge(environment) { $1 }
        let result = cli.run(arguments, environment: env)
        #expect(result.code == 0, "\(arguments): \(result.err)")
        return (result.out, result.err)
    }

    static let answeredByIndex: [[String]] = [
        ["rec", "list"],
        ["rec", "list", "--format", "csv"],
        ["rec", "list", "--status", "open", "--format", "tsv"],
        ["rec", "list", "--owner", "lincs-scp", "--format", "csv", "--columns", "review,id,status"],
        ["rec", "list", "--sort", "due", "--format", "json", "--columns", "id,due"],
        ["rec", "list", "--sort", "owner", "--limit", "3"],
        ["overdue"],
        ["overdue", "--format", "csv"],
        ["overdue", "--sort", "due", "--format", "csv"],
        ["action", "list", "--format", "csv"],
        ["action", "list", "--overdue", "--format", "jsonl", "--columns", "id,days_overdue"],
        ["summary"],
        ["summary", "--by", "theme", "--of", "actions"],
        ["rec", "list", "--text", "policy", "--format", "csv"],
        ["action", "list", "--text", "BRIEF"],
        ["review", "list"],
        ["review", "list", "--text", "bethany", "--format", "csv"],
        ["search", "policy"],
        ["search", "Policy", "--count"],
    ]

    @Test("the index answers these by itself, and gives what decoding gives", arguments: answeredByIndex)
    func indexAnswers(arguments: [String]) {
        let cli = CLIHarness()
        cli.seed()
        let indexed = Self.run(cli, arguments)
        #expect(indexed.source == Self.fromIndex, "the index did not answer \(arguments)")
        let decoded = Self.run(cli, arguments, environment: ["RLT_NO_INDEX": "1"])
        #expect(decoded.source.hasPrefix("note: answered from ") && decoded.source.hasSuffix(" decoded review files\n"))
        #expect(indexed.out == decoded.out)
    }

    @Test(
        "whole records in JSON and reviews named by --review are decoded",
        arguments: [
            ["rec", "list", "--format", "json"], ["rec", "list", "--review", "darren-bethany", "--format", "csv"],
            ["overdue", "--format", "jsonl"], ["review", "list", "--review", "darren-bethany"],
        ])
    func decoded(arguments: [String]) {
        let cli = CLIHarness()
        cli.seed()
        let source = Self.run(cli, arguments).source
        #expect(source.hasPrefix("note: answered from ") && source.hasSuffix(" decoded review files\n"), "\(source)")
    }

    @Test("without RLT_SHOW_SOURCE nothing is said")
    func quiet() {
        let cli = CLIHarness()
        cli.seed()
        #expect(cli.run(["overdue", "--format", "csv"], environment: ["RLT_AS_OF": "2024-09-01"]).err == "")
    }
}
