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
            .choice(.reviewStatus, ReviewStatus.self, "Only reviews with this status.", repeatable: true)
        ] + Ordering.specs.filter { $0.name != OptionName.sort.rawValue } + ListingOptions.specs,
        examples: ["rlt review list", "rlt review list --type dhr --format json", "rlt review list --owner lincs-police"],
        run: run)

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws {
        let statuses = try arguments.choices(.reviewStatus, ReviewStatus.self)
        let context = try QueryContext(arguments, invocation, target: .both)
        var query = context.query
        let recordFilters = FilterOptions.recordOnly.contains(where: arguments.has)
        // The index picks the reviews with matching records; listing needs each review's own fields.
        var reviews = try context.decodedReviews(context.index(), keepAll: !recordFilters)
        reviews = reviews.filter { statuses.isEmpty || statuses.contains($0.status) }
        // --text here matches the review's own title and summary, not only its records.
        let text = query.filter.text
        query.filter.text = nil
        let records = RecordSet(reviews)
        var rows = reviews.map { Listings.ReviewRow(review: $0) }
        var matched = Set<Int32>()
        for kind in [RecordKind.recommendations, .actions] {
            for row in RecordListing(query, kind: kind, records: records)?.rows() ?? [] {
                matched.insert(row.review)
                guard row.state.isOverdue else { continue }
                if kind == .actions { rows[Int(row.review)].overdueActions += 1 } else { rows[Int(row.review)].overdueRecommendations += 1 }
            }
        }
        rows = rows.indices.filter { n in
            (!recordFilters || matched.contains(Int32(n))) && (text.map { reviews[n].ownText.contains(where: $0.matches) } ?? true)
        }.map { rows[$0] }
        let (_, limit) = try Ordering.options(arguments)
        invocation.out(try ListingOptions(arguments, invocation).render(Array(rows.prefix(limit ?? rows.count)), Listings.reviews))
        try Ordering.finish(total: rows.count, arguments)
    }
}
