import ReviewLearning

enum OutcomeAddCommand {
    static let spec = CommandSpec(
        name: "add",
        overview: "Record a dated outcome on a recommendation.",
        discussion: """
            The latest outcome is the recommendation's current position; older ones are the evidence trail.
            --assurance records the level judged at that point; when the outcome is the latest, it also becomes
            the recommendation's current assurance. An outcome records what has happened, so --date cannot be
            after --as-of (a month, quarter or year only when it starts after it). --on is when it was reported,
            which is also the outcome's date unless --date says otherwise.
            """,
        arguments: [
            ArgumentSpec(
                name: "REVIEW/REC", help: "The recommendation (e.g. darren-bethany/3i).",
                values: .store(.recommendations))
        ],
        options: [
            .text(.text, "What the agency reported or the board concluded.", required: true),
            .date(.date, "When (default: --on, else --as-of, i.e. today); not after --as-of."),
            ReportedOn.spec,
            .choice(.assurance, AssuranceLevel.self, "The assurance level judged."),
            .value(.by, "CODE", "Agency code of whoever gave the assurance.", values: .store(.agencies)),
        ],
        examples: [
            "rlt outcome add darren-bethany/3i --text \"All partners gave positive assurance\" --assurance reasonable --by lscp"
        ],
        run: run)

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws {
        let ref = try reference(arguments.positionals[0], argument: "REVIEW/REC")
        let on = try ReportedOn.parse(arguments, invocation, reference: "\(ref)")
        let outcome = Outcome(
            date: try arguments.date(.date) ?? on, text: try arguments.text(.text) ?? "",
            author: invocation.author, assurance: try arguments.choice(.assurance, AssuranceLevel.self),
            by: arguments.string(.by))
        try invocation.write { transaction in
            let tracker = try transaction.tracker()
            var review = try transaction.existingReview(ref.review)
            let index = try review.requireRecommendation(ref.id)
            if let by = outcome.by { try tracker.requireAgency(by, field: "--by") }
            try ChangeRules.requirePast(outcome.date, .outcome, reference: "\(ref)", asOf: invocation.asOf)
            var rec = review.recommendations[index]
            rec.outcomes.insertByDate(outcome)
            var change = "outcome added (\(outcome.date))"
            if let level = outcome.assurance, rec.outcomes.last == outcome, level != rec.assurance {
                change += "; assurance: \(rec.assurance.rawValue) → \(level.rawValue)"
                rec.assurance = level
            }
            rec.history.append(invocation.history(change, on: on))
            review.recommendations[index] = rec
            try transaction.save(review)
        }
        invocation.err("added an outcome to \(ref)\n")
    }
}
