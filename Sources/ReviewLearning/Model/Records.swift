/// One entry of a record's change trail: who changed it, when (UTC) and what.
package struct HistoryEntry: Codable, Equatable, Sendable {
    /// When the change was recorded: a UTC timestamp from the clock.
    package var at: String
    package var by: String
    package var change: String
    /// When the change happened or was reported (`--on`, default `--as-of`), which staleness, `log --since` and
    /// the board digest count from; absent on entries written without one, which count from `at`'s day.
    package var on: PartialDate?

    package init(at: String, by: String, change: String, on: PartialDate? = nil) {
        self.at = at
        self.by = by
        self.change = change
        self.on = on
    }
}

/// A dated assurance entry on a recommendation; the latest is the current position.
package struct Outcome: Codable, Equatable, Sendable {
    package var date: PartialDate
    package var text: String
    package var author: String
    package var assurance: AssuranceLevel?
    /// The agency code that gave the assurance, or `all-partners`.
    package var by: String?
    /// Further agencies that gave it with `by` (schema 2; left out when empty).
    package var with: [String] {
        get { withList ?? [] }
        set { withList = newValue.isEmpty ? nil : newValue }
    }
    private var withList: [String]?

    package init(
        date: PartialDate, text: String, author: String, assurance: AssuranceLevel? = nil, by: String? = nil,
        with: [String] = []
    ) {
        self.date = date
        self.text = text
        self.author = author
        self.assurance = assurance
        self.by = by
        self.with = with
    }

    enum CodingKeys: String, CodingKey {
        case date, text, author, assurance, by, withList = "with"
    }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        date = try c.decode(PartialDate.self, forKey: .date)
        text = try c.decode(String.self, forKey: .text)
        author = try c.decode(String.self, forKey: .author)
        assurance = try c.decodeIfPresent(AssuranceLevel.self, forKey: .assurance)
        by = try c.decodeIfPresent(String.self, forKey: .by)
        with = try c.decodeIfPresent([String].self, forKey: .withList) ?? []
    }
}

/// A dated progress note on an agency action.
package struct ProgressNote: Codable, Equatable, Sendable {
    package var date: PartialDate
    package var text: String
    package var author: String

    package init(date: PartialDate, text: String, author: String) {
        self.date = date
        self.text = text
        self.author = author
    }
}

/// A piece of learning from a review, addressed to an agency or a sector.
package struct Finding: Codable, Equatable, Sendable {
    package var id: String
    package var audience: String
    package var text: String
    package var themes: [String] = []
    /// Further audiences beside `audience` (schema 2; left out when empty).
    package var with: [String] {
        get { withList ?? [] }
        set { withList = newValue.isEmpty ? nil : newValue }
    }
    /// What the finding records (schema 2; left out when `learning`).
    package var kind: FindingKind {
        get { kindValue ?? .learning }
        set { kindValue = newValue == .learning ? nil : newValue }
    }
    /// Where in the document it comes from, e.g. "2.1" (schema 2).
    package var para: String?
    package var history: [HistoryEntry] = []
    private var withList: [String]?
    private var kindValue: FindingKind?

    enum CodingKeys: String, CodingKey {
        case id, audience, text, themes, withList = "with", kindValue = "kind", para, history
    }

    package init(id: String, audience: String, text: String, themes: [String] = []) {
        self.id = id
        self.audience = audience
        self.text = text
        self.themes = themes
    }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        audience = try c.decode(String.self, forKey: .audience)
        text = try c.decodeIfPresent(String.self, forKey: .text) ?? ""
        themes = try c.decodeIfPresent([String].self, forKey: .themes) ?? []
        with = try c.decodeIfPresent([String].self, forKey: .withList) ?? []
        kind = try c.decodeIfPresent(FindingKind.self, forKey: .kindValue) ?? .learning
        para = try c.decodeIfPresent(String.self, forKey: .para)
        history = try c.decodeIfPresent([HistoryEntry].self, forKey: .history) ?? []
    }
}

/// When a recommendation's or action's work happens beside its due date, as the document puts it (schema 2):
/// a start ("from May 2021"), the end of a period ("through 2021–2022"), whether the dates are approximate, and
/// the document's words or how a due date was derived. Overdue counts from the due date only.
package struct Timing: Equatable, Sendable {
    package var from: PartialDate?
    package var through: PartialDate?
    package var approximate = false
    package var note: String?

    package init(from: PartialDate? = nil, through: PartialDate? = nil, approximate: Bool = false, note: String? = nil) {
        self.from = from
        self.through = through
        self.approximate = approximate
        self.note = note
    }
}

extension Timing {
    /// `from 2021-05 through 2022 (approximate)`, or nil when neither date is set; how `show` and reports print it.
    package var summary: String? {
        let parts = [from.map { "from \($0)" }, through.map { "through \($0)" }].compactMap { $0 }
        if parts.isEmpty { return approximate ? "approximate" : nil }
        return parts.joined(separator: " ") + (approximate ? " (approximate)" : "")
    }
}

/// The keys of `Timing`'s fields, shared by recommendations and actions.
enum TimingKeys: String, CodingKey {
    case from, through, approximate, dateNote = "date_note"
}

extension Timing {
    init(from c: KeyedDecodingContainer<TimingKeys>) throws {
        from = try c.decodeIfPresent(PartialDate.self, forKey: .from)
        through = try c.decodeIfPresent(PartialDate.self, forKey: .through)
        approximate = try c.decodeIfPresent(Bool.self, forKey: .approximate) ?? false
        note = try c.decodeIfPresent(String.self, forKey: .dateNote)
    }

    /// Writes only what is set, so files without timing keep their bytes.
    func encode(to c: inout KeyedEncodingContainer<TimingKeys>) throws {
        try c.encodeIfPresent(from, forKey: .from)
        try c.encodeIfPresent(through, forKey: .through)
        if approximate { try c.encode(true, forKey: .approximate) }
        try c.encodeIfPresent(note, forKey: .dateNote)
    }
}

/// A numbered recommendation and the assurance trail behind it.
package struct Recommendation: Codable, Equatable, Sendable {
    package var id: String
    package var text: String
    package var level: RecommendationLevel = .local
    /// Agency codes; the first is the lead.
    package var owners: [String] = []
    package var themes: [String] = []
    package var due: PartialDate?
    /// The first due date ever set, kept when the date moves so slippage is never hidden.
    package var originalDue: PartialDate?
    package var status: RecommendationStatus = .open
    package var assurance: AssuranceLevel = .notAssessed
    /// Why it was not accepted, or where existing practice already meets it.
    package var reason: String?
    package var outcomes: [Outcome] = []
    /// Related records: an id in the same review, or `REVIEW/ID` in another review of the store.
    package var links: [String] = []
    package var history: [HistoryEntry] = []
    /// Start, end of period, approximate, the document's words on timing (schema 2).
    package var timing = Timing()
    /// Who gives assurance that it was done: agency codes or `all-partners` (schema 2).
    package var assuranceBy: [String] = []
    /// Bodies the owners are to engage, who do not own it (schema 2).
    package var engage: [String] = []
    /// Who issued it (an agency code, e.g. a national panel), when not the review's own partnership (schema 2).
    package var issuedBy: String?

    package init(id: String, text: String) {
        self.id = id
        self.text = text
    }

    enum CodingKeys: String, CodingKey {
        case id, text, level, owners, themes, due, originalDue = "original_due", status, assurance, reason
        case outcomes, links, history, assuranceBy = "assurance_by", engage, issuedBy = "issued_by"
    }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        text = try c.decodeIfPresent(String.self, forKey: .text) ?? ""
        level = try c.decodeIfPresent(RecommendationLevel.self, forKey: .level) ?? .local
        owners = try c.decodeIfPresent([String].self, forKey: .owners) ?? []
        themes = try c.decodeIfPresent([String].self, forKey: .themes) ?? []
        due = try c.decodeIfPresent(PartialDate.self, forKey: .due)
        originalDue = try c.decodeIfPresent(PartialDate.self, forKey: .originalDue)
        status = try c.decodeIfPresent(RecommendationStatus.self, forKey: .status) ?? .open
        assurance = try c.decodeIfPresent(AssuranceLevel.self, forKey: .assurance) ?? .notAssessed
        reason = try c.decodeIfPresent(String.self, forKey: .reason)
        outcomes = try c.decodeIfPresent([Outcome].self, forKey: .outcomes) ?? []
        links = try c.decodeIfPresent([String].self, forKey: .links) ?? []
        history = try c.decodeIfPresent([HistoryEntry].self, forKey: .history) ?? []
        assuranceBy = try c.decodeIfPresent([String].self, forKey: .assuranceBy) ?? []
        engage = try c.decodeIfPresent([String].self, forKey: .engage) ?? []
        issuedBy = try c.decodeIfPresent(String.self, forKey: .issuedBy)
        timing = try Timing(from: decoder.container(keyedBy: TimingKeys.self))
    }

    package func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(text, forKey: .text)
        try c.encode(level, forKey: .level)
        try c.encode(owners, forKey: .owners)
        try c.encode(themes, forKey: .themes)
        try c.encodeIfPresent(due, forKey: .due)
        try c.encodeIfPresent(originalDue, forKey: .originalDue)
        try c.encode(status, forKey: .status)
        try c.encode(assurance, forKey: .assurance)
        try c.encodeIfPresent(reason, forKey: .reason)
        try c.encode(outcomes, forKey: .outcomes)
        try c.encode(links, forKey: .links)
        try c.encode(history, forKey: .history)
        // Schema 2's fields only when set, so a file that does not use them keeps its bytes.
        if !assuranceBy.isEmpty { try c.encode(assuranceBy, forKey: .assuranceBy) }
        if !engage.isEmpty { try c.encode(engage, forKey: .engage) }
        try c.encodeIfPresent(issuedBy, forKey: .issuedBy)
        var t = encoder.container(keyedBy: TimingKeys.self)
        try timing.encode(to: &t)
    }

    /// Days the due date has moved since it was first set (negative when brought forward).
    package var slippedDays: Int? {
        guard let due, let originalDue else { return nil }
        return originalDue.end.days(to: due.end)
    }
}

/// Something an agency committed to do in response to a recommendation or a finding.
package struct AgencyAction: Codable, Equatable, Sendable {
    package var id: String
    package var agency: String
    package var text: String
    /// Recommendation or finding ids of the same review; may be empty.
    package var respondsTo: [String] = []
    package var due: PartialDate?
    package var originalDue: PartialDate?
    package var status: ActionStatus = .planned
    package var completed: PartialDate?
    /// How success is judged.
    package var measure: String?
    package var evidence: String?
    /// Why it was dropped.
    package var reason: String?
    package var updates: [ProgressNote] = []
    package var history: [HistoryEntry] = []
    /// Agencies that own it jointly with `agency`, the lead (schema 2).
    package var with: [String] = []
    /// Start, end of period, approximate, the document's words on timing (schema 2).
    package var timing = Timing()

    package init(id: String, agency: String, text: String) {
        self.id = id
        self.agency = agency
        self.text = text
    }

    enum CodingKeys: String, CodingKey {
        case id, agency, text, respondsTo = "responds_to", due, originalDue = "original_due", status, completed
        case measure, evidence, reason, updates, history, with
    }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        agency = try c.decode(String.self, forKey: .agency)
        text = try c.decodeIfPresent(String.self, forKey: .text) ?? ""
        respondsTo = try c.decodeIfPresent([String].self, forKey: .respondsTo) ?? []
        due = try c.decodeIfPresent(PartialDate.self, forKey: .due)
        originalDue = try c.decodeIfPresent(PartialDate.self, forKey: .originalDue)
        status = try c.decodeIfPresent(ActionStatus.self, forKey: .status) ?? .planned
        completed = try c.decodeIfPresent(PartialDate.self, forKey: .completed)
        measure = try c.decodeIfPresent(String.self, forKey: .measure)
        evidence = try c.decodeIfPresent(String.self, forKey: .evidence)
        reason = try c.decodeIfPresent(String.self, forKey: .reason)
        updates = try c.decodeIfPresent([ProgressNote].self, forKey: .updates) ?? []
        history = try c.decodeIfPresent([HistoryEntry].self, forKey: .history) ?? []
        with = try c.decodeIfPresent([String].self, forKey: .with) ?? []
        timing = try Timing(from: decoder.container(keyedBy: TimingKeys.self))
    }

    package func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(agency, forKey: .agency)
        try c.encode(text, forKey: .text)
        try c.encode(respondsTo, forKey: .respondsTo)
        try c.encodeIfPresent(due, forKey: .due)
        try c.encodeIfPresent(originalDue, forKey: .originalDue)
        try c.encode(status, forKey: .status)
        try c.encodeIfPresent(completed, forKey: .completed)
        try c.encodeIfPresent(measure, forKey: .measure)
        try c.encodeIfPresent(evidence, forKey: .evidence)
        try c.encodeIfPresent(reason, forKey: .reason)
        try c.encode(updates, forKey: .updates)
        try c.encode(history, forKey: .history)
        // Schema 2's fields only when set, so a file that does not use them keeps its bytes.
        if !with.isEmpty { try c.encode(with, forKey: .with) }
        var t = encoder.container(keyedBy: TimingKeys.self)
        try timing.encode(to: &t)
    }

    package var slippedDays: Int? {
        guard let due, let originalDue else { return nil }
        return originalDue.end.days(to: due.end)
    }
}

/// A statutory review with everything that hangs off it; one file in `reviews/`.
package struct Review: Codable, Equatable, Sendable {
    package var schema: Int = Store.schemaVersion
    package var id: String
    package var type: ReviewType
    package var title: String
    package var partnerships: [String] = []
    package var incident: PartialDate?
    package var notified: PartialDate?
    package var commissioned: PartialDate?
    package var completed: PartialDate?
    package var published: PartialDate?
    /// Stage dates of schema 3 (`ReviewStage`): became aware, decided, submitted, approved, closed.
    package var aware: PartialDate?
    package var decided: PartialDate?
    package var submitted: PartialDate?
    package var approved: PartialDate?
    package var closed: PartialDate?
    package var status: ReviewStatus = .inProgress
    /// The rapid review this review grew out of.
    package var convertedFrom: String?
    package var themes: [String] = []
    package var summary: String?
    /// Document title or URL.
    package var source: String?
    package var findings: [Finding] = []
    package var recommendations: [Recommendation] = []
    package var actions: [AgencyAction] = []
    package var history: [HistoryEntry] = []

    package init(id: String, type: ReviewType, title: String) {
        self.id = id
        self.type = type
        self.title = title
    }

    enum CodingKeys: String, CodingKey {
        case schema, id, type, title, partnerships, incident, notified, commissioned, completed, published, status
        case convertedFrom = "converted_from", themes, summary, source, findings, recommendations, actions, history
        case aware, decided, submitted, approved, closed
    }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schema = try c.decodeIfPresent(Int.self, forKey: .schema) ?? Store.schemaVersion
        id = try c.decode(String.self, forKey: .id)
        type = try c.decode(ReviewType.self, forKey: .type)
        title = try c.decodeIfPresent(String.self, forKey: .title) ?? ""
        partnerships = try c.decodeIfPresent([String].self, forKey: .partnerships) ?? []
        incident = try c.decodeIfPresent(PartialDate.self, forKey: .incident)
        notified = try c.decodeIfPresent(PartialDate.self, forKey: .notified)
        commissioned = try c.decodeIfPresent(PartialDate.self, forKey: .commissioned)
        completed = try c.decodeIfPresent(PartialDate.self, forKey: .completed)
        published = try c.decodeIfPresent(PartialDate.self, forKey: .published)
        aware = try c.decodeIfPresent(PartialDate.self, forKey: .aware)
        decided = try c.decodeIfPresent(PartialDate.self, forKey: .decided)
        submitted = try c.decodeIfPresent(PartialDate.self, forKey: .submitted)
        approved = try c.decodeIfPresent(PartialDate.self, forKey: .approved)
        closed = try c.decodeIfPresent(PartialDate.self, forKey: .closed)
        status = try c.decodeIfPresent(ReviewStatus.self, forKey: .status) ?? .inProgress
        convertedFrom = try c.decodeIfPresent(String.self, forKey: .convertedFrom)
        themes = try c.decodeIfPresent([String].self, forKey: .themes) ?? []
        summary = try c.decodeIfPresent(String.self, forKey: .summary)
        source = try c.decodeIfPresent(String.self, forKey: .source)
        findings = try c.decodeIfPresent([Finding].self, forKey: .findings) ?? []
        recommendations = try c.decodeIfPresent([Recommendation].self, forKey: .recommendations) ?? []
        actions = try c.decodeIfPresent([AgencyAction].self, forKey: .actions) ?? []
        history = try c.decodeIfPresent([HistoryEntry].self, forKey: .history) ?? []
    }

    /// The recommendation with this id (exact match).
    package func recommendation(_ id: String) -> Recommendation? { recommendations.first { $0.id == id } }
    package func action(_ id: String) -> AgencyAction? { actions.first { $0.id == id } }
    package func finding(_ id: String) -> Finding? { findings.first { $0.id == id } }
}

/// A seminar, training session, briefing… through which learning was shared.
package struct DisseminationEvent: Codable, Equatable, Sendable {
    package var id: String
    package var kind: EventKind
    package var title: String
    package var date: PartialDate
    package var audience: String?
    /// How many attended (a count, not a forecast: see `expected`).
    package var attendees: Int?
    /// Ids of the reviews whose learning it shared.
    package var reviews: [String] = []
    package var feedback: String?
    package var history: [HistoryEntry] = []
    /// Held (the default) or still planned (schema 2; left out when held).
    package var status: EventStatus {
        get { statusValue ?? .held }
        set { statusValue = newValue == .held ? nil : newValue }
    }
    /// How many were expected or forecast to attend (schema 2).
    package var expected: Int?
    /// How many seminars, sessions or meetings it pools (schema 2).
    package var sessions: Int?
    package var location: String?
    /// The recommendations or actions it serves, as `REVIEW/ID` (schema 2; left out when empty).
    package var serves: [String] {
        get { servesList ?? [] }
        set { servesList = newValue.isEmpty ? nil : newValue }
    }
    private var statusValue: EventStatus?
    private var servesList: [String]?

    enum CodingKeys: String, CodingKey {
        case id, kind, title, date, audience, attendees, reviews, feedback, history
        case statusValue = "status", expected, sessions, location, servesList = "serves"
    }

    package init(id: String, kind: EventKind, title: String, date: PartialDate) {
        self.id = id
        self.kind = kind
        self.title = title
        self.date = date
    }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        kind = try c.decode(EventKind.self, forKey: .kind)
        title = try c.decodeIfPresent(String.self, forKey: .title) ?? ""
        date = try c.decode(PartialDate.self, forKey: .date)
        audience = try c.decodeIfPresent(String.self, forKey: .audience)
        attendees = try c.decodeIfPresent(Int.self, forKey: .attendees)
        reviews = try c.decodeIfPresent([String].self, forKey: .reviews) ?? []
        feedback = try c.decodeIfPresent(String.self, forKey: .feedback)
        history = try c.decodeIfPresent([HistoryEntry].self, forKey: .history) ?? []
        status = try c.decodeIfPresent(EventStatus.self, forKey: .statusValue) ?? .held
        expected = try c.decodeIfPresent(Int.self, forKey: .expected)
        sessions = try c.decodeIfPresent(Int.self, forKey: .sessions)
        location = try c.decodeIfPresent(String.self, forKey: .location)
        serves = try c.decodeIfPresent([String].self, forKey: .servesList) ?? []
    }
}

/// An entry of the agency directory: the one spelling of an agency's name.
package struct Agency: Codable, Equatable, Sendable {
    package var code: String
    package var name: String
    package var sector: Sector
    /// Who the chase letters go to (`ContactRules`); optional.
    package var contact: String?
    package var email: String?

    package init(code: String, name: String, sector: Sector) {
        self.code = code
        self.name = name
        self.sector = sector
    }
}

/// An entry of the theme vocabulary.
package struct Theme: Codable, Equatable, Sendable {
    package var code: String
    package var label: String

    package init(code: String, label: String) {
        self.code = code
        self.label = label
    }
}

/// A dated entry of a list kept in date order: outcomes and progress notes.
package protocol Dated {
    var date: PartialDate { get }
}

extension Outcome: Dated {}
extension ProgressNote: Dated {}

extension Array where Element: Dated {
    /// Keeps the list in date order; an entry with the same date goes after those already there.
    package mutating func insertByDate(_ entry: Element) {
        let index = lastIndex { !(entry.date < $0.date) }.map { $0 + 1 } ?? 0
        insert(entry, at: index)
    }
}
