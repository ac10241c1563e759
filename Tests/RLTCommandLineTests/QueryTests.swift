import Foundation
import Testing

@testable import RLTCommandLine

/// A hand-counted fixture: two reviews, five recommendations, three actions, themes and text to search.
private func fixture() -> CLIHarness {
    let cli = CLIHarness()
    cli.run("init", "--name", "Fixture")
    cli.run("agency", "add", "police", "--name", "Police", "--sector", "police")
    cli.run("agency", "add", "health", "--name", "Health", "--sector", "health")
    cli.run("agency", "add", "board", "--name", "Board", "--sector", "partnership")
    cli.run("review", "add", "alpha", "--type", "dhr", "--title", "Alpha", "--summary", "MARAC referral missed")
    cli.run("review", "add", "beta", "--type", "sar", "--title", "Béta")
    // alpha/1: month due 2024-06, themes marac-mappa + information-sharing
    cli.run("rec", "add", "alpha/1", "--text", "Refer high-risk cases to MARAC", "--owner", "police", "--owner", "board",
            "--due", "2024-06", "--theme", "marac-mappa", "--theme", "information-sharing")
    // alpha/2: quarter due 2024-Q2, theme information-sharing
    cli.run("rec", "add", "alpha/2", "--text", "Share records with the GP", "--owner", "health", "--due", "2024-Q2",
            "--theme", "information-sharing")
    // alpha/3: due long ago but assured (terminal): never overdue
    cli.run("rec", "add", "alpha/3", "--text", "Train call handlers", "--owner", "police", "--due", "2023-01", "--theme", "training")
    cli.run("rec", "update", "alpha/3", "--status", "assured")
    // beta/1: no due date; text with an accent to search
    cli.run("rec", "add", "beta/1", "--text", "Revise the Safeguarding Adults policy (réunion)", "--owner", "board")
    // beta/2: due far ahead
    cli.run("rec", "add", "beta/2", "--text", "Audit marac attendance", "--owner", "health", "--due", "2025-12-31",
            "--theme", "marac-mappa")
    // Actions: alpha/A1 for the on-time rec beta... (alpha/1) but itself due earlier
    cli.run("action", "add", "alpha", "--agency", "police", "--text", "Brief officers", "--for", "1", "--due", "2024-05-15")
    cli.run("action", "add", "alpha", "--agency", "health", "--text", "Update the GP template", "--for", "2", "--due", "2024-06")
    cli.run("action", "add", "beta", "--agency", "board", "--text", "Hold a MARAC workshop", "--due", "2024-03")
    cli.run("action", "update", "beta/A1", "--status", "done", "--completed", "2024-03-20", "--as-of", "2024-03-20")
    return cli
}

@Suite("Analyst queries")
struct QueryTests {
    func ids(_ cli: CLIHarness, _ arguments: String...) -> [String] {
        let result = cli.run(arguments + ["--format", "csv", "--columns", "review,id", "--no-header"])
        #expect(result.code == 0, "\(result.err)")
        return result.out.split(separator: "\r\n").map { $0.replacingOccurrences(of: ",", with: "/") }
    }

    @Test(
        "a month or quarter falls due at its end; terminal records are never overdue",
        arguments: [
            ("2024-06-30", [String]()),
            ("2024-07-01", ["alpha/1", "alpha/2"]),
        ])
    func edges(asOf: String, expected: [String]) {
        let cli = fixture()
        #expect(ids(cli, "rec", "list", "--overdue", "--as-of", asOf) == expected)
    }

    @Test("an action overdue under an on-time recommendation is listed by overdue")
    func actionUnderOnTimeRecommendation() {
        let cli = fixture()
        let rows = ids(cli, "overdue", "--as-of", "2024-05-16")
        #expect(rows == ["alpha/A1"])
        #expect(ids(cli, "rec", "list", "--overdue", "--as-of", "2024-05-16").isEmpty)
        let table = cli.run("overdue", "--as-of", "2024-05-16").out
        #expect(table.contains("alpha — Alpha (1 overdue)"))
        #expect(squeeze(table).contains("action A1 2024-05-15 1 police planned"))
        #expect(table.contains("1 overdue as of 2024-05-16: 0 recommendations, 1 action."))
    }

    @Test("overdue groups by review, oldest first, recommendations and actions together")
    func overdueOrder() {
        let cli = fixture()
        #expect(ids(cli, "overdue", "--as-of", "2024-07-02") == ["alpha/A1", "alpha/1", "alpha/2", "alpha/A2"])
        #expect(ids(cli, "overdue", "--as-of", "2024-07-02", "--owner", "health") == ["alpha/2", "alpha/A2"])
        #expect(ids(cli, "overdue", "--as-of", "2024-07-02", "--lead", "board").isEmpty)
        #expect(ids(cli, "overdue", "--as-of", "2024-07-02", "--theme", "marac-mappa") == ["alpha/A1", "alpha/1"])
    }

    @Test("overdue JSON of whole records says which are recommendations and which actions")
    func overdueJSONKind() throws {
        let cli = fixture()
        for format in ["json", "jsonl"] {
            let out = cli.run("overdue", "--as-of", "2024-07-02", "--format", format).out
            let objects = try (format == "json" ? [Data(out.utf8)] : out.split(separator: "\n").map { Data($0.utf8) })
                .flatMap { data -> [[String: Any]] in
                    let value = try JSONSerialization.jsonObject(with: data)
                    return try #require(value as? [[String: Any]] ?? (value as? [String: Any]).map { [$0] })
                }
            #expect(objects.map { "\($0["kind"] ?? "-") \($0["id"] ?? "-")" } == [
                "action A1", "recommendation 1", "recommendation 2", "action A2",
            ])
            #expect(objects.first?["agency"] as? String == "police")
        }
    }

    @Test("RAG as of a day: blue terminal, red overdue, amber within 30 days, green later, grey undated")
    func rag() {
        let cli = fixture()
        let out = cli.run("rec", "list", "--as-of", "2024-06-05", "--format", "csv", "--columns", "id,rag", "--no-header").out
        #expect(out == "1,amber\r\n2,amber\r\n3,blue\r\n1,grey\r\n2,green\r\n")
        #expect(ids(cli, "rec", "list", "--as-of", "2024-06-05", "--rag", "amber") == ["alpha/1", "alpha/2"])
        cli.run("config", "set", "amber-days", "24")
        #expect(ids(cli, "rec", "list", "--as-of", "2024-06-05", "--rag", "amber").isEmpty)
        #expect(ids(cli, "rec", "list", "--as-of", "2024-06-06", "--rag", "amber") == ["alpha/1", "alpha/2"])
    }

    @Test("filters: status, owner, lead, theme, level, due window, text, stale")
    func filters() {
        let cli = fixture()
        #expect(ids(cli, "rec", "list", "--status", "assured") == ["alpha/3"])
        #expect(ids(cli, "rec", "list", "--owner", "board") == ["alpha/1", "beta/1"])
        #expect(ids(cli, "rec", "list", "--lead", "board") == ["beta/1"])
        #expect(ids(cli, "rec", "list", "--theme", "information-sharing") == ["alpha/1", "alpha/2"])
        #expect(ids(cli, "rec", "list", "--due-before", "2024-06") == ["alpha/3"])
        #expect(ids(cli, "rec", "list", "--due-after", "2024-06") == ["beta/2"])
        #expect(ids(cli, "rec", "list", "--text", "REUNION") == ["beta/1"])
        #expect(ids(cli, "rec", "list", "--type", "sar") == ["beta/1", "beta/2"])
        #expect(ids(cli, "action", "list", "--status", "done") == ["beta/A1"])
        // Everything was entered on 2024-03-01 (the harness clock): stale after 90 days unless terminal.
        #expect(ids(cli, "rec", "list", "--stale", "90", "--as-of", "2024-05-29").isEmpty)
        #expect(ids(cli, "rec", "list", "--stale", "90", "--as-of", "2024-05-30") == ["alpha/1", "alpha/2", "beta/1", "beta/2"])
        #expect(ids(cli, "rec", "list", "--sort", "due", "--limit", "2") == ["alpha/3", "alpha/1"])
        #expect(ids(cli, "rec", "list", "--sort", "owner") == ["beta/1", "alpha/2", "beta/2", "alpha/1", "alpha/3"])
        let unknown = cli.run("rec", "list", "--owner", "polise")
        #expect(unknown.code == 65)
        #expect(unknown.err.contains("did you mean \"police\""))
    }

    @Test("the same query gives the same rows in table, csv, tsv, json and jsonl")
    func formatsAgree() throws {
        let cli = fixture()
        let base = ["overdue", "--as-of", "2024-07-02", "--columns", "review,id,due,text"]
        let csv = cli.run(base + ["--format", "csv"]).out.split(separator: "\r\n").dropFirst().map {
            $0.split(separator: ",", maxSplits: 3).map(String.init)
        }
        let tsv = cli.run(base + ["--format", "tsv"]).out.split(separator: "\n").dropFirst().map {
            $0.split(separator: "\t").map(String.init)
        }
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(cli.run(base + ["--format", "json"]).out.utf8)) as? [[String: String]])
        let jsonl = try cli.run(base + ["--format", "jsonl"]).out.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: String])
        }
        let table = cli.run(base + ["--format", "table", "--sort", "review"]).out.split(separator: "\n").dropFirst().map {
            $0.split(separator: " ", maxSplits: 3, omittingEmptySubsequences: true).map { $0.trimmingCharacters(in: .whitespaces) }
        }
        let keys = ["review", "id", "due", "text"]
        let fromJSON = json.map { row in keys.map { row[$0] ?? "" } }
        let fromJSONL = jsonl.map { row in keys.map { row[$0] ?? "" } }
        #expect(csv.count == 4)
        #expect(csv == tsv)
        #expect(csv == fromJSON)
        #expect(csv == fromJSONL)
        #expect(csv == table)
        // Without --columns, JSON is the records as stored plus review and the derived views.
        let full = try #require(
            try JSONSerialization.jsonObject(with: Data(cli.run("rec", "list", "--as-of", "2024-07-02", "--format", "json").out.utf8))
                as? [[String: Any]])
        #expect(full.count == 5)
        #expect(full[0]["rag"] as? String == "red")
        #expect(full[0]["days_overdue"] as? Int == 2)
        #expect(full[0]["owners"] as? [String] == ["police", "board"])
    }

    @Test("an unknown column names the valid ones")
    func unknownColumn() {
        let cli = fixture()
        let result = cli.run("rec", "list", "--columns", "id,ownr")
        #expect(result.code == 64)
        #expect(result.err.contains("unknown column \"ownr\"; did you mean \"owner"))
        #expect(result.err.contains("valid columns: review, id, level, owners"))
    }

    @Test("no match exits 0; --fail-if-any exits 1 when something matches")
    func exitCodes() {
        let cli = fixture()
        #expect(cli.run("overdue", "--as-of", "2024-01-01").code == 0)
        #expect(cli.run("overdue", "--as-of", "2024-01-01", "--fail-if-any").code == 0)
        let hit = cli.run("overdue", "--as-of", "2024-07-02", "--fail-if-any")
        #expect(hit.code == 1)
        #expect(hit.err.isEmpty)
        #expect(!hit.out.isEmpty)
    }

    @Test("summary --by theme counts match the hand count")
    func summaryByTheme() {
        let cli = fixture()
        let out = cli.run(
            "summary", "--by", "theme", "--as-of", "2024-07-02", "--format", "csv",
            "--columns", "theme,total,open,assured,red,green,blue,grey,overdue,assured_pct,oldest_overdue,oldest_overdue_days"
        ).out
        #expect(
            out == """
                theme,total,open,assured,red,green,blue,grey,overdue,assured_pct,oldest_overdue,oldest_overdue_days\r
                information-sharing,2,2,0,2,0,0,0,2,0%,alpha/1,2\r
                marac-mappa,2,2,0,1,1,0,0,1,0%,alpha/1,2\r
                training,1,0,1,0,0,1,0,0,100%,,\r
                (none),1,1,0,0,0,0,1,0,0%,,\r
                TOTAL,5,4,1,2,1,1,1,2,20%,alpha/1,2\r

                """)
        let agencies = cli.run("summary", "--by", "agency", "--format", "csv", "--columns", "agency,total,done").out
        #expect(agencies == "agency,total,done\r\nboard,1,1\r\nhealth,1,0\r\npolice,1,0\r\nTOTAL,3,1\r\n")
    }

    @Test("search --count answers 'how many reviews mention MARAC?'")
    func searchCount() {
        let cli = fixture()
        let out = cli.run("search", "marac", "--count").out
        #expect(out == "2 of 2 reviews, 2 of 5 recommendations, 0 of 0 findings, 1 of 3 actions, 0 of 0 events\n")
        #expect(cli.run("search", "RÉUNION", "--count").out.hasPrefix("1 of 2 reviews, 1 of 5 recommendations"))
        let hits = cli.run("search", "marac", "--format", "csv", "--columns", "reference,kind,field", "--no-header").out
        #expect(hits == "alpha,review,summary\r\nalpha/1,recommendation,text\r\nbeta/2,recommendation,text\r\nbeta/A1,action,text\r\nmarac-mappa,theme,label\r\n")
    }

    @Test("log shows who changed what, filtered by record, date and author")
    func log() {
        let cli = fixture()
        cli.run("rec", "update", "alpha/1", "--status", "in-progress", "--author", "bob")
        let one = cli.run("log", "alpha/1", "--format", "csv", "--columns", "by,record,change", "--no-header").out
        #expect(one == "alice,alpha/1,added\r\nbob,alpha/1,status: open → in-progress\r\n")
        let bob = cli.run("log", "--author", "BOB", "--format", "csv", "--columns", "record", "--no-header").out
        #expect(bob == "alpha/1\r\n")
        // The fixture marked beta/A1 done as of 2024-03-20: that is the day its change counts from.
        let since = cli.run("log", "--since", "2024-03-02", "--format", "csv", "--columns", "on,record", "--no-header").out
        #expect(since == "2024-03-20,beta/A1\r\n")
        #expect(cli.run("log", "--since", "2024-03-21").out == "ON  AT  BY  RECORD  CHANGE  TEXT\n")
        #expect(cli.run("log", "alpha/9").code == 65)
    }

    @Test("tables fit a terminal and colour the RAG only when asked or on a terminal")
    func terminal() {
        let cli = fixture()
        let out = Capture()
        let context = ToolContext(
            environment: ["RLT_STORE": cli.store, "RLT_AS_OF": "2024-07-02"], currentDirectory: cli.directory,
            now: cli.now, stdout: OutputSink(isTerminal: true, write: out.sink.write), stderr: Capture().sink,
            terminalWidth: 90)
        #expect(RLTTool.run(["rec", "list"], context: context) == 0)
        let lines = out.text.split(separator: "\n")
        #expect(lines.allSatisfy { $0.replacing(/\u{1B}\[[0-9;]*m/, with: "").count <= 90 })
        #expect(out.text.contains("…"))
        #expect(out.text.contains("\u{1B}[31mred\u{1B}[0m"))
        let piped = cli.run("rec", "list", "--as-of", "2024-07-02").out
        #expect(!piped.contains("…") && !piped.contains("\u{1B}"))
        #expect(cli.run("rec", "list", "--color", "always").out.contains("\u{1B}["))
        let noColor = Capture()
        var plain = context
        plain.environment["NO_COLOR"] = "1"
        plain.stdout = OutputSink(isTerminal: true, write: noColor.sink.write)
        _ = RLTTool.run(["rec", "list"], context: plain)
        #expect(!noColor.text.contains("\u{1B}"))
    }
}
