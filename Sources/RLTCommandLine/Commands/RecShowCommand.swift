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
        details.add("Due", dueText(rec.due, original: rec.originalDue, slipped: rec.slippedDays))
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
        overview: "List recommendations, filtered, with RAG and overdue as of --as-of.",
        options: FilterOptions.specs(.recommendations) + Ordering.specs + ListingOptions.specs,
        examples: [
            "rlt rec list --review darren-bethany",
            "rlt rec list --owner lincs-police --overdue --format csv",
            "rlt rec list --theme information-sharing --status open --status in-progress",
        ],
        run: run)

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws {
        let (query, reviews) = try QueryContext.load(arguments, invocation, target: .recommendations)
        let rows = try Ordering.apply(query.recommendations(in: reviews), arguments) { $0.orderingKey }
        invocation.out(try ListingOptions(arguments, invocation).render(rows, Listings.recommendations))
        try Ordering.finish(rows.count, arguments)
    }
}

/// The reviews named by `--review` (each must exist), or all of them.
func reviews(_ arguments: ParsedArguments, _ invocation: Invocation) throws -> [Review] {
    let ids = arguments.strings("--review")
    if ids.isEmpty { return try invocation.store.loadAllReviews() }
    return try ids.map { try invocation.store.existingReview(try slug($0, argument: "--review", kind: "review")) }
}

/// Everything a query command needs: the filter from the options, the as-of day, the amber window, the reviews.
enum QueryContext {
    static func load(_ arguments: ParsedArguments, _ invocation: Invocation, target: FilterOptions.Target) throws -> (
        Query, [Review]
    ) {
        let tracker = try invocation.store.loadTracker()
        let filter = try FilterOptions.parse(arguments, tracker: tracker, target: target)
        let query = Query(filter: filter, asOf: invocation.asOf, amberDays: tracker.settings.amberDays)
        return (query, try reviews(arguments, invocation).filter(filter.includes(review:)))
    }
}
