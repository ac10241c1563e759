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
        try invocation.store.write { transaction in
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
        discussion: "Only the options given change; list options (--partnership, --theme) replace the list.",
        arguments: [ArgumentSpec(name: "ID", help: "The review's id.", values: .store(.reviews))],
        options: ReviewOptions.specs(forAdd: false),
        examples: ["rlt review update child-g --status published --published 2021-09"],
        run: run)

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws {
        let id = try slug(arguments.positionals[0], argument: "ID", kind: "review")
        try invocation.store.write { transaction in
            let tracker = try transaction.tracker()
            var review = try transaction.existingReview(id)
            let changes = try ReviewOptions.apply(arguments, to: &review, tracker: tracker, store: invocation.store)
            guard !changes.isEmpty else { throw RecordError.unchanged(reference: id) }
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
        discussion: "The file is deleted; in a store kept in git it can be restored from history.",
        arguments: [ArgumentSpec(name: "ID", help: "The review's id.", values: .store(.reviews))],
        options: [.flag("--yes", "Confirm the removal.")],
        examples: ["rlt review remove old-test-review --yes"],
        run: run)

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws {
        let id = try slug(arguments.positionals[0], argument: "ID", kind: "review")
        guard arguments.flag("--yes") else { throw UsageError.confirmationRequired(what: "removing review \(id)") }
        try invocation.store.write { transaction in
            _ = try transaction.existingReview(id)
            var referrers = try transaction.events().events.filter { $0.reviews.contains(id) }.map { "event \($0.id)" }
            for other in try invocation.store.reviewIDs() where other != id {
                if try invocation.store.loadReview(other)?.convertedFrom == id { referrers.append("review \(other)") }
            }
            guard referrers.isEmpty else { throw RecordError.stillReferenced(reference: "review \(id)", by: referrers) }
            try transaction.removeReview(id)
        }
        invocation.err("removed review \(id)\n")
    }
}
