import ReviewLearning

enum ReviewShowCommand {
    static let spec = CommandSpec(
        name: "show",
        overview: "Show a review with its findings, recommendations and actions.",
        arguments: [ArgumentSpec(name: "ID", help: "The review's id.", values: .store(.reviews))],
        options: [OutputFormat.option],
        examples: ["rlt review show darren-bethany", "rlt review show child-g --format json"],
        run: run)

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws {
        let id = try slug(arguments.positionals[0], argument: "ID", kind: "review")
        let review = try invocation.store.existingReview(id)
        if try arguments.choice("--format", OutputFormat.self) == .json {
            invocation.out(try JSONOutput.render(review))
            return
        }
        var details = Details()
        details.add("Review", review.id)
        details.add("Title", review.title)
        details.add("Type", review.type.rawValue)
        details.add("Status", review.status.rawValue)
        details.add("Partnerships", list(review.partnerships))
        for field in ReviewOptions.dateFields {
            let value: PartialDate? =
                switch field {
                case "incident": review.incident
                case "notified": review.notified
                case "commissioned": review.commissioned
                case "completed": review.completed
                default: review.published
                }
            details.add(field.prefix(1).uppercased() + field.dropFirst(), value?.description)
        }
        details.add("Converted from", review.convertedFrom)
        details.add("Themes", list(review.themes))
        details.add("Summary", review.summary)
        details.add("Source", review.source)
        var out = details.render(width: invocation.terminalWidth)
        if !review.findings.isEmpty {
            var table = TextTable(["id", "audience", "text"])
            for finding in review.findings { table.add([finding.id, finding.audience, finding.text]) }
            out += section("Findings", table, width: invocation.terminalWidth)
        }
        if !review.recommendations.isEmpty {
            var table = TextTable(["id", "status", "assurance", "due", "owners", "text"])
            for rec in review.recommendations {
                table.add([
                    rec.id, rec.statusText, rec.assurance.rawValue, rec.due?.description ?? "-", list(rec.owners),
                    rec.text,
                ])
            }
            out += section("Recommendations", table, width: invocation.terminalWidth)
        }
        if !review.actions.isEmpty {
            var table = TextTable(["id", "agency", "status", "due", "for", "text"])
            for action in review.actions {
                table.add([
                    action.id, action.agency, action.status.rawValue, action.due?.description ?? "-",
                    list(action.respondsTo), action.text,
                ])
            }
            out += section("Actions", table, width: invocation.terminalWidth)
        }
        out += section("History", historyTable(review.history), width: invocation.terminalWidth)
        invocation.out(out)
    }
}

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

/// A titled part of `show`: `Outcomes:` and its table indented under it, free text wrapped to the terminal.
func section(_ title: String, _ table: TextTable, width: Int?) -> String {
    let body = table.render(width: width.map { $0 - 2 }, wrap: true)
    return "\n\(title):\n" + body.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        .map { $0.isEmpty ? "\n" : "  \($0)\n" }.joined()
}

/// A record's history: when, by whom, what changed.
func historyTable(_ history: [HistoryEntry]) -> TextTable {
    var table = TextTable(["at", "by", "change"])
    for entry in history { table.add([entry.at, entry.by, entry.change]) }
    return table
}
