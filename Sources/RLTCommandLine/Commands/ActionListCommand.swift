import ReviewLearning

enum ActionListCommand {
    static let spec = CommandSpec(
        name: "list",
        overview: "List agency actions, filtered, with RAG and overdue as of --as-of.",
        options: FilterOptions.specs(.actions) + Ordering.specs + ListingOptions.specs,
        examples: [
            "rlt action list --review child-g",
            "rlt action list --agency south-yorkshire-police --overdue --format json",
        ],
        run: run)

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws {
        let context = try QueryContext(arguments, invocation, target: .actions)
        let reviews: [Review]
        switch try context.answerListing(fromIndex: { try IndexListing.actions($0, $1, arguments, invocation) }) {
        case .printedFromIndex: return
        case .decodedReviews(let decoded): reviews = decoded
        }
        let (rows, total) = try Ordering.apply(context.query.actions(in: reviews), arguments) { $0.orderingKey }
        invocation.out(try ListingOptions(arguments, invocation).render(rows, Listings.actions))
        try Ordering.finish(total: total, arguments)
    }
}
