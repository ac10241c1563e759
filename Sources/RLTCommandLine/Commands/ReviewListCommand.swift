import ReviewLearning

enum ReviewListCommand {
    static let spec = CommandSpec(
        name: "list",
        overview: "List the reviews with counts of recommendations and actions, open and overdue.",
        discussion: """
            Review filters (--review, --type, --text on the title and summary, --review-status) choose the reviews;
            the record filters (--owner, --theme, --overdue…) choose which recommendations and actions are
            counted, and a review with none left is not listed.
            """,
        options: FilterOptions.specs(.both) + [
            .choice("--review-status", ReviewStatus.self, "Only reviews with this status.", repeatable: true)
        ] + Ordering.specs.filter { $0.name != "--sort" } + ListingOptions.specs,
        examples: ["rlt review list", "rlt review list --type dhr --format json", "rlt review list --owner lincs-police"],
        run: run)

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws {
        let statuses = try arguments.choices("--review-status", ReviewStatus.self)
        let context = try QueryContext(arguments, invocation, target: .both)
        var query = context.query
        let recordFilters = arguments.values.keys.contains { FilterOptions.recordOnly.contains($0) }
            || arguments.flags.contains("--overdue")
        // The index picks the reviews with matching records; listing needs each review's own fields.
        var reviews = try context.decodedReviews(context.index(), keepAll: !recordFilters)
        reviews = reviews.filter { statuses.isEmpty || statuses.contains($0.status) }
        // --text here matches the review's own title and summary, not only its records.
        let text = query.filter.text
        query.filter.text = nil
        var rows: [Listings.ReviewRow] = []
        for review in reviews {
            let recs = query.recommendations(in: [review])
            let actions = query.actions(in: [review])
            if recordFilters && recs.isEmpty && actions.isEmpty { continue }
            if let text, !review.ownText.contains(where: text.matches) { continue }
            rows.append(Listings.ReviewRow(review: review, recommendations: recs, actions: actions))
        }
        let (shown, total) = try Ordering.apply(rows, arguments) { row in
            Ordering.Key(review: row.review.id, due: nil, status: 0, owner: "")
        }
        invocation.out(try ListingOptions(arguments, invocation).render(shown, Listings.reviews))
        try Ordering.finish(total: total, arguments)
    }
}
