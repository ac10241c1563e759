import Foundation
import ReviewLearning
import Testing

@testable import RLTCommandLine

/// `rlt export` and `rlt import` in-process: round trips, all-or-nothing errors, upserts, sheets and encodings.
@Suite("Import and export")
struct ImportExportTests {
    /// The package root: three levels above this file.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// Runs rlt with its own clock, for a test that needs `now` on a given day.
    static func run(
        _ arguments: [String], store: String, now: Date, asOf: String = "2024-06-01", in directory: String
    ) -> CLIHarness.Result {
        let out = Capture()
        let err = Capture()
        let env = ["RLT_STORE": store, "RLT_AUTHOR": "importer", "RLT_AS_OF": asOf, "RLT_LOCK_TIMEOUT": "1"]
        let context = ToolContext(environment: env, currentDirectory: directory, now: now, stdout: out.sink, stderr: err.sink)
        let code = RLTTool.run(arguments, context: context)
        return CLIHarness.Result(code: code, out: out.text, err: err.text)
    }

    /// Writes bytes to a file in the harness directory (outside the store) and returns its path.
    static func file(_ cli: CLIHarness, _ name: String, _ bytes: [UInt8]) -> String {
        let path = "\(cli.directory)/\(name)"
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)), "cannot write \(path)")
        return path
    }

    static func file(_ cli: CLIHarness, _ name: String, _ text: String) -> String { file(cli, name, Array(text.utf8)) }

    static func review(_ cli: CLIHarness, _ id: String) throws -> Review {
        try JSONDecoder().decode(Review.self, from: Data(cli.read("reviews/\(id).json").utf8))
    }

    static func recommendation(_ cli: CLIHarness, _ reference: String) throws -> Recommendation {
        let parts = reference.split(separator: "/").map(String.init)
        return try #require(try review(cli, parts[0]).recommendation(parts[1]), "no \(reference)")
    }

    // MARK: (a) the sample store

    @Test("sample store: export every table, import into an empty store in dependency order, export: byte-identical")
    func sampleStoreRoundTrip() throws {
        let sample = "\(Self.packageRoot)/data"
        let trackerData = try #require(
            FileManager.default.contents(atPath: "\(sample)/tracker.json"), "no sample store at \(sample)/tracker.json")
        let tracker = try JSONDecoder().decode(Tracker.self, from: trackerData)
        let built = try #require(tracker.history.first?.at, "the sample store's tracker has no history")
        guard case .day(let day) = try PartialDate(parsing: String(built.prefix(10))) else {
            Issue.record("history[0].at \(built) does not start with a day")
            return
        }
        // last_update comes from history, so the import must run on (and as of) the day the sample store was built.
        let now = Date(timeIntervalSince1970: TimeInterval(day.ordinal * 86_400 + 12 * 3_600))
        func run(_ arguments: [String], store: String, now: Date, in directory: String) -> CLIHarness.Result {
            Self.run(arguments, store: store, now: now, asOf: day.description, in: directory)
        }

        let cli = CLIHarness()
        let source = "\(cli.directory)/sample"
        let target = "\(cli.directory)/empty"
        try FileManager.default.copyItem(atPath: sample, toPath: source)
        let exported = run(["export", "--out", "\(cli.directory)/first"], store: source, now: now, in: cli.directory)
        try #require(exported.code == 0, "\(exported.err)")
        let created = run(["init", target, "--name", "Round trip"], store: target, now: now, in: cli.directory)
        try #require(created.code == 0, "\(created.err)")
        for table in ExportTable.dependencyOrder {
            let path = "\(cli.directory)/first/\(table.rawValue).csv"
            let imported = run(["import", table.rawValue, path], store: target, now: now, in: cli.directory)
            #expect(imported.code == 0, "import \(table.rawValue): \(imported.err)")
            let addedNothing = imported.err.hasPrefix("0 added") || imported.err.contains("\n0 added")
            if table != .themes { #expect(!addedNothing, "\(table.rawValue) added nothing: \(imported.err)") }
        }
        let again = run(["export", "--out", "\(cli.directory)/second"], store: target, now: now, in: cli.directory)
        try #require(again.code == 0, "\(again.err)")

        for table in ExportTable.allCases {
            let first = try #require(FileManager.default.contents(atPath: "\(cli.directory)/first/\(table.rawValue).csv"))
            let second = try #require(FileManager.default.contents(atPath: "\(cli.directory)/second/\(table.rawValue).csv"))
            #expect(first.count > table.columns.joined(separator: ",").utf8.count + 2, "\(table.rawValue).csv has no rows")
            // last_update is the day of a record's latest change: in the sample store the documents' days (history's
            // `on`), after an import the import's day. Everything else must come back byte for byte.
            let (withoutA, withoutB) = (try Self.withoutLastUpdate(first), try Self.withoutLastUpdate(second))
            if withoutA != withoutB {
                let a = String(decoding: withoutA, as: UTF8.self).components(separatedBy: "\r\n")
                let b = String(decoding: withoutB, as: UTF8.self).components(separatedBy: "\r\n")
                let line = a.indices.first { $0 < b.count && a[$0] != b[$0] }.map { "line \($0 + 1): \(a[$0].debugDescription) → \(b[$0].debugDescription)" }
                Issue.record("\(table.rawValue).csv differs after the round trip; \(line ?? "\(a.count) lines → \(b.count)")")
            }
        }
    }

    /// The CSV with its `last_update` column taken out (cells joined back without quoting: only for comparing).
    static func withoutLastUpdate(_ csv: Data) throws -> Data {
        let records = try CSVReader.parse(Array(csv)).map(\.fields)
        guard let k = records.first?.firstIndex(of: "last_update") else { return csv }
        let lines = records.map { row in
            row.enumerated().filter { $0.offset != k }.map { $0.element.debugDescription }.joined(separator: ",")
        }
        return Data(lines.joined(separator: "\r\n").utf8)
    }

    // MARK: (b) all or nothing

    @Test("three bad rows among good ones: all three reported with file:line: column, exit 65, store untouched")
    func threeBadRows() throws {
        let cli = CLIHarness()
        cli.seed()
        let before = cli.snapshot()
        let path = Self.file(
            cli, "plan.csv",
            "review_id,rec_id,text,owners,Target date,status\r\n"
                + "darren-bethany,4,Good one,lincs-police,2024-06,open\r\n"
                + "darren-bethany,5,Bad date,lincs-police,31/02/2024,open\r\n"
                + "darren-bethany,6,\"Good, two\",lincs-scp,2024-Q3,in-progress\r\n"
                + "darren-bethany,7,Bad status,lincs-scp,2024-07,finished\r\n"
                + "darren-bethany,8,Bad agency,lincs-nhs,2024-07,open\r\n"
                + "darren-bethany,3i,Changed text,lincs-scp,2024-08,implemented\r\n")
        let result = cli.run("import", "recommendations", path)
        #expect(result.code == 65)
        #expect(result.err.contains("\(path):3: column \"Target date\": \"31/02/2024\" is not a date"), "\(result.err)")
        #expect(result.err.contains("\(path):5: column \"status\": \"finished\" is not a recommendation status"), "\(result.err)")
        #expect(result.err.contains("in-progress"), "the error lists the valid statuses")
        #expect(result.err.contains("\(path):6: column \"owners\": \"lincs-nhs\" is not a known agency"), "\(result.err)")
        #expect(result.err.components(separatedBy: "error: ").count - 1 == 3, "\(result.err)")
        #expect(result.err.contains("nothing was imported"))
        #expect(result.out.isEmpty)
        #expect(cli.snapshot() == before)
    }

    @Test("a CSV syntax error is reported with its line and nothing is written")
    func syntaxError() {
        let cli = CLIHarness()
        cli.seed()
        let before = cli.snapshot()
        let path = Self.file(cli, "broken.csv", "review_id,rec_id,text\r\ndarren-bethany,4,ok\r\ndarren-bethany,5,\"never closed\r\n")
        let result = cli.run("import", "recommendations", path)
        #expect(result.code == 65)
        #expect(result.err.contains("\(path):3: a quoted field is never closed"), "\(result.err)")
        #expect(cli.snapshot() == before)
    }

    // MARK: (c) and (d) upsert and dry run

    @Test("importing the same file twice changes nothing the second time")
    func idempotent() {
        let cli = CLIHarness()
        cli.seed()
        let path = Self.file(
            cli, "recs.csv",
            "review_id,rec_id,text,owners,due,status\r\n"
                + "darren-bethany,4,\"New, with \"\"quotes\"\"\r\nand a line\",lincs-police,2024-06,open\r\n"
                + "darren-bethany,3i,Review the escalation policy again,lincs-scp; lincs-police,2024-09,implemented\r\n")
        let first = cli.run("import", "recommendations", path)
        #expect(first.code == 0, "\(first.err)")
        #expect(first.err.contains("1 added, 1 changed"), "\(first.err)")
        let after = cli.snapshot()
        let second = cli.run("import", "recommendations", path)
        #expect(second.code == 0)
        #expect(second.err.contains("0 added, 0 changed"), "\(second.err)")
        #expect(second.out.isEmpty)
        #expect(cli.snapshot() == after)
    }

    @Test("--dry-run lists what would be added and changed and writes nothing")
    func dryRun() {
        let cli = CLIHarness()
        cli.seed()
        let before = cli.snapshot()
        let path = Self.file(
            cli, "recs.csv",
            "review_id,rec_id,text,status\r\ndarren-bethany,4,Brand new,open\r\ndarren-bethany,3i,,implemented\r\ndarren-bethany,3ii,,\r\n")
        let dry = cli.run("import", "recommendations", path, "--dry-run")
        #expect(dry.code == 0, "\(dry.err)")
        #expect(dry.out.contains("would add darren-bethany/4\n"), "\(dry.out)")
        #expect(dry.out.contains("would change darren-bethany/3i: status: open → implemented"), "\(dry.out)")
        #expect(!dry.out.contains("3ii"), "an unchanged record is not listed")
        #expect(dry.err.contains("dry run: 1 added, 1 changed; nothing written"), "\(dry.err)")
        #expect(cli.snapshot() == before)

        let real = cli.run("import", "recommendations", path)
        #expect(real.out == dry.out.replacingOccurrences(of: "would add", with: "added").replacingOccurrences(of: "would change", with: "changed"))
        #expect(cli.snapshot() != before)
    }

    // MARK: (e) hand-made sheets

    @Test("a hand-made action-plan sheet with --review: synonyms, agency names, UK dates, 'In Progress'")
    func handMadeSheet() throws {
        let cli = CLIHarness()
        cli.seed()
        let path = Self.file(
            cli, "action plan.csv",
            "Ref,Recommendation,Lead agency,Target date,Status,Progress update\r\n"
                + "3i,Review the escalation policy,Lincolnshire Police,30/06/2024,In Progress,Policy drafted\r\n"
                + "4,\"Commission training, then audit\",Safer Lincolnshire Partnership,2024-Q4,OPEN,\r\n")
        let result = cli.run("import", "recommendations", path, "--review", "darren-bethany")
        #expect(result.code == 0, "\(result.err)")
        #expect(result.out.contains("added darren-bethany/4"))
        let rec = try Self.recommendation(cli, "darren-bethany/3i")
        #expect(rec.owners == ["lincs-police"])
        #expect(rec.due == .day(try #require(CalendarDay(year: 2024, month: 6, day: 30))))
        #expect(rec.originalDue == .month(year: 2024, month: 6))
        #expect(rec.status == .inProgress)
        #expect(rec.outcomes.map(\.text) == ["Policy drafted"])
        #expect(rec.outcomes.first?.date == .day(try #require(CalendarDay(year: 2024, month: 3, day: 1))))
        let added = try Self.recommendation(cli, "darren-bethany/4")
        #expect(added.text == "Commission training, then audit")
        #expect(added.owners == ["lincs-csp"])
        #expect(added.due == .quarter(year: 2024, quarter: 4))
        #expect(added.status == .open)
        #expect(cli.run("check").code == 0)

        let again = cli.run("import", "recommendations", path, "--review", "darren-bethany")
        #expect(again.err.contains("0 added, 0 changed"), "\(again.err)")
    }

    @Test("progress updates: a hand-made sheet adds dated notes in date order, once; export gives them back")
    func progressUpdates() throws {
        let cli = CLIHarness()
        cli.seed()
        let path = Self.file(
            cli, "updates.csv",
            "Action,Date,Updated by,Progress update\r\n"
                + "A1,2024-02-20,Sgt Lee,Briefing delivered to two shifts\r\n"
                + "A1,15/01/2024,,\"Briefing written, awaiting sign-off\"\r\n")
        let result = cli.run("import", "updates", path, "--review", "darren-bethany")
        #expect(result.code == 0, "\(result.err)")
        let action = try #require(try Self.review(cli, "darren-bethany").actions.first { $0.id == "A1" })
        #expect(action.updates.map(\.text) == ["Briefing written, awaiting sign-off", "Briefing delivered to two shifts"])
        #expect(action.updates.map(\.author) == ["alice", "Sgt Lee"])
        #expect(cli.run("import", "updates", path, "--review", "darren-bethany").err.contains("0 added, 0 changed"))
        #expect(cli.run("export", "updates").out == """
            review_id,action_id,date,author,text\r
            darren-bethany,A1,2024-01-15,alice,"Briefing written, awaiting sign-off"\r
            darren-bethany,A1,2024-02-20,Sgt Lee,Briefing delivered to two shifts\r

            """)

        let before = cli.snapshot()
        let bad = Self.file(cli, "bad.csv", "review_id,action_id,date,text\r\ndarren-bethany,A9,2024-02,Note\r\n")
        let refused = cli.run("import", "updates", bad)
        #expect(refused.code == 65)
        #expect(refused.err.contains("bad.csv:2"), "\(refused.err)")
        #expect(refused.err.contains("no action darren-bethany/A9"), "\(refused.err)")
        #expect(cli.snapshot() == before)
    }

    @Test("--map reads columns the built-in names miss")
    func mapping() throws {
        let cli = CLIHarness()
        cli.seed()
        let path = Self.file(
            cli, "odd.csv",
            "Item,Agreed change,Owner org,By when,State,Colour\r\n5,Share the MARAC list,lincs-scp,2025-01,in progress,green\r\n")
        let unmapped = cli.run("import", "recommendations", path, "--review", "darren-bethany")
        #expect(unmapped.code == 65, "without --map there is no id column")
        #expect(unmapped.err.contains("--map"))
        let result = cli.run(
            "import", "recommendations", path, "--review", "darren-bethany", "--map", "Item=id", "--map", "Agreed change=text",
            "--map", "Owner org=owners", "--map", "By when=due", "--map", "State=status")
        #expect(result.code == 0, "\(result.err)")
        #expect(result.err.contains("ignored columns: \"Colour\""), "\(result.err)")
        let rec = try Self.recommendation(cli, "darren-bethany/5")
        #expect(rec.text == "Share the MARAC list")
        #expect(rec.owners == ["lincs-scp"])
        #expect(rec.due == .month(year: 2025, month: 1))
        #expect(rec.status == .inProgress)

        let before = cli.snapshot()
        let wrong = cli.run("import", "recommendations", path, "--review", "darren-bethany", "--map", "Item=number")
        #expect(wrong.code == 65)
        #expect(wrong.err.contains("--map names no field \"number\""), "\(wrong.err)")
        #expect(cli.snapshot() == before)
    }

    // MARK: (f) encodings

    @Test("--excel starts with a UTF-8 BOM and import accepts it")
    func excel() throws {
        let cli = CLIHarness()
        cli.seed()
        let path = "\(cli.directory)/recs.csv"
        #expect(cli.run("export", "recommendations", "--excel", "--out", path).code == 0)
        let bytes = try #require(FileManager.default.contents(atPath: path))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(Array(bytes.dropFirst(3).prefix(10)) == Array("review_id,".utf8))
        let plain = cli.run("export", "recommendations").out
        #expect(Array(bytes.dropFirst(3)) == Array(plain.utf8))

        let before = cli.snapshot()
        let result = cli.run("import", "recommendations", path)
        #expect(result.code == 0, "\(result.err)")
        #expect(result.err.contains("0 added, 0 changed"), "\(result.err)")
        #expect(cli.snapshot() == before)

        let fresh = CLIHarness()
        fresh.seed()
        #expect(fresh.run("rec", "remove", "darren-bethany/3ii", "--yes").code == 0)
        let added = fresh.run("import", "recommendations", path)
        #expect(added.code == 0, "\(added.err)")
        #expect(added.out.contains("added darren-bethany/3ii"), "\(added.out)")
    }

    @Test("a Windows-1252 file with smart quotes and é imports with the right characters")
    func windows1252() throws {
        let cli = CLIHarness()
        cli.seed()
        let header = Array("review_id,rec_id,text,owners\r\n".utf8)
        let row = Array("darren-bethany,9,".utf8) + [0x93] + Array("Think family".utf8) + [0x94] + Array(" at the caf".utf8) + [0xE9]
            + Array(",lincs-police\r\n".utf8)
        let path = Self.file(cli, "latin.csv", header + row)
        let result = cli.run("import", "recommendations", path)
        #expect(result.code == 0, "\(result.err)")
        #expect(result.err.contains("Windows-1252"), "\(result.err)")
        let rec = try Self.recommendation(cli, "darren-bethany/9")
        #expect(Array(rec.text.utf8) == Array("\u{201C}Think family\u{201D} at the caf\u{E9}".utf8))
        #expect(!rec.text.unicodeScalars.contains("\u{FFFD}"))
        #expect(!cli.read("reviews/darren-bethany.json").unicodeScalars.contains("\u{FFFD}"))
    }

    @Test("a file that is neither UTF-8 nor Windows-1252 is refused with a clear message")
    func undecodable() {
        let cli = CLIHarness()
        cli.seed()
        let before = cli.snapshot()
        let path = Self.file(cli, "bad.csv", Array("review_id,rec_id,text\r\ndarren-bethany,9,x".utf8) + [0x81] + Array("y\r\n".utf8))
        let result = cli.run("import", "recommendations", path)
        #expect(result.code == 65)
        #expect(result.err.contains("neither UTF-8 nor Windows-1252"), "\(result.err)")
        #expect(cli.snapshot() == before)
    }

    // MARK: (g) formula injection

    @Test("a cell starting with = is exported with a ' and imported back exactly")
    func formulaInjection() throws {
        let cli = CLIHarness()
        cli.seed()
        let formula = "=HYPERLINK(\"http://evil.example\",\"click\")"
        #expect(cli.run("rec", "update", "darren-bethany/3i", "--text", formula).code == 0)
        #expect(cli.run("rec", "update", "darren-bethany/3ii", "--text", "'=already quoted").code == 0)
        let path = "\(cli.directory)/recs.csv"
        #expect(cli.run("export", "recommendations", "--out", path).code == 0)
        let csv = String(decoding: try #require(FileManager.default.contents(atPath: path)), as: UTF8.self)
        #expect(csv.contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\"\r\n"), "\(csv)")
        #expect(csv.contains(",''=already quoted\r\n"), "\(csv)")

        #expect(cli.run("rec", "update", "darren-bethany/3i", "--text", "placeholder").code == 0)
        #expect(cli.run("rec", "update", "darren-bethany/3ii", "--text", "placeholder").code == 0)
        let result = cli.run("import", "recommendations", path)
        #expect(result.code == 0, "\(result.err)")
        #expect(result.err.contains("0 added, 2 changed"), "\(result.err)")
        #expect(Array(try Self.recommendation(cli, "darren-bethany/3i").text.utf8) == Array(formula.utf8))
        #expect(Array(try Self.recommendation(cli, "darren-bethany/3ii").text.utf8) == Array("'=already quoted".utf8))
        #expect(cli.run("import", "recommendations", path).err.contains("0 added, 0 changed"))
    }
}
