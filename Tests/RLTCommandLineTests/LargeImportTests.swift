import Foundation
import Testing

@testable import RLTCommandLine

/// Import keeps lookups of a review's records instead of scanning them on every row (issue 14, item 11; the
/// timings are in Scripts/bench-import.sh): these check that the lookups give what the scans gave.
@Suite("Large imports into one review")
struct LargeImportTests {
    func importing(_ cli: CLIHarness, _ table: String, _ csv: String) -> CLIHarness.Result {
        let path = cli.directory + "/in.csv"
        _ = FileManager.default.createFile(atPath: path, contents: Data(csv.utf8))
        return cli.run(["import", table, path, "--review", "darren-bethany"])
    }

    @Test("actions without ids get the next numbers, and the same file again matches every row by its text")
    func actionsByText() throws {
        let cli = CLIHarness()
        cli.seed()
        let rows = (1...1500).map { "lincs-police,Action \($0)\r\n" }.joined()
        let first = importing(cli, "actions", "agency,text\r\n" + rows)
        #expect(first.code == 0, "\(first.err)")
        #expect(first.err.hasSuffix("1500 added, 0 changed\n"))
        #expect(first.out.hasPrefix("added darren-bethany/A2\n") && first.out.hasSuffix("added darren-bethany/A1501\n"))
        let again = importing(cli, "actions", "agency,text\r\n" + rows + "lincs-scp,Action 7\r\n")
        #expect(again.code == 0, "\(again.err)")
        // Same text, another agency: a new action, numbered after the last.
        #expect(again.out == "added darren-bethany/A1502\n")
        let changed = importing(cli, "actions", "id,agency,text\r\nA9,lincs-police,Renamed\r\nA10,lincs-police,Action 8\r\n")
        #expect(changed.code == 0, "\(changed.err)")
        // A9's old text is no longer matched; a row with its new text is.
        let byText = importing(cli, "actions", "agency,text\r\nlincs-police,Renamed\r\nlincs-police,Action 9\r\n")
        #expect(byText.out == "added darren-bethany/A1503\n", "\(byText.err)")
    }

    @Test("recommendations: twins ignoring case, links to earlier rows and outcomes on new records")
    func recommendations() throws {
        let cli = CLIHarness()
        cli.seed()
        var csv = "rec_id,text,links\r\n"
        for n in 1...1000 { csv += "R\(n),Text \(n),\(n > 1 ? "R\(n - 1)" : "")\r\n" }
        let result = importing(cli, "recommendations", csv)
        #expect(result.code == 0, "\(result.err)")
        #expect(result.err.hasSuffix("1000 added, 0 changed\n"))
        let twin = importing(cli, "recommendations", "rec_id,text\r\nr500,Twin\r\n3I,Twin\r\n")
        #expect(twin.code == 65)
        #expect(twin.err.contains("in.csv:2: column \"rec_id\": darren-bethany/r500 is already used by another record"))
        #expect(twin.err.contains("in.csv:3: column \"rec_id\": darren-bethany/3I is already used by another record"))
        let missing = importing(cli, "recommendations", "rec_id,text,links\r\nS1,T,R1001\r\n")
        #expect(missing.err.contains("links to missing recommendation R1001"))
        let outcome = importing(cli, "outcomes", "rec,date,text\r\nR999,2024-01-05,Audit done\r\n")
        #expect(outcome.out == "added outcome on darren-bethany/R999 (2024-01-05)\n", "\(outcome.err)")
    }

    @Test("events without ids are numbered on, matched by title and date, and a changed title is matched by its new one")
    func events() throws {
        let cli = CLIHarness()
        cli.seed()
        let path = cli.directory + "/events.csv"
        func run(_ csv: String) -> CLIHarness.Result {
            _ = FileManager.default.createFile(atPath: path, contents: Data(csv.utf8))
            return cli.run("import", "events", path)
        }
        let rows = (1...800).map { "seminar,Seminar \($0),2024-01\r\n" }.joined()
        #expect(run("kind,title,date\r\n" + rows).err.hasSuffix("800 added, 0 changed\n"))
        #expect(run("kind,title,date\r\n" + rows + "seminar,Seminar 5,2024-02\r\n").out == "added E801\n")
        #expect(run("id,kind,title,date\r\nE7,seminar,Renamed,2024-01\r\n").code == 0)
        #expect(run("kind,title,date\r\nseminar,Renamed,2024-01\r\nseminar,Seminar 7,2024-01\r\n").out == "added E802\n")
    }
}
