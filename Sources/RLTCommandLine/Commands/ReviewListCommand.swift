import ReviewLearning

enum ReviewListCommand {
    static let spec = CommandSpec(
        name: "list",
        overview: "List the reviews with counts of recommendations and actions, open and overdue.",
        discussion: """
            Review filters (--review, --type, --text on the title and summary, --review-status) choose the reviews;
            the record filters (--owner, --theme, --overdue…) choose which recommendations and actions are
            counted, and a review with none left is not listed. The late column names the review's stages that are
            late against their timescales as of --as-of ('rlt help timescales'); --late lists only those reviews.
            """,
        options: FilterOptions.specs(.both) + [
            .choice(.reviewStatus, ReviewStatus.self, "Only reviews with this status.", repeatable: true),
            .flag(.late, "Only reviews with a stage late against its timescale as of --as-of ('rlt help timescales')."),
        ] + Ordering.specs.filter { $0.name != OptionName.sort.rawValue } + ListingOptions.specs,
        examples: ["rlt review list", "rlt review list --late --as-of 2025-03-31", "rlt review list --owner lincs-police"],
        run: run)

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws {
        let statuses = try arguments.choices(.reviewStatus, ReviewStatus.self)
        let context = try QueryContext(arguments, invocation, target: .both)
        let recordFilters = FilterOptions.recordOnly.contains(where: arguments.has)
        let clock = ReviewClock(settings: context.tracker.settings)
        func rows(_ records: RecordSet) -> [ReviewFacts] {
            ReviewListing.rows(
                context.query, records: records, statuses: statuses, recordFilters: recordFilters, clock: clock,
                lateOnly: arguments.flag(.late))
        }
        var listed: [ReviewFacts] = []
        if let index = try context.index() {
            listed = rows(index)
            try QueryContext.requireIntact(index)
            QueryContext.reportSource(.index, count: index.count, invocation)
        } else {
            var decoded = 0
            try context.forEachReviewBatch { batch in
                decoded += batch.count
                listed += rows(RecordSet(batch))
            }
            QueryContext.reportSource(.decoded, count: decoded, invocation)
        }
        let (_, limit) = try Ordering.options(arguments)
        let shown = Array(listed.prefix(limit ?? listed.count))
        let options = try ListingOptions(arguments, invocation)
        if options.format.isJSON && options.columns == nil {
            // Whole reviews, decoded a batch at a time.
            var pieces = ListingPieces(options, Listings.wholeReviews)
            try invocation.store.forEachBatch(shown.map(\.id)) { invocation.out(try pieces.add($0)) }
            invocation.out(try pieces.end())
        } else {
            invocation.out(try options.render(shown, Listings.reviews))
        }
        try Ordering.finish(total: listed.count, arguments)
    }
}
