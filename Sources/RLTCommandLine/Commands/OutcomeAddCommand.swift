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
            .date(
                .date,
                "When (default: --on, else --as-of, i.e. today); not after --as-of; \"undated\" when the document "
                    + "gives no date (it then sorts last and is the current outcome only if no other is dated)."),
            ReportedOn.spec,
            .choice(.assurance, AssuranceLevel.self, "The assurance level judged."),
            .value(.by, "CODE", "Agency code of whoever gave the assurance, or all-partners.", values: .store(.agencies)),
            .value(
                .with, "CODE", "A further agency that gave the assurance with --by.", repeatable: true,
                values: .store(.agencies)),
        ],
        examples: [
            "rlt outcome add darren-bethany/3i --text \"All partners gave positive assurance\" --by all-partners",
            "rlt outcome add louise/R2 --text \"Audit found it in use\" --assurance reasonable --by lscp --with lincs-police",
        ],
        run: run)

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws {
        let ref = try reference(arguments.positionals[0], argument: "REVIEW/REC")
        let on = try ReportedOn.parse(arguments, invocation, reference: "\(ref)")
        let outcome = Outcome(
            date: try arguments.date(.date, allowingUndated: true) ?? on, text: try arguments.text(.text) ?? "",
            author: invocation.author, assurance: try arguments.choice(.assurance, AssuranceLevel.self),
            by: arguments.string(.by), with: arguments.strings(.with))
        try requireDistinct(outcome.with, option: "--with")
        if outcome.with.contains(outcome.by ?? "") {
            throw UsageError.invalidValue(option: "--with", message: "\"\(outcome.by ?? "")\" is already --by")
        }
        if !outcome.with.isEmpty && outcome.by == nil {
            throw UsageError.invalidValue(option: "--with", message: "needs --by: the first agency that gave the assurance")
        }
        try invocation.write { transaction in
            let tracker = try transaction.tracker()
            var review = try transaction.existingReview(ref.review)
            let index = try review.requireRecommendation(ref.id)
            if let by = outcome.by { try tracker.requireAssurer(by, field: "--by") }
            try CodeChecks(tracker: tracker).agencies(outcome.with, option: "--with")
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
