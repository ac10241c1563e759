import ReviewLearning

enum RecShowCommand {
    static let spec = CommandSpec(
        name: "show",
        overview: "Show a recommendation with its outcomes, actions and history.",
        arguments: [ArgumentSpec(name: "REVIEW/ID", help: "The recommendation (e.g. darren-bethany/3i).")],
        options: [OutputFormat.option],
        examples: ["rlt rec show darren-bethany/3i"],
        run: run)

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws {
        let ref = try reference(arguments.positionals[0], argument: "REVIEW/ID")
        let review = try invocation.store.existingReview(ref.review)
        let rec = review.recommendations[try review.requireRecommendation(ref.id)]
        if try arguments.choice("--format", OutputFormat.self) == .json {
            invocation.out(try JSONOutput.render(WithReview(review: review.id, record: rec)))
            return
        }
        var details = Details()
        details.add("Recommendation", "\(ref)")
        details.add("Review", "\(review.title) (\(review.type.rawValue))")
        details.add("Text", rec.text)
        details.add("Level", rec.level.rawValue)
        details.add("Owners", rec.owners.enumerated().map { $0.offset == 0 ? "\($0.element) (lead)" : $0.element }.joined(separator: ", "))
        details.add("Themes", list(rec.themes))
        var due = rec.due?.description
        if let original = rec.originalDue, let slipped = rec.slippedDays {
            due = (due ?? "-") + " (originally \(original), slipped \(slipped) days)"
        }
        details.add("Due", due)
        details.add("Status", rec.status.rawValue)
        details.add("Reason", rec.reason)
        details.add("Assurance", rec.assurance.rawValue)
        details.add("Links", list(rec.links))
        var out = details.render()
        if !rec.outcomes.isEmpty {
            var table = TextTable(["date", "assurance", "by", "author", "text"])
            for outcome in rec.outcomes {
                table.add([
                    outcome.date.description, outcome.assurance?.rawValue ?? "-", outcome.by ?? "-", outcome.author,
                    outcome.text,
                ])
            }
            out += "\nOutcomes:\n" + indent(table.render())
        }
        let actions = review.actions.filter { $0.respondsTo.contains(rec.id) }
        if !actions.isEmpty {
            var table = TextTable(["id", "agency", "status", "due", "text"])
            for action in actions {
                table.add([action.id, action.agency, action.status.rawValue, action.due?.description ?? "-", action.text])
            }
            out += "\nActions:\n" + indent(table.render())
        }
        out += "\nHistory:\n" + indent(historyTable(rec.history))
        invocation.out(out)
    }
}

enum RecListCommand {
    static let spec = CommandSpec(
        name: "list",
        overview: "List recommendations.",
        options: [
            .value("--review", "ID", "Only this review's recommendations.", repeatable: true),
            .choice("--status", RecommendationStatus.self, "Only recommendations with this status.", repeatable: true),
            .value("--owner", "CODE", "Only recommendations this agency owns.", repeatable: true),
            OutputFormat.option,
        ],
        examples: ["rlt rec list --review darren-bethany", "rlt rec list --status open --format json"],
        run: run)

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws {
        let statuses = try arguments.choices("--status", RecommendationStatus.self)
        let owners = arguments.strings("--owner")
        var rows: [(Review, Recommendation)] = []
        for review in try reviews(arguments, invocation) {
            for rec in review.recommendations
            where (statuses.isEmpty || statuses.contains(rec.status))
                && (owners.isEmpty || rec.owners.contains(where: owners.contains))
            {
                rows.append((review, rec))
            }
        }
        if try arguments.choice("--format", OutputFormat.self) == .json {
            invocation.out(try JSONOutput.render(rows.map { WithReview(review: $0.0.id, record: $0.1) }))
            return
        }
        var table = TextTable(["review", "id", "status", "assurance", "due", "owners", "text"])
        for (review, rec) in rows {
            table.add([
                review.id, rec.id, rec.status.rawValue, rec.assurance.rawValue, rec.due?.description ?? "-",
                list(rec.owners), rec.text,
            ])
        }
        invocation.out(table.render())
    }
}

/// The reviews named by `--review` (each must exist), or all of them.
func reviews(_ arguments: ParsedArguments, _ invocation: Invocation) throws -> [Review] {
    let ids = arguments.strings("--review")
    if ids.isEmpty { return try invocation.store.loadAllReviews() }
    return try ids.map { try invocation.store.existingReview(try slug($0, argument: "--review", kind: "review")) }
}
