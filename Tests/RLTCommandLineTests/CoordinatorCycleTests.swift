import Foundation
import Testing

@testable import RLTCommandLine

/// The coordinator's cycle, walked through: three agencies, three board meetings, everything typed in after the
/// fact (the clock says 2024-09-30) with the dates it was reported. Before each board: `chase`; the digest for each
/// board shows exactly what was reported in its period; `--stale` counts from the reported dates.
@Suite("The coordinator's cycle: chase, enter what was reported, the board digest")
struct CoordinatorCycleTests {
    let cli = CLIHarness(now: Date(timeIntervalSince1970: 1_727_690_400))  // 2024-09-30T10:00:00Z

    @discardableResult
    func run(_ asOf: String, _ arguments: String...) -> CLIHarness.Result {
        let result = cli.run(arguments + ["--as-of", asOf])
        #expect(result.code == 0, "rlt \(arguments.joined(separator: " ")): \(result.err)")
        return result
    }

    /// `chase` as `agency id reason` lines.
    func chase(_ asOf: String, _ extra: String...) -> [String] {
        let csv = run(asOf, ["chase", "--format", "csv"] + extra).out
        return csv.split(separator: "\r\n").dropFirst().map { line in
            let cells = line.components(separatedBy: ",")
            return "\(cells[0]) \(cells[5]) \(cells[8])"
        }
    }

    func run(_ asOf: String, _ arguments: [String]) -> CLIHarness.Result {
        let result = cli.run(arguments + ["--as-of", asOf])
        #expect(result.code == 0, "rlt \(arguments.joined(separator: " ")): \(result.err)")
        return result
    }

    /// The rows of the digest's table for review r1 in `report --since`, as Markdown cells joined by " | ".
    func digest(_ asOf: String, since: String) -> [String] {
        let report = run(asOf, ["report", "--since", since]).out
        guard let start = report.range(of: "### Review One (r1)\n") else { return [] }
        let table = report[start.upperBound...].split(separator: "\n\n").first ?? ""
        return table.split(separator: "\n").dropFirst(2).map { line in
            line.trimmingCharacters(in: CharacterSet(charactersIn: "| "))
        }
    }

    @Test("three boards: chase before each, the digest of each period, staleness by reported date")
    func cycle() {
        run("2024-01-05", "init", "--name", "Safer Partnership")
        run("2024-01-05", "agency", "add", "police", "--name", "Police", "--sector", "police", "--email", "ppu@police.example")
        run("2024-01-05", "agency", "add", "health", "--name", "Health Trust", "--sector", "health")
        run("2024-01-05", "agency", "add", "council", "--name", "Council", "--sector", "local-authority")
        run("2024-01-05", "review", "add", "r1", "--type", "dhr", "--title", "Review One")
        run("2024-01-05", "rec", "add", "r1/1", "--text", "Relaunch the policy", "--owner", "police", "--owner", "health", "--due", "2024-03")
        run("2024-01-05", "rec", "add", "r1/2", "--text", "Audit the pathway", "--owner", "council", "--due", "2024-12")
        run("2024-01-05", "action", "add", "r1", "--agency", "police", "--text", "Brief officers", "--for", "1", "--due", "2024-02")
        run("2024-01-05", "action", "add", "r1", "--agency", "health", "--text", "Audit records", "--for", "1", "--due", "2024-05")
        // The board meetings, entered after the fact.
        for date in ["2024-02-15", "2024-04-15", "2024-06-15"] { run("2024-09-30", "event", "add", "--kind", "board", "--date", date) }

        // Period 1: the updates reported before the first board, typed in days later.
        run("2024-02-12", "action", "update", "r1/A1", "--note", "Briefing planned", "--on", "2024-02-05")
        run("2024-02-12", "rec", "update", "r1/1", "--status", "in-progress", "--on", "2024-02-10")
        // Before the first board the police action falls due within the month; the council's silence since
        // 2024-01-05 is not yet 90 days.
        #expect(chase("2024-02-14") == ["police A1 due-soon"])
        #expect(digest("2024-02-14", since: "2024-01-01") == [
            "police | r1/A1 | 2024-02-05 | progress note | Briefing planned",
            "police | r1/1 | 2024-02-10 | status | open → in-progress",
        ])

        // Period 2: the action done, a note from health, the recommendation's date moved.
        run("2024-03-22", "action", "update", "r1/A1", "--status", "done", "--note", "All briefed", "--on", "2024-03-20")
        run("2024-04-03", "action", "update", "r1/A2", "--note", "Audit started", "--on", "2024-04-01")
        run("2024-03-28", "rec", "update", "r1/1", "--due", "2024-06", "--on", "2024-03-25")
        // Before the second board only the council owes: nothing reported on 2 since it was added on 2024-01-05.
        #expect(chase("2024-04-14") == ["council 2 stale"])
        #expect(digest("2024-04-14", since: "last-board") == [
            "health | r1/A2 | 2024-04-01 | progress note | Audit started",
            "police | r1/A1 | 2024-03-20 | status | planned → done",
            "police | r1/A1 | 2024-03-20 | progress note | All briefed",
            "police | r1/1 | 2024-03-25 | due | 2024-03 → 2024-06",
        ])

        // Period 3: the outcome, reported on 2024-06-01.
        run("2024-06-05", "outcome", "add", "r1/1", "--text", "Policy relaunched", "--assurance", "reasonable", "--by", "health", "--on", "2024-06-01")
        // Health is most overdue (its audit, due in May); the policy falls due this month for both its owners; the
        // council has been silent since 2024-01-05, however late everything was typed in.
        #expect(chase("2024-06-14") == ["health A2 overdue", "health 1 due-soon", "council 2 stale", "police 1 due-soon"])
        #expect(chase("2024-06-14", "--stale", "161") == ["health A2 overdue", "health 1 due-soon", "council 2 stale", "police 1 due-soon"])
        #expect(!chase("2024-06-14", "--stale", "162").contains("council 2 stale"))
        #expect(digest("2024-06-14", since: "last-board") == [
            "police | r1/1 | 2024-06-01 | assurance | not-assessed → reasonable",
            "police | r1/1 | 2024-06-01 | outcome (assurance reasonable, by health) | Policy relaunched",
        ])
        // The review's log of the last period has the outcome's text; everything was typed on 2024-09-30, which
        // --recorded-since sees.
        let log = run("2024-06-14", ["log", "r1", "--since", "last-board", "--format", "csv", "--columns", "on,record,text", "--no-header"]).out
        #expect(log == "2024-06-01,r1/1,Policy relaunched\r\n")
        let all = run("2024-06-14", ["log", "--format", "csv", "--no-header"]).out
        #expect(run("2024-06-14", ["log", "--recorded-since", "2024-09-30", "--format", "csv", "--no-header"]).out == all)
        #expect(run("2024-06-14", ["log", "--recorded-since", "2024-10-01", "--format", "csv", "--no-header"]).out.isEmpty)
    }
}
