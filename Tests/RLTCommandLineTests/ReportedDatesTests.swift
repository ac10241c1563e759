import Foundation
import Testing

@testable import RLTCommandLine

/// `--on`: what happened or was reported on a day, typed in later. The harness's clock says 2024-03-01T09:30:00Z,
/// so `at` is always that; `on` follows `--on`, else `--as-of`.
@Suite("Reported dates: --on, history's on and at, --since last-board")
struct ReportedDatesTests {
    func seeded() -> CLIHarness {
        let cli = CLIHarness()
        cli.seed()
        return cli
    }

    /// The history entries of the store's review file, as (on, change) pairs.
    func history(_ cli: CLIHarness, of id: String) throws -> [(on: String?, at: String, change: String)] {
        let review = try #require(try JSONSerialization.jsonObject(with: Data(cli.read("reviews/darren-bethany.json").utf8)) as? [String: Any])
        let records = (review["recommendations"] as? [[String: Any]] ?? []) + (review["actions"] as? [[String: Any]] ?? [])
        let record = try #require(records.first { $0["id"] as? String == id })
        return (record["history"] as? [[String: Any]] ?? []).map {
            ($0["on"] as? String, $0["at"] as? String ?? "", $0["change"] as? String ?? "")
        }
    }

    @Test("an update reported earlier is dated then: the note, the history's on, last_update and --stale")
    func actionNote() throws {
        let cli = seeded()
        let result = cli.run("action", "update", "darren-bethany/A1", "--note", "Half briefed", "--on", "2024-02-10")
        #expect(result.code == 0, "\(result.err)")
        let last = try #require(try history(cli, of: "A1").last)
        #expect(last.on == "2024-02-10" && last.at == "2024-03-01T09:30:00Z" && last.change == "update added (2024-02-10)")
        #expect(cli.read("reviews/darren-bethany.json").contains("\"date\" : \"2024-02-10\""))
        // Everything else was added on 2024-03-01 (the as-of day): A1's last update is now 2024-03-01 still.
        let csv = cli.run("action", "list", "--columns", "id,last_update", "--format", "csv", "--no-header").out
        #expect(csv == "A1,2024-03-01\r\n")
        // Typed on 2024-03-01, but the agency's silence since 2024-02-10 is what --stale sees when nothing later.
        let cli2 = CLIHarness()
        cli2.run("init", "--name", "P", "--as-of", "2024-01-01")
        cli2.run("agency", "add", "a", "--name", "A", "--sector", "police", "--as-of", "2024-01-01")
        cli2.run("review", "add", "r", "--type", "dhr", "--title", "R", "--as-of", "2024-01-01")
        cli2.run("action", "add", "r", "--agency", "a", "--text", "t", "--as-of", "2024-01-01")
        cli2.run("action", "update", "r/A1", "--note", "n", "--on", "2024-02-10", "--as-of", "2024-06-01")
        let stale = { (days: String) in
            cli2.run("action", "list", "--stale", days, "--as-of", "2024-06-01", "--format", "csv", "--columns", "id", "--no-header").out
        }
        #expect(stale("112") == "A1\r\n")
        #expect(stale("113") == "")
    }

    @Test("--on dates rec update's note and outcome add's outcome, and a completion reported done")
    func otherCommands() throws {
        let cli = seeded()
        #expect(cli.run("rec", "update", "darren-bethany/3i", "--status", "in-progress", "--note", "Begun", "--on", "2024-02-20").code == 0)
        #expect(try history(cli, of: "3i").last?.on == "2024-02-20")
        #expect(cli.run("outcome", "add", "darren-bethany/3ii", "--text", "Audit planned", "--on", "2024-02-21").code == 0)
        #expect(cli.run("outcome", "add", "darren-bethany/3ii", "--text", "Audit done", "--on", "2024-02-25", "--date", "2024-02").code == 0)
        let outcomes = cli.run("export", "outcomes").out
        #expect(outcomes.contains("darren-bethany,3i,2024-02-20,,,,alice,Begun\r\n"), "\(outcomes)")
        #expect(outcomes.contains("darren-bethany,3ii,2024-02,,,,alice,Audit done\r\n"))
        #expect(outcomes.contains("darren-bethany,3ii,2024-02-21,,,,alice,Audit planned\r\n"))
        #expect(try history(cli, of: "3ii").map(\.on) == ["2024-03-01", "2024-02-21", "2024-02-25"])
        #expect(cli.run("action", "update", "darren-bethany/A1", "--status", "done", "--on", "2024-02-28").code == 0)
        #expect(cli.run("action", "show", "darren-bethany/A1", "--format", "json").out.contains("\"completed\" : \"2024-02-28\""))
    }

    @Test("a reported date after --as-of is refused, naming it, and nothing is written", arguments: [
        ["action", "update", "darren-bethany/A1", "--note", "x", "--on", "2024-03-02"],
        ["rec", "update", "darren-bethany/3i", "--status", "in-progress", "--on", "2024-03-05"],
        ["outcome", "add", "darren-bethany/3i", "--text", "x", "--on", "2024-03-02"],
        ["rec", "update", "darren-bethany/3i", "--status", "in-progress", "--on", "2024-02-30"],
    ])
    func future(_ arguments: [String]) {
        let cli = seeded()
        let before = cli.snapshot()
        let result = cli.run(arguments)
        #expect(result.code == (arguments.last == "2024-02-30" ? 64 : 65), "\(result.err)")
        #expect(result.err.hasPrefix(arguments.last == "2024-02-30" ? "error: --on: " : "error: darren-bethany/"), "\(result.err)")
        #expect(result.err.contains("reported date (--on)") || arguments.last == "2024-02-30")
        #expect(cli.snapshot() == before)
    }

    @Test("--on takes a day: a month or quarter is refused, naming the option")
    func onIsADay() {
        let cli = seeded()
        let before = cli.snapshot()
        let result = cli.run("action", "update", "darren-bethany/A1", "--note", "x", "--on", "2024-02")
        #expect(result.code == 64 && result.err.hasPrefix("error: --on: \"2024-02\" is not a day"), "\(result.err)")
        #expect(cli.snapshot() == before)
    }

    @Test("an import's status and due changes reach the digest")
    func importInDigest() throws {
        let cli = seeded()
        let file = "\(cli.directory)/plan.csv"
        try "review_id,rec_id,status,due\ndarren-bethany,3i,in-progress,2024-09\n".write(toFile: file, atomically: true, encoding: .utf8)
        #expect(cli.run("import", "recommendations", file).code == 0)
        let report = cli.run("report", "--since", "2024-03-01").out
        #expect(report.contains("| lincs-scp | darren-bethany/3i | 2024-03-01 | status | open → in-progress |"), "\(report)")
        #expect(report.contains("| lincs-scp | darren-bethany/3i | 2024-03-01 | due | 2024-06 → 2024-09 |"))
    }

    @Test("log lists on and at, in order of on; --since filters on on, --recorded-since on at")
    func log() {
        let cli = seeded()
        cli.run("action", "update", "darren-bethany/A1", "--note", "Half briefed", "--on", "2024-02-10")
        let csv = cli.run("log", "darren-bethany/A1", "--format", "csv").out
        #expect(csv == "on,at,by,record,change,text\r\n"
            + "2024-02-10,2024-03-01T09:30:00Z,alice,darren-bethany/A1,update added (2024-02-10),Half briefed\r\n"
            + "2024-03-01,2024-03-01T09:30:00Z,alice,darren-bethany/A1,added,\r\n")
        #expect(cli.run("log", "--since", "2024-03-01", "--format", "csv", "--columns", "record,change", "--no-header").out
            .contains("update added") == false)
        #expect(cli.run("log", "--recorded-since", "2024-03-01", "--format", "csv", "--columns", "change").out.contains("update added"))
        #expect(cli.run("log", "--recorded-since", "2024-03-02", "--format", "csv", "--no-header").out.isEmpty)
    }

    @Test("board meetings: event add --kind board, --since last-board for log and report, never dissemination")
    func lastBoard() {
        let cli = seeded()
        #expect(cli.run("log", "--since", "last-board").code == 65)
        #expect(cli.run("event", "add", "--kind", "board", "--date", "2024-01-15", "--as-of", "2024-01-20").out == "E1\n")
        #expect(cli.run("event", "add", "--kind", "board", "--date", "2024-02-15", "--as-of", "2024-02-20").out == "E2\n")
        #expect(cli.run("event", "add", "--kind", "seminar", "--date", "2024-02-01").code == 64)
        let events = cli.run("event", "list").out
        #expect(events.contains("E1  2024-01-15  board") && events.contains("Board meeting"), "\(events)")
        cli.run("action", "update", "darren-bethany/A1", "--note", "Early", "--on", "2024-02-01")
        cli.run("action", "update", "darren-bethany/A1", "--note", "Late", "--on", "2024-02-16")
        let since = { (asOf: String) in
            cli.run("log", "--since", "last-board", "--as-of", asOf, "--format", "csv", "--columns", "on,change", "--no-header").out
        }
        // On 2024-02-10 the last board was 2024-01-15: the early note is after it.
        #expect(since("2024-02-10").contains("2024-02-01,update added (2024-02-01)"))
        #expect(!since("2024-03-01").contains("update added (2024-02-01)") && since("2024-03-01").contains("update added (2024-02-16)"))
        let report = cli.run("report", "--since", "last-board").out
        #expect(report.contains("2024-02-15"))
        #expect(!report.contains("Board meeting"), "board meetings are not dissemination events")
    }
}
