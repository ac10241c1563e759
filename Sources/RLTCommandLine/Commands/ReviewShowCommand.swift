import ReviewLearning

enum ReviewShowCommand {
    static let spec = CommandSpec(
        name: "show",
        overview: "Show a review with its findings, recommendations and actions.",
        arguments: [ArgumentSpec(name: "ID", help: "The review's id.", values: .store(.reviews))],
        options: [OutputFormat.option],
        examples: ["rlt review show darren-bethany", "rlt review show child-g --format json"],
        run: run)

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws {
        let id = try slug(arguments.positionals[0], argument: "ID", kind: "review")
        let review = try invocation.store.existingReview(id)
        if try arguments.choice(.format, OutputFormat.self) == .json {
            invocation.out(try JSONOutput.render(review))
            return
        }
        var details = Details()
        details.add("Review", review.id)
        details.add("Title", review.title)
        details.add("Type", review.type.rawValue)
        details.add("Status", review.status.rawValue)
        details.add("Partnerships", list(review.partnerships))
        details.add("Converted from", review.convertedFrom)
        let tracker = try invocation.store.loadTracker()
        if review.type == .rapidReview {
            let records = try QueryContext.allRecords(invocation, tracker: tracker)
            details.add("Converted to", list(records.reviewsConverted(from: review.id)))
        }
        details.add("Themes", list(review.themes))
        details.add("Summary", review.summary)
        details.add("Source", review.source)
        var out = details.render(width: invocation.terminalWidth)
        let timeline = ReviewClock(settings: tracker.settings).timeline(review, asOf: invocation.asOf)
        let shown = timeline.filter { $0.done != nil || $0.timescale != nil }
        out += shown.isEmpty
            ? "\n" + fitted("Timeline: no stage dates recorded, and no timescale for a \(review.type.rawValue).", width: invocation.terminalWidth)
            : section("Timeline", timelineTable(shown, of: review), width: invocation.terminalWidth)
        if !review.findings.isEmpty {
            var table = TextTable(["id", "kind", "audience", "text"])
            for finding in review.findings {
                table.add([finding.id, finding.kind.rawValue, list([finding.audience] + finding.with), finding.text])
            }
            out += section("Findings", table, width: invocation.terminalWidth)
        }
        if !review.recommendations.isEmpty {
            var table = TextTable(["id", "status", "assurance", "due", "owners", "text"])
            for rec in review.recommendations {
                table.add([
                    rec.id, rec.statusText, rec.assurance.rawValue, rec.due?.description ?? "-", list(rec.owners),
                    rec.text,
                ])
            }
            out += section("Recommendations", table, width: invocation.terminalWidth)
        }
        if !review.actions.isEmpty {
            var table = TextTable(["id", "agency", "status", "due", "for", "text"])
            for action in review.actions {
                table.add([
                    action.id, list([action.agency] + action.with), action.status.rawValue, action.due?.description ?? "-",
                    list(action.respondsTo), action.text,
                ])
            }
            out += section("Actions", table, width: invocation.terminalWidth)
        }
        out += section("History", historyTable(review.history), width: invocation.terminalWidth)
        invocation.out(out)
    }

    /// When each stage happened (as recorded: a month stays a month), when it was due and by which rule, and how it
    /// stands.
    static func timelineTable(_ timeline: [StageTiming], of review: Review) -> TextTable {
        var table = TextTable(["stage", "date", "due", "timescale", "standing"])
        for timing in timeline {
            table.add([
                timing.stage.rawValue, review[keyPath: timing.stage.keyPath]?.description ?? "-", timing.due?.description ?? "-",
                timing.timescale?.rule ?? "-", timing.standing,
            ])
        }
        return table
    }
}
