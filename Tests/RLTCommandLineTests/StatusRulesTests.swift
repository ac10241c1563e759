import Foundation
import Testing

/// The status rules hold alike whether a change comes from `rlt action update` or from an import.
@Suite("Status rules: command and import agree")
struct StatusRulesTests {
    /// The seeded store's action A1 after `change`, and its last history line with import's prefix taken off.
    func actionAfter(_ change: (CLIHarness) -> CLIHarness.Result) throws -> (record: NSDictionary, change: String) {
        let cli = CLIHarness()
        cli.seed()
        let result = change(cli)
        #expect(result.code == 0, "\(result.err)")
        let json = try JSONSerialization.jsonObject(with: Data(cli.read("reviews/darren-bethany.json").utf8))
        let actions = try #require((json as? [String: Any])?["actions"] as? [[String: Any]])
        var action = try #require(actions.first)
        let history = try #require(action.removeValue(forKey: "history") as? [[String: Any]])
        let last = try #require(history.last?["change"] as? String)
        let change = last.hasPrefix("imported: ") ? String(last.dropFirst("imported: ".count)) : last
        return (action as NSDictionary, change)
    }

    func importing(_ cli: CLIHarness, _ csv: String) -> CLIHarness.Result {
        let path = cli.directory + "/actions.csv"
        _ = FileManager.default.createFile(atPath: path, contents: Data(csv.utf8))
        return cli.run(["import", "actions", path, "--review", "darren-bethany"])
    }

    @Test("done with no completed date fills it with the as-of day, by command and by import alike")
    func doneFillsCompleted() throws {
        let command = try actionAfter { $0.run("action", "update", "darren-bethany/A1", "--status", "done") }
        let imported = try actionAfter {
            importing($0, "action_id,agency,text,status\r\nA1,lincs-police,Brief officers,done\r\n")
        }
        #expect(command.record["completed"] as? String == "2024-03-01")
        #expect(imported.record == command.record)
        #expect(imported.change == command.change)
    }

    @Test("a completed date given with done is kept, by command and by import alike")
    func doneKeepsGivenDate() throws {
        let command = try actionAfter {
            $0.run("action", "update", "darren-bethany/A1", "--status", "done", "--completed", "2024-02")
        }
        let imported = try actionAfter {
            importing($0, "action_id,agency,text,status,completed\r\nA1,lincs-police,Brief officers,done,2024-02\r\n")
        }
        #expect(command.record["completed"] as? String == "2024-02")
        #expect(imported.record == command.record)
        #expect(imported.change == command.change)
    }

    @Test("importing the done row again changes nothing: a repeated status is no change, so no date is made up")
    func doneImportedTwice() {
        let cli = CLIHarness()
        cli.seed()
        let csv = "action_id,agency,text,status\r\nA1,lincs-police,Brief officers,done\r\n"
        #expect(importing(cli, csv).code == 0)
        let before = cli.snapshot()
        let again = importing(cli, csv)
        #expect(again.code == 0, "\(again.err)")
        #expect(!again.out.contains("changed"))
        #expect(cli.snapshot() == before)
    }
}
