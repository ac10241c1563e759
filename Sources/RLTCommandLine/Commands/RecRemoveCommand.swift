import ReviewLearning

enum RecRemoveCommand {
    static let spec = CommandSpec(
        name: "remove",
        overview: "Delete a recommendation.",
        discussion: "Refused while other recommendations link to it or actions respond to it.",
        arguments: [ArgumentSpec(name: "REVIEW/ID", help: "The recommendation.", values: .store(.recommendations))],
        options: [.flag(.yes, "Confirm the removal.")],
        examples: ["rlt rec remove darren-bethany/9 --yes"],
        run: run)

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws {
        let ref = try reference(arguments.positionals[0], argument: "REVIEW/ID")
        guard arguments.flag(.yes) else { throw UsageError.confirmationRequired(what: "removing \(ref)") }
        try invocation.write { transaction in
            var review = try transaction.existingReview(ref.review)
            let index = try review.requireRecommendation(ref.id)
            let referrers =
                review.recommendations.filter { $0.links.contains(ref.id) }.map { "recommendation \($0.id)" }
                + review.actions.filter { $0.respondsTo.contains(ref.id) }.map { "action \($0.id)" }
            guard referrers.isEmpty else { throw RecordError.stillReferenced(reference: "\(ref)", by: referrers) }
            review.recommendations.remove(at: index)
            review.history.append(invocation.history("removed recommendation \(ref.id)"))
            try transaction.save(review)
        }
        invocation.err("removed \(ref)\n")
    }
}
