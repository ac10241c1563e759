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
        try QueryContext(arguments, invocation, target: .actions).printListing(.actions)
    }
}
