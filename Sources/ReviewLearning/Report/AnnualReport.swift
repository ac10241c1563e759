/// The annual report (`rlt report --year 2024-25`) in Markdown or HTML: a pure function of the records, the year and
/// the as-of day. Every figure is counted from the records; nothing is typed in.
package enum AnnualReport {
    /// Writes the report for `year` of the reviews `forEachReview` hands over (those in scope) to `write`.
    package static func write(
        tracker: Tracker, forEachReview: ((Review) -> Void) throws -> Void, year: ReportingYear, asOf: CalendarDay,
        format: ReportFormat, scope: [String], to write: @escaping (String) throws -> Void
    ) throws {
        let model = try AnnualReportModel(tracker: tracker, forEachReview: forEachReview, year: year, asOf: asOf, scope: scope)
        let out = ReportSink(write)
        switch format {
        case .markdown: markdown(model, out)
        case .html: html(model, out)
        }
        out.flush()
        if let failure = out.failure { throw failure }
    }

    // MARK: Words shared by both formats

    static func title(_ model: AnnualReportModel) -> String { "Annual report \(model.year): \(model.partnership)" }

    static func period(_ model: AnnualReportModel) -> String {
        var text = "From \(ReportWords.longDate(model.year.first)) to \(ReportWords.longDate(model.year.last))."
        if model.asOf < model.year.first {
            text += " The year has not begun: nothing can be counted in it as of \(model.asOf)."
        } else if model.asOf < model.year.last {
            text += " The year is not over: this is the position as of \(model.asOf)."
        }
        text += model.scope.isEmpty ? " Scope: every review in the store." : " Scope: \(model.scope.joined(separator: "; "))."
        return text + " Every figure is counted from the records kept in rlt; none is entered by hand."
    }

    static func brief(_ model: AnnualReportModel) -> [[String]] {
        let findings = model.concluded.map(\.review.findings.count).reduce(0, +)
        let recs = model.concluded.map(\.review.recommendations.count).reduce(0, +)
        let late = model.ongoing.filter { $0.timing?.isLate == true }.count
        return [
            ["Reviews concluded in the year", "\(model.concluded.count)"],
            ["Their findings", "\(findings)"],
            ["Their recommendations", "\(recs)"],
            ["Reviews ongoing at the end of the year", "\(model.ongoing.count)"],
            ["Of those, late against a timescale", "\(late)"],
            ["Outcomes recorded and actions completed in the year", "\(model.implemented.count)"],
            ["Decisions not to implement a recommendation", "\(model.declined.count)"],
        ]
    }

    static func concludedLine(_ c: AnnualReportModel.Concluded) -> String {
        "\(ReportWords.reviewType(c.review.type)); concluded \(c.date) (\(c.stage.meaning)); status now "
            + ReportWords.reviewStatus(c.review.status).lowercased() + "."
    }

    static func findingLine(_ f: Finding) -> String {
        "\(f.id) (\(f.kind.rawValue), for \(([f.audience] + f.with).joined(separator: ", "))): \(f.text)"
    }

    static func recLine(_ r: Recommendation) -> String {
        "\(r.id): \(r.text) — status: \(r.statusText)"
    }

    static let ongoingHeaders = ["Review", "Type", "Started", "Reached", "Stage due", "Due", "Standing"]

    static func ongoingCells(_ o: AnnualReportModel.Ongoing) -> [String] {
        [
            "\(o.review.title) (\(o.review.id))", ReportWords.reviewType(o.review.type), o.started?.description ?? "not recorded",
            o.reached.map { ReportWords.sentence($0.rawValue) } ?? "—", o.timing.map { ReportWords.sentence($0.stage.rawValue) } ?? "—",
            o.timing?.due?.description ?? "—", o.timing.map { ReportWords.sentence($0.standing) } ?? "no timescale",
        ]
    }

    static let implementedHeaders = ["Date", "Reference", "What", "Text"]

    static func implementedCells(_ i: AnnualReportModel.Implementation) -> [String] {
        [i.date.description, i.reference, i.what, i.text]
    }

    static let declinedHeaders = ["Reference", "Decided", "Recommendation", "Reason"]

    static func declinedCells(_ d: AnnualReportModel.Declined) -> [String] {
        [
            "\(d.review)/\(d.recommendation.id)", d.decided?.description ?? "—", d.recommendation.text,
            d.recommendation.reason ?? "no reason recorded",
        ]
    }

    static func undatedNote(_ model: AnnualReportModel) -> String? {
        var notes: [String] = []
        if !model.undatedConclusions.isEmpty {
            notes.append(
                "Not placed in any year: \(ReportWords.count(model.undatedConclusions.count, "review")) whose status says "
                    + "\(model.undatedConclusions.count == 1 ? "it" : "they") finished, with no completed, approved, published or closed date recorded ("
                    + model.undatedConclusions.joined(separator: ", ") + ").")
        }
        if model.undatedWork > 0 {
            notes.append(
                "\(ReportWords.count(model.undatedWork, "completion or outcome", "completions or outcomes")) "
                    + "recorded as undated: done, but counted in no year.")
        }
        return notes.isEmpty ? nil : notes.joined(separator: " ")
    }

    static let sections = (
        brief: "In brief", concluded: "Reviews concluded in the year", ongoing: "Reviews ongoing at the end of the year",
        implemented: "What was done to implement findings and recommendations",
        declined: "Decisions not to implement a recommendation"
    )

    // MARK: Markdown

    private static func markdown(_ model: AnnualReportModel, _ sink: ReportSink) {
        var out = MarkdownWriter(sink)
        out.heading(1, title(model))
        out.paragraph(MarkdownText.inline(period(model)))
        out.heading(2, sections.brief)
        out.table(["Figure", "Count"], brief(model), right: [1])
        if let note = undatedNote(model) { out.paragraph(MarkdownText.inline(note)) }
        out.heading(2, sections.concluded)
        if model.concluded.isEmpty { out.paragraph("No review concluded in the year.") }
        for c in model.concluded {
            out.heading(3, "\(c.review.title) (\(c.review.id))")
            out.paragraph(MarkdownText.inline(concludedLine(c)))
            let findings = c.review.findings.map { "- " + MarkdownText.inline(findingLine($0)) }
            out.paragraph("**Findings**" + (findings.isEmpty ? ": none recorded." : "\n\n" + findings.joined(separator: "\n")))
            let recs = c.review.recommendations.map { "- " + MarkdownText.inline(recLine($0)) }
            out.paragraph("**Recommendations**" + (recs.isEmpty ? ": none recorded." : "\n\n" + recs.joined(separator: "\n")))
        }
        out.heading(2, sections.ongoing)
        if model.ongoing.isEmpty { out.paragraph("No review was ongoing at the end of the year.") } else {
            out.table(ongoingHeaders, model.ongoing.map(ongoingCells))
        }
        out.heading(2, sections.implemented)
        if model.implemented.isEmpty { out.paragraph("No outcome was recorded and no action completed in the year.") } else {
            out.table(implementedHeaders, model.implemented.map(implementedCells))
        }
        out.heading(2, sections.declined)
        if model.declined.isEmpty { out.paragraph("No recommendation was declined in the year.") } else {
            out.table(declinedHeaders, model.declined.map(declinedCells))
        }
        out.paragraph("_Generated by rlt from the records as of \(model.asOf)._")
    }

    // MARK: HTML

    private static func html(_ model: AnnualReportModel, _ out: ReportSink) {
        let e = HTMLReport.e
        out(HTMLReport.pageStart(title: title(model)))
        out(
            """
            <header>
            <p class="kicker">Annual report \(e(model.year.description))</p>
            <h1>\(e(model.partnership))</h1>
            <p class="scope">\(e(period(model)))</p>
            </header>

            """)
        func table(_ caption: String, _ headers: [String], _ rows: [[String]]) -> String {
            HTMLReport.table(caption: caption, headers, rows.map { row in [.header(row[0])] + row.dropFirst().map { .text($0) } })
        }
        out(HTMLReport.sectionStart("brief", sections.brief))
        out(HTMLReport.table(caption: sections.brief, ["Figure", "Count"], brief(model).map { [.header($0[0]), .text($0[1], numeric: true)] }, numeric: [1]))
        if let note = undatedNote(model) { out("<p>\(e(note))</p>\n") }
        out("</section>\n")
        out(HTMLReport.sectionStart("concluded", sections.concluded))
        if model.concluded.isEmpty { out("<p>No review concluded in the year.</p>\n") }
        for c in model.concluded {
            out("<h3>\(e("\(c.review.title) (\(c.review.id))"))</h3>\n<p>\(e(concludedLine(c)))</p>\n")
            out("<h4>Findings</h4>\n" + list(c.review.findings.map(findingLine)))
            out("<h4>Recommendations</h4>\n" + list(c.review.recommendations.map(recLine)))
        }
        out("</section>\n")
        out(HTMLReport.sectionStart("ongoing", sections.ongoing))
        out(model.ongoing.isEmpty ? "<p>No review was ongoing at the end of the year.</p>\n" : table(sections.ongoing, ongoingHeaders, model.ongoing.map(ongoingCells)))
        out("</section>\n")
        out(HTMLReport.sectionStart("implemented", sections.implemented))
        out(
            model.implemented.isEmpty ? "<p>No outcome was recorded and no action completed in the year.</p>\n"
                : table(sections.implemented, implementedHeaders, model.implemented.map(implementedCells)))
        out("</section>\n")
        out(HTMLReport.sectionStart("declined", sections.declined))
        out(model.declined.isEmpty ? "<p>No recommendation was declined in the year.</p>\n" : table(sections.declined, declinedHeaders, model.declined.map(declinedCells)))
        out("</section>\n")
        out("<footer><p>Generated by rlt from the records as of \(model.asOf).</p></footer>\n</body>\n</html>\n")
    }

    private static func list(_ items: [String]) -> String {
        guard !items.isEmpty else { return "<p>None recorded.</p>\n" }
        return "<ul>\n" + items.map { "<li>\(HTMLReport.e($0))</li>\n" }.joined() + "</ul>\n"
    }
}
