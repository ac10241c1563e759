import Foundation
import Testing

@testable import RLTCommandLine

/// `rlt undo` and `rlt redo`: the journal of the last changes, reverted and re-applied whole, and refused when a
/// file was changed behind it.
@Suite("undo and redo")
struct UndoTests {
    /// The store's record files and their bytes: what undo must put back exactly (the journal, index, staging area
    /// and lock are rlt's own housekeeping).
    func records(_ cli: CLIHarness) -> [String: Data] {
        cli.snapshot().filter { path, _ in path == "tracker.json" || path == "events.json" || path.hasPrefix("reviews/") }
    }

    /// A little random generator with a seed, so a failure can be replayed.
    struct Random {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
    }

    /// One random command on the walk-through store: adds, updates, removes, imports and settings.
    func randomCommand(_ random: inout Random, _ n: Int, _ cli: CLIHarness) -> [String] {
        let recs = ["darren-bethany/3i", "darren-bethany/3ii"]
        let rec = recs[random.next(recs.count)]
        let statuses = ["open", "in-progress", "implemented"]
        switch random.next(12) {
        case 0: return ["agency", "add", "a\(n)", "--name", "Agency \(n)", "--sector", "police"]
        case 1: return ["review", "add", "r\(n)", "--type", "sar", "--title", "Review \(n)"]
        case 2: return ["rec", "add", "darren-bethany/\(n)", "--text", "Recommendation \(n)", "--owner", "lincs-scp"]
        case 3: return ["rec", "update", rec, "--status", statuses[random.next(statuses.count)], "--on", "2024-02-0\(1 + random.next(9))"]
        case 4: return ["rec", "update", rec, "--due", "2024-0\(1 + random.next(9))"]
        case 5: return ["action", "add", "darren-bethany", "--agency", "lincs-police", "--text", "Action \(n)"]
        case 6: return ["action", "update", "darren-bethany/A1", "--note", "Note \(n)", "--on", "2024-02-\(10 + random.next(18))"]
        case 7: return ["outcome", "add", rec, "--text", "Outcome \(n)", "--date", "2024-02"]
        case 8: return ["event", "add", "--kind", "board", "--date", "2024-01-\(10 + random.next(18))"]
        case 9:
            // Remove a review or a recommendation added earlier, if there is one.
            let reviews = cli.run("review", "list", "--format", "csv", "--columns", "id", "--no-header").out
                .split(separator: "\r\n").filter { $0.hasPrefix("r") }
            if let review = reviews.first { return ["review", "remove", String(review), "--yes"] }
            return ["rec", "remove", "darren-bethany/\(max(1, n - 3))", "--yes"]
        case 10:
            let file = "\(cli.directory)/import-\(n).csv"
            let csv = "review_id,rec_id,text,owners\ndarren-bethany,m\(n),Imported \(n),lincs-police\ndarren-bethany,3i,Review the escalation policy (\(n)),lincs-scp\n"
            try? csv.write(toFile: file, atomically: true, encoding: .utf8)
            return ["import", "recommendations", file]
        default: return ["config", "set", "amber-days", String(10 + random.next(50))]
        }
    }

    @Test("200 random changes, undone 200 times: the store as at the start; redone: as at the end", arguments: [1, 2])
    func property(_ seed: UInt64) throws {
        let cli = CLIHarness()
        cli.seed()
        cli.run("config", "set", "undo-depth", "200")
        let start = records(cli)
        var random = Random(state: seed)
        var changes = 0
        var tried = 0
        while changes < 200 && tried < 2000 {
            tried += 1
            let result = cli.run(randomCommand(&random, tried, cli))
            if result.code == 0 { changes += 1 }
        }
        #expect(changes == 200)
        let end = records(cli)
        for k in 0..<changes {
            let undo = cli.run("undo")
            #expect(undo.code == 0, "undo \(k + 1): \(undo.err)")
            if undo.code != 0 { return }
        }
        #expect(records(cli) == start, "every undo put back exactly the bytes before")
        #expect(cli.run("check").code == 0)
        for k in 0..<changes {
            let redo = cli.run("redo")
            #expect(redo.code == 0, "redo \(k + 1): \(redo.err)")
            if redo.code != 0 { return }
        }
        #expect(records(cli) == end, "every redo put back exactly the bytes after")
        #expect(cli.run("redo").code == 65)
    }

    @Test("undo after a hand edit is refused, naming the file, and nothing is written; the edit survives")
    func handEdit() throws {
        let cli = CLIHarness()
        cli.seed()
        cli.run("rec", "update", "darren-bethany/3i", "--status", "in-progress")
        let edited = cli.read("reviews/darren-bethany.json").replacingOccurrences(of: "Audit its use", with: "Audit its use by hand")
        try cli.write(edited, to: "reviews/darren-bethany.json")
        let before = cli.snapshot()
        let undo = cli.run("undo")
        #expect(undo.code == 65)
        #expect(undo.err.hasPrefix("error: \(cli.store)/reviews/darren-bethany.json has changed since"), "\(undo.err)")
        #expect(cli.snapshot() == before)
        // A command that goes through rlt records a new step, and that one can be undone.
        cli.run("rec", "update", "darren-bethany/3ii", "--status", "in-progress")
        #expect(cli.run("undo").code == 0)
        #expect(cli.read("reviews/darren-bethany.json") == edited)
    }

    @Test("a new change ends redo; the journal keeps undo-depth steps; undo-depth 0 keeps none")
    func depth() {
        let cli = CLIHarness()
        cli.seed()
        #expect(cli.run("undo").code == 0)
        cli.run("rec", "update", "darren-bethany/3i", "--status", "in-progress")
        #expect(cli.run("redo").err.contains("nothing to redo"))
        cli.run("config", "set", "undo-depth", "2")
        for status in ["implemented", "open", "in-progress"] { cli.run("rec", "update", "darren-bethany/3ii", "--status", status) }
        let list = cli.run("undo", "--list").out
        #expect(list.split(separator: "\n").count == 3, "a header and two steps: \(list)")
        #expect(cli.run("undo").code == 0 && cli.run("undo").code == 0)
        #expect(cli.run("undo").err == "error: nothing to undo: the journal holds no change (it keeps the last 2)\n")
        // Setting 0 turns the journal off at once, and empties it.
        cli.run("config", "set", "undo-depth", "0")
        #expect(cli.run("undo").err.contains("the undo journal is off"))
        #expect(cli.run("undo", "--list").out == "Nothing to undo or redo.\n")
        #expect(cli.run("config", "set", "undo-depth", "-1").code == 64)
    }

    @Test("a tracker that writes undo_depth 100 itself stays writable, and keeps the key")
    func explicitDepth() throws {
        let cli = CLIHarness()
        cli.seed()
        let tracker = cli.read("tracker.json").replacingOccurrences(of: "\"file_mode\" : \"0600\"", with: "\"file_mode\" : \"0600\",\n    \"undo_depth\" : 100")
        try cli.write(tracker, to: "tracker.json")
        #expect(cli.run("check").code == 0)
        let added = cli.run("agency", "add", "lpft", "--name", "LPFT", "--sector", "health")
        #expect(added.code == 0, "\(added.err)")
        #expect(cli.read("tracker.json").contains("\"undo_depth\" : 100"))
    }

    @Test("undo --list names each step's command, author, time and records, newest first")
    func list() {
        let cli = CLIHarness()
        cli.seed()
        cli.run("rec", "update", "darren-bethany/3i", "--text", "It's new", "--author", "bob")
        let lines = cli.run("undo", "--list").out.split(separator: "\n").map(String.init)
        #expect(lines.first == "STEP  WOULD  AT                    BY     RECORDS                COMMAND")
        #expect(lines[1] == "8     undo   2024-03-01T09:30:00Z  bob    review darren-bethany  rlt rec update darren-bethany/3i --text 'It'\\''s new' --author bob")
        #expect(lines.last?.hasPrefix("1     undo   2024-03-01T09:30:00Z  alice  tracker ") == true)
        cli.run("undo")
        #expect(cli.run("undo", "--list").out.contains("8     redo"))
    }
}
