import ReviewLearning

/// The options of schema 2's record details, shared by the add and update commands so each is spelt, helped and
/// checked once: timing beside the due date, joint agencies, roles, and links that may cross reviews.
enum DetailOptions {
    /// `--from`, `--through`, `--approximate` (and `--exact` on update) and `--date-note`.
    static func timing(update: Bool) -> [OptionSpec] {
        let clears = update ? " An empty value clears it." : ""
        var specs: [OptionSpec] = [
            .date(.from, "When the work starts or started (\"from May 2021\"); not a deadline." + clears),
            .date(.through, "The end of a period of work (\"through 2021-2022\"); not a deadline." + clears),
            .flag(.approximate, "The dates are the document's approximations."),
        ]
        if update { specs.append(.flag(.exact, "The dates are exact (clears --approximate).")) }
        specs.append(
            .value(
                .dateNote, "TEXT",
                "The document's words on timing, or how the due date was derived (e.g. \"from the board meeting of "
                    + "12 June\")." + clears))
        return specs
    }

    /// The timing options as an edit: on update an empty value clears a field; `--approximate` with `--exact` is
    /// refused.
    static func timingEdit(_ arguments: ParsedArguments) throws -> TimingEdit {
        if arguments.flag(.approximate) && arguments.flag(.exact) {
            throw UsageError.invalidValue(option: "--exact", message: "cannot be given with --approximate")
        }
        var edit = TimingEdit()
        edit.from = try arguments.clearableDate(.from)
        edit.through = try arguments.clearableDate(.through)
        if arguments.flag(.approximate) { edit.approximate = true }
        if arguments.flag(.exact) { edit.approximate = false }
        edit.note = try arguments.clearableText(.dateNote)
        return edit
    }

    /// On update a list option replaces the list, and an empty value clears a single one; on add there is nothing
    /// to replace.
    private static func replaces(_ update: Bool) -> String { update ? " Replaces the list." : "" }

    static func with(update: Bool) -> OptionSpec {
        .value(
            .with, "CODE", "A further agency sharing it with the lead (--agency)." + replaces(update), repeatable: true,
            values: .store(.agencies))
    }

    static func assuranceBy(update: Bool) -> OptionSpec {
        .value(
            .assuranceBy, "CODE", "Who gives assurance that it was done: an agency code, or all-partners." + replaces(update),
            repeatable: true, values: .store(.agencies))
    }

    static func engage(update: Bool) -> OptionSpec {
        .value(
            .engage, "CODE", "A body the owners are to engage, which does not own it." + replaces(update), repeatable: true,
            values: .store(.agencies))
    }

    static func issuedBy(update: Bool) -> OptionSpec {
        .value(
            .issuedBy, "CODE",
            "Who issued it (e.g. a national panel), when not the review's partnership." + (update ? " An empty value clears it." : ""),
            values: .store(.agencies))
    }

    static func link(update: Bool) -> OptionSpec {
        .value(
            .link, "REF",
            "A related recommendation: its id in the same review, or REVIEW/ID for a record of another review."
                + replaces(update),
            repeatable: true)
    }

    /// The role options of a recommendation.
    static func roles(update: Bool) -> [OptionSpec] { [assuranceBy(update: update), engage(update: update), issuedBy(update: update)] }

    /// Checks `--assurance-by` codes: agencies of the directory, or `all-partners`.
    static func assurers(_ codes: [String], tracker: Tracker, option: String) throws {
        for code in codes { try tracker.requireAssurer(code, field: option) }
    }

    /// Checks links of recommendation `id` in `review`: same-review ids name another recommendation there;
    /// `REVIEW/ID` names a record of another review, read through `other`.
    static func checkLinks(
        _ links: [String], of id: String, in review: Review, other: (String) throws -> Review
    ) throws {
        for link in links {
            switch RecordLink(link) {
            case .sameReview(let target):
                guard target != id else {
                    throw UsageError.invalidValue(option: "--link", message: "a recommendation cannot link to itself")
                }
                _ = try review.requireRecommendation(target)
            case .otherReview(let ref):
                guard ref.review != review.id else {
                    throw UsageError.invalidValue(
                        option: "--link", message: "\"\(link)\" is in this review; give just its id (\(ref.id))")
                }
                try other(ref.review).requireRecord(ref.id)
            case nil:
                throw UsageError.invalidValue(
                    option: "--link", message: "\"\(link)\" is neither an id (3ii) nor REVIEW/ID (louise/R7)")
            }
        }
    }
}

/// A finding's kind, source paragraph and further audiences, as `finding add` and `finding update` take them.
struct FindingDetails {
    var kind: FindingKind?
    var para: String??
    var with: [String]?

    static func options(update: Bool) -> [OptionSpec] {
        [
            .choice(.kind, FindingKind.self, "What the finding records.", default: update ? nil : .learning),
            .value(
                .para, "REF",
                "Where in the document it comes from (e.g. 2.1)." + (update ? " An empty value clears it." : "")),
            .value(
                .with, "CODE", "A further audience: an agency code or sector." + (update ? " Replaces the list." : ""),
                repeatable: true,
                values: .store(.audiences)),
        ]
    }

    init(_ arguments: ParsedArguments) throws {
        kind = try arguments.choice(.kind, FindingKind.self)
        para = try arguments.clearableText(.para)
        with = try arguments.list(.with)
    }

    func check(_ tracker: Tracker) throws {
        for audience in with ?? [] { try tracker.requireAudience(audience, field: "--with") }
    }

    func apply(to finding: inout Finding, _ changes: inout ChangeLog) {
        if let kind { changes.set(&finding.kind, kind, "kind") }
        if let para { changes.setClearable(&finding.para, para, "para") }
        if let with { changes.setList(&finding.with, with, "with") }
    }
}

/// An event's status, expected attendance, sessions, location and the records it serves, as `event add` and
/// `event update` take them.
struct EventDetails {
    var status: EventStatus?
    var expected: Int??
    var sessions: Int??
    var location: String??
    var serves: [RecordReference]?

    static func options(update: Bool) -> [OptionSpec] {
        let clears = update ? " An empty value clears it." : ""
        return [
            .choice(.status, EventStatus.self, "Whether it has taken place.", default: update ? nil : .held),
            .value(.expected, "N", "How many were expected or forecast to attend." + clears),
            .value(.sessions, "N", "How many seminars, sessions or meetings it pools." + clears),
            .value(.location, "TEXT", "Where it was held." + clears),
            .value(
                .serves, "REVIEW/ID", "A recommendation or action it serves." + (update ? " Replaces the list." : ""),
                repeatable: true,
                values: .store(.records)),
        ]
    }

    init(_ arguments: ParsedArguments) throws {
        status = try arguments.choice(.status, EventStatus.self)
        expected = try arguments.clearableInteger(.expected, range: 0...10_000_000)
        sessions = try arguments.clearableInteger(.sessions, range: 1...10_000)
        location = try arguments.clearableText(.location)
        serves = try arguments.list(.serves).map { try $0.map { try reference($0, argument: "--serves") } }
    }

    /// Each record served is a recommendation or action of a review in the store (read through `review`).
    func check(review: (String) throws -> Review) throws {
        for ref in serves ?? [] {
            let target = try review(ref.review)
            guard target.recommendation(ref.id) != nil || target.action(ref.id) != nil else {
                throw RecordError.notFound(
                    kind: "recommendation or action", reference: "\(ref)",
                    suggestions: nearestMatches(to: ref.id, in: target.recommendations.map(\.id) + target.actions.map(\.id))
                        .map { "\(ref.review)/\($0)" })
            }
        }
    }

    func apply(to event: inout DisseminationEvent, _ changes: inout ChangeLog) {
        if let status { changes.set(&event.status, status, "status") }
        if let expected { changes.setClearable(&event.expected, expected, "expected") }
        if let sessions { changes.setClearable(&event.sessions, sessions, "sessions") }
        if let location { changes.setClearable(&event.location, location, "location", text: true) }
        if let serves { changes.setList(&event.serves, serves.map(\.description), "serves") }
    }

    /// A planned event has no attendance yet: its forecast is `--expected`.
    static func requireConsistent(_ event: DisseminationEvent) throws {
        if event.status == .planned && event.attendees != nil {
            throw UsageError.invalidValue(
                option: "--attendees",
                message: "a planned event has no attendees yet; give the forecast as --expected (clear a count with --attendees \"\")")
        }
    }
}
