import ReviewLearning

/// Options every command knows.
enum GlobalOptions {
    static let all: [OptionSpec] = [
        .value(.store, "DIR", "The store directory (default: $RLT_STORE, else ./data).", values: .directory),
        .value(.author, "NAME", "Name written into history (default: $RLT_AUTHOR, else $USER)."),
        .value(
            .asOf, "DATE",
            "Treat this day as today for dates and defaults (default: $RLT_AS_OF, else today). A day: YYYY-MM-DD or "
                + "DD/MM/YYYY (UK order, day first)."),
        .value(
            .color, "WHEN", "Colour the output: auto (on a terminal, unless NO_COLOR is set), always or never.",
            values: .words(ColorChoice.self), default: ColorChoice.auto.rawValue),
    ]
}

/// `--on DATE` of the commands that record what an agency reports: when the change happened or was reported, which
/// history keeps beside when it was typed (`HistoryEntry.on`).
enum ReportedOn {
    static let spec = OptionSpec.date(
        .on, "The day this happened or was reported (default: --as-of); not after --as-of. History keeps it beside when it was typed.")

    /// The reported date: `--on` (a whole day), else the as-of day; refused when after the as-of day.
    static func parse(_ arguments: ParsedArguments, _ invocation: Invocation, reference: String) throws -> PartialDate {
        guard let on = try arguments.date(.on) else { return .day(invocation.asOf) }
        guard case .day = on else {
            throw UsageError.invalidValue(option: "--on", message: "\"\(on)\" is not a day; give the day it was reported, e.g. 2024-05-02")
        }
        try ChangeRules.requirePast(on, .reported, reference: reference, asOf: invocation.asOf)
        return on
    }
}

/// `--since DATE|last-board`: where a period starts; `last-board` is the latest board meeting (`event add --kind
/// board`) on or before `--as-of`.
enum SinceOption {
    static let valueName = "DATE|last-board"

    static func parse(_ arguments: ParsedArguments, _ invocation: Invocation) throws -> PartialDate? {
        guard arguments.string(.since) == "last-board" else { return try arguments.date(.since) }
        let events = try invocation.store.loadEvents().events
        guard let board = DisseminationEvent.lastBoard(in: events, asOf: invocation.asOf) else {
            throw CommandFailure(
                message: "--since last-board: the store has no board meeting on or before \(invocation.asOf); "
                    + "record one with 'rlt event add --kind board --date DATE'", code: ExitCode.dataError)
        }
        return board.date
    }
}

/// When `--color` colours the output.
enum ColorChoice: String, Vocabulary {
    case auto, always, never
    static let noun = "colour choice"
}

/// Lookups that turn a missing record into an error with suggestions.
extension Transaction {
    mutating func existingReview(_ id: String) throws -> Review {
        try Identifiers.validateSlug(id, kind: "review")
        guard let found = try review(id) else {
            let known = try store.reviewIDs()
            throw RecordError.notFound(kind: "review", reference: id, suggestions: nearestMatches(to: id, in: known))
        }
        return found
    }
}

extension Store {
    func existingReview(_ id: String) throws -> Review {
        try Identifiers.validateSlug(id, kind: "review")
        guard let review = try loadReview(id) else {
            throw RecordError.notFound(kind: "review", reference: id, suggestions: nearestMatches(to: id, in: try reviewIDs()))
        }
        return review
    }
}

/// `2024-12 (originally 2024-06, slipped 184 days)`: slippage is never hidden.
func dueText(_ due: PartialDate?, original: PartialDate?, slipped: Int?) -> String? {
    guard let original, let slipped else { return due?.description }
    return "\(due?.description ?? "-") (originally \(original), slipped \(slipped) days)"
}

/// Lists in `show` read as they do in listings and CSV: joined with `; `.
func list(_ values: [String]) -> String { Listings.joined(values) }

/// "nothing to change": naming the status when `--status` gave the one already set, else saying that every value
/// given is already set, else that no option was given.
func unchanged(_ reference: String, _ arguments: ParsedArguments, status: String) -> RecordError {
    if arguments.has(.status) { return .alreadySet(reference: reference, status: status) }
    let globals = Set(GlobalOptions.all.map(\.name))
    if arguments.values.keys.contains(where: { !globals.contains($0) }) {
        return .alreadySet(reference: reference, status: nil)
    }
    return .unchanged(reference: reference)
}

/// Checks that codes are in the directory and theme vocabulary.
struct CodeChecks {
    let tracker: Tracker

    func agencies(_ codes: [String], option: String) throws(RecordError) {
        for code in codes { try tracker.requireAgency(code, field: option) }
    }

    func themes(_ codes: [String], option: String) throws(RecordError) {
        for code in codes { try tracker.requireTheme(code, field: option) }
    }
}

extension ParsedArguments {
    /// A repeatable option that replaces a list: nil when not given; each value once, checked by `check`.
    func list(_ name: OptionName, check: ([String]) throws -> Void = { _ in }) throws -> [String]? {
        guard has(name) else { return nil }
        let values = strings(name)
        try requireDistinct(values, option: name.rawValue)
        try check(values)
        return values
    }
}

/// Refuses a list option given with the same value twice (`--owner a --owner a`).
func requireDistinct(_ values: [String], option: String) throws(UsageError) {
    var seen: Set<String> = []
    for value in values where !seen.insert(value).inserted {
        throw UsageError.invalidValue(option: option, message: "\"\(value)\" is given twice")
    }
}

/// Positional arguments parsed into record references, as usage errors.
func reference(_ text: String, argument: String) throws(UsageError) -> RecordReference {
    do {
        return try RecordReference(parsing: text)
    } catch {
        throw UsageError.invalidArgument(name: argument, message: error.description)
    }
}

/// The records a bulk update names, grouped by review in the order first named; a record named twice is refused.
func referencesByReview(_ texts: [String], argument: String) throws(UsageError) -> [(review: String, refs: [RecordReference])] {
    var groups: [(review: String, refs: [RecordReference])] = []
    var position: [String: Int] = [:]
    var seen: Set<RecordReference> = []
    for text in texts {
        let ref = try reference(text, argument: argument)
        guard seen.insert(ref).inserted else {
            throw UsageError.invalidArgument(name: argument, message: "\(ref) is named twice; name each record once")
        }
        if let group = position[ref.review] {
            groups[group].refs.append(ref)
        } else {
            position[ref.review] = groups.count
            groups.append((ref.review, [ref]))
        }
    }
    return groups
}

func slug(_ text: String, argument: String, kind: String) throws(UsageError) -> String {
    do {
        try Identifiers.validateSlug(text, kind: kind)
        return text
    } catch {
        throw UsageError.invalidArgument(name: argument, message: error.description)
    }
}

func recordID(_ text: String, option: String, kind: String) throws(UsageError) -> String {
    do {
        try Identifiers.validateRecordID(text, kind: kind)
        return text
    } catch {
        throw UsageError.invalidValue(option: option, message: error.description)
    }
}

/// Words as a shell would take them back: each that needs it in single quotes.
func shellWords(_ words: [String]) -> String {
    let plain = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./:=@%+,-")
    return words.map { word in
        !word.isEmpty && word.allSatisfy(plain.contains) ? word : "'" + word.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }.joined(separator: " ")
}
