import Foundation
import Testing

@testable import RLTCommandLine

@Suite("A coordinator's first session")
struct WorkflowTests {
    @Test("init, agencies, review, recommendations, action, outcome, update, show")
    func firstSession() throws {
        let cli = CLIHarness()
        #expect(cli.run("init", "--name", "Lincolnshire").code == 0)
        cli.seed()
        let outcome = cli.run(
            "outcome", "add", "darren-bethany/3i", "--text", "All partners gave positive assurance", "--assurance",
            "reasonable", "--by", "lincs-scp", "--date", "2024-05-20", "--as-of", "2024-05-20")
        #expect(outcome.code == 0)
        let update = cli.run("rec", "update", "darren-bethany/3i", "--status", "implemented", "--author", "bob")
        #expect(update.code == 0, "\(update.err)")
        let show = cli.run("rec", "show", "darren-bethany/3i")
        let text = squeeze(show.out)
        #expect(show.code == 0)
        #expect(text.contains("Recommendation: darren-bethany/3i"))
        #expect(text.contains("lincs-scp (lead); lincs-police"))
        #expect(text.contains("Due: 2024-06"))
        #expect(text.contains("Status: implemented"))
        #expect(text.contains("Assurance: reasonable"))
        #expect(text.contains("2024-05-20 reasonable lincs-scp alice All partners gave positive assurance"))
        #expect(text.contains("A1 lincs-police planned - Brief officers"))
        #expect(text.contains("2024-03-01T09:30:00Z alice added"))
        #expect(text.contains("2024-03-01T09:30:00Z bob status: open → implemented"))
        #expect(cli.run("check").code == 0)
        #expect(cli.run("check").out.isEmpty)
    }

    @Test("action add prints the new reference and numbers actions in order")
    func actionReferences() {
        let cli = CLIHarness()
        cli.seed()
        let second = cli.run("action", "add", "darren-bethany", "--agency", "lincs-scp", "--text", "Relaunch policy")
        #expect(second.out == "darren-bethany/A2\n")
        let named = cli.run("action", "add", "darren-bethany", "--agency", "lincs-scp", "--text", "x", "--id", "A10")
        #expect(named.out == "darren-bethany/A10\n")
        #expect(cli.run("action", "add", "darren-bethany", "--agency", "lincs-scp", "--text", "y").out == "darren-bethany/A11\n")
    }

    @Test("moving a due date keeps the original and shows the slippage")
    func slippage() {
        let cli = CLIHarness()
        cli.seed()
        cli.run("rec", "update", "darren-bethany/3i", "--due", "2024-09")
        cli.run("rec", "update", "darren-bethany/3i", "--due", "2024-12")
        let show = cli.run("rec", "show", "darren-bethany/3i").out
        #expect(show.contains("2024-12 (originally 2024-06, slipped 184 days)"))
        let json = cli.run("rec", "show", "darren-bethany/3i", "--format", "json").out
        #expect(json.contains("\"original_due\" : \"2024-06\""))
        #expect(json.contains("\"review\" : \"darren-bethany\""))
    }

    @Test("terminal decisions need their reason or link")
    func decisions() {
        let cli = CLIHarness()
        cli.seed()
        let before = cli.snapshot()
        let refused = cli.run("rec", "update", "darren-bethany/3ii", "--status", "not-accepted")
        #expect(refused.code == 65)
        #expect(refused.err.contains("needs --reason"))
        #expect(cli.run("rec", "update", "darren-bethany/3ii", "--status", "superseded", "--link", "3i").code == 0)
        #expect(cli.run("rec", "update", "darren-bethany/3i", "--status", "already-in-place", "--reason", "In the 2022 policy").code == 0)
        #expect(cli.snapshot() != before)
        let dropped = cli.run("action", "update", "darren-bethany/A1", "--status", "dropped")
        #expect(dropped.code == 65)
        #expect(cli.run("action", "update", "darren-bethany/A1", "--status", "done").code == 0)
        #expect(squeeze(cli.run("action", "show", "darren-bethany/A1").out).contains("Completed: 2024-03-01"))
    }

    @Test("lists and shows print JSON arrays with the review id")
    func json() throws {
        let cli = CLIHarness()
        cli.seed()
        let out = cli.run("rec", "list", "--format", "json").out
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [[String: Any]])
        #expect(rows.count == 2)
        #expect(rows.map { $0["review"] as? String } == ["darren-bethany", "darren-bethany"])
        #expect(rows.map { $0["id"] as? String } == ["3i", "3ii"])
        let table = cli.run("rec", "list").out
        #expect(table.hasPrefix("REVIEW          ID   STATUS  ASSURANCE     RAG    DUE      OWNERS                   TEXT\n"))
    }

    @Test("remove needs --yes and refuses records still referred to")
    func remove() {
        let cli = CLIHarness()
        cli.seed()
        #expect(cli.run("rec", "remove", "darren-bethany/3i").code == 64)
        let referenced = cli.run("rec", "remove", "darren-bethany/3i", "--yes")
        #expect(referenced.code == 65)
        #expect(referenced.err.contains("recommendation 3ii, action A1"))
        #expect(cli.run("rec", "remove", "darren-bethany/3ii", "--yes").code == 0)
        #expect(cli.run("review", "remove", "darren-bethany", "--yes").code == 0)
        #expect(!FileManager.default.fileExists(atPath: "\(cli.store)/reviews/darren-bethany.json"))
    }

    @Test("findings and events get F- and E-numbers")
    func findingsAndEvents() {
        let cli = CLIHarness()
        cli.seed()
        #expect(cli.run("finding", "add", "darren-bethany", "--audience", "police", "--text", "x").out == "darren-bethany/F1\n")
        #expect(cli.run("finding", "add", "darren-bethany", "--audience", "lincs-scp", "--text", "y").out == "darren-bethany/F2\n")
        #expect(cli.run("action", "add", "darren-bethany", "--agency", "lincs-police", "--text", "z", "--for", "F2").code == 0)
        let event = cli.run(
            "event", "add", "--kind", "seminar", "--title", "Lessons", "--date", "2014-03", "--attendees", "120",
            "--review", "darren-bethany")
        #expect(event.out == "E1\n")
        #expect(cli.run("event", "list").out.contains("E1  2014-03  seminar  held    120        darren-bethany  Lessons"))
        #expect(cli.run("finding", "list", "--audience", "police").out.contains("F1"))
        #expect(cli.run("check").code == 0)
    }
}

/// Runs of spaces folded to one, so assertions do not depend on column widths.
func squeeze(_ text: String) -> String {
    text.replacing(/\ {2,}/, with: " ")
}
