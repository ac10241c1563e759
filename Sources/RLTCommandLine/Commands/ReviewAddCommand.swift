import ReviewLearning

enum ReviewAddCommand {
    static let spec = CommandSpec(
        name: "add",
        overview: "Add a review.",
        arguments: [ArgumentSpec(name: "ID", help: "A short id: lower-case letters, digits and '-' (e.g. darren-bethany).")],
        options: ReviewOptions.specs(forAdd: true),
        examples: [
            "rlt review add darren-bethany --type joint --title \"Darren & Bethany\" --partnership lscp --published 2023-05",
            "rlt review add child-g --type cspr --title \"Child G\" --theme information-sharing",
        ],
        run: run)

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws {
        let id = try slug(arguments.positionals[0], argument: "ID", kind: "review")
        let type = try arguments.choice("--type", ReviewType.self) ?? .other
        try invocation.write { transaction in
            let tracker = try transaction.tracker()
            if try transaction.review(id) != nil { throw RecordError.duplicate(kind: "review", reference: id) }
            var review = Review(id: id, type: type, title: "")
            _ = try ReviewOptions.apply(arguments, to: &review, tracker: tracker, store: invocation.store)
            review.history.append(invocation.history("added"))
            try transaction.save(review)
        }
        invocation.out("\(id)\n")
    }
}

enum ReviewUpdateCommand {
    static let spec = CommandSpec(
        name: "update",
        overview: "Change a review's fields.",
        discussion: """
            Only the options given change; list options (--partnership, --theme) replace the list. Closing a review
            (--status closed) is refused while any of its recommendations or actions is still open, unless --force;
            a closed review takes no new findings, recommendations or actions until it is reopened.
            """,
        arguments: [ArgumentSpec(name: "ID", help: "The review's id.", values: .store(.reviews))],
        options: ReviewOptions.specs(forAdd: false) + [
            .flag("--force", "Close the review even though some of its recommendations or actions are still open.")
        ],
        examples: ["rlt review update child-g --status published --published 2021-09"],
        run: run)

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws {
        let id = try slug(arguments.positionals[0], argument: "ID", kind: "review")
        try invocation.write { transaction in
            let tracker = try transaction.tracker()
            var review = try transaction.existingReview(id)
            let before = review.status
            var changes = try ReviewOptions.apply(arguments, to: &review, tracker: tracker, store: invocation.store)
            guard !changes.isEmpty else { throw unchanged(id, arguments, status: review.status.rawValue) }
            let force = arguments.flag("--force")
            if let note = try ChangeRules.requireClosable(review, from: before, force: force) { changes.append(note) }
            review.history.append(invocation.history(changes.summary))
            try transaction.save(review)
            invocation.err("updated \(id): \(changes.summary)\n")
        }
    }
}

enum ReviewRemoveCommand {
    static let spec = CommandSpec(
        name: "remove",
        overview: "Delete a review with all its findings, recommendations and actions.",
        discussion: """
            The file is deleted with everything in it; in a store kept in git it can be restored from history.
            Without --yes nothing is deleted: rlt says how many findings, recommendations, actions and outcomes
            would go, and exits 64.
            """,
        arguments: [ArgumentSpec(name: "ID", help: "The review's id.", values: .store(.reviews))],
        options: [.flag("--yes", "Confirm the removal.")],
        examples: ["rlt review remove old-test-review --yes"],
        run: run)

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws {
        let id = try slug(arguments.positionals[0], argument: "ID", kind: "review")
        guard arguments.flag("--yes") else {
            let review = try invocation.store.existingReview(id)
            throw UsageError.confirmationRequired(what: "removing review \(id) (\(contents(review)))")
        }
        let removed = try invocation.write { transaction in
            let review = try transaction.existingReview(id)
            var referrers = try transaction.events().events.filter { $0.reviews.contains(id) }.map { "event \($0.id)" }
            for other in try invocation.store.reviewIDs() where other != id {
                if try invocation.store.loadReview(other)?.convertedFrom == id { referrers.append("review \(other)") }
            }
            guard referrers.isEmpty else { throw RecordError.stillReferenced(reference: "review \(id)", by: referrers) }
            try transaction.removeReview(id)
            return review
        }
        invocation.err("removed review \(id) (\(contents(removed)))\n")
    }

    /// `1 finding, 2 recommendations, 1 action, 3 outcomes`: what removing the review deletes with it.
    static func contents(_ review: Review) -> String {
        var parts = [
            counted(review.findings.count, "finding"), counted(review.recommendations.count, "recommendation"),
            counted(review.actions.count, "action"),
            counted(review.recommendations.reduce(0) { $0 + $1.outcomes.count }, "outcome"),
        ]
        let updates = review.actions.reduce(0) { $0 + $1.updates.count }
        if updates > 0 { parts.append(counted(updates, "progress update")) }
        return parts.joined(separator: ", ")
    }
}
