import Foundation
import ReviewLearning
import Testing

@testable import RLTCommandLine

/// Issue 13 §1: every human-readable output, at every terminal width from 20 to 250, on the sample store and on a
/// store of long, wide and accented texts, exits 0 and keeps `ScreenCheck`'s rules.
@Suite("Terminal output at every width")
struct TerminalWidthTests {
    static let widths = Array(20...250)

    /// The two stores, built once: a copy of the repository's `data/`, and `WideTextStore`.
    static let stores: [(name: String, harness: CLIHarness, asOf: String)] = {
        let sample = CLIHarness()
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        try? FileManager.default.copyItem(atPath: root.appendingPathComponent("data").path, toPath: sample.store)
        return [("sample", sample, "2024-05-20"), ("wide", WideTextStore.make(), "2024-05-20")]
    }()

    /// Every command that prints for a person, with arguments that reach its records.
    static func readCommands(_ cli: CLIHarness) -> [[String]] {
        var commands: [[String]] = [
            ["overdue"], ["rec", "list"], ["action", "list"], ["review", "list"], ["finding", "list"],
            ["event", "list"], ["agency", "list"], ["theme", "list"], ["config", "list"], ["log"],
            ["search", "the"], ["search", "the", "--count"], ["rec", "list", "--columns", "review,id,rag,text,themes"],
            ["summary", "--of", "actions"], ["chase"], ["chase", "--within", "3650", "--stale", "1"], ["undo", "--list"],
        ]
        commands += SummaryGrouping.allowedValues.map { ["summary", "--by", $0] }
        func references(_ noun: String) -> [String] {
            let csv = cli.run([noun, "list", "--format", "csv", "--columns", "review,id", "--no-header"]).out
            return csv.split(separator: "\r\n").map { $0.replacingOccurrences(of: ",", with: "/") }
        }
        let reviews = cli.run(["review", "list", "--format", "csv", "--columns", "id", "--no-header"]).out
            .split(separator: "\r\n").map(String.init)
        for review in reviews { commands.append(["review", "show", review]) }
        for ref in references("rec").prefix(12) { commands += [["rec", "show", ref], ["log", ref]] }
        for ref in references("action").prefix(12) { commands.append(["action", "show", ref]) }
        return commands
    }

    /// `rlt help`, every command's help and every help topic: the same on any store.
    static let helpCommands: [[String]] = {
        var paths: [[String]] = []
        func visit(_ spec: CommandSpec, _ path: [String]) {
            paths.append(["help"] + path)
            for sub in spec.subcommands { visit(sub, path + [sub.name]) }
        }
        visit(CommandTable.root, [])
        return paths + HelpTopic.allCases.map { ["help", $0.rawValue] } + [["rec", "add", "--help"]]
    }()

    @Test("every read command and help page keeps the rules", arguments: widths)
    func everyWidth(_ width: Int) {
        let check = ScreenCheck(width: width)
        for (name, cli, asOf) in Self.stores {
            var commands = Self.readCommands(cli)
            if name == "sample" { commands += Self.helpCommands }
            for command in commands {
                let result = cli.run(command, environment: ["RLT_AS_OF": asOf], terminalWidth: width)
                let shown = "rlt \(command.joined(separator: " ")) (\(name) store, \(width) columns)"
                #expect(result.code == 0, "\(shown): exit \(result.code): \(result.err)")
                #expect(!result.out.isEmpty, "\(shown) printed nothing")
                let problems = check.problems(result.out)
                #expect(problems.isEmpty, "\(shown):\n\(problems.prefix(5).joined(separator: "\n"))\n\(result.out)")
            }
        }
    }

    @Test("a terminal narrower than 20 columns is laid out as 20: never a crash", arguments: [1, 2, 5, 10, 19])
    func tooNarrow(_ width: Int) {
        let (_, cli, asOf) = Self.stores[1]
        for command in [["overdue"], ["rec", "list"], ["summary", "--by", "owner"], ["help"], ["help", "formats"]] {
            let result = cli.run(command, environment: ["RLT_AS_OF": asOf], terminalWidth: width)
            #expect(result.code == 0, "rlt \(command) at \(width): \(result.err)")
            #expect(ScreenCheck(width: 20).problems(result.out).isEmpty, "rlt \(command) at \(width)")
        }
    }

    @Test("the commands tried are every command that prints records or help")
    func coverage() {
        let tried = Set(Self.readCommands(Self.stores[1].harness).map { $0.prefix(2).joined(separator: " ") })
        // Commands that change the store, or print for a program (CSV, JSON, scripts, roff), are not tried here.
        let writersAndMachines: Set<String> = [
            "init", "review add", "review update", "review remove", "review convert", "rec add", "rec update", "rec remove",
            "action add", "action update", "outcome add", "finding add", "finding update", "event add", "event update", "agency add", "agency update", "redo",
            "theme add",
            "export", "report", "import", "config get", "config set", "check", "completions", "manpage", "merge-file",
            "git setup",
        ]
        var runnable: [String] = []
        func visit(_ spec: CommandSpec, _ path: [String]) {
            if spec.run != nil { runnable.append(path.joined(separator: " ")) }
            for sub in spec.subcommands { visit(sub, path + [sub.name]) }
        }
        visit(CommandTable.root, [])
        for command in runnable where !writersAndMachines.contains(command) {
            #expect(tried.contains(where: { $0 == command || $0.hasPrefix(command + " ") }), "\(command) is not tried")
        }
    }

    @Test("the wide store's texts reach the output: wide characters, emoji and combining accents")
    func wideTextsShow() {
        let cli = Self.stores[1].harness
        let out = cli.run(["rec", "list"], terminalWidth: 250).out
        for text in ["東京", "👩‍👩‍👧", "Cafe\u{301}", "🇬🇧"] { #expect(out.contains(text), "\(text) not in\n\(out)") }
    }
}

/// A store whose every text field is long or not ASCII: wide CJK characters, emoji (a ZWJ family, a flag, skin
/// tones), combining accents, 64-character ids, long agency codes and author names.
enum WideTextStore {
    static func make() -> CLIHarness {
        let cli = CLIHarness()
        func run(_ arguments: String...) {
            let result = cli.run(arguments, environment: ["RLT_AUTHOR": "東京 Coordinator 👩🏽‍💼 Zoë Ångström-Llewellyn"])
            if result.code != 0 { Issue.record("setup: rlt \(arguments.joined(separator: " ")): \(result.err)") }
        }
        let long = String(repeating: "a-very-long-code-", count: 3) + "x"
        let review = String(repeating: "r", count: 59) + "-wide"
        let text = "東京都の安全パートナーシップ 👩‍👩‍👧 must review the Cafe\u{301} policy with 🇬🇧 partners; "
            + String(repeating: "the escalation protocol ❤️ résumé naïve coöperation ", count: 6)
        run("init", "--name", "東京 Safeguarding Partnership 🛡️ with a very long name indeed")
        run("agency", "add", long, "--name", "東京 Metropolitan Police 警視庁 — Public Protection Unit", "--sector", "police")
        run("agency", "add", "zoe", "--name", "Zoë's Café\u{301} Trust 🇬🇧", "--sector", "voluntary")
        run("theme", "add", "wide-theme", "--label", "東京 theme with 🎌 flags and a long label text")
        run("review", "add", review, "--type", "dhr", "--title", "東京 “Zoë” 👩‍👩‍👧 " + text, "--partnership", long,
            "--summary", text, "--theme", "wide-theme")
        // Late review stages (issue 19): the long review's decision and the short one's report, so the timelines,
        // overdue's late block and summary --by stage are laid out at every width.
        run("review", "add", "short", "--type", "cspr", "--title", "Café\u{301}", "--partnership", "zoe",
            "--aware", "2023-05-05", "--decided", "2023-06-01")
        run("review", "update", review, "--notified", "2023-10-02")
        // One recommendation in every RAG: overdue (red), due soon (amber), later (green), done (blue), no date (grey).
        run("rec", "add", "\(review)/1.a(ii)", "--text", text, "--owner", long, "--owner", "zoe", "--due", "2024-01",
            "--theme", "wide-theme")
        run("rec", "add", "\(review)/2", "--text", text, "--owner", "zoe", "--due", "2024-06-10")
        run("rec", "add", "\(review)/3", "--text", "短い", "--owner", long, "--due", "2026-Q4")
        run("rec", "add", "\(review)/4", "--text", text, "--owner", "zoe")
        run("rec", "add", "short/1", "--text", text, "--owner", "zoe", "--due", "2023")
        run("rec", "update", "\(review)/3", "--status", "assured", "--note", text)
        run("rec", "update", "\(review)/2", "--due", "2024-06-20", "--note", "東京 " + text)
        run("outcome", "add", "\(review)/1.a(ii)", "--text", text, "--assurance", "limited", "--by", long,
            "--date", "2024-02-01")
        run("finding", "add", review, "--audience", long, "--text", text, "--theme", "wide-theme")
        run("action", "add", review, "--agency", long, "--text", text, "--for", "1.a(ii)", "--due", "2024-03",
            "--measure", text)
        run("action", "add", review, "--agency", "zoe", "--text", "👩‍👩‍👧", "--due", "2024-05-31")
        run("action", "update", "\(review)/A1", "--note", text, "--evidence", "東京 " + text)
        run("event", "add", "--kind", "seminar", "--title", text, "--date", "2024-02", "--attendees", "360",
            "--review", review, "--feedback", text)
        return cli
    }
}
