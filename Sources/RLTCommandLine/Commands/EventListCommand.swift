import ReviewLearning

enum EventListCommand {
    static let spec = CommandSpec(
        name: "list",
        overview: "List dissemination events.",
        options: [
            .value(
                .review, "ID", "Only events that shared this review's learning.", repeatable: true,
                values: .store(.reviews)),
            .choice(.status, EventStatus.self, "Only events held, or only those planned."),
            OutputFormat.option,
        ],
        examples: [
            "rlt event list", "rlt event list --review kent-dhr-lessons-2014 --format json", "rlt event list --status planned",
        ],
        run: run)

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws {
        let reviewIDs = arguments.strings(.review)
        let status = try arguments.choice(.status, EventStatus.self)
        let events = try invocation.store.loadEvents().events.filter {
            (reviewIDs.isEmpty || $0.reviews.contains(where: reviewIDs.contains)) && (status == nil || $0.status == status)
        }
        if try arguments.choice(.format, OutputFormat.self) == .json {
            invocation.out(try JSONOutput.render(events))
            return
        }
        var table = TextTable(["id", "date", "kind", "status", "attendees", "reviews", "title"])
        for event in events {
            table.add([
                event.id, event.date.description, event.kind.rawValue, event.status.rawValue, event.attendanceText ?? "-",
                list(event.reviews), event.title,
            ])
        }
        invocation.out(table.render(width: invocation.terminalWidth))
    }
}
