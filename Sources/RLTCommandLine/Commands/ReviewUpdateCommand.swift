import ReviewLearning

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
            .flag(.force, "Close the review even though some of its recommendations or actions are still open.")
        ],
        examples: ["rlt review update child-g --status published --published 2021-09"],
        run: run)

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws {
        let id = try slug(arguments.positionals[0], argument: "ID", kind: "review")
        try invocation.write { transaction in
            let tracker = try transaction.tracker()
            var review = try transaction.existingReview(id)
            let before = review.status
            var changes = try ReviewOptions.apply(arguments, to: &review, tracker: tracker, store: invocation.store, asOf: invocation.asOf)
            guard !changes.isEmpty else { throw unchanged(id, arguments, status: review.status.rawValue) }
            let force = arguments.flag(.force)
            if let note = try ChangeRules.requireClosable(review, from: before, force: force) { changes.append(note) }
            review.history.append(invocation.history(changes.summary))
            try transaction.save(review)
            invocation.err("updated \(id): \(changes.summary)\n")
        }
    }
}
