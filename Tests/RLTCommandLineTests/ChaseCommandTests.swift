import Foundation
import Testing

@testable import RLTCommandLine

/// `rlt chase` and the agency contact fields, in-process on the walk-through store (`CLIHarness.seed`): 3i (due
/// 2024-06, lincs-scp lead, lincs-police co-owner), 3ii (2024-07, lincs-scp) and action A1 (lincs-police, no due).
@Suite("chase and agency contacts")
struct ChaseCommandTests {
    func seeded() -> CLIHarness {
        let cli = CLIHarness()
        cli.seed()
        cli.run("action", "update", "darren-bethany/A1", "--due", "2024-05-15")
        return cli
    }

    @Test("the text lists each owing agency, most overdue first, with what is owed and why")
    func text() {
        let cli = seeded()
        let result = cli.run("chase", "--as-of", "2024-06-10")
        #expect(result.code == 0, "\(result.err)")
        let lines = result.out.split(separator: "\n").map(String.init)
        // A1 is 26 days overdue; 3i is due within 30 days; 3ii is due after the window, but nothing has been
        // recorded on it since it was added on 2024-03-01, 101 days before.
        #expect(lines.first == "lincs-police — Lincolnshire Police: 2 items: 1 overdue, 1 due within 30 days.")
        #expect(result.out.contains("    darren-bethany/A1 (action): 26 days overdue\n"))
        #expect(result.out.contains("    darren-bethany/3i (recommendation, co-owner): due in 20 days\n"))
        #expect(result.out.contains("    darren-bethany/3i (recommendation, lead): due in 20 days\n"))
        #expect(result.out.contains("    darren-bethany/3ii (recommendation, lead): nothing recorded since 2024-03-01\n"))
        #expect(result.out.hasSuffix("2 agencies owe 4 items as of 2024-06-10.\n"))
        #expect(!cli.run("chase", "--as-of", "2024-06-10", "--stale", "off").out.contains("3ii"))
        #expect(!cli.run("chase", "--as-of", "2024-06-10", "--stale", "102").out.contains("3ii"))
        #expect(cli.run("chase", "--as-of", "2024-06-10", "--within", "60").out.contains("3ii (recommendation, lead): due in 51 days"))
        #expect(cli.run("chase", "--as-of", "2024-03-05").out == "No agency owes anything as of 2024-03-05.\n")
    }

    @Test("--agency narrows to one agency; filters narrow the records")
    func narrowed() {
        let cli = seeded()
        let police = cli.run("chase", "--as-of", "2024-06-10", "--agency", "lincs-police", "--format", "csv").out
        let rows = police.split(separator: "\r\n").map(String.init)
        #expect(rows.first == "agency,agency_name,contact,email,review,id,kind,role,reason,days_overdue,days_to_due,due,original_due,slipped_days,status,last_update,last_note_date,last_note,text")
        #expect(rows.dropFirst().map { $0.components(separatedBy: ",")[5] } == ["A1", "3i"])
        let text = cli.run("chase", "--as-of", "2024-06-10", "--text", "escalation", "--format", "csv").out
        #expect(text.split(separator: "\r\n").dropFirst().map { $0.components(separatedBy: ",")[0] } == ["lincs-police", "lincs-scp"])
    }

    @Test("JSON has the CSV's columns with numbers as numbers; Markdown has a section per agency")
    func otherFormats() throws {
        let cli = seeded()
        let json = cli.run("chase", "--as-of", "2024-06-10", "--format", "json")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [[String: Any]])
        #expect(rows.count == 4)
        #expect(rows[0]["days_overdue"] as? Int == 26 && rows[0]["reason"] as? String == "overdue")
        #expect(rows[1]["days_to_due"] as? Int == 20)
        let markdown = cli.run("chase", "--as-of", "2024-06-10", "--format", "markdown").out
        #expect(markdown.contains("## Lincolnshire Police (`lincs-police`)\n"))
        #expect(markdown.contains("| darren-bethany/A1 | action | action | 26 days overdue | 2024-05-15 | planned |"))
    }

    @Test("contacts: agency update sets and shows them, checks them, and an unchanged update is refused")
    func contacts() {
        let cli = seeded()
        let set = cli.run("agency", "update", "lincs-police", "--contact", "Jo Brown", "--email", "jo.brown@police.example")
        #expect(set.code == 0 && set.err == "updated agency lincs-police: contact changed; email: (none) → jo.brown@police.example\n")
        let list = cli.run("agency", "list").out
        #expect(list.contains("CONTACT") && list.contains("Jo Brown") && list.contains("jo.brown@police.example"))
        #expect(cli.read("tracker.json").contains("\"email\" : \"jo.brown@police.example\""))
        let before = cli.snapshot()
        for (option, value) in [("--email", "jo brown@police.example"), ("--email", "jo@police"), ("--contact", "Jo\nBcc: x@y.org")] {
            let refused = cli.run("agency", "update", "lincs-police", option, value)
            #expect(refused.code == 64 && refused.err.hasPrefix("error: \(option): "), "\(refused.err)")
        }
        let same = cli.run("agency", "update", "lincs-police", "--email", "jo.brown@police.example")
        #expect(same.code != 0)
        #expect(cli.run("agency", "update", "nosuch", "--email", "a@b.org").code == 65)
        #expect(cli.snapshot() == before)
        let added = cli.run("agency", "add", "lpft", "--name", "LPFT", "--sector", "health", "--email", "s@lpft.example")
        #expect(added.code == 0)
        #expect(cli.run("export", "agencies").out.contains("lpft,LPFT,health,,s@lpft.example\r\n"))
        #expect(cli.run("check").code == 0)
    }

    @Test("import sets contacts and refuses a bad address, naming the line; check finds one edited in by hand")
    func importAndCheck() throws {
        let cli = seeded()
        let csv = "code,name,sector,contact,email\nlincs-police,Lincolnshire Police,police,Jo Brown,jo@police.example\n"
        let file = "\(cli.directory)/agencies.csv"
        try csv.write(toFile: file, atomically: true, encoding: .utf8)
        let imported = cli.run("import", "agencies", file)
        #expect(imported.code == 0, "\(imported.err)")
        #expect(cli.run("export", "agencies").out.contains("lincs-police,Lincolnshire Police,police,Jo Brown,jo@police.example\r\n"))
        try "code,name,sector,email\nlincs-scp,LSCP,partnership,not-an-address\n".write(toFile: file, atomically: true, encoding: .utf8)
        let before = cli.snapshot()
        let bad = cli.run("import", "agencies", file)
        #expect(bad.code != 0 && bad.err.contains("agencies.csv:2: column \"email\": \"not-an-address\" is not an e-mail address"), "\(bad.err)")
        #expect(cli.snapshot() == before)
        try cli.write(cli.read("tracker.json").replacingOccurrences(of: "jo@police.example", with: "jo@police"), to: "tracker.json")
        let check = cli.run("check")
        #expect(check.code == 1 && check.out.contains("agency lincs-police: email \"jo@police\" is not an e-mail address"), "\(check.out)")
    }

    @Test("email writes a draft per agency with an address and a letter to print for the others, all or nothing")
    func email() throws {
        let cli = seeded()
        cli.run("agency", "update", "lincs-police", "--contact", "Jo Brown", "--email", "jo@police.example")
        let out = "\(cli.directory)/letters"
        let result = cli.run("chase", "--as-of", "2024-06-10", "--format", "email", "--out", out, "--reply-by", "2024-06-24")
        #expect(result.code == 0, "\(result.err)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() == ["lincs-police.eml", "lincs-scp.txt"])
        #expect(result.err.contains("note: lincs-scp (Lincolnshire Safeguarding Children Partnership) has no e-mail address"))
        #expect(result.err.hasSuffix("wrote 1 e-mail draft and 1 letter to print to \(out)\n"))
        let eml = try String(contentsOfFile: "\(out)/lincs-police.eml", encoding: .utf8)
        #expect(eml.hasPrefix("To: Jo Brown <jo@police.example>\r\nSubject: Lincolnshire: update requested on 2 items by 2024-06-24\r\nDate: Fri, 01 Mar 2024 09:30:00 +0000\r\n"))
        let txt = try String(contentsOfFile: "\(out)/lincs-scp.txt", encoding: .utf8)
        #expect(txt.contains("1. darren-bethany/3i (recommendation, lead): due in 20 days\n"))
        // Usage errors write nothing.
        let elsewhere = "\(cli.directory)/elsewhere"
        for arguments in [
            ["--format", "email"], ["--format", "email", "--out", elsewhere, "--reply-by", "2024-01-01"],
            ["--format", "email", "--out", elsewhere, "--from", "not an address"], ["--stale", "soon"],
            ["--within", "-1"], ["--format", "email", "--out", cli.store + "/letters"],
        ] {
            let refused = cli.run(["chase", "--as-of", "2024-06-10"] + arguments)
            #expect(refused.code == 64, "\(arguments): \(refused.err)")
        }
        #expect(!FileManager.default.fileExists(atPath: elsewhere))
        #expect(cli.run("chase", "--agency", "nosuch").code == 65)
        // The next round goes to a new directory: letters already in one would go out again.
        let again = cli.run("chase", "--as-of", "2024-06-10", "--format", "email", "--out", out)
        #expect(again.code == 64 && again.err.contains("already holds letters (lincs-police.eml and 1 more)"), "\(again.err)")
    }
}
