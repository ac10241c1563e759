import Foundation
import RLTCommandLine
import Testing

@testable import SyntheticStore

#if canImport(Glibc)
    import Glibc
#endif

/// The index path and the full-decode path (`RLT_NO_INDEX=1`) must print exactly the same thing: every query
/// command, every format, on a generated store, and again after edits through rlt, after files are changed behind
/// rlt's back, and with the index deleted or damaged (issue 7).
@Suite("Index: the same answers as decoding every file", .serialized)
struct IndexEquivalenceTests {
    /// A generated store of 50 reviews (about 2 MB, so its index is written to `.index/`) in a temp directory.
    final class Fixture {
        let directory: String
        var store: String { "\(directory)/data" }
        let now = Date(timeIntervalSince1970: 1_751_270_400)  // 2025-06-30T08:00:00Z
        /// How far ahead of the real time the index's clock runs: past its two-second racy window, files written so
        /// far look settled (trusted on size, times and inode alone), as they would after waiting that long.
        var clockAhead: TimeInterval = 0

        init(recommendations: Int = 500, seed: UInt64 = 11) throws {
            directory = NSTemporaryDirectory() + "rlt-index-" + UUID().uuidString
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try SyntheticStore(recommendations: recommendations, seed: seed).write(to: store)
        }

        deinit { try? FileManager.default.removeItem(atPath: directory) }

        struct Result: Equatable, CustomStringConvertible {
            var code: Int32
            var out: String
            var err: String
            /// Where the records came from (`RLT_SHOW_SOURCE`'s note), kept out of `err`: the two paths differ there.
            var source = ""
            var description: String { "exit \(code)\nstdout:\n\(out.prefix(3000))\nstderr:\n\(err)" }

            static func == (a: Result, b: Result) -> Bool { (a.code, a.out, a.err) == (b.code, b.out, b.err) }
        }

        @discardableResult
        func run(_ arguments: [String], index: Bool = true, terminal: Bool = false) -> Result {
            let out = Capture()
            let err = Capture()
            var env = [
                "RLT_STORE": store, "RLT_AUTHOR": "tester", "RLT_AS_OF": "2025-06-30", "RLT_LOCK_TIMEOUT": "2",
                "RLT_SHOW_SOURCE": "1",
            ]
            if !index { env["RLT_NO_INDEX"] = "1" }
            let context = ToolContext(
                environment: env, currentDirectory: directory, now: now,
                stdout: OutputSink(isTerminal: terminal, write: out.sink.write), stderr: err.sink,
                terminalWidth: terminal ? 100 : nil, fileClock: { [clockAhead] in Date() + clockAhead })
            let code = RLTTool.run(arguments, context: context)
            let lines = err.text.split(separator: "\n", omittingEmptySubsequences: false)
            let note = lines.filter { $0.hasPrefix("note: answered from ") }
            return Result(
                code: code, out: out.text, err: lines.filter { !$0.hasPrefix("note: answered from ") }.joined(separator: "\n"),
                source: note.joined(separator: "\n"))
        }

        /// Runs `arguments` both ways and expects the same exit code, output and messages; and, for a listing or
        /// summary the index can give by itself, that the index gave it (or the comparison would be decode with
        /// decode).
        func expectSame(_ arguments: [String], _ comment: String = "", sourceLocation: SourceLocation = #_sourceLocation) {
            let indexed = run(arguments)
            let decoded = run(arguments, index: false)
            let command = "\(comment) rlt \(arguments.joined(separator: " "))"
            #expect(indexed == decoded, "\(command)\nindex:\n\(indexed)\nfull decode:\n\(decoded)", sourceLocation: sourceLocation)
            if indexed.code == 0 && IndexEquivalenceTests.indexAnswers(arguments) {
                #expect(indexed.source == "note: answered from the index (.index/)", "\(command)", sourceLocation: sourceLocation)
            }
            #expect(!decoded.source.contains("index"), "\(command): RLT_NO_INDEX=1 used the index", sourceLocation: sourceLocation)
        }

        func path(_ relative: String) -> String { "\(store)/\(relative)" }

        var reviewIDs: [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: path("reviews"))) ?? [])
                .filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
        }

        func json(_ relative: String) throws -> [String: Any] {
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path(relative)))) as? [String: Any] ?? [:]
        }

        var indexFiles: [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: path(".index"))) ?? []).sorted()
        }
    }

    /// Query commands covering every listing, format and filter the index answers (and some it hands back).
    static let queries: [[String]] = {
        var q: [[String]] = []
        let formats = [["--format", "table"], ["--format", "csv"], ["--format", "tsv"], ["--format", "json"], ["--format", "jsonl"]]
        for listing in [["overdue"], ["rec", "list"], ["action", "list"]] {
            for format in formats { q.append(listing + format) }
            q.append(listing + ["--format", "json", "--columns", "review,id,due,status,text"])
            q.append(listing + ["--format", "jsonl", "--columns", "id,last_update,days_overdue"])
            for sort in ["due", "review", "status", "owner"] { q.append(listing + ["--sort", sort, "--format", "csv"]) }
            q.append(listing + ["--limit", "7", "--format", "csv", "--no-header"])
            q.append(listing + ["--limit", "0"])
            q.append(listing + ["--fail-if-any", "--format", "tsv", "--owner", "kent-police"])
        }
        let recColumns = "review,id,level,owners,lead,themes,due,original_due,slipped_days,status,assurance,rag,overdue,"
            + "days_overdue,last_update,outcomes,latest_outcome,links,reason,text"
        let actionColumns = "review,id,agency,responds_to,due,original_due,slipped_days,status,completed,rag,overdue,"
            + "days_overdue,last_update,measure,evidence,reason,text"
        let overdueColumns = "review,kind,id,due,days_overdue,owner,status,last_update,text"
        for format in ["csv", "tsv", "table", "json"] {
            q.append(["rec", "list", "--columns", recColumns, "--format", format])
            q.append(["action", "list", "--columns", actionColumns, "--format", format])
            q.append(["overdue", "--columns", overdueColumns, "--format", format])
        }
        q.append(["overdue", "--columns", "id,text"])
        let filters: [[String]] = [
            ["--owner", "kent-police"], ["--owner", "lincolnshire-csp", "--owner", "home-office"], ["--lead", "kent-csp"],
            ["--agency", "sefton-police"], ["--theme", "information-sharing"], ["--theme", "risk-assessment", "--level", "local"],
            ["--level", "national"], ["--assurance", "reasonable"], ["--assurance", "not-assessed", "--status", "open"],
            ["--rag", "red"], ["--rag", "amber", "--rag", "green"], ["--rag", "grey"], ["--rag", "blue"],
            ["--status", "in-progress"], ["--status", "done"], ["--status", "planned", "--status", "blocked"],
            ["--due-before", "2022-Q3"], ["--due-after", "2024"], ["--due-before", "2025-06-30", "--due-after", "2023-01"],
            ["--overdue"], ["--stale", "90"], ["--stale", "1000"], ["--type", "dhr"], ["--type", "sar", "--type", "cspr"],
            ["--text", "MARAC"], ["--text", "caf\u{E9}"], ["--review", "dhr-lincolnshire-2019-00020"],
        ]
        for filter in filters {
            q.append(["overdue", "--format", "csv"] + filter)
            q.append(["rec", "list", "--format", "tsv", "--columns", recColumns] + filter)
            q.append(["action", "list", "--format", "csv", "--columns", actionColumns] + filter)
            q.append(["review", "list", "--format", "csv"] + filter)
            q.append(["summary", "--by", "owner", "--format", "csv"] + filter)
            q.append(["report", "--since", "2021-06"] + filter)
        }
        // The board report: every section, both formats, from the index (whole reviews only for --since).
        q.append(["report"])
        q.append(["report", "--format", "html", "--since", "2019"])
        q.append(["report", "--stale-days", "400", "--owner", "kent-police", "--format", "html"])
        for grouping in ["review", "owner", "lead", "agency", "theme", "type", "level", "assurance", "status"] {
            for of in ["recommendations", "actions"] {
                q.append(["summary", "--by", grouping, "--of", of])
                q.append(["summary", "--by", grouping, "--of", of, "--format", "json"])
            }
        }
        q.append(["summary"])
        q.append(["summary", "--format", "tsv", "--theme", "coercive-control"])
        q.append(["review", "list"])
        q.append(["review", "list", "--format", "json"])
        q.append(["review", "list", "--review-status", "closed", "--owner", "kent-police"])
        let reviewColumns = "id,type,status,title,partnerships,themes,incident,notified,commissioned,completed,published,"
            + "converted_from,findings,recs,open,overdue_recs,actions,overdue_actions,source"
        for format in ["csv", "tsv", "table", "json"] {
            q.append(["review", "list", "--columns", reviewColumns, "--format", format])
        }
        q.append(["review", "list", "--format", "jsonl", "--limit", "4"])
        q.append(["review", "list", "--text", "Chlo\u{E9}", "--review-status", "in-progress", "--review-status", "published"])
        q.append(["review", "list", "--text", "marac", "--overdue", "--fail-if-any"])
        q.append(["review", "list", "--type", "cspr", "--limit", "2", "--columns", "id,findings,source"])
        // Search reads every text the index keeps: titles, summaries, sources, findings, outcomes, updates.
        for term in ["MARAC", "marac", "caf\u{E9}", "CAFE", "\u{2019}", "\u{2013}", "Zo\u{EB}", "information sharing", "x", "no such words"] {
            q.append(["search", term, "--count"])
            q.append(["search", term, "--format", "csv", "--columns", "review,reference,kind,field,text"])
        }
        q.append(["finding", "list"])
        q.append(["finding", "list", "--audience", "police", "--audience", "kent-police"])
        q.append(["finding", "list", "--format", "json"])
        q.append(["finding", "list", "--audience", "no-such-sector"])
        q.append(["search", "risk", "--format", "json"])
        q.append(["search", "MARAC"])
        q.append(["export", "recommendations", "--overdue"])
        q.append(["export", "actions", "--format", "jsonl", "--owner", "kent-police"])
        // Usage errors keep their order and wording.
        q.append(["rec", "list", "--columns", "nope"])
        q.append(["overdue", "--sort", "sideways", "--format", "csv"])
        q.append(["action", "list", "--limit", "-1"])
        q.append(["rec", "list", "--owner", "no-such-agency"])
        return q
    }()

    /// Whether the index answers this command by itself: a search, or a listing or summary without `--review` (a
    /// few named files, decoded) or JSON of whole records.
    static func indexAnswers(_ arguments: [String]) -> Bool {
        if arguments.first == "search" { return true }
        if arguments.prefix(2) == ["finding", "list"] { return !arguments.contains("json") && !arguments.contains("--review") }
        let listing =
            ["overdue", "summary", "report"].contains(arguments.first ?? "")
            || ["rec", "action", "review"].contains(arguments.first ?? "") && arguments.dropFirst().first == "list"
        let format = arguments.firstIndex(of: "--format").map { arguments[$0 + 1] } ?? "table"
        let whole =
            ["json", "jsonl"].contains(format) && !arguments.contains("--columns") && !["summary", "report"].contains(arguments.first)
        return listing && !whole && !arguments.contains("--review")
    }

    /// The queries most sensitive to a stale index, for the scenarios after changes.
    static let quick: [[String]] = [
        ["overdue"], ["overdue", "--format", "csv"], ["rec", "list", "--format", "csv"], ["action", "list", "--format", "tsv"],
        ["summary", "--by", "owner"], ["summary", "--by", "theme", "--of", "actions", "--format", "json"],
        ["rec", "list", "--format", "json", "--columns", "review,id,due,status,outcomes,latest_outcome,last_update,text"],
        ["review", "list", "--format", "csv"], ["action", "list", "--stale", "30", "--format", "csv"],
        ["search", "chased", "--format", "csv"], ["search", "Zo\u{EB}", "--count"], ["search", "quoted", "--format", "tsv"],
        ["report", "--since", "2020-01"],
    ]

    @Test("every query, every format: the index and the full decode agree, and the index is on disk")
    func everyQuery() throws {
        let fixture = try Fixture()
        #expect(fixture.run(["check"]).code == 0, "the generated store is valid")
        fixture.expectSame(["overdue", "--format", "csv"], "first run (builds the index)")
        #expect(fixture.indexFiles.contains("base"), "the index is written for a store over 1 MiB: \(fixture.indexFiles)")
        #expect(fixture.indexFiles.contains(".gitignore"))
        for arguments in Self.queries { fixture.expectSame(arguments) }
        // A terminal: fitted widths and colour.
        let terminal = fixture.run(["rec", "list", "--color", "always"], terminal: true)
        let full = Fixture.Result(code: terminal.code, out: terminal.out, err: terminal.err)
        #expect(full.out.contains("\u{1B}["))
        let check = fixture.run(["check"])
        #expect(check.code == 0 && check.out.isEmpty && check.err.isEmpty, "check is silent with a good index: \(check)")
    }

    @Test("after edits through rlt, deletions, files changed behind rlt's back, and a damaged or deleted index")
    func afterChanges() throws {
        // 70 reviews: big enough for the listings' parallel path (the other test's 50 take the sequential one).
        let fixture = try Fixture(recommendations: 700, seed: 5)
        func same(_ comment: String) {
            for arguments in Self.quick { fixture.expectSame(arguments, comment) }
        }
        same("fresh")
        let ids = fixture.reviewIDs
        // A review that still takes records (not closed) and a recommendation that is not terminal, so the edits
        // below break none of the guard rails (a reopen needs --reason; a closed review takes nothing new).
        var chosen: (review: String, rec: String)?
        for id in ids.dropFirst(7) where chosen == nil {
            let json = try fixture.json("reviews/\(id).json")
            guard json["status"] as? String != "closed", let recs = json["recommendations"] as? [[String: Any]] else { continue }
            let live = recs.first { ["open", "in-progress", "implemented"].contains($0["status"] as? String ?? "") }
            if let rec = live?["id"] as? String { chosen = (id, rec) }
        }
        let (review, rec) = try #require(chosen)

        // Edits through rlt.
        #expect(fixture.run(["rec", "update", "\(review)/\(rec)", "--status", "in-progress", "--due", "2021-03", "--note", "Chased"]).code == 0)
        same("after rec update")
        #expect(fixture.run(["action", "add", review, "--agency", "kent-police", "--text", "=SUM(A1) \"quoted\", new", "--for", rec, "--due", "2020-Q1"]).code == 0)
        same("after action add")
        #expect(fixture.run(["rec", "add", "\(review)/Z9", "--text", "Zoë’s – new", "--owner", "kent-csp", "--due", "2019"]).code == 0)
        same("after rec add")
        #expect(fixture.run(["review", "add", "aaa-new", "--type", "sar", "--title", "Adult Z"]).code == 0)
        #expect(fixture.run(["rec", "add", "aaa-new/1", "--text", "x", "--owner", "kent-police", "--due", "2020-01-31"]).code == 0)
        same("after review add")
        #expect(fixture.indexFiles.contains("overlay"), "small changes go to the overlay: \(fixture.indexFiles)")

        // Deleted behind rlt's back.
        try FileManager.default.removeItem(atPath: fixture.path("reviews/\(ids[3]).json"))
        same("after a file is deleted")

        // Changed in place, same size, times restored: only the change time tells. Outside the racy window (two
        // seconds after indexing) the index trusts size, times and inode, so move its clock past that first.
        fixture.clockAhead = 2.2
        same("after the racy window")
        let target = fixture.path("reviews/\(ids[10]).json")
        var before = stat()
        stat(target, &before)
        var text = try String(contentsOfFile: target, encoding: .utf8)
        let swapped = text.replacingOccurrences(of: "\"status\" : \"assured\"", with: "\"status\" : \"in-progress\"")
        if swapped.utf8.count != text.utf8.count {
            // Keep the size: change the year of the first due date instead.
            if let range = text.range(of: "\"due\" : \"20") {
                text.replaceSubrange(range, with: "\"due\" : \"19")
            }
        } else {
            text = swapped
        }
        let handle = try #require(FileHandle(forWritingAtPath: target))
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
        var times = [before.st_atim, before.st_mtim]
        #expect(utimensat(AT_FDCWD, target, &times, 0) == 0)
        var after = stat()
        stat(target, &after)
        #expect(after.st_size == before.st_size && after.st_mtim.tv_nsec == before.st_mtim.tv_nsec)
        same("after a same-size edit with the modification time restored")

        // Replaced by another review's file (a copy: new inode), and truncated (an error both ways).
        try FileManager.default.removeItem(atPath: fixture.path("reviews/\(ids[12]).json"))
        try FileManager.default.copyItem(atPath: fixture.path("reviews/\(ids[13]).json"), toPath: fixture.path("reviews/\(ids[12]).json"))
        same("after a file is replaced")
        let truncated = fixture.path("reviews/\(ids[20]).json")
        let saved = try Data(contentsOf: URL(fileURLWithPath: truncated))
        try saved.prefix(saved.count / 2).write(to: URL(fileURLWithPath: truncated))
        for arguments in Self.quick.prefix(3) { fixture.expectSame(arguments, "with a truncated file") }
        #expect(fixture.run(["overdue"]).code == 65)
        try saved.write(to: URL(fileURLWithPath: truncated))
        same("after the truncated file is restored")

        // The index deleted, then damaged in several ways: always rebuilt, never trusted.
        try FileManager.default.removeItem(atPath: fixture.path(".index"))
        same("with the index deleted")
        let base = fixture.path(".index/base")
        let good = try Data(contentsOf: URL(fileURLWithPath: base))
        // Seeded, so a failure replays: RLT_TEST_SEED=<the seed in the message> swift test --filter afterChanges.
        let seed = ProcessInfo.processInfo.environment["RLT_TEST_SEED"].flatMap { UInt64($0) } ?? UInt64.random(in: 0...UInt64.max)
        var rng = SeededRandom(seed: seed)
        for damage in 0..<6 {
            var bytes = [UInt8](good)
            switch damage {
            case 0: bytes = Array(bytes.prefix(bytes.count / 3))
            case 1: bytes = Array("not an index".utf8)
            case 2: for _ in 0..<20 { bytes[Int.random(in: 128..<bytes.count, using: &rng)] ^= 0x5A }
            case 3: bytes[200] ^= 1
            case 4: bytes[12] = 99  // a schema this rlt does not know
            default: bytes = []
            }
            // Write in place (keeps the inode), as a disk or a careless tool would.
            let handle = try #require(FileHandle(forWritingAtPath: base))
            try handle.truncate(atOffset: 0)
            try handle.write(contentsOf: Data(bytes))
            try handle.close()
            // (The store has problems of its own by now: a deleted review, a copied file.)
            let check = fixture.run(["check"])
            #expect(!check.out.contains(".index"), "a damaged index is not a store problem (seed \(seed)): \(check)")
            #expect(check.err.contains("note: ") && check.err.contains(".index/base"), "but it is noted (seed \(seed)): \(check)")
            same("with the index damaged (\(damage), seed \(seed))")
        }
        #expect(!fixture.run(["check"]).err.contains("note:"), "rebuilt")
    }

    @Test("a small store keeps its index in memory: nothing is written")
    func smallStore() throws {
        let fixture = try Fixture(recommendations: 20, seed: 2)
        fixture.expectSame(["overdue", "--format", "csv"])
        fixture.expectSame(["summary", "--by", "theme"])
        #expect(fixture.indexFiles.isEmpty, "no .index/ for a store under 1 MiB: \(fixture.indexFiles)")
    }

    /// Random combinations of filters, sorts, limits and formats (seeded: a failure names its seed, and
    /// `RLT_TEST_SEED=<seed> swift test --filter randomQueries` replays it): each must get the same answer both
    /// ways, and the index must give it whenever it can.
    @Test("random filter combinations: the same answers both ways, from the index when it can")
    func randomQueries() throws {
        let fixture = try Fixture()
        let seed = ProcessInfo.processInfo.environment["RLT_TEST_SEED"].flatMap { UInt64($0) } ?? UInt64.random(in: 0...UInt64.max)
        var rng = SeededRandom(seed: seed)
        let commands = [["overdue"], ["rec", "list"], ["action", "list"], ["summary"], ["summary", "--of", "actions"]]
        let filters: [[String]] = [
            ["--owner", "kent-police"], ["--owner", "home-office"], ["--lead", "kent-csp"], ["--agency", "sefton-police"],
            ["--theme", "information-sharing"], ["--theme", "risk-assessment"], ["--level", "local"], ["--level", "national"],
            ["--assurance", "reasonable"], ["--assurance", "not-assessed"], ["--rag", "red"], ["--rag", "amber"],
            ["--rag", "green"], ["--rag", "grey"], ["--rag", "blue"], ["--status", "open"], ["--status", "in-progress"],
            ["--status", "done"], ["--status", "planned"], ["--due-before", "2023-Q3"], ["--due-after", "2022"],
            ["--overdue"], ["--stale", "120"], ["--type", "dhr"], ["--type", "sar"], ["--text", "MARAC"],
            ["--as-of", "2023-01-15"], ["--as-of", "2026-02"],
        ]
        let formats = [["--format", "csv"], ["--format", "tsv"], [], ["--format", "json", "--columns", "id,due,rag"]]
        for _ in 0..<60 {
            var arguments = commands[Int(rng.next() % UInt64(commands.count))]
            for _ in 0..<(1 + Int(rng.next() % 3)) { arguments += filters[Int(rng.next() % UInt64(filters.count))] }
            if arguments.first != "summary" {
                arguments += formats[Int(rng.next() % UInt64(formats.count))]
                if rng.next() % 3 == 0 { arguments += ["--sort", ["due", "review", "status", "owner"][Int(rng.next() % 4)]] }
                if rng.next() % 4 == 0 { arguments += ["--limit", String(rng.next() % 20)] }
            }
            fixture.expectSame(arguments, "seed \(seed):")
        }
    }
}
