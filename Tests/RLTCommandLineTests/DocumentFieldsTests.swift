import Foundation
import Testing

@testable import ReviewLearning

/// Schema 2's places for what review documents say (issue 18), from the command line: undated events, timing beside
/// the due date, joint work, roles, links across reviews, kinds of finding and events' attendance.
@Suite("Document fields: what the documents say, no more")
struct DocumentFieldsTests {
    /// The seeded store, plus a second review to link to and an agency to engage.
    static func seeded() -> CLIHarness {
        let cli = CLIHarness()
        cli.seed()
        cli.run("agency", "add", "lincs-lcjb", "--name", "Local Criminal Justice Board", "--sector", "partnership")
        cli.run("review", "add", "national", "--type", "thematic", "--title", "A national review")
        cli.run("rec", "add", "national/8", "--text", "Practice improvements for domestic abuse")
        return cli
    }

    private func review(_ cli: CLIHarness, _ id: String) throws -> Review { try ImportExportTests.review(cli, id) }

    // MARK: Undated

    @Test("a done action and an outcome can be undated: stored as such, shown as such, never a placeholder")
    func undated() throws {
        let cli = Self.seeded()
        #expect(cli.run("action", "update", "darren-bethany/A1", "--status", "done", "--completed", "undated").code == 0)
        #expect(cli.run("outcome", "add", "darren-bethany/3i", "--text", "Positive assurance", "--by", "all-partners", "--date", "undated").code == 0)
        let stored = try review(cli, "darren-bethany")
        #expect(stored.action("A1")?.completed == .undated)
        #expect(stored.recommendation("3i")?.outcomes.first?.date == .undated)
        #expect(cli.read("reviews/darren-bethany.json").contains("\"completed\" : \"undated\""))
        #expect(cli.run("action", "show", "darren-bethany/A1").out.contains("Completed:   undated"))
        #expect(cli.run("action", "list", "--columns", "id,completed", "--format", "csv").out == "id,completed\r\nA1,undated\r\n")
        #expect(cli.run("export", "outcomes").out.contains("darren-bethany,3i,undated,,all-partners,,alice,Positive assurance"))
        #expect(cli.run("check", "--strict").code == 0)
    }

    @Test("an undated outcome sorts last, but a dated one is the current position; it is no update for last_update")
    func undatedOrder() throws {
        let cli = Self.seeded()
        cli.run("outcome", "add", "darren-bethany/3i", "--text", "Old, undated", "--date", "undated", "--assurance", "limited")
        cli.run("outcome", "add", "darren-bethany/3i", "--text", "Dated", "--date", "2024-01-10", "--assurance", "reasonable")
        let rec = try #require(try review(cli, "darren-bethany").recommendation("3i"))
        #expect(rec.outcomes.map(\.text) == ["Dated", "Old, undated"])
        #expect(rec.currentOutcomePosition == 0)
        #expect(rec.lastUpdate == CalendarDay(year: 2024, month: 3, day: 1))
        #expect(cli.run("report", "--review", "darren-bethany").out.contains("Dated"))
    }

    @Test(
        "undated is refused where a date must be a date",
        arguments: [
            ["rec", "update", "darren-bethany/3i", "--due", "undated"],
            ["action", "update", "darren-bethany/A1", "--due", "undated"],
            ["rec", "update", "darren-bethany/3i", "--from", "undated"],
            ["event", "add", "--kind", "seminar", "--title", "S", "--date", "undated"],
            ["rec", "update", "darren-bethany/3i", "--note", "x", "--on", "undated"],
        ])
    func undatedRefused(_ arguments: [String]) {
        let cli = Self.seeded()
        let before = cli.snapshot()
        let result = cli.run(arguments)
        #expect(result.code == 64, "\(result.err)")
        #expect(result.err.contains("\"undated\" is not a valid date"), "\(result.err)")
        #expect(cli.snapshot() == before)
    }

    @Test("check reports undated where a hand edit put it in a due date, naming the record")
    func undatedInDueIsAProblem() throws {
        let cli = Self.seeded()
        let path = "reviews/darren-bethany.json"
        try cli.write(cli.read(path).replacingOccurrences(of: "\"due\" : \"2024-06\"", with: "\"due\" : \"undated\""), to: path)
        let result = cli.run("check")
        #expect(result.code == 1)
        #expect(result.out.contains("recommendation 3i: due cannot be \"undated\""), "\(result.out)")
    }

    // MARK: Timing

    @Test("from, through, approximate and a date note sit beside the due date; overdue counts from the due date only")
    func timing() throws {
        let cli = Self.seeded()
        #expect(
            cli.run(
                "rec", "update", "darren-bethany/3ii", "--from", "2021-05", "--through", "2022", "--approximate",
                "--date-note", "From May 2021").code == 0)
        let rec = try #require(try review(cli, "darren-bethany").recommendation("3ii"))
        #expect(rec.timing == Timing(from: .month(year: 2021, month: 5), through: .year(2022), approximate: true, note: "From May 2021"))
        #expect(cli.run("rec", "show", "darren-bethany/3ii").out.contains("Timing:         from 2021-05 through 2022 (approximate)"))
        #expect(cli.run("report").out.contains("| 2024-07; from 2021-05 through 2022 (approximate) |"))
        #expect(cli.run("report", "--format", "html").out.contains("2024-07; from 2021-05 through 2022 (approximate)"))
        // Through 2022 is long past on 2024-03-01, yet 3ii (due 2024-07) is not overdue.
        #expect(!cli.run("overdue", "--format", "csv").out.contains("3ii"))
        #expect(cli.run("rec", "update", "darren-bethany/3ii", "--exact", "--date-note", "").code == 0)
        let cleared = try #require(try review(cli, "darren-bethany").recommendation("3ii"))
        #expect(!cleared.timing.approximate && cleared.timing.note == nil && cleared.timing.from != nil)
    }

    @Test("a period that ends before it starts is refused, and nothing is written")
    func timingOrder() {
        let cli = Self.seeded()
        let before = cli.snapshot()
        let result = cli.run("rec", "update", "darren-bethany/3i", "--from", "2022", "--through", "2021")
        #expect(result.code == 65)
        #expect(result.err == "error: darren-bethany/3i: --through 2021 is before --from 2022; a period ends after it starts\n")
        #expect(cli.snapshot() == before)
        #expect(cli.run("rec", "update", "darren-bethany/3i", "--approximate", "--exact").code == 64)
    }

    // MARK: Joint work and roles

    @Test("joint actions, further audiences and assurers; the lead is never repeated")
    func jointWork() throws {
        let cli = Self.seeded()
        #expect(cli.run("action", "update", "darren-bethany/A1", "--with", "lincs-scp").code == 0)
        #expect(try review(cli, "darren-bethany").action("A1")?.with == ["lincs-scp"])
        #expect(cli.run("action", "show", "darren-bethany/A1").out.contains("Agency:      lincs-police (lead); lincs-scp"))
        // A shared action is the partner's too: --owner finds it, and chase asks the partner about it.
        #expect(cli.run("action", "list", "--owner", "lincs-scp", "--format", "csv", "--columns", "id").out == "id\r\nA1\r\n")
        cli.run("action", "update", "darren-bethany/A1", "--due", "2024-01")
        #expect(cli.run("chase", "--agency", "lincs-scp").out.contains("darren-bethany/A1 (action, joint): "))
        #expect(cli.run("action", "update", "darren-bethany/A1", "--with", "lincs-police").code == 64)
        #expect(cli.run("action", "update", "darren-bethany/A1", "--with", "nobody").code == 65)
        #expect(cli.run("outcome", "add", "darren-bethany/3i", "--text", "t", "--with", "lincs-scp").code == 64)
        #expect(cli.run("outcome", "add", "darren-bethany/3i", "--text", "t", "--by", "lincs-scp", "--with", "lincs-police").code == 0)
        #expect(cli.run("finding", "add", "darren-bethany", "--audience", "police", "--with", "health", "--text", "f").code == 0)
        #expect(cli.run("finding", "list", "--audience", "health").out.contains("darren-bethany  F1  learning  police; health"))
    }

    @Test("owners, assurers and bodies to engage are different roles; each is checked against the directory")
    func roles() throws {
        let cli = Self.seeded()
        #expect(
            cli.run(
                "rec", "update", "darren-bethany/3i", "--engage", "lincs-lcjb", "--assurance-by", "all-partners",
                "--issued-by", "lincs-csp").code == 0)
        let rec = try #require(try review(cli, "darren-bethany").recommendation("3i"))
        #expect(rec.owners == ["lincs-scp", "lincs-police"] && rec.engage == ["lincs-lcjb"])
        #expect(rec.assuranceBy == [Tracker.allPartners] && rec.issuedBy == "lincs-csp")
        #expect(
            cli.run("rec", "list", "--columns", "id,owners,engage,assurance_by,issued_by", "--format", "csv").out
                .contains("3i,lincs-scp; lincs-police,lincs-lcjb,all-partners,lincs-csp\r\n"))
        #expect(cli.run("report").out.contains("| lincs-scp (lead), lincs-police (engaging lincs-lcjb) |"))
        // Engaging a body does not make it an owner: overdue --owner does not find 3i under it.
        #expect(!cli.run("rec", "list", "--owner", "lincs-lcjb", "--format", "csv").out.contains("3i"))
        let bad = cli.run("rec", "update", "darren-bethany/3i", "--engage", "lcjb")
        #expect(bad.code == 65 && bad.err.contains("lcjb"))
    }

    // MARK: Links across reviews

    @Test("a link to another review's record: checked on entry, shown both ways, checked by check when it dangles")
    func crossReviewLinks() throws {
        let cli = Self.seeded()
        #expect(cli.run("rec", "update", "darren-bethany/3i", "--link", "national/8").code == 0)
        #expect(cli.run("rec", "show", "national/8").out.contains("Linked from:    darren-bethany/3i"))
        #expect(cli.run("rec", "show", "darren-bethany/3i").out.contains("Links:          national/8"))
        let missing = cli.run("rec", "update", "darren-bethany/3i", "--link", "national/9")
        #expect(missing.code == 65 && missing.err.contains("no record national/9"), "\(missing.err)")
        #expect(cli.run("rec", "update", "darren-bethany/3i", "--link", "darren-bethany/3ii").code == 64)
        #expect(cli.run("check").code == 0)
        #expect(cli.run("rec", "remove", "national/8", "--yes").code == 0)
        let check = cli.run("check")
        #expect(check.code == 1)
        #expect(check.out.contains("links to national/8, but review national has no record 8"), "\(check.out)")
    }

    // MARK: Findings

    @Test("findings have a kind and a source paragraph; finding list filters on the kind")
    func findingKinds() throws {
        let cli = Self.seeded()
        cli.run("finding", "add", "darren-bethany", "--audience", "police", "--text", "Learning")
        cli.run("finding", "add", "darren-bethany", "--audience", "police", "--kind", "practice-principle", "--para", "2.1", "--text", "P")
        #expect(cli.run("finding", "update", "darren-bethany/F1", "--kind", "key-finding").code == 0)
        let listed = cli.run("finding", "list", "--kind", "practice-principle").out
        #expect(listed.contains("darren-bethany  F2  practice-principle  police            2.1   P"), "\(listed)")
        #expect(!listed.contains("F1"))
        #expect(try review(cli, "darren-bethany").finding("F1")?.kind == .keyFinding)
        #expect(cli.run("finding", "update", "darren-bethany/F1", "--kind", "key-finding").code == 65)
        #expect(cli.run("finding", "list", "--kind", "lesson").err.contains("did you mean \"learning\""))
    }

    // MARK: Events

    @Test("a planned event has a forecast, not attendees; held, it counts in the report's figures")
    func events() throws {
        let cli = Self.seeded()
        #expect(
            cli.run(
                "event", "add", "--kind", "seminar", "--title", "Lessons", "--date", "2024-02", "--status", "planned",
                "--expected", "360", "--sessions", "3", "--serves", "darren-bethany/3i", "--review", "darren-bethany").code == 0)
        #expect(cli.run("event", "update", "E1", "--attendees", "300").code == 64)
        #expect(cli.run("event", "list").out.contains("planned  planned: 360 expected in 3 sessions"))
        #expect(cli.run("report").out.contains("No dissemination events recorded") == false)
        #expect(cli.run("report").out.contains("0 events"))
        #expect(cli.run("rec", "show", "darren-bethany/3i").out.contains("Served by:      E1 (2024-02, planned)"))
        #expect(cli.run("event", "update", "E1", "--status", "held", "--attendees", "312").code == 0)
        #expect(cli.run("event", "list").out.contains("held    312 of 360 expected in 3 sessions"))
        #expect(cli.run("report").out.contains("1 event; 312 attendees recorded"))
        #expect(cli.run("event", "update", "E1", "--serves", "darren-bethany/F9").code == 65)
    }

    @Test("a file that spells out schema 2's empty values or defaults is no unknown field, and stays writable")
    func spelledOutDefaults() throws {
        let cli = Self.seeded()
        cli.run("finding", "add", "darren-bethany", "--audience", "police", "--text", "f")
        cli.run("event", "add", "--kind", "seminar", "--title", "S", "--date", "2024-02")
        let path = "reviews/darren-bethany.json"
        var text = cli.read(path)
        text = text.replacingOccurrences(of: "\"agency\" : \"lincs-police\",", with: "\"agency\" : \"lincs-police\",\n      \"with\" : [],")
        text = text.replacingOccurrences(of: "\"audience\" : \"police\",", with: "\"audience\" : \"police\",\n      \"kind\" : \"learning\",")
        text = text.replacingOccurrences(of: "\"level\" : \"local\",", with: "\"approximate\" : false,\n      \"level\" : \"local\",")
        try cli.write(text, to: path)
        try cli.write(cli.read("events.json").replacingOccurrences(of: "\"kind\" : \"seminar\",", with: "\"kind\" : \"seminar\",\n      \"status\" : \"held\","), to: "events.json")
        #expect(cli.read(path).contains("\"with\" : []") && cli.read(path).contains("\"approximate\" : false"))
        let check = cli.run("check")
        #expect(check.code == 0, "\(check.out)")
        #expect(cli.run("action", "list", "--columns", "id,with", "--format", "csv").out == "id,with\r\nA1,\r\n")
        #expect(cli.run("action", "update", "darren-bethany/A1", "--note", "n").code == 0)
        #expect(!cli.read(path).contains("\"with\" : []"))
    }

    // MARK: Both sources

    @Test(
        "the new columns read the same from the index as from the files, on the sample store",
        arguments: [
            ["rec", "list", "--columns", "review,id,from,through,approximate,date_note,assurance_by,engage,issued_by,links"],
            ["action", "list", "--columns", "review,id,agency,with,completed,from,through,approximate,date_note"],
            ["finding", "list"], ["finding", "list", "--kind", "key-finding"], ["finding", "list", "--audience", "health"],
            ["rec", "show", "panel-da-briefing-2022/7"],
        ])
    func bothSources(_ arguments: [String]) {
        let cli = JSONShapeTests.sample()
        // Over the 1 MiB of review files above which the index is kept on disk, so the stored format is read.
        let padding = String(repeating: "Padding text for the index test. ", count: 36_000)
        cli.run("review", "add", "padding", "--type", "other", "--title", "Padding", "--summary", padding)
        let formats =
            arguments.contains("show") ? [[String]()]
            : arguments[0] == "finding" ? [["--format", "table"], ["--format", "json"]] : [["--format", "csv"], ["--format", "table"]]
        for format in formats {
            let indexed = cli.run(arguments + format)
            let decoded = cli.run(arguments + format, environment: ["RLT_NO_INDEX": "1"])
            #expect(indexed.code == 0 && !indexed.out.isEmpty, "\(indexed.err)")
            #expect(indexed.out == decoded.out, "\(arguments)")
        }
        #expect(FileManager.default.fileExists(atPath: "\(cli.store)/.index/base"))
    }
}
