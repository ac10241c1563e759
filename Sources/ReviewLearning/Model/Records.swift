/// One entry of a record's change trail: who changed it, when (UTC) and what.
public struct HistoryEntry: Codable, Equatable, Sendable {
    public var at: String
    public var by: String
    public var change: String

    public init(at: String, by: String, change: String) {
        self.at = at
        self.by = by
        self.change = change
    }
}

/// A dated assurance entry on a recommendation; the latest is the current position.
public struct Outcome: Codable, Equatable, Sendable {
    public var date: PartialDate
    public var text: String
    public var author: String
    public var assurance: AssuranceLevel?
    /// The agency code that gave the assurance.
    public var by: String?

    public init(date: PartialDate, text: String, author: String, assurance: AssuranceLevel? = nil, by: String? = nil) {
        self.date = date
        self.text = text
        self.author = author
        self.assurance = assurance
        self.by = by
    }
}

/// A dated progress note on an agency action.
public struct ProgressNote: Codable, Equatable, Sendable {
    public var date: PartialDate
    public var text: String
    public var author: String

    public init(date: PartialDate, text: String, author: String) {
        self.date = date
        self.text = text
        self.author = author
    }
}

/// A piece of learning from a review, addressed to an agency or a sector.
public struct Finding: Codable, Equatable, Sendable {
    public var id: String
    public var audience: String
    public var text: String
    public var themes: [String] = []
    public var history: [HistoryEntry] = []

    public init(id: String, audience: String, text: String, themes: [String] = []) {
        self.id = id
        self.audience = audience
        self.text = text
        self.themes = themes
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        audience = try c.decode(String.self, forKey: .audience)
        text = try c.decodeIfPresent(String.self, forKey: .text) ?? ""
        themes = try c.decodeIfPresent([String].self, forKey: .themes) ?? []
        history = try c.decodeIfPresent([HistoryEntry].self, forKey: .history) ?? []
    }
}

/// A numbered recommendation and the assurance trail behind it.
public struct Recommendation: Codable, Equatable, Sendable {
    public var id: String
    public var text: String
    public var level: RecommendationLevel = .local
    /// Agency codes; the first is the lead.
    public var owners: [String] = []
    public var themes: [String] = []
    public var due: PartialDate?
    /// The first due date ever set, kept when the date moves so slippage is never hidden.
    public var originalDue: PartialDate?
    public var status: RecommendationStatus = .open
    public var assurance: AssuranceLevel = .notAssessed
    /// Why it was not accepted, or where existing practice already meets it.
    public var reason: String?
    public var outcomes: [Outcome] = []
    /// Ids of related recommendations in the same review.
    public var links: [String] = []
    public var history: [HistoryEntry] = []

    public init(id: String, text: String) {
        self.id = id
        self.text = text
    }

    enum CodingKeys: String, CodingKey {
        case id, text, level, owners, themes, due, originalDue = "original_due", status, assurance, reason
        case outcomes, links, history
    }

    public init(from decoder: any Decoder) throws {
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
    }

    /// Days the due date has moved since it was first set (negative when brought forward).
    public var slippedDays: Int? {
        guard let due, let originalDue else { return nil }
        return originalDue.end.days(to: due.end)
    }
}

/// Something an agency committed to do in response to a recommendation or a finding.
public struct AgencyAction: Codable, Equatable, Sendable {
    public var id: String
    public var agency: String
    public var text: String
    /// Recommendation or finding ids of the same review; may be empty.
    public var respondsTo: [String] = []
    public var due: PartialDate?
    public var originalDue: PartialDate?
    public var status: ActionStatus = .planned
    public var completed: PartialDate?
    /// How success is judged.
    public var measure: String?
    public var evidence: String?
    /// Why it was dropped.
    public var reason: String?
    public var updates: [ProgressNote] = []
    public var history: [HistoryEntry] = []

    public init(id: String, agency: String, text: String) {
        self.id = id
        self.agency = agency
        self.text = text
    }

    enum CodingKeys: String, CodingKey {
        case id, agency, text, respondsTo = "responds_to", due, originalDue = "original_due", status, completed
        case measure, evidence, reason, updates, history
    }

    public init(from decoder: any Decoder) throws {
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
    }

    public var slippedDays: Int? {
        guard let due, let originalDue else { return nil }
        return originalDue.end.days(to: due.end)
    }
}

/// A statutory review with everything that hangs off it; one file in `reviews/`.
public struct Review: Codable, Equatable, Sendable {
    public var schema: Int = Store.schemaVersion
    public var id: String
    public var type: ReviewType
    public var title: String
    public var partnerships: [String] = []
    public var incident: PartialDate?
    public var notified: PartialDate?
    public var commissioned: PartialDate?
    public var completed: PartialDate?
    public var published: PartialDate?
    public var status: ReviewStatus = .inProgress
    /// The rapid review this review grew out of.
    public var convertedFrom: String?
    public var themes: [String] = []
    public var summary: String?
    /// Document title or URL.
    public var source: String?
    public var findings: [Finding] = []
    public var recommendations: [Recommendation] = []
    public var actions: [AgencyAction] = []
    public var history: [HistoryEntry] = []

    public init(id: String, type: ReviewType, title: String) {
        self.id = id
        self.type = type
        self.title = title
    }

    enum CodingKeys: String, CodingKey {
        case schema, id, type, title, partnerships, incident, notified, commissioned, completed, published, status
        case convertedFrom = "converted_from", themes, summary, source, findings, recommendations, actions, history
    }

    public init(from decoder: any Decoder) throws {
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
    public func recommendation(_ id: String) -> Recommendation? { recommendations.first { $0.id == id } }
    public func action(_ id: String) -> AgencyAction? { actions.first { $0.id == id } }
    public func finding(_ id: String) -> Finding? { findings.first { $0.id == id } }
}

/// A seminar, training session, briefing… through which learning was shared.
public struct DisseminationEvent: Codable, Equatable, Sendable {
    public var id: String
    public var kind: EventKind
    public var title: String
    public var date: PartialDate
    public var audience: String?
    public var attendees: Int?
    /// Ids of the reviews whose learning it shared.
    public var reviews: [String] = []
    public var feedback: String?
    public var history: [HistoryEntry] = []

    public init(id: String, kind: EventKind, title: String, date: PartialDate) {
        self.id = id
        self.kind = kind
        self.title = title
        self.date = date
    }

    public init(from decoder: any Decoder) throws {
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
    }
}

/// An entry of the agency directory: the one spelling of an agency's name.
public struct Agency: Codable, Equatable, Sendable {
    public var code: String
    public var name: String
    public var sector: Sector

    public init(code: String, name: String, sector: Sector) {
        self.code = code
        self.name = name
        self.sector = sector
    }
}

/// An entry of the theme vocabulary.
public struct Theme: Codable, Equatable, Sendable {
    public var code: String
    public var label: String

    public init(code: String, label: String) {
        self.code = code
        self.label = label
    }
}

/// A dated entry of a list kept in date order: outcomes and progress notes.
public protocol Dated {
    var date: PartialDate { get }
}

extension Outcome: Dated {}
extension ProgressNote: Dated {}

extension Array where Element: Dated {
    /// Keeps the list in date order; an entry with the same date goes after those already there.
    public mutating func insertByDate(_ entry: Element) {
        let index = lastIndex { !(entry.date < $0.date) }.map { $0 + 1 } ?? 0
        insert(entry, at: index)
    }
}
