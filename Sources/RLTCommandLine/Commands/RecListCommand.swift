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
        try QueryContext(arguments, invocation, target: .recommendations).printListing(.recommendations)
    }
}
