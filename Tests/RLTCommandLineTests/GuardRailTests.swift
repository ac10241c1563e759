import Foundation
import Testing

@testable import RLTCommandLine

/// Issue 13 §4 (what a new-user trial found) and §5 (guard rails on changes people regret), in-process.
@Suite("Guard rails and new-user fixes")
struct GuardRailTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        /// Commands run (and expected to succeed) before the refused one.
        var setup: [[String]] = []
        var arguments: [String]
        var stdin: String?
        var code: Int32
        var message: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "an action status synonym", arguments: ["action", "update", "darren-bethany/A1", "--status", "completed"],
             code: 64, message: "--status: \"completed\" is not an action status; did you mean \"done\"?"),
        Case(name: "a recommendation status synonym", arguments: ["rec", "update", "darren-bethany/3i", "--status", "closed"],
             code: 64, message: "did you mean \"assured\"?"),
        Case(name: "help on an unknown topic", arguments: ["help", "nope"], code: 64,
             message: "'nope' is not a help topic or a command; topics: dates, statuses, store, formats, timescales, exit-codes; commands: init, review, rec"),
        Case(name: "status already set",
             setup: [["rec", "update", "darren-bethany/3i", "--status", "not-accepted", "--reason", "x"]],
             arguments: ["rec", "update", "darren-bethany/3i", "--status", "not-accepted", "--reason", "x"], code: 65,
             message: "darren-bethany/3i is already not-accepted; nothing to change"),
        Case(name: "values already set", arguments: ["rec", "update", "darren-bethany/3i", "--due", "2024-06"], code: 65,
             message: "darren-bethany/3i already has the values given; nothing to change"),
        Case(name: "review status already set", arguments: ["review", "update", "darren-bethany", "--status", "in-progress"],
             code: 65, message: "darren-bethany is already in-progress; nothing to change"),
        Case(name: "empty standard input", arguments: ["rec", "update", "darren-bethany/3i", "--note", "-"], stdin: "",
             code: 64, message: "--note -: standard input is empty"),
        Case(name: "blank standard input", arguments: ["rec", "add", "darren-bethany/4", "--text", "-"], stdin: " \n\n",
             code: 64, message: "--text -: standard input is empty"),
        Case(name: "two options read standard input",
             arguments: ["action", "update", "darren-bethany/A1", "--note", "-", "--reason", "-"], stdin: "x", code: 64,
             message: "only one option can read standard input, but --note and --reason both say '-'"),
        Case(name: "reopening a recommendation without a reason",
             setup: [["rec", "update", "darren-bethany/3i", "--status", "assured"]],
             arguments: ["rec", "update", "darren-bethany/3i", "--status", "open"], code: 65,
             message: "darren-bethany/3i: assured → open reopens it, which needs --reason saying why"),
        Case(name: "reopening an action without a reason",
             setup: [["action", "update", "darren-bethany/A1", "--status", "done"]],
             arguments: ["action", "update", "darren-bethany/A1", "--status", "in-progress"], code: 65,
             message: "darren-bethany/A1: done → in-progress reopens it, which needs --reason saying why"),
        Case(name: "a recommendation added to a closed review",
             setup: [["review", "update", "darren-bethany", "--status", "closed", "--force"]],
             arguments: ["rec", "add", "darren-bethany/4", "--text", "x"], code: 65,
             message: "review darren-bethany is closed, so nothing can be added to it; reopen it first with 'rlt review update darren-bethany --status published'"),
        Case(name: "a finding added to a closed review",
             setup: [["review", "update", "darren-bethany", "--status", "closed", "--force"]],
             arguments: ["finding", "add", "darren-bethany", "--audience", "police", "--text", "x"], code: 65,
             message: "review darren-bethany is closed"),
        Case(name: "an action added to a closed review",
             setup: [["review", "update", "darren-bethany", "--status", "closed", "--force"]],
             arguments: ["action", "add", "darren-bethany", "--agency", "lincs-police", "--text", "x"], code: 65,
             message: "review darren-bethany is closed"),
        Case(name: "closing a review with open records", arguments: ["review", "update", "darren-bethany", "--status", "closed"],
             code: 65,
             message: "review darren-bethany still has 2 open recommendations and 1 open action; finish, drop or supersede them before closing it, or give --force to close it anyway"),
        Case(name: "a completed date in the future",
             arguments: ["action", "update", "darren-bethany/A1", "--status", "done", "--completed", "2024-03-02"], code: 65,
             message: "darren-bethany/A1: completed date 2024-03-02 is after the as-of day 2024-03-01; completions, outcomes, progress notes, review stages and reported changes cannot be dated in the future"),
        Case(name: "a completed month in the future", arguments: ["action", "update", "darren-bethany/A1", "--completed", "2024-04"],
             code: 65, message: "completed date 2024-04 starts after the as-of day 2024-03-01"),
        Case(name: "an outcome dated in the future",
             arguments: ["outcome", "add", "darren-bethany/3i", "--text", "x", "--date", "02/03/2024"], code: 65,
             message: "darren-bethany/3i: outcome date 2024-03-02 is after the as-of day 2024-03-01"),
        Case(name: "removing a review without --yes", arguments: ["review", "remove", "darren-bethany"], code: 64,
             message: "removing review darren-bethany (0 findings, 2 recommendations, 1 action, 0 outcomes): add --yes to confirm ('rlt undo' puts it back)"),
    ]

    @Test("refused with the right code and a one-line message, nothing written", arguments: cases)
    func refused(_ testCase: Case) {
        let cli = CLIHarness()
        cli.seed()
        for step in testCase.setup {
            let result = cli.run(step)
            #expect(result.code == 0, "setup \(step): \(result.err)")
        }
        let before = cli.snapshot()
        let result = cli.run(testCase.arguments, stdin: testCase.stdin.map { Data($0.utf8) })
        #expect(result.code == testCase.code, "\(result.err)")
        #expect(result.err.hasPrefix("error: "))
        #expect(result.err.contains(testCase.message), "\(result.err)")
        #expect(result.err.split(separator: "\n").filter { $0.hasPrefix("error:") }.count == 1)
        #expect(result.out.isEmpty)
        #expect(cli.snapshot() == before)
    }

    @Test("a reopen with --reason is kept in the reason field; history says reopened and copies no text")
    func reopen() {
        let cli = CLIHarness()
        cli.seed()
        #expect(cli.run("rec", "update", "darren-bethany/3i", "--status", "assured").code == 0)
        let reopened = cli.run("rec", "update", "darren-bethany/3i", "--status", "open", "--reason", "Audit found gaps")
        #expect(reopened.code == 0, "\(reopened.err)")
        #expect(reopened.err == "updated darren-bethany/3i: status: assured → open (reopened); reason changed\n")
        let show = squeeze(cli.run("rec", "show", "darren-bethany/3i").out)
        #expect(show.contains("Reason: Audit found gaps"))
        #expect(show.contains("alice status: assured → open (reopened); reason changed"))
        #expect(cli.read("reviews/darren-bethany.json").components(separatedBy: "Audit found gaps").count == 2, "only the reason field holds it")

        #expect(cli.run("action", "update", "darren-bethany/A1", "--status", "done", "--completed", "2024-02").code == 0)
        let action = cli.run("action", "update", "darren-bethany/A1", "--status", "blocked", "--reason", "Trainer left")
        #expect(action.err == "updated darren-bethany/A1: status: done → blocked (reopened); completed: 2024-02 → (none); reason changed\n")
        #expect(cli.run("check", "--strict").code == 0, "a reopened action keeps no completed date")
    }

    @Test("closing with --force records how much was still open; the review can be reopened")
    func forceClose() {
        let cli = CLIHarness()
        cli.seed()
        let closed = cli.run("review", "update", "darren-bethany", "--status", "closed", "--force")
        #expect(closed.code == 0, "\(closed.err)")
        #expect(closed.err == "updated darren-bethany: status: in-progress → closed; closed with 2 open recommendations and 1 open action (forced)\n")
        let reopened = cli.run("review", "update", "darren-bethany", "--status", "published")
        #expect(reopened.err == "updated darren-bethany: status: closed → published (reopened)\n")
        #expect(cli.run("rec", "add", "darren-bethany/4", "--text", "x").code == 0)
    }

    @Test("a review whose records are all finished closes without --force")
    func cleanClose() {
        let cli = CLIHarness()
        cli.seed()
        #expect(cli.run("rec", "update", "darren-bethany/3i", "--status", "assured").code == 0)
        #expect(cli.run("rec", "update", "darren-bethany/3ii", "--status", "not-accepted", "--reason", "x").code == 0)
        #expect(cli.run("action", "update", "darren-bethany/A1", "--status", "done").code == 0)
        #expect(cli.run("review", "update", "darren-bethany", "--status", "closed").code == 0)
    }

    @Test("dates up to the as-of day are normal, however long ago")
    func pastDates() {
        let cli = CLIHarness()
        cli.seed()
        #expect(cli.run("action", "update", "darren-bethany/A1", "--status", "done", "--completed", "2024-03").code == 0)
        #expect(cli.run("outcome", "add", "darren-bethany/3i", "--text", "x", "--date", "2024-Q1").code == 0)
        #expect(cli.run("outcome", "add", "darren-bethany/3i", "--text", "y", "--date", "01/03/2024").code == 0)
        #expect(cli.run("outcome", "add", "darren-bethany/3i", "--text", "z", "--date", "2009").code == 0)
    }

    @Test("review remove says what it deletes, with and without --yes")
    func removeCounts() {
        let cli = CLIHarness()
        cli.seed()
        #expect(cli.run("outcome", "add", "darren-bethany/3i", "--text", "x").code == 0)
        #expect(cli.run("finding", "add", "darren-bethany", "--audience", "police", "--text", "x").code == 0)
        let refused = cli.run("review", "remove", "darren-bethany")
        #expect(refused.code == 64)
        #expect(refused.err.contains("(1 finding, 2 recommendations, 1 action, 1 outcome)"))
        #expect(refused.err.contains("\nusage: rlt review remove ID [--yes]\n"))
        #expect(FileManager.default.fileExists(atPath: "\(cli.store)/reviews/darren-bethany.json"))
        let removed = cli.run("review", "remove", "darren-bethany", "--yes")
        #expect(removed.code == 0)
        #expect(removed.err == "removed review darren-bethany (1 finding, 2 recommendations, 1 action, 1 outcome)\n")
        #expect(cli.run("review", "remove", "nosuch").code == 65, "a missing review is named before --yes is asked for")
    }

    @Test("--text -, --note - and --reason - read standard input; trailing line ends are dropped")
    func standardInput() throws {
        let cli = CLIHarness()
        cli.seed()
        let long = String(repeating: "A long recommendation, with \"quotes\" and lines.\n", count: 40)
        #expect(cli.run(["rec", "add", "darren-bethany/4", "--text", "-"], stdin: Data((long + "\n\n").utf8)).code == 0)
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(cli.run("rec", "show", "darren-bethany/4", "--format", "json").out.utf8))
                as? [String: Any])
        #expect(json["text"] as? String == String(long.dropLast()))
        #expect(cli.run(["action", "update", "darren-bethany/A1", "--note", "-"], stdin: Data("Half trained\r\n".utf8)).code == 0)
        #expect(cli.run("action", "show", "darren-bethany/A1").out.contains("Half trained"))
        let reason = cli.run(["rec", "update", "darren-bethany/3i", "--status", "not-accepted", "--reason", "-"], stdin: Data("Budget\n".utf8))
        #expect(reason.code == 0, "\(reason.err)")
        #expect(squeeze(cli.run("rec", "show", "darren-bethany/3i").out).contains("Reason: Budget"))
        let bad = cli.run(["rec", "update", "darren-bethany/3i", "--note", "-"], stdin: Data([0xFF, 0xFE, 0x41]))
        #expect(bad.code == 64)
        #expect(bad.err.hasPrefix("error: --note -: standard input is not UTF-8 text"))
        // A '-' for an option that does not read standard input is the text "-" (a filter, an evidence note).
        #expect(cli.run("rec", "list", "--text", "-").code == 0)
    }

    @Test("owners read the same in rec show, review show and rec list")
    func ownersJoined() {
        let cli = CLIHarness()
        cli.seed()
        #expect(squeeze(cli.run("rec", "show", "darren-bethany/3i").out).contains("Owners: lincs-scp (lead); lincs-police"))
        #expect(squeeze(cli.run("review", "show", "darren-bethany").out).contains("lincs-scp; lincs-police"))
        #expect(cli.run("rec", "list", "--format", "csv", "--columns", "owners").out.contains("lincs-scp; lincs-police"))
    }

    @Test("a superseded recommendation says by which, where a person reads its status")
    func supersededBy() {
        let cli = CLIHarness()
        cli.seed()
        #expect(cli.run("rec", "add", "darren-bethany/6", "--text", "Replacement").code == 0)
        #expect(cli.run("rec", "update", "darren-bethany/3ii", "--status", "superseded", "--link", "6").code == 0)
        #expect(squeeze(cli.run("rec", "show", "darren-bethany/3ii").out).contains("Status: superseded by 6"))
        #expect(squeeze(cli.run("review", "show", "darren-bethany").out).contains("3ii superseded by 6 not-assessed"))
        #expect(cli.run("report", "--review", "darren-bethany").out.contains("| Superseded by 6 |"))
        #expect(cli.run("rec", "list", "--format", "csv", "--columns", "id,status").out.contains("3ii,superseded\r\n"))
    }

    @Test("--store naming a file says it is not a directory (exit 66); init there cannot create (exit 73)")
    func storeIsAFile() throws {
        let cli = CLIHarness()
        try Data("x".utf8).write(to: URL(fileURLWithPath: "\(cli.directory)/file"))
        let message = "\(cli.directory)/file is not a directory; a store is a directory holding tracker.json: pass --store DIR (or set $RLT_STORE) to the store's directory"
        for arguments in [["rec", "list"], ["overdue"], ["review", "add", "x", "--type", "dhr", "--title", "t"]] {
            let result = cli.run(["--store", "\(cli.directory)/file"] + arguments)
            #expect(result.code == 66, "\(arguments): \(result.err)")
            #expect(result.err == "error: \(message)\n")
        }
        let check = cli.run("--store", "\(cli.directory)/file", "check")
        #expect(check.code == 1, "check reports it as a problem, as it does a missing store")
        #expect(check.out.contains(message))
        let initialise = cli.run("init", "\(cli.directory)/file")
        #expect(initialise.code == 73)
        #expect(initialise.err.contains("it is a file, not a directory"))
    }

    @Test("every date option's help lists the forms, DD/MM/YYYY and UK order; so does rlt help dates")
    func dateHelp() {
        func visit(_ command: CommandSpec, _ path: [String]) {
            for option in command.options + CommandTable.globalOptions where option.valueName == "DATE" {
                #expect(option.help.contains("DD/MM/YYYY (UK order, day first)"), "\(path) \(option.name)")
                if option.name != "--as-of" { #expect(option.help.contains("YYYY-Qn"), "\(path) \(option.name)") }
            }
            for sub in command.subcommands { visit(sub, path + [sub.name]) }
        }
        visit(CommandTable.root, [])
        let help = CLIHarness().run("rec", "add", "--help").out
        #expect(squeeze(help).contains("YYYY-MM-DD or DD/MM/YYYY (UK order, day first)"))
        #expect(HelpTopic.dates.text.contains("UK order, day first: 05/06/2024 is 5 June 2024"))
    }

    @Test("rlt help nope and rlt help rec nope list what there is")
    func helpLists() {
        let top = CLIHarness().run("help", "nope")
        #expect(top.code == 64)
        for name in HelpTopic.allCases.map(\.rawValue) + CommandTable.root.subcommands.map(\.name) {
            #expect(top.err.contains(name), "\(name)")
        }
        #expect(top.err.contains("\nusage: rlt help <command or topic>\n"))
        let near = CLIHarness().run("help", "datse")
        #expect(near.err.hasPrefix("error: 'datse' is not a help topic or a command; did you mean 'dates'? topics: "))
        let group = CLIHarness().run("help", "rec", "nope")
        #expect(group.code == 64)
        #expect(group.err.hasPrefix("error: 'nope' is not a command of rlt rec; its commands: add, update, show, list, remove\n"))
    }

    @Test("import refuses rows into a closed review unless --force")
    func importClosed() throws {
        let cli = CLIHarness()
        cli.seed()
        #expect(cli.run("review", "update", "darren-bethany", "--status", "closed", "--force").code == 0)
        let file = "\(cli.directory)/recs.csv"
        try Data("review_id,rec_id,text\r\ndarren-bethany,9,Secret new text\r\n".utf8).write(to: URL(fileURLWithPath: file))
        let before = cli.snapshot()
        let refused = cli.run("import", "recommendations", file)
        #expect(refused.code == 65)
        #expect(refused.err.hasPrefix("error: \(file):2: column \"review_id\": review darren-bethany is closed"))
        #expect(!refused.err.contains("Secret"))
        #expect(cli.snapshot() == before)
        let forced = cli.run("import", "recommendations", file, "--force")
        #expect(forced.code == 0, "\(forced.err)")
        #expect(forced.out == "added darren-bethany/9\n")
    }

    @Test("import reopens only with a reason of its own: the stored reason an export repeats is not one")
    func importReopenReason() throws {
        let cli = CLIHarness()
        cli.seed()
        #expect(cli.run("rec", "update", "darren-bethany/3ii", "--status", "not-accepted", "--reason", "Budget").code == 0)
        let file = "\(cli.directory)/recs.csv"
        func sheet(_ reason: String) throws {
            try Data("review_id,rec_id,status,reason\r\ndarren-bethany,3ii,open,\(reason)\r\n".utf8)
                .write(to: URL(fileURLWithPath: file))
        }
        try sheet("Budget")
        let before = cli.snapshot()
        let refused = cli.run("import", "recommendations", file)
        #expect(refused.code == 65, "\(refused.err)")
        #expect(refused.err.contains("not-accepted → open reopens it"))
        #expect(cli.snapshot() == before)
        try sheet("Funding found")
        let reopened = cli.run("import", "recommendations", file)
        #expect(reopened.code == 0, "\(reopened.err)")
        #expect(cli.run("log", "darren-bethany/3ii").out.contains("status: not-accepted → open (reopened); reason changed"))
    }

    @Test("a forced close by import records what was left open, as the command does")
    func importForcedClose() throws {
        let cli = CLIHarness()
        cli.seed()
        let file = "\(cli.directory)/reviews.csv"
        try Data("review_id,type,title,status\r\ndarren-bethany,joint,Darren & Bethany,closed\r\n".utf8).write(to: URL(fileURLWithPath: file))
        #expect(cli.run("import", "reviews", file).code == 65)
        let forced = cli.run("import", "reviews", file, "--force")
        #expect(forced.code == 0, "\(forced.err)")
        #expect(
            cli.run("log", "darren-bethany").out.contains(
                "status: in-progress → closed; closed with 2 open recommendations and 1 open action (forced)"))
        // Zero counts are left out.
        let only = CLIHarness()
        only.seed()
        #expect(only.run("action", "update", "darren-bethany/A1", "--status", "done").code == 0)
        #expect(only.run("review", "update", "darren-bethany", "--status", "closed", "--force").err.hasSuffix(
            "closed with 2 open recommendations (forced)\n"))
    }
}
