import ReviewLearning

enum ActionAddCommand {
    static let spec = CommandSpec(
        name: "add",
        overview: "Add an agency action to a review; prints its reference.",
        discussion: "Actions answer recommendations or findings (--for), or stand alone. Ids A1, A2… are assigned\nunless --id is given.",
        arguments: [ArgumentSpec(name: "REVIEW", help: "The review's id.", values: .store(.reviews))],
        options: [
            .value(.agency, "CODE", "The agency that owns the action (the lead).", required: true, values: .store(.agencies)),
            DetailOptions.with(update: false),
            .text(.text, "What the agency will do.", required: true),
            .value(.for, "ID", "Recommendation or finding id it responds to.", repeatable: true),
            .date(.due, "When it is due (a month or quarter falls due at its end)."),
            .value(.measure, "TEXT", "How success is judged."),
            .choice(.status, ActionStatus.self, "Its status.", default: .planned),
            .date(
                .completed,
                "With --status done: when it was completed (default: --as-of); not after --as-of; \"undated\" when "
                    + "the document gives no date."),
            .value(.id, "ID", "Use this id instead of the next A-number."),
        ] + DetailOptions.timing(update: false),
        examples: [
            "rlt action add child-g --agency south-yorkshire-police --text \"Train officers on ...\" --for F3 --due 2021-11",
            "rlt action add child-g --agency dcst --with rdash --text \"Joint audit\" --from 2021-05 --date-note \"From May 2021\"",
        ],
        run: run)

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws {
        let reviewID = try slug(arguments.positionals[0], argument: "REVIEW", kind: "review")
        let given = try arguments.string(.id).map { try recordID($0, option: "--id", kind: "action") }
        let agency = arguments.string(.agency) ?? ""
        let targets = arguments.strings(.for)
        try requireDistinct(targets, option: "--for")
        let text = try arguments.text(.text) ?? ""
        let due = try arguments.date(.due)
        let measure = try arguments.text(.measure)
        let status = try arguments.choice(.status, ActionStatus.self) ?? .planned
        let completed = try arguments.date(.completed, allowingUndated: true)
        if completed != nil && status != .done {
            throw UsageError.invalidValue(option: "--completed", message: "is for an action added as done (--status done)")
        }
        let with = arguments.strings(.with)
        try requireDistinct(with, option: "--with")
        if with.contains(agency) {
            throw UsageError.invalidValue(option: "--with", message: "\"\(agency)\" is already the lead (--agency)")
        }
        let timing = try DetailOptions.timingEdit(arguments)
        if status == .dropped {
            throw RecordError.required(reference: "action", what: "add it first, then drop it with 'rlt action update REF --status dropped --reason TEXT'")
        }
        let id = try invocation.write { transaction in
            let tracker = try transaction.tracker()
            var review = try transaction.existingReview(reviewID)
            try ChangeRules.requireOpen(review)
            try tracker.requireAgency(agency, field: "--agency")
            try CodeChecks(tracker: tracker).agencies(with, option: "--with")
            for target in targets where review.recommendation(target) == nil && review.finding(target) == nil {
                throw RecordError.notFound(
                    kind: "recommendation or finding", reference: "\(reviewID)/\(target)",
                    suggestions: nearestMatches(to: target, in: review.recommendations.map(\.id) + review.findings.map(\.id))
                        .map { "\(reviewID)/\($0)" })
            }
            let id = given ?? Identifiers.next(prefix: "A", after: review.actions.map(\.id))
            try review.requireFreeChildID(id)
            var action = AgencyAction(id: id, agency: agency, text: text)
            action.respondsTo = targets
            action.due = due
            action.measure = measure
            action.with = with
            var changes = ChangeLog()  // a new action's history says "added", not each field
            try action.changeStatus(
                to: status, completed: completed, asOf: invocation.asOf, reference: "\(reviewID)/\(id)", &changes)
            try timing.apply(to: &action.timing, reference: "\(reviewID)/\(id)", &changes)
            action.history.append(invocation.history("added"))
            review.actions.append(action)
            try transaction.save(review)
            return id
        }
        invocation.out("\(reviewID)/\(id)\n")
    }
}
