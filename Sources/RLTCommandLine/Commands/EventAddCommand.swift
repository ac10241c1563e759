import ReviewLearning

enum EventAddCommand {
    static let spec = CommandSpec(
        name: "add",
        overview: "Record a dissemination event (seminar, training, briefing…) or a board meeting; prints its id.",
        discussion: """
            Ids E1, E2… are assigned unless --id is given. A board meeting (--kind board, titled "Board meeting"
            unless --title says otherwise) is not dissemination: it is the date '--since last-board' counts from.
            """,
        options: [
            .choice(.kind, EventKind.self, "What kind of event.").required(),
            .value(.title, "TITLE", "The event's title (required, except for a board meeting)."),
            .date(.date, "When it took place, or is planned for.", required: true),
            .value(.attendees, "N", "How many attended (a count: a forecast goes in --expected)."),
            .value(.review, "ID", "A review whose learning it shared.", repeatable: true, values: .store(.reviews)),
            .value(.audience, "TEXT", "Who it was for."),
            .value(.feedback, "TEXT", "What follow-up or feedback showed."),
            .value(.id, "ID", "Use this id instead of the next E-number."),
        ] + EventDetails.options(update: false),
        examples: [
            "rlt event add --kind seminar --title \"DHR lessons learned\" --date 2013-11 --attendees 120 --review kent-dhr-lessons-2014",
            "rlt event add --kind board --date 2024-05-14",
            "rlt event add --kind seminar --title \"Lessons seminars\" --date 2014 --sessions 3 --expected 360 --status planned",
        ],
        run: run)

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws {
        let given = try arguments.string(.id).map { try recordID($0, option: "--id", kind: "event") }
        let kind = try arguments.choice(.kind, EventKind.self) ?? .seminar
        let details = try EventDetails(arguments)
        guard let title = try arguments.text(.title) ?? (kind == .board ? "Board meeting" : nil) else {
            throw UsageError.missingOption("--title")
        }
        let date = try arguments.date(.date) ?? .day(invocation.asOf)
        let attendees = try arguments.integer(.attendees, range: 0...10_000_000)
        let reviewIDs = try arguments.strings(.review).map { try slug($0, argument: "--review", kind: "review") }
        try requireDistinct(reviewIDs, option: "--review")
        let audience = try arguments.text(.audience)
        let feedback = try arguments.text(.feedback)
        let id = try invocation.write { transaction in
            _ = try transaction.tracker()
            var file = try transaction.events()
            for reviewID in reviewIDs { _ = try transaction.existingReview(reviewID) }
            try details.check { try transaction.existingReview($0) }
            let id = given ?? Identifiers.next(prefix: "E", after: file.events.map(\.id))
            if file.events.contains(where: { $0.id.lowercased() == id.lowercased() }) {
                throw RecordError.duplicate(kind: "event", reference: id)
            }
            var event = DisseminationEvent(id: id, kind: kind, title: title, date: date)
            event.attendees = attendees
            event.reviews = reviewIDs
            event.audience = audience
            event.feedback = feedback
            var changes = ChangeLog()  // a new event's history says "added", not each field
            details.apply(to: &event, &changes)
            try EventDetails.requireConsistent(event)
            event.history.append(invocation.history("added"))
            file.events.append(event)
            try transaction.save(file)
            return id
        }
        invocation.out("\(id)\n")
    }
}
