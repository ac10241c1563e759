import Foundation
import Testing

@testable import RLTCommandLine

/// `rec update A B C …` and `action update A B …`: the same change to many records, in one transaction.
@Suite("Bulk updates")
struct BulkUpdateTests {
    /// Every file of the store, by path relative to it (what "nothing written" compares).
    func files(_ cli: CLIHarness) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for name in ["tracker.json", "events.json", "reviews/darren-bethany.json", "reviews/other.json"] {
            let path = "\(cli.store)/\(name)"
            if FileManager.default.fileExists(atPath: path) { result[name] = try Data(contentsOf: URL(fileURLWithPath: path)) }
        }
        return result
    }

    /// CSV lines without their CRLF endings.
    func lines(_ csv: String) -> [String] {
        csv.split(separator: "\r\n").map(String.init)
    }

    func seedTwoReviews() -> CLIHarness {
        let cli = CLIHarness()
        cli.seed()
        cli.run("review", "add", "other", "--type", "sar", "--title", "Other", "--partnership", "lincs-csp")
        cli.run("rec", "add", "other/1", "--text", "Train staff", "--owner", "lincs-scp", "--due", "2024-09")
        cli.run("action", "add", "other", "--agency", "lincs-scp", "--text", "Run sessions", "--for", "1")
        return cli
    }

    @Test("one change to recommendations in two reviews: each gets it, one line each, in the order named")
    func recommendations() throws {
        let cli = seedTwoReviews()
        let result = cli.run("rec", "update", "other/1", "darren-bethany/3i", "darren-bethany/3ii", "--status", "in-progress")
        #expect(result.code == 0, "\(result.err)")
        #expect(
            result.err == """
                updated other/1: status: open → in-progress
                updated darren-bethany/3i: status: open → in-progress
                updated darren-bethany/3ii: status: open → in-progress

                """)
        let listed = cli.run("rec", "list", "--status", "in-progress", "--format", "csv", "--columns", "review,id").out
        #expect(lines(listed) == ["review,id", "darren-bethany,3i", "darren-bethany,3ii", "other,1"])
    }

    @Test("actions too", arguments: [["darren-bethany/A1", "other/A1"]])
    func actions(refs: [String]) throws {
        let cli = seedTwoReviews()
        let result = cli.run(["action", "update"] + refs + ["--status", "done"])
        #expect(result.code == 0, "\(result.err)")
        #expect(result.err.split(separator: "\n").count == 2)
        let listed = cli.run("action", "list", "--status", "done", "--format", "csv", "--columns", "review,id,completed").out
        #expect(lines(listed) == ["review,id,completed", "darren-bethany,A1,2024-03-01", "other,A1,2024-03-01"])
    }

    @Test(
        "one bad record refuses them all: nothing is written",
        arguments: [
            (["darren-bethany/3i", "darren-bethany/9"], 65, "no recommendation darren-bethany/9"),
            (["darren-bethany/3i", "missing/1"], 65, "missing"),
            (["other/1", "darren-bethany/3i", "darren-bethany/3i"], 64, "darren-bethany/3i is named twice"),
            (["darren-bethany/3i", "not a ref"], 64, "REVIEW/ID"),
        ])
    func allOrNothing(refs: [String], code: Int32, message: String) throws {
        let cli = seedTwoReviews()
        let before = try files(cli)
        let result = cli.run(["rec", "update"] + refs + ["--note", "assured"])
        #expect(result.code == code, "\(result.err)")
        #expect(result.err.contains(message), "\(result.err)")
        #expect(result.err.hasPrefix("error:"))
        #expect(try files(cli) == before)
    }

    @Test("a rule broken by one record (a reopen without a reason) refuses the others too")
    func ruleBrokenByOne() throws {
        let cli = seedTwoReviews()
        #expect(cli.run("rec", "update", "other/1", "--status", "not-accepted", "--reason", "No budget").code == 0)
        let before = try files(cli)
        let result = cli.run("rec", "update", "darren-bethany/3i", "other/1", "--status", "in-progress")
        #expect(result.code == 65, "\(result.err)")
        #expect(result.err.contains("other/1"), "\(result.err)")
        #expect(try files(cli) == before)
    }
}
