import ReviewLearning

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
        let context = try QueryContext(arguments, invocation, target: .recommendations)
        let reviews: [Review]
        switch try context.answerListing(fromIndex: { try IndexListing.recommendations($0, $1, arguments, invocation) }) {
        case .printedFromIndex: return
        case .decodedReviews(let decoded): reviews = decoded
        }
        let (rows, total) = try Ordering.apply(context.query.recommendations(in: reviews), arguments) { $0.orderingKey }
        invocation.out(try ListingOptions(arguments, invocation).render(rows, Listings.recommendations))
        try Ordering.finish(total: total, arguments)
    }
}
