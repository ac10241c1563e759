import Foundation
import Synchronization
import Testing

@testable import RLTCommandLine

/// The differential tests compare the index's answers with decoding every file, so they cannot notice if the index
/// stops answering altogether (decode would then be compared with decode). These name the delimited listings the
/// index must stream by itself, and see which path printed them: only the index's CSV and TSV writer writes through
/// `OutputSink.writeBytes`. (Tables and JSON from the index go through the text path, so this cannot see them.)
@Suite("Index answers what it should")
struct IndexAnswersTests {
    /// Runs one command in-process and says whether the index printed its answer.
    func run(_ cli: CLIHarness, _ arguments: [String], environment: [String: String] = [:]) -> (out: String, fromIndex: Bool) {
        let text = Mutex("")
        let fromIndex = Atomic(false)
        let stdout = OutputSink(
            isTerminal: false, write: { piece in text.withLock { $0 += piece } },
            writeBytes: { bytes in
                fromIndex.store(true, ordering: .relaxed)
                text.withLock { $0 += String(decoding: bytes, as: UTF8.self) }
            })
        var env = ["RLT_STORE": cli.store, "RLT_AUTHOR": "alice", "RLT_AS_OF": "2024-09-01"]
        env.merge(environment) { $1 }
        let context = ToolContext(
            environment: env, currentDirectory: cli.directory, now: cli.now, stdout: stdout, stderr: Capture().sink,
            terminalWidth: nil, timeZone: cli.timeZone, readStandardInput: { Data() })
        let code = RLTTool.run(arguments, context: context)
        #expect(code == 0, "\(arguments)")
        return (text.withLock { $0 }, fromIndex.load(ordering: .relaxed))
    }

    static let answeredByIndex: [[String]] = [
        ["rec", "list", "--format", "csv"],
        ["rec", "list", "--status", "open", "--format", "tsv"],
        ["rec", "list", "--owner", "lincs-scp", "--format", "csv", "--columns", "review,id,status"],
        ["overdue", "--format", "csv"],
        ["action", "list", "--format", "csv"],
    ]

    @Test("the index prints these listings, and gives what decoding gives", arguments: answeredByIndex)
    func indexAnswers(arguments: [String]) {
        let cli = CLIHarness()
        cli.seed()
        let indexed = run(cli, arguments)
        #expect(indexed.fromIndex, "the index did not answer \(arguments)")
        let decoded = run(cli, arguments, environment: ["RLT_NO_INDEX": "1"])
        #expect(!decoded.fromIndex, "RLT_NO_INDEX=1 still used the index for \(arguments)")
        #expect(indexed.out == decoded.out)
    }

    @Test(
        "whole records in JSON, reviews named by --review, and a text search are decoded",
        arguments: [
            ["rec", "list", "--format", "json"], ["rec", "list", "--review", "darren-bethany", "--format", "csv"],
            ["rec", "list", "--text", "policy", "--format", "csv"],
        ])
    func decoded(arguments: [String]) {
        let cli = CLIHarness()
        cli.seed()
        #expect(!run(cli, arguments).fromIndex)
    }
}
