import Foundation
import Testing

@testable import ReviewLearning

/// A small store written to disk and read back: three reviews, seven recommendations, three actions, two events.
///
/// As of 2025-11-30 (amber window 30 days):
/// - alpha/1 in progress, due 2025-06: red, 153 days overdue; last update 2025-07-01, stale at 90 days
/// - alpha/2 assured: blue
/// - alpha/3 open, due 2025-12-15 (slipped from 2025-09): amber
/// - alpha/4 open, due 2026-06: green; its text tries to break out of HTML and Markdown
/// - beta/1 implemented, due 2025-03: red, 244 days overdue; stale
/// - beta/2 not accepted (a reason, no due date): blue
/// - beta/3 open, no owner, no due date: grey; stale
/// - alpha/A1 planned, due 2025-05: 183 days overdue; stale.  alpha/A2 done.  gamma/A1 due 2024-09: 426 days overdue.
struct ReportFixture {
    static let asOf = CalendarDay(year: 2025, month: 11, day: 30)!
    static let hostile = "Train staff on <script>alert(1)</script> & \"quotes\" 'x' | pipes\nsecond line"

    let directory = TemporaryDirectory()
    let input: ReportInput

    init() throws {
        let store = try Store.create(
            at: "\(directory.path)/data", name: "Northshire Safeguarding Partnership", now: "2025-01-02T09:00:00Z",
            author: "coordinator")
        try store.write { transaction in
            var tracker = try transaction.tracker()
            tracker.agencies = [
                Agency(code: "ncsc", name: "Northshire Children's Social Care", sector: .childrensSocialCare),
                Agency(code: "nhealth", name: "Northshire NHS Trust", sector: .health),
                Agency(code: "np", name: "Northshire Police", sector: .police),
                Agency(code: "nsp", name: "Northshire Safeguarding Partnership", sector: .partnership),
            ]
            tracker.themes.append(Theme(code: "substance-misuse", label: "Substance misuse"))
            try transaction.save(tracker)
            for review in Self.reviews() { try transaction.save(review) }
            var events = try transaction.events()
            events.events = Self.events()
            try transaction.save(events)
        }
        input = ReportInput(
            tracker: try store.loadTracker(), reviews: try store.loadAllReviews(), events: try store.loadEvents().events,
            asOf: Self.asOf)
    }

    static func date(_ text: String) -> PartialDate {
        do { return try PartialDate(parsing: text) } catch { fatalError("bad fixture date \(text)") }
    }

    static func history(_ entries: (String, String)...) -> [HistoryEntry] {
        entries.map { HistoryEntry(at: $0.0, by: "coordinator", change: $0.1) }
    }

    static func rec(
        _ id: String, _ text: String, owners: [String], themes: [String], due: String?, status: RecommendationStatus,
        history: [HistoryEntry]
    ) -> Recommendation {
        var rec = Recommendation(id: id, text: text)
        rec.owners = owners
        rec.themes = themes
        rec.due = due.map(date)
        rec.status = status
        rec.history = history
        return rec
    }

    static func reviews() -> [Review] {
        var alpha = Review(id: "alpha", type: .dhr, title: "Alex")
        alpha.status = .published
        alpha.published = date("2025-03")
        alpha.themes = ["information-sharing", "risk-assessment"]
        alpha.history = history(("2025-03-10T10:00:00Z", "added"))
        var a1 = rec(
            "1", "Share MARAC minutes with GPs within five days.", owners: ["np", "nhealth"],
            themes: ["information-sharing", "marac-mappa"], due: "2025-06", status: .inProgress,
            history: history(("2025-03-10T10:00:00Z", "added"), ("2025-07-01T12:00:00Z", "outcome added (2025-07-01)")))
        a1.assurance = .limited
        a1.outcomes = [
            Outcome(date: date("2025-05-02"), text: "Agreed in principle.", author: "coordinator"),
            Outcome(
                date: date("2025-07-01"), text: "Pilot running in two practices.", author: "coordinator", assurance: .limited,
                by: "nhealth"),
        ]
        var a2 = rec(
            "2", "Audit risk assessments.", owners: ["nsp", "ncsc"], themes: ["risk-assessment"], due: "2025-09",
            status: .assured,
            history: history(("2025-03-10T10:00:00Z", "added"), ("2025-10-20T15:30:00Z", "status: implemented → assured")))
        a2.assurance = .substantial
        a2.outcomes = [
            Outcome(
                date: date("2025-10-20"), text: "Audit of 40 cases found DASH completed in 38.", author: "coordinator",
                assurance: .substantial, by: "nsp")
        ]
        var a3 = rec(
            "3", "Refresh the escalation policy.", owners: ["ncsc"], themes: ["information-sharing"], due: "2025-12-15",
            status: .open,
            history: history(("2025-03-10T10:00:00Z", "added"), ("2025-10-05T08:00:00Z", "due: 2025-09 → 2025-12-15")))
        a3.originalDue = date("2025-09")
        let a4 = rec(
            "4", hostile, owners: ["np"], themes: ["training"], due: "2026-06", status: .open,
            history: history(("2025-11-01T11:00:00Z", "added")))
        alpha.recommendations = [a1, a2, a3, a4]
        var brief = AgencyAction(id: "A1", agency: "np", text: "Brief all officers.")
        brief.respondsTo = ["1"]
        brief.due = date("2025-05")
        brief.history = history(("2025-03-10T10:00:00Z", "added"))
        var guidance = AgencyAction(id: "A2", agency: "nhealth", text: "Update GP guidance.")
        guidance.respondsTo = ["1"]
        guidance.due = date("2025-08")
        guidance.status = .done
        guidance.completed = date("2025-08-20")
        guidance.updates = [ProgressNote(date: date("2025-08-20"), text: "Guidance issued.", author: "coordinator")]
        guidance.history = history(("2025-03-10T10:00:00Z", "added"), ("2025-08-20T16:00:00Z", "status: planned → done"))
        alpha.actions = [brief, guidance]

        var beta = Review(id: "beta", type: .cspr, title: "Child B")
        beta.status = .published
        beta.published = date("2024-11")
        beta.themes = ["safeguarding-children"]
        beta.findings = [Finding(id: "F1", audience: "ncsc", text: "Curiosity was lacking.", themes: ["professional-curiosity"])]
        beta.history = history(("2024-11-15T10:00:00Z", "added"))
        let b1 = rec(
            "1", "Introduce a professional curiosity toolkit.", owners: ["ncsc"], themes: ["professional-curiosity"],
            due: "2025-03", status: .implemented,
            history: history(("2024-11-15T10:00:00Z", "added"), ("2025-04-02T10:00:00Z", "status: open → implemented")))
        var b2 = rec(
            "2", "Fund a new team.", owners: ["nsp"], themes: ["safeguarding-children"], due: nil, status: .notAccepted,
            history: history(("2024-11-15T10:00:00Z", "added")))
        b2.reason = "No budget this year; revisit in 2026."
        let b3 = rec(
            "3", "Review the referral form.", owners: [], themes: [], due: nil, status: .open,
            history: history(("2024-11-15T10:00:00Z", "added")))
        beta.recommendations = [b1, b2, b3]

        var gamma = Review(id: "gamma", type: .sar, title: "Mrs C")
        gamma.themes = ["complex-needs"]
        // Decided in January 2025: its report was due six months later (the SAR default), so it is late.
        gamma.decided = date("2025-01-02")
        gamma.findings = [Finding(id: "F1", audience: "nhealth", text: "Discharge was unsafe.", themes: ["complex-needs"])]
        gamma.history = history(("2025-01-05T10:00:00Z", "added"))
        var discharge = AgencyAction(id: "A1", agency: "nhealth", text: "Review discharge planning.")
        discharge.respondsTo = ["F1"]
        discharge.due = date("2024-09")
        discharge.status = .inProgress
        discharge.updates = [ProgressNote(date: date("2025-10-01"), text: "Draft ready.", author: "coordinator")]
        discharge.history = history(("2025-01-05T10:00:00Z", "added"), ("2025-10-01T09:00:00Z", "progress note added"))
        gamma.actions = [discharge]
        return [alpha, beta, gamma]
    }

    /// Out of date order on purpose: the report sorts them.
    static func events() -> [DisseminationEvent] {
        var briefing = DisseminationEvent(id: "E2", kind: .briefing, title: "7-minute briefing: Child B", date: date("2025-09-15"))
        briefing.audience = "Children's social workers"
        briefing.reviews = ["beta"]
        var seminar = DisseminationEvent(id: "E1", kind: .seminar, title: "Learning from Alex", date: date("2025-05"))
        seminar.audience = "Front-line practitioners"
        seminar.attendees = 40
        seminar.reviews = ["alpha"]
        return [briefing, seminar]
    }
}

@Suite("Report")
struct ReportTests {
    static let since = ReportFixture.date("2025-10-01")

    func render(_ format: ReportFormat, since: PartialDate? = ReportTests.since, input: ReportInput? = nil) throws -> String {
        let fixture = try ReportFixture()
        return try Report.render(input ?? fixture.input, options: ReportOptions(format: format, since: since))
    }

    // MARK: Golden files

    /// `Tests/Golden/<name>`; outside the test target so SwiftPM does not warn about unhandled files.
    static func goldenPath(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Golden").appendingPathComponent(name).path
    }

    /// Compares with the golden file, or rewrites it when `RLT_RECORD_GOLDEN=1`.
    func expectGolden(_ actual: String, _ name: String) throws {
        let path = Self.goldenPath(name)
        if ProcessInfo.processInfo.environment["RLT_RECORD_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: URL(fileURLWithPath: path))
            return
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            Issue.record("no golden file \(path); run with RLT_RECORD_GOLDEN=1 to record it")
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        if actual != expected {
            let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let common = min(actualLines.count, expectedLines.count)
            let index = (0..<common).first { actualLines[$0] != expectedLines[$0] } ?? common
            let got = index < actualLines.count ? String(actualLines[index]) : "(end)"
            let want = index < expectedLines.count ? String(expectedLines[index]) : "(end)"
            let message = "\(name) differs from the golden file at line \(index + 1):\n  got:  \(got)\n  want: \(want)\n"
            Issue.record("\(message)re-record with RLT_RECORD_GOLDEN=1 if the change is intended")
        }
    }

    @Test("Markdown matches the golden file")
    func goldenMarkdown() throws {
        try expectGolden(try render(.markdown), "report.md")
    }

    @Test("HTML matches the golden file")
    func goldenHTML() throws {
        try expectGolden(try render(.html), "report.html")
    }

    // MARK: Content

    @Test("headline counts: reviews, statuses, % assured, overdue, stale, actions, events")
    func headline() throws {
        let fixture = try ReportFixture()
        let h = try ReportModel(fixture.input, options: ReportOptions()).headline
        #expect(h.reviews == 3)
        #expect(h.recommendations == 7)
        #expect(h.byStatus.map(\.count) == [3, 1, 1, 1, 0, 1, 0])
        #expect(h.byStatus.map(\.status) == RecommendationStatus.allCases.map { $0 })
        #expect(h.byRAG.map(\.rag) == [.red, .amber, .green, .blue, .grey])
        #expect(h.byRAG.map(\.count) == [2, 1, 1, 2, 1])
        #expect(h.assured == 1)
        #expect(h.assuredPercent == 14)
        #expect(h.overdueRecommendations == 2)
        #expect(h.overdueActions == 2)
        #expect(h.staleRecommendations == 3)
        #expect(h.staleActions == 1)
        #expect(h.actions == 3 && h.actionsDone == 1)
        #expect(h.events == 2 && h.attendees == 40 && h.eventsWithoutAttendance == 1)

        let markdown = try render(.markdown)
        #expect(markdown.contains("| Assured | 14% (1 of 7) |"))
        #expect(markdown.contains("| Overdue recommendations | 2 |"))
        #expect(markdown.contains("| Stale recommendations (no update for 90 days) | 3 |"))
        let html = try render(.html)
        #expect(html.contains("<p class=\"kpi-label\">Assured</p><p class=\"kpi-value\">14%</p>"))
        #expect(html.contains("<p class=\"kpi-label\">Overdue</p><p class=\"kpi-value\">4</p>"))
    }

    @Test("the stale threshold is an option")
    func staleDays() throws {
        let fixture = try ReportFixture()
        let h = try ReportModel(fixture.input, options: ReportOptions(staleDays: 200)).headline
        // alpha/A1 (265 days), beta/1 (242) and beta/3 (380) have had nothing for 200 days; alpha/1 (152) has.
        #expect(h.staleRecommendations == 2)
        #expect(h.staleActions == 1)
        let markdown = try Report.render(fixture.input, options: ReportOptions(staleDays: 200))
        #expect(markdown.contains("## No update for 200 days or more"))
    }

    @Test("overdue: grouped by lead owner, oldest first, the group with the oldest item first")
    func overdueOrder() throws {
        let fixture = try ReportFixture()
        let model = try ReportModel(fixture.input, options: ReportOptions())
        let groups = model.overdue
        #expect(groups.map(\.owner) == ["nhealth", "ncsc", "np"])
        #expect(groups.map { $0.items.map { model.overdueLine($0).reference } } == [["gamma/A1"], ["beta/1"], ["alpha/A1", "alpha/1"]])
        #expect(groups.flatMap(\.items).map { model.overdueLine($0).daysOverdue } == [426, 244, 183, 153])
        #expect(model.stale.map { model.staleLine($0).reference } == ["beta/3", "alpha/A1", "beta/1", "alpha/1"])

        let markdown = try render(.markdown)
        let positions = ["| gamma/A1 |", "| beta/1 |", "| alpha/A1 |", "| alpha/1 |"].map { markdown.range(of: $0)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil })
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
        #expect(markdown.contains("### Northshire Police (np) — 2 overdue"))
    }

    @Test("owners: every owner counts, the total counts each recommendation once")
    func owners() throws {
        let fixture = try ReportFixture()
        let model = try ReportModel(fixture.input, options: ReportOptions())
        #expect(model.owners.map(\.owner) == ["ncsc", "nhealth", "np", "nsp", ReportModel.noOwner])
        let np = try #require(model.owners.first { $0.owner == "np" })
        #expect(np.total == 2 && np.count(.red) == 1 && np.count(.green) == 1 && np.count(.limited) == 1)
        #expect(model.ownersTotal.total == 7)
        #expect(model.ownersTotal.rags == [2, 1, 1, 2, 1])
    }

    @Test("themes: reviews and recommendations per theme, open against assured")
    func themes() throws {
        let fixture = try ReportFixture()
        let themes = try ReportModel(fixture.input, options: ReportOptions()).themes
        let info = try #require(themes.first { $0.code == "information-sharing" })
        #expect((info.reviews, info.recommendations, info.open, info.assured, info.otherClosed) == (1, 2, 2, 0, 0))
        let risk = try #require(themes.first { $0.code == "risk-assessment" })
        #expect((risk.reviews, risk.recommendations, risk.open, risk.assured) == (1, 1, 0, 1))
        let safeguarding = try #require(themes.first { $0.code == "safeguarding-children" })
        #expect((safeguarding.recommendations, safeguarding.otherClosed) == (1, 1))
        // A theme named only by a finding still counts its review.
        let curiosity = try #require(themes.first { $0.code == "professional-curiosity" })
        #expect((curiosity.reviews, curiosity.recommendations) == (1, 1))
        let complex = try #require(themes.first { $0.code == "complex-needs" })
        #expect((complex.reviews, complex.recommendations) == (1, 0))
        #expect(themes.first?.code == "information-sharing")
        #expect(themes.last?.code == ReportModel.noTheme)
    }

    @Test("changes since: history and outcomes from the date to as-of, oldest first")
    func changesSince() throws {
        let fixture = try ReportFixture()
        let changes = try #require(try ReportModel(fixture.input, options: ReportOptions(since: Self.since)).changes)
        #expect(changes.entries.map(\.record) == ["gamma/A1", "alpha/3", "alpha/2", "alpha/4"])
        #expect(changes.outcomes == 1 && changes.notes == 1)
        let digest = changes.digest.reviews.map { review in
            "\(review.id): " + review.items.map { "\($0.agency) \($0.record) \($0.on) \($0.what): \($0.detail)" }.joined(separator: " | ")
        }
        #expect(digest == [
            "alpha: ncsc alpha/3 2025-10-05 due: 2025-09 → 2025-12-15 | nsp alpha/2 2025-10-20 status: implemented → assured"
                + " | nsp alpha/2 2025-10-20 outcome (assurance substantial, by nsp): Audit of 40 cases found DASH completed in 38.",
            "gamma: nhealth gamma/A1 2025-10-01 progress note: Draft ready.",
        ])
        #expect(changes.digest.agencies.map { "\($0.agency) \($0.notes) \($0.outcomes) \($0.statusChanges) \($0.dueChanges)" }
            == ["ncsc 0 0 0 1", "nhealth 1 0 0 0", "nsp 0 1 1 0"])
        #expect(try render(.markdown).contains("## Changes since 2025-10-01"))
        #expect(!(try render(.markdown, since: nil)).contains("Changes since"))
        #expect(!(try render(.html, since: nil)).contains("Changes since"))
    }

    @Test("both formats have every section, in order")
    func sections() throws {
        let markdown = try render(.markdown)
        let headings = markdown.split(separator: "\n").filter { $0.hasPrefix("## ") }.map(String.init)
        #expect(
            headings == [
                "## Headline figures", "## Overdue recommendations and actions",
                "## Reviews in progress against timescales", "## Owners: RAG and assurance",
                "## Themes across reviews", "## Dissemination", "## No update for 90 days or more",
                "## Changes since 2025-10-01", "## Recommendations by review", "## Agency key",
            ])
        #expect(markdown.hasPrefix("# Board assurance report: Northshire Safeguarding Partnership\n"))
        #expect(markdown.contains("**As of 30 November 2025** (2025-11-30)"))
        for review in ["### Alex (alpha)", "### Child B (beta)", "### Mrs C (gamma)"] { #expect(markdown.contains(review)) }

        let html = try render(.html)
        let ids = [
            "headline", "overdue", "timescales", "owners", "themes", "dissemination", "stale", "changes", "reviews", "agencies",
        ]
        let positions = ids.map { html.range(of: "<section id=\"\($0)\"")?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil })
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
        #expect(html.contains("<title>Board assurance report: Northshire Safeguarding Partnership, as of 2025-11-30</title>"))
        #expect(html.contains("<h1>Northshire Safeguarding Partnership</h1>"))
    }

    @Test("a review's table: owners, due with slippage, status, RAG as a word, latest outcome or reason")
    func reviewTable() throws {
        let markdown = try render(.markdown)
        #expect(
            markdown.contains(
                "| 1 | Share MARAC minutes with GPs within five days. | np (lead), nhealth | 2025-06 | In progress | "
                    + "Red (153 days overdue) | 2025-07-01: Pilot running in two practices. (assurance limited, by nhealth) |"))
        #expect(markdown.contains("| 3 | Refresh the escalation policy. | ncsc | 2025-12-15 (was 2025-09) | Open | Amber | — |"))
        #expect(markdown.contains("| Not accepted | Blue | Reason: No budget this year; revisit in 2026. |"))
        #expect(markdown.contains("| 3 | Review the referral form. | — | — | Open | Grey | — |"))
        // A review without recommendations lists its actions instead.
        #expect(markdown.contains("| A1 | Review discharge planning. | nhealth | F1 | 2024-09 | In progress | Red (426 days overdue) |"))

        let html = try render(.html)
        #expect(html.contains("<td><span class=\"rag rag-red\">Red</span><span class=\"days\">153 days overdue</span></td>"))
        #expect(html.contains("<span class=\"rag rag-amber\">Amber</span>"))
    }

    // MARK: Escaping and safety

    @Test("record text is escaped in HTML: <script>, &, quotes")
    func htmlEscaping() throws {
        let html = try render(.html)
        #expect(html.contains("Train staff on &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; &#39;x&#39; | pipes"))
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("alert(1)</script>"))
        // Text in attributes and in chart labels goes through the same escaping.
        #expect(HTMLText.escape(ReportFixture.hostile).contains("&lt;script&gt;"))
        #expect(HTMLText.escape("a\u{0}b\u{7}") == "a\u{FFFD}b\u{FFFD}")
        #expect(HTMLText.escape("<>&\"'") == "&lt;&gt;&amp;&quot;&#39;")
    }

    @Test("record text is escaped in Markdown: | stays in its cell, a newline becomes <br>, HTML stays text")
    func markdownEscaping() throws {
        let markdown = try render(.markdown)
        #expect(
            markdown.contains(
                "| 4 | Train staff on \\<script\\>alert(1)\\</script\\> & \"quotes\" 'x' \\| pipes<br>second line | np |"))
        #expect(!markdown.contains("<script>"))
        #expect(MarkdownText.cell("a|b\r\nc") == "a\\|b<br>c")
        #expect(MarkdownText.cell("Darren & Bethany") == "Darren & Bethany")
        #expect(MarkdownText.cell("&amp; *x* [y](z)") == "\\&amp; \\*x\\* \\[y\\](z)")
        #expect(MarkdownText.inline("two\nlines") == "two lines")
    }

    @Test("every Markdown table row has as many cells as its header")
    func markdownTablesAreWellFormed() throws {
        let markdown = try render(.markdown)
        func cells(_ line: Substring) -> Int {
            // Unescaped pipes; a backslash escapes the next character.
            var count = 0
            var escaped = false
            for character in line {
                if escaped {
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == "|" {
                    count += 1
                }
            }
            return count
        }
        var tables = 0
        var expected: Int?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("|") else {
                expected = nil
                continue
            }
            if let expected {
                #expect(cells(line) == expected, "\(line)")
            } else {
                expected = cells(line)
                tables += 1
            }
        }
        #expect(tables >= 10)
    }

    @Test("the HTML is self-contained, accessible and printable on A4")
    func htmlStructure() throws {
        let html = try render(.html)
        for forbidden in ["<script", "<link", "<img", "<iframe", "@import", "url(", "src=", "http://", "https://", "@font-face"] {
            #expect(!html.lowercased().contains(forbidden), "found \(forbidden)")
        }
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en-GB\">"))
        #expect(html.contains("@page { size: A4;"))
        #expect(html.contains("@media print"))
        #expect(html.contains("section { break-before: page; page-break-before: always; }"))
        #expect(html.contains("<th scope=\"col\">"))
        #expect(html.contains("<th scope=\"row\">"))
        #expect(!html.contains("<th>"))
        // Three charts, each an image with a title and a description that says its numbers.
        #expect(html.components(separatedBy: "<svg class=\"chart\" role=\"img\"").count - 1 == 3)
        for id in ["chart-status", "chart-rag", "chart-themes"] {
            #expect(html.contains("aria-labelledby=\"\(id)-title \(id)-desc\""))
            #expect(html.contains("<title id=\"\(id)-title\">"))
            #expect(html.contains("<desc id=\"\(id)-desc\">"))
        }
        #expect(
            html.contains(
                "alpha: 4 recommendations (2 open, 1 in progress, 1 assured); beta: 3 recommendations (1 open, 1 "
                    + "implemented, 1 not accepted); gamma: 0 recommendations."))
        #expect(html.contains("np: 2 recommendations (1 red, 1 green)"))
        #expect(html.contains("Information sharing: 2 recommendations (2 open)"))
    }

    @Test("chart bars are proportional: segment widths add up to the bar and match the counts")
    func chartGeometry() {
        let chart = StackedBarChart(
            id: "c", title: "T", unit: "things",
            series: [
                .init(name: "A", fill: "#000", ink: "#fff"), .init(name: "B", fill: "#fff", ink: "#000"),
            ],
            bars: [.init(label: "one", values: [3, 7]), .init(label: "two", values: [5, 0])])
        let svg = chart.render()
        let widths = svg.components(separatedBy: "<rect x=\"").dropFirst().compactMap { part -> Int? in
            guard part.contains("<title>") else { return nil }
            return part.components(separatedBy: "width=\"").dropFirst().first.flatMap { Int($0.prefix { $0.isNumber }) }
        }
        // Scale 0–10 over the plot: 3 + 7 fill the whole plot; 5 fills half of it.
        #expect(widths.count == 3)
        #expect(widths[0] + widths[1] == 2 * widths[2])
        let plot = widths[0] + widths[1]
        #expect(abs(widths[0] * 10 - 3 * plot) < 10 && abs(widths[1] * 10 - 7 * plot) < 10)
        #expect(StackedBarChart.scale(0) == (1, 1))
        #expect(StackedBarChart.scale(7) == (2, 8))
        #expect(StackedBarChart.scale(13) == (5, 15))
        #expect(StackedBarChart.scale(62) == (20, 80))
    }

    @Test("deterministic: the same records give the same bytes, whatever order events come in")
    func deterministic() throws {
        let fixture = try ReportFixture()
        var shuffled = fixture.input
        shuffled.events.reverse()
        for format in ReportFormat.allCases {
            let options = ReportOptions(format: format, since: Self.since)
            #expect(try Report.render(fixture.input, options: options) == Report.render(fixture.input, options: options))
            #expect(try Report.render(fixture.input, options: options) == Report.render(shuffled, options: options))
        }
    }

    @Test("filters narrow the report: one owner's recommendations and actions")
    func filtered() throws {
        let fixture = try ReportFixture()
        var input = fixture.input
        input.filter.owners = ["np"]
        let model = try ReportModel(input, options: ReportOptions(scope: ["--owner np"]))
        #expect(model.headline.recommendations == 2)
        #expect(model.headline.actions == 1)
        #expect(model.overdue.map(\.owner) == ["np"])
        let markdown = try Report.render(input, options: ReportOptions(scope: ["--owner np"]))
        #expect(markdown.contains("Scope: --owner np."))
        // Reviews with nothing of np's are left out of the figures and the tables.
        #expect(model.reviews.map(\.id) == ["alpha"])
        #expect(!markdown.contains("(beta)") && !markdown.contains("(gamma)"))
        #expect(try ReportModel(fixture.input, options: ReportOptions()).reviews.map(\.id) == ["alpha", "beta", "gamma"])
        input.filter = RecordFilter()
        input.filter.reviews = ["beta"]
        let beta = try ReportModel(input, options: ReportOptions())
        #expect(beta.reviews.map(\.id) == ["beta"])
        #expect(beta.events.map(\.id) == ["E2"])
    }

    @Test("changes since read whole reviews: one that no longer matches the packed records stops the report")
    func storeChangedUnderTheReport() throws {
        let fixture = try ReportFixture()
        var changed = ReportFixture.reviews()
        changed[0].recommendations.removeFirst()
        var input = fixture.input
        input.reviews = ReviewBatches(changed)
        #expect(throws: ReportError.storeChanged(review: "alpha")) {
            try Report.render(input, options: ReportOptions(since: Self.since))
        }
        // Without --since the whole reviews are never read.
        #expect(try Report.render(input, options: ReportOptions()) == Report.render(fixture.input, options: ReportOptions()))
    }

    /// The escaping HTMLText did before it worked on bytes: the reference its byte-by-byte version must match.
    static func referenceHTMLEscape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                let control = scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
                if control { out += "\u{FFFD}" } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    static let awkwardTexts = [
        "", "plain", "Darren & Bethany's <b>\"review\"</b>", "\u{85}next line\u{9F}\u{80}\u{7F}\u{0}\u{1B}",
        "\u{A0}non-breaking · middle dot £5 Â é\u{301} 😀", "tab\tcr\r\nlf\n", "\u{C2}\u{A0}\u{C2}", "ends with \u{C2}",
        "&amp; *bold* _x_ [link] `code` | ~ \\",
    ]

    @Test("HTML escaping, byte by byte, is the escaping it replaced", arguments: awkwardTexts)
    func htmlEscape(_ text: String) {
        #expect(HTMLText.escape(text) == Self.referenceHTMLEscape(text))
    }

    @Test("Markdown: text with nothing to escape is returned as it is; C1 controls are still replaced")
    func markdownQuickPath() {
        for text in ["\u{A0}non-breaking · middle dot £5 Â é\u{301} 😀", "plain words, (brackets) and 'quotes'"] {
            #expect(MarkdownText.cell(text) == text)
        }
        #expect(MarkdownText.cell("a\u{85}b · c\u{9F}") == "a\u{FFFD}b · c\u{FFFD}")
        #expect(MarkdownText.inline("x_y\r\nz") == "x\\_y z")
    }

    @Test("the change log keeps every text whole and orders entries by reported day, then time, as strings do, ties as added")
    func changeEntries() {
        let long = String(repeating: "é", count: 300)
        let added: [ReportModel.Change] = [
            .init(on: "2025-03-01", at: "2025-03-01T10:00:00Z", by: "b", record: "r/2", change: long),
            .init(on: "2025-01-01", at: "2025-01-01T09:00:00Z", by: "", record: "r/1", change: "first"),
            .init(on: "2025-03-01", at: "2025-03-01T10:00:00Z", by: "a", record: "r/3", change: "same time, added later"),
            .init(on: "2025-03-01", at: "Ünknown time", by: "x", record: "r/4", change: "free-form"),
            .init(on: "2025-03-01", at: "Zed", by: "y", record: "r/5", change: "ASCII after Ü? no: Z sorts first"),
            .init(on: "2024-12-31", at: "2025-06-01T00:00:00Z", by: "z", record: "r/6", change: "reported before, typed after"),
        ]
        var entries = ChangeEntries()
        for c in added { entries.append(on: c.on, at: c.at, by: c.by, record: c.record, change: c.change) }
        entries.sort()
        let expected = added.enumerated().sorted { a, b in
            (a.element.on, a.element.at, a.offset) < (b.element.on, b.element.at, b.offset)
        }.map(\.element)
        #expect(Array(entries) == expected)
        #expect(entries.map(\.record) == ["r/6", "r/1", "r/2", "r/3", "r/5", "r/4"])
    }
}
