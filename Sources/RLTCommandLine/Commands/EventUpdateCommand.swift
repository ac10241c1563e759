import ReviewLearning

enum EventUpdateCommand {
    static let spec = CommandSpec(
        name: "update",
        overview: "Change a dissemination event: mark it held, record attendance, feedback or what it served.",
        discussion: """
            Only the options given change; --review and --serves replace their lists. A planned event that took
            place: --status held --attendees N.
            """,
        arguments: [ArgumentSpec(name: "ID", help: "The event's id (e.g. E1).", values: .store(.events))],
        options: [
            .value(.title, "TITLE", "The event's title."),
            .date(.date, "When it took place, or is planned for."),
            .value(.attendees, "N", "How many attended (a count). An empty value clears it."),
            .value(.review, "ID", "A review whose learning it shared. Replaces the list.", repeatable: true, values: .store(.reviews)),
            .value(.audience, "TEXT", "Who it was for."),
            .value(.feedback, "TEXT", "What follow-up or feedback showed."),
        ] + EventDetails.options(update: true),
        examples: [
            "rlt event update E1 --status held --attendees 312",
            "rlt event update E2 --serves child-g/A12 --feedback \"Staff survey showed raised awareness\"",
        ],
        run: run)

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws {
        let id = try recordID(arguments.positionals[0], option: "ID", kind: "event")
        let title = try arguments.text(.title)
        let date = try arguments.date(.date)
        let attendees = try arguments.clearableInteger(.attendees, range: 0...10_000_000)
        let reviewIDs = try arguments.list(.review)?.map { try slug($0, argument: "--review", kind: "review") }
        let audience = try arguments.text(.audience)
        let feedback = try arguments.text(.feedback)
        let details = try EventDetails(arguments)
        let summary = try invocation.write { transaction in
            _ = try transaction.tracker()
            var file = try transaction.events()
            guard let index = file.events.firstIndex(where: { $0.id == id }) else {
                throw RecordError.notFound(
                    kind: "event", reference: id, suggestions: nearestMatches(to: id, in: file.events.map(\.id)))
            }
            for reviewID in reviewIDs ?? [] { _ = try transaction.existingReview(reviewID) }
            try details.check { try transaction.existingReview($0) }
            var event = file.events[index]
            var changes = ChangeLog()
            if let title { changes.set(&event.title, title, "title", text: true) }
            if let date { changes.set(&event.date, date, "date") }
            if let attendees { changes.setClearable(&event.attendees, attendees, "attendees") }
            if let reviewIDs { changes.setList(&event.reviews, reviewIDs, "reviews") }
            if let audience { changes.setOptional(&event.audience, audience, "audience", text: true) }
            if let feedback { changes.setOptional(&event.feedback, feedback, "feedback", text: true) }
            details.apply(to: &event, &changes)
            try EventDetails.requireConsistent(event)
            guard !changes.isEmpty else { throw RecordError.unchanged(reference: id) }
            event.history.append(invocation.history(changes.summary))
            file.events[index] = event
            try transaction.save(file)
            return changes.summary
        }
        invocation.err("updated \(id): \(summary)\n")
    }
}
