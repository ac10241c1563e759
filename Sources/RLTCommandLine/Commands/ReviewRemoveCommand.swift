import ReviewLearning

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
        options: [.flag(.yes, "Confirm the removal.")],
        examples: ["rlt review remove old-test-review --yes"],
        run: run)

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws {
        let id = try slug(arguments.positionals[0], argument: "ID", kind: "review")
        guard arguments.flag(.yes) else {
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
