import ReviewLearning

enum RecShowCommand {
    static let spec = CommandSpec(
        name: "show",
        overview: "Show a recommendation with its outcomes, actions and history.",
        arguments: [
            ArgumentSpec(
                name: "REVIEW/ID", help: "The recommendation (e.g. darren-bethany/3i).",
                values: .store(.recommendations))
        ],
        options: [OutputFormat.option],
        examples: ["rlt rec show darren-bethany/3i"],
        run: run)

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws {
        let ref = try reference(arguments.positionals[0], argument: "REVIEW/ID")
        let review = try invocation.store.existingReview(ref.review)
        let rec = review.recommendations[try review.requireRecommendation(ref.id)]
        if try arguments.choice(.format, OutputFormat.self) == .json {
            invocation.out(try JSONOutput.render(WithReview(review: review.id, record: rec)))
            return
        }
        var details = Details()
        details.add("Recommendation", "\(ref)")
        details.add("Review", "\(review.title) (\(review.type.rawValue))")
        details.add("Text", rec.text)
        details.add("Level", rec.level.rawValue)
        details.add("Owners", list(rec.owners.enumerated().map { $0.offset == 0 ? "\($0.element) (lead)" : $0.element }))
        details.add("Themes", list(rec.themes))
        details.add("Due", dueText(rec.due, original: rec.originalDue, slipped: rec.slippedDays))
        details.add("Timing", rec.timing.summary)
        details.add("Date note", rec.timing.note)
        details.add("Status", rec.statusText)
        details.add("Reason", rec.reason)
        details.add("Assurance", rec.assurance.rawValue)
        details.add("Assurance by", list(rec.assuranceBy))
        details.add("Engage", list(rec.engage))
        details.add("Issued by", rec.issuedBy)
        details.add("Links", list(rec.links))
        let tracker = try invocation.store.loadTracker()
        let records = try QueryContext.allRecords(invocation, tracker: tracker)
        details.add("Linked from", list(records.recommendationsLinking(to: ref)))
        let events = try invocation.store.loadEvents().events.filter { $0.serves.contains("\(ref)") }
        details.add("Served by", list(events.map { "\($0.id) (\($0.date), \($0.status.rawValue))" }))
        var out = details.render(width: invocation.terminalWidth)
        if !rec.outcomes.isEmpty {
            var table = TextTable(["date", "assurance", "by", "author", "text"])
            for outcome in rec.outcomes {
                table.add([
                    outcome.date.description, outcome.assurance?.rawValue ?? "-",
                    outcome.by.map { list([$0] + outcome.with) } ?? "-", outcome.author,
                    outcome.text,
                ])
            }
            out += section("Outcomes", table, width: invocation.terminalWidth)
        }
        let actions = review.actions.filter { $0.respondsTo.contains(rec.id) }
        if !actions.isEmpty {
            var table = TextTable(["id", "agency", "status", "due", "text"])
            for action in actions {
                table.add([action.id, action.agency, action.status.rawValue, action.due?.description ?? "-", action.text])
            }
            out += section("Actions", table, width: invocation.terminalWidth)
        }
        out += section("History", historyTable(rec.history), width: invocation.terminalWidth)
        invocation.out(out)
    }
}
