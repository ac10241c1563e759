import Foundation
import Testing

@testable import ReviewLearning

/// CSV lines end in CRLF; the expectations are written with LF.
private func lf(_ text: String) -> String { text.replacingOccurrences(of: "\r\n", with: "\n") }

/// Issue 19 from the command line: stage dates, the timeline, late reviews everywhere, timescales as settings, and
/// the annual report. The store's day is 2024-03-01 (`CLIHarness`).
@Suite("Review lifecycle: stages, timescales, late reviews, the annual report")
struct ReviewLifecycleTests {
    /// Four reviews at different points: a rapid review late with its decision, a CSPR on time, a SAR late with its
    /// report and a SAR that concluded in 2023-24 (with an outcome, a completed action and a declined recommendation).
    static func store() -> CLIHarness {
        let cli = CLIHarness()
        cli.seed()
        cli.run("agency", "add", "sab", "--name", "Safeguarding Adults Board", "--sector", "partnership")
        cli.run("review", "add", "rr-k", "--type", "rapid-review", "--title", "Child K", "--partnership", "lincs-scp",
            "--aware", "2024-02-01", "--notified", "2024-02-06")
        cli.run("review", "add", "cs-m", "--type", "cspr", "--title", "Child M", "--aware", "2023-10-02", "--decided", "2023-10-20")
        cli.run("review", "add", "sar-a", "--type", "sar", "--title", "Adult A", "--partnership", "sab", "--decided", "2023-04-14")
        cli.run("review", "add", "sar-b", "--type", "sar", "--title", "Adult B", "--partnership", "sab", "--decided", "2023-05-02",
            "--completed", "2024-01-15", "--status", "completed")
        cli.run("finding", "add", "sar-b", "--audience", "sab", "--text", "Self-neglect was not recognised")
        cli.run("rec", "add", "sar-b/1", "--text", "Publish a self-neglect pathway", "--owner", "sab", "--due", "2024-06")
        cli.run("rec", "add", "sar-b/2", "--text", "Create a new panel", "--owner", "sab")
        cli.run("rec", "update", "sar-b/2", "--status", "not-accepted", "--reason", "The existing panel covers it")
        cli.run("outcome", "add", "sar-b/1", "--text", "Pathway drafted", "--date", "2024-02-10")
        cli.run("action", "add", "sar-b", "--agency", "sab", "--text", "Brief staff on self-neglect", "--for", "1")
        cli.run("action", "update", "sar-b/A1", "--status", "done", "--completed", "2024-02-20")
        return cli
    }

    @Test("stage dates are set, shown as a timeline, cleared with an empty value, and refused in the future")
    func stageDates() throws {
        let cli = Self.store()
        let set = cli.run("review", "update", "rr-k", "--decided", "2024-02-28")
        #expect(set.code == 0 && set.err == "updated rr-k: decided: (none) → 2024-02-28\n", "\(set.err)")
        let show = cli.run("review", "show", "rr-k").out
        #expect(show.contains("Timeline:"))
        #expect(show.contains("notified  2024-02-06  2024-02-08  5 working days after aware   on time"), "\(show)")
        #expect(show.contains("decided   2024-02-28  2024-02-22  15 working days after aware  done 4 working days late"), "\(show)")
        #expect(cli.run("review", "update", "rr-k", "--decided", "").err == "updated rr-k: decided: 2024-02-28 → (none)\n")
        let before = cli.snapshot()
        let future = cli.run("review", "update", "rr-k", "--approved", "2024-03-02")
        #expect(future.code != 0 && future.err.contains("stage date 2024-03-02 is after the as-of day 2024-03-01"), "\(future.err)")
        #expect(future.err.split(separator: "\n").count <= 3 && cli.snapshot() == before)
        #expect(cli.run("review", "update", "rr-k", "--closed", "2024-02-30").code == 64)
        #expect(cli.run("check", "--strict").code == 0)
    }

    @Test("review list --late lists only late reviews as of the day, with the late stages; the index agrees with the files")
    func reviewListLate() {
        let cli = Self.store()
        let args = ["review", "list", "--late", "--format", "csv", "--columns", "id,aware,decided,late"]
        let late = cli.run(args)
        #expect(lf(late.out) == "id,aware,decided,late\nrr-k,2024-02-01,,decided\nsar-a,,2023-04-14,completed\n", "\(late.out)\(late.err)")
        #expect(cli.run(args, environment: ["RLT_NO_INDEX": "1"]).out == late.out)
        // The day before the rapid review fell due (2024-02-22) it was not late; the SAR's report was already.
        #expect(lf(cli.run(args + ["--as-of", "2024-02-22"]).out) == "id,aware,decided,late\nsar-a,,2023-04-14,completed\n")
        #expect(lf(cli.run(["review", "list", "--format", "csv", "--columns", "id,late"]).out).contains("cs-m,\nd"))
    }

    @Test("overdue lists late review stages first, as rows of kind review, and counts them; not under a record filter")
    func overdue() {
        let cli = Self.store()
        let csv = lf(cli.run("overdue", "--format", "csv").out)
        let lines = csv.split(separator: "\n").map(String.init)
        #expect(lines.first == "review,kind,id,due,days_overdue,owner,status,last_update,text")
        #expect(lines.dropFirst().first?.hasPrefix("rr-k,review,decided,2024-02-22,8,lincs-scp,in-progress,,") == true, "\(csv)")
        #expect(lines.dropFirst(2).first?.hasPrefix("sar-a,review,completed,2023-10-14,139,sab,in-progress,,") == true, "\(csv)")
        #expect(cli.run("overdue", "--format", "csv", "--owner", "sab").out.contains(",review,") == false)
        let table = cli.run("overdue").out
        #expect(table.hasPrefix("Review stages late against their timescales (2 stages)\n"), "\(table)")
        #expect(table.contains("0 actions, 2 review stages."))
        let json = cli.run("overdue", "--format", "json").out
        #expect(json.contains("\"kind\" : \"review\"") && json.contains("\"late_by\" : \"6 working days\""), "\(json)")
        #expect(cli.run("overdue", "--fail-if-any", "--review", "rr-k").code == 1)
        #expect(cli.run("overdue", "--format", "csv", "--columns", "review,id").out == cli.run(
            ["overdue", "--format", "csv", "--columns", "review,id"], environment: ["RLT_NO_INDEX": "1"]).out)
    }

    @Test("summary --by stage counts reviews by the stage they reached, by type, with the late and the most late")
    func summaryByStage() {
        let cli = Self.store()
        let out = cli.run("summary", "--by", "stage", "--format", "csv", "--columns", "stage,total,cspr,rapid-review,sar,late,most_late")
        #expect(
            lf(out.out) == """
                stage,total,cspr,rapid-review,sar,late,most_late
                notified,1,0,1,0,1,rr-k
                decided,2,1,0,1,1,sar-a
                approved,1,0,0,1,0,
                (none),1,0,0,0,0,
                TOTAL,5,1,1,2,2,sar-a

                """, "\(out.out)\(out.err)")
        #expect(cli.run("summary", "--by", "stage", "--owner", "sab").code == 64)
        let json = cli.run("summary", "--by", "stage", "--format", "json").out
        #expect(json.contains("\"most_late_days\" : 139") && json.contains("\"late\" : 2"), "\(json)")
        #expect(cli.run("review", "list", "--format", "json", "--columns", "id,late", "--review", "rr-k").out.contains("\"late\" : [\n      \"decided\""))
    }

    @Test("timescales are settings: set, turned off, put back, refused when wrong; check reports a bad table")
    func config() throws {
        let cli = Self.store()
        #expect(cli.run("config", "get", "timescale.sar.completed").out == "6 months after decided\n")
        #expect(cli.run("config", "set", "timescale.sar.completed", "12 months after decided").code == 0)
        #expect(!cli.run("review", "list", "--late", "--format", "csv", "--columns", "id").out.contains("sar-a"))
        #expect(cli.run("config", "set", "timescale.sar.completed", "off").code == 0)
        #expect(cli.run("config", "get", "timescale.sar.completed").out == "off\n")
        #expect(cli.run("config", "set", "timescale.sar.completed", "default").code == 0)
        let none = cli.run("config", "set", "timescale.sar.notified", "default")
        #expect(none.code == 64 && none.err.contains("no default timescale for sar notified"), "\(none.err)")
        #expect(cli.run("review", "list", "--late", "--format", "csv", "--columns", "id").out.contains("sar-a"))
        let before = cli.snapshot()
        for bad in [["timescale.sar.completed", "6 weeks after decided"], ["timescale.sar.nowhere", "off"], ["timescale.sar", "off"],
                    ["closure-days", "2024-02-30"]] {
            let result = cli.run(["config", "set"] + bad)
            #expect(result.code == 64 && result.err.hasPrefix("error: "), "\(bad): \(result.err)")
        }
        #expect(cli.snapshot() == before)
        #expect(cli.run("config", "set", "closure-days", "2024-02-05").code == 0)
        // The rapid review's decision now falls due a working day later.
        #expect(cli.run("review", "show", "rr-k").out.contains("2024-02-23"))
        var tracker = cli.read("tracker.json")
        tracker = tracker.replacingOccurrences(of: "\"months\" : 6", with: "\"months\" : 0")
        try cli.write(tracker, to: "tracker.json")
        let check = cli.run("check")
        #expect(check.code == 1 && check.out.contains("0 months is out of range"), "\(check.out)")
        // Until it is mended, the entry is not used: the SAR's report has no due day.
        #expect(!cli.run("review", "list", "--late", "--format", "csv", "--columns", "id").out.contains("sar-a"))
    }

    @Test("the board report has reviews in progress against timescales, most late first")
    func boardReport() {
        let cli = Self.store()
        let report = cli.run("report").out
        #expect(report.contains("## Reviews in progress against timescales\n\n3 reviews with a stage due against its timescale as of 2024-03-01, 2 late."), "\(report)")
        #expect(report.contains("| sar-a | SAR | Decided | Completed | 2023-10-14 | 6 months after decided | Late by 139 days | Red |"))
        #expect(report.contains("| cs-m | CSPR | Decided | Completed | 2024-04-20 | 6 months after decided | Not yet due | Green |"))
        let html = cli.run("report", "--format", "html").out
        #expect(html.contains("<section id=\"timescales\"") && html.contains("<a href=\"#timescales\">"))
    }

    @Test("the annual report: concluded reviews with findings and recommendations, ongoing ones, what was done, declined")
    func annualReport() {
        let cli = Self.store()
        let result = cli.run("report", "--year", "2023-24", "--type", "sar")
        let out = result.out
        #expect(result.code == 0, "\(result.err)")
        #expect(out.hasPrefix("# Annual report 2023-24: Lincolnshire\n"))
        #expect(out.contains("The year is not over: this is the position as of 2024-03-01."))
        #expect(out.contains("| Reviews concluded in the year | 1 |\n| Their findings | 1 |\n| Their recommendations | 2 |\n"
            + "| Reviews ongoing at the end of the year | 1 |\n| Of those, late against a timescale | 1 |\n"
            + "| Outcomes recorded and actions completed in the year | 2 |\n| Decisions not to implement a recommendation | 1 |"), "\(out)")
        #expect(out.contains("### Adult B (sar-b)\n\nSAR; concluded 2024-01-15 (the report finished by its author or panel)"))
        #expect(out.contains("- 1: Publish a self-neglect pathway — status: open"))
        #expect(out.contains("| Adult A (sar-a) | SAR | 2023-04-14 | Decided | Completed | 2023-10-14 | Late by 139 days |"))
        #expect(out.contains("| 2024-02-10 | sar-b/1 | outcome | Pathway drafted |"))
        #expect(out.contains("| 2024-02-20 | sar-b/A1 | action completed by sab | Brief staff on self-neglect |"))
        #expect(out.contains("| sar-b/2 | 2024-03-01 | Create a new panel | The existing panel covers it |"))
        #expect(!out.contains("rr-k") && !out.contains("cs-m"))
        // The year before: nothing concluded, nothing ongoing at its end (the SARs were decided after it).
        let earlier = cli.run("report", "--year", "2022-23", "--type", "sar").out
        #expect(earlier.contains("| Reviews concluded in the year | 0 |") && earlier.contains("| Reviews ongoing at the end of the year | 0 |"))
        // Later, the year is seen as it stood at its end: a review finished after it was ongoing and late then,
        // and a review with no dates, entered in 2024, was not ongoing in 2022-23.
        cli.run("review", "add", "sar-c", "--type", "sar", "--title", "Adult C", "--decided", "2023-06-01")
        cli.run("review", "update", "sar-c", "--completed", "2024-08-01", "--status", "completed", "--as-of", "2024-09-01")
        let later = cli.run("report", "--year", "2023-24", "--type", "sar", "--as-of", "2024-09-01").out
        #expect(later.contains("| Adult C (sar-c) | SAR | 2023-06-01 | Decided | Completed | 2023-12-01 | Late by 121 days |"), "\(later)")
        #expect(!cli.run("report", "--year", "2022-23").out.contains("darren-bethany"))
        #expect(cli.run("report", "--year", "2030-31").out.contains("The year has not begun"))
        let html = cli.run("report", "--year", "2023-24", "--format", "html").out
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("<h1>Lincolnshire</h1>") && html.contains("Adult B (sar-b)"))
        #expect(cli.run("report", "--year", "2023").code == 64)
        #expect(cli.run("report", "--year", "2023-24", "--since", "2023-01-01").code == 64)
    }
}
