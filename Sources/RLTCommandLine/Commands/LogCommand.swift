import ReviewLearning

/// One history entry with the record it belongs to.
struct LogEntry: Sendable, Encodable {
    /// When it was recorded (UTC).
    var at: String
    /// When it happened or was reported (`HistoryEntry.on`, else the day of `at`).
    var on: String
    var by: String
    var record: String
    var change: String
    /// The text of the outcome or progress note the change added, if any.
    var text: String

    static let listing = Listing<LogEntry>(
        columns: [
            Column(name: "on") { $0.on },
            Column(name: "at") { $0.at },
            Column(name: "by") { $0.by },
            Column(name: "record") { $0.record },
            Column(name: "change") { $0.change },
            Column(name: "text") { $0.text },
        ],
        defaults: ["on", "at", "by", "record", "change", "text"],
        json: { $0 })
}

enum LogCommand {
    static let spec = CommandSpec(
        name: "log",
        overview: "Show the history of one record, or of the whole store, oldest first.",
        discussion: """
            REF is a review (its own history and every record in it), a record (REVIEW/ID), an event id (E3) or
            'tracker' (agencies, themes, settings). Without REF, everything: "what changed since the last board?"
            Each change has two dates: on, when it happened or was reported (--on of rec update, action update and
            outcome add, else the command's --as-of day; older entries: the day of at), and at, when it was typed. The log is in order of on, then
            at; --since filters on on, --recorded-since on at. --since last-board starts at the latest board
            meeting (event add --kind board) on or before --as-of. text is the text of the outcome or progress
            note a change added.
            """,
        arguments: [
            ArgumentSpec(
                name: "REF", help: "What to show the history of (default: the whole store).", isOptional: true,
                values: .store(.records))
        ],
        options: [
            .value(
                .since, SinceOption.valueName,
                "Only changes that happened or were reported on or after this date (a month or year counts from its start), or since the last board meeting."),
            .date(.recordedSince, "Only changes recorded (typed) on or after this date."),
            .value(.author, "NAME", "Only changes by this person."),
        ] + ListingOptions.specs,
        examples: ["rlt log --since last-board", "rlt log darren-bethany/3i", "rlt log child-g --format csv"],
        run: run)

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws {
        let since = try SinceOption.parse(arguments, invocation)?.start
        let recordedSince = try arguments.date(.recordedSince)?.start
        let author = arguments.string(.author)?.lowercased()
        var entries: [LogEntry] = []
        var days: [Int] = []
        // `texts` (the outcome or note each entry added) is worked out only for a record with an entry shown.
        func add(_ history: [HistoryEntry], _ record: String, texts: () -> [String?] = { [] }) {
            var added: [String?]?
            for (k, entry) in history.enumerated() {
                let reported = entry.reportedDay
                if let since, let reported, reported < since { continue }
                if let recordedSince, let day = entry.day, day < recordedSince { continue }
                if let author, entry.by.lowercased() != author { continue }
                let on = entry.on?.description ?? reported?.description ?? ""
                if added == nil { added = texts() }
                let shown = added ?? []
                let text = k < shown.count ? shown[k] ?? "" : ""
                entries.append(LogEntry(at: entry.at, on: on, by: entry.by, record: record, change: entry.change, text: text))
                days.append(reported?.ordinal ?? Int.min)
            }
        }
        func addReview(_ review: Review, only id: String? = nil) {
            if id == nil { add(review.history, review.id) }
            for finding in review.findings where id == nil || id == finding.id { add(finding.history, "\(review.id)/\(finding.id)") }
            for rec in review.recommendations where id == nil || id == rec.id {
                add(rec.history, "\(review.id)/\(rec.id)", texts: { rec.historyTexts })
            }
            for action in review.actions where id == nil || id == action.id {
                add(action.history, "\(review.id)/\(action.id)", texts: { action.historyTexts })
            }
        }
        let store = invocation.store
        switch arguments.positional(0) {
        case nil:
            add(try store.loadTracker().history, "tracker")
            try store.forEachReview(try store.reviewIDs()) { addReview($0) }
            for event in try store.loadEvents().events { add(event.history, event.id) }
        case "tracker"?:
            add(try store.loadTracker().history, "tracker")
        case let ref? where ref.contains("/"):
            let reference = try reference(ref, argument: "REF")
            let review = try store.existingReview(reference.review)
            guard review.childIDs.contains(reference.id) else {
                throw RecordError.notFound(
                    kind: "record", reference: ref,
                    suggestions: nearestMatches(to: reference.id, in: review.childIDs).map { "\(review.id)/\($0)" })
            }
            addReview(review, only: reference.id)
        case let ref?:
            if let event = try store.loadEvents().events.first(where: { $0.id == ref }) {
                add(event.history, event.id)
            } else {
                addReview(try store.existingReview(try slug(ref, argument: "REF", kind: "review")))
            }
        }
        // Oldest first, ties in the order collected; the positions are sorted, not the entries, and the listing goes
        // out a piece at a time, so a national log holds its entries once.
        let order = entries.indices.sorted { a, b in
            (days[a], entries[a].at, a) < (days[b], entries[b].at, b)
        }
        var pieces = ListingPieces(try ListingOptions(arguments, invocation), LogEntry.listing)
        for start in stride(from: 0, to: order.count, by: 4096) {
            invocation.out(try pieces.add(order[start..<min(order.count, start + 4096)].map { entries[$0] }))
        }
        invocation.out(try pieces.end())
    }
}
