/// A closed set of values spelt as lower-case words, read from user text and from JSON.
package protocol Vocabulary: RawRepresentable, CaseIterable, Codable, Hashable, Sendable
where RawValue == String, AllCases: RandomAccessCollection {
    /// What the value is called in messages, e.g. "recommendation status".
    static var noun: String { get }
    /// Words people type for a value ("completed" for `done`), offered as "did you mean" but never accepted.
    static var synonyms: [String: Self] { get }
}

extension Vocabulary {
    /// Parses a value case-insensitively, or throws an error listing the allowed values.
    package init(parsing text: String) throws(InvalidValue) {
        let lowered = text.lowercased()
        guard let value = Self.allCases.first(where: { $0.rawValue == lowered }) else {
            throw InvalidValue(
                noun: Self.noun, value: text, allowed: Self.allCases.map(\.rawValue), suggestion: Self.suggestion(for: text))
        }
        self = value
    }

    /// All raw values, for help text and completions.
    package static var allowedValues: [String] { allCases.map(\.rawValue) }

    package static var synonyms: [String: Self] { [:] }

    /// The value someone typing `text` probably meant: a known synonym ("finished" → `done`), else the nearest
    /// spelling ("in-progres" → `in-progress`); nil when nothing is close.
    package static func suggestion(for text: String) -> String? {
        let key = String(
            String.UnicodeScalarView(
                text.lowercased().unicodeScalars.map { $0 == " " || $0 == "_" ? "-" : $0 }))
        if let value = synonyms[key] { return value.rawValue }
        return nearestMatches(to: text, in: allowedValues).first
    }
}

/// `noun` after "a" or "an", by its first letter ("an action status", "a recommendation level"): every message that
/// names a kind of value goes through here.
package func withArticle(_ noun: String) -> String {
    let vowel = noun.first.map { "aeiouAEIOU".contains($0) } ?? false
    return (vowel ? "an " : "a ") + noun
}

/// A value outside a closed vocabulary (status, type, level…).
package struct InvalidValue: Error, Equatable, Sendable, CustomStringConvertible {
    package let noun: String
    package let value: String
    package let allowed: [String]
    /// The value probably meant (`Vocabulary.suggestion(for:)`).
    package let suggestion: String?

    package init(noun: String, value: String, allowed: [String], suggestion: String?) {
        self.noun = noun
        self.value = value
        self.allowed = allowed
        self.suggestion = suggestion
    }

    package var description: String { description(showing: "\"\(value)\"") }

    /// The message with the value as `shown` (import describes long cells instead of quoting them).
    package func description(showing shown: String) -> String {
        if let near = suggestion {
            return "\(shown) is not \(withArticle(noun)); did you mean \"\(near)\"? (one of: \(allowed.joined(separator: ", ")))"
        }
        return "\(shown) is not \(withArticle(noun)); use one of: \(allowed.joined(separator: ", "))"
    }
}

/// The kind of statutory review.
package enum ReviewType: String, Vocabulary {
    case dhr, cspr, rapidReview = "rapid-review", sar, joint, scr, thematic, other
    package static let noun = "review type"
    package static let synonyms: [String: ReviewType] = [
        "domestic-homicide-review": .dhr, "dahr": .dhr, "domestic-abuse-related-death-review": .dhr,
        "child-safeguarding-practice-review": .cspr, "lcspr": .cspr, "local-cspr": .cspr, "ncspr": .cspr,
        "rapid": .rapidReview, "rr": .rapidReview, "safeguarding-adults-review": .sar, "sar-review": .sar,
        "serious-case-review": .scr, "joint-review": .joint, "thematic-review": .thematic,
    ]
}

/// Where a review is in its life.
package enum ReviewStatus: String, Vocabulary {
    case notified, inProgress = "in-progress", submitted, completed, published, closed
    package static let noun = "review status"
    package static let synonyms: [String: ReviewStatus] = [
        "open": .inProgress, "ongoing": .inProgress, "active": .inProgress, "started": .inProgress,
        "underway": .inProgress, "commissioned": .inProgress, "draft": .inProgress, "live": .inProgress,
        "new": .notified, "referred": .notified, "sent": .submitted, "with-the-board": .submitted,
        "finished": .completed, "complete": .completed, "done": .completed, "approved": .completed,
        "archived": .closed, "signed-off": .closed, "finalised": .closed, "finalized": .closed,
    ]
    package var isTerminal: Bool { self == .closed }
}

/// Where a recommendation is; terminal ones are never overdue.
package enum RecommendationStatus: String, Vocabulary {
    case open, inProgress = "in-progress", implemented, assured, alreadyInPlace = "already-in-place"
    case notAccepted = "not-accepted", superseded
    package static let noun = "recommendation status"
    package static let synonyms: [String: RecommendationStatus] = [
        "new": .open, "accepted": .open, "not-started": .open, "pending": .open, "agreed": .open,
        "started": .inProgress, "ongoing": .inProgress, "underway": .inProgress, "in-hand": .inProgress,
        "active": .inProgress, "partially-implemented": .inProgress, "progressing": .inProgress,
        "done": .implemented, "complete": .implemented, "completed": .implemented, "finished": .implemented,
        "delivered": .implemented, "achieved": .implemented, "met": .implemented,
        "closed": .assured, "signed-off": .assured, "evidenced": .assured, "embedded": .assured,
        "in-place": .alreadyInPlace, "existing": .alreadyInPlace, "already-done": .alreadyInPlace,
        "rejected": .notAccepted, "declined": .notAccepted, "refused": .notAccepted, "not-agreed": .notAccepted,
        "replaced": .superseded, "merged": .superseded, "withdrawn": .superseded,
    ]
    package var isTerminal: Bool {
        switch self {
        case .open, .inProgress, .implemented: return false
        case .assured, .alreadyInPlace, .notAccepted, .superseded: return true
        }
    }
}

/// Where an agency action is; terminal ones are never overdue.
package enum ActionStatus: String, Vocabulary {
    case planned, inProgress = "in-progress", blocked, done, dropped
    package static let noun = "action status"
    package static let synonyms: [String: ActionStatus] = [
        "open": .planned, "new": .planned, "not-started": .planned, "pending": .planned, "todo": .planned,
        "to-do": .planned, "scheduled": .planned, "agreed": .planned,
        "started": .inProgress, "ongoing": .inProgress, "underway": .inProgress, "active": .inProgress,
        "progressing": .inProgress, "on-track": .inProgress,
        "on-hold": .blocked, "stuck": .blocked, "paused": .blocked, "delayed": .blocked, "waiting": .blocked,
        "completed": .done, "complete": .done, "finished": .done, "closed": .done, "achieved": .done,
        "delivered": .done, "implemented": .done, "met": .done,
        "cancelled": .dropped, "canceled": .dropped, "abandoned": .dropped, "withdrawn": .dropped,
        "not-required": .dropped, "superseded": .dropped,
    ]
    package var isTerminal: Bool { self == .done || self == .dropped }
}

/// How far the partnership is assured that a change is real.
package enum AssuranceLevel: String, Vocabulary {
    case notAssessed = "not-assessed", none, limited, reasonable, substantial
    package static let noun = "assurance level"
    package static let synonyms: [String: AssuranceLevel] = [
        "unknown": .notAssessed, "pending": .notAssessed, "not-yet": .notAssessed, "unassessed": .notAssessed,
        "no": .none, "nil": .none, "no-assurance": .none, "unassured": .none,
        "low": .limited, "partial": .limited, "some": .limited, "weak": .limited,
        "moderate": .reasonable, "adequate": .reasonable, "satisfactory": .reasonable, "good": .reasonable,
        "positive": .reasonable, "medium": .reasonable,
        "high": .substantial, "full": .substantial, "strong": .substantial, "significant": .substantial,
    ]
}

/// Whom a recommendation is addressed to.
package enum RecommendationLevel: String, Vocabulary {
    case national, regional, local, agency
    package static let noun = "recommendation level"
    package static let synonyms: [String: RecommendationLevel] = [
        "government": .national, "home-office": .national, "dfe": .national, "dhsc": .national,
        "region": .regional, "partnership": .local, "board": .local, "lscp": .local, "sab": .local, "csp": .local,
        "multi-agency": .local, "single-agency": .agency, "organisation": .agency, "organisational": .agency,
    ]
}

/// The sector an agency belongs to; also usable as a finding's audience.
package enum Sector: String, Vocabulary {
    case police, probation, health
    case childrensSocialCare = "childrens-social-care", adultSocialCare = "adult-social-care"
    case education, localAuthority = "local-authority", voluntary, partnership, national, other
    package static let noun = "sector"
    package static let synonyms: [String: Sector] = [
        "nhs": .health, "icb": .health, "ccg": .health, "gp": .health, "hospital": .health, "mental-health": .health,
        "csc": .childrensSocialCare, "childrens-services": .childrensSocialCare, "children's-social-care": .childrensSocialCare,
        "asc": .adultSocialCare, "adult-services": .adultSocialCare, "council": .localAuthority, "la": .localAuthority,
        "housing": .localAuthority, "school": .education, "schools": .education, "college": .education,
        "charity": .voluntary, "vcs": .voluntary, "vcse": .voluntary, "third-sector": .voluntary,
        "crc": .probation, "nps": .probation, "constabulary": .police,
    ]
}

/// How learning was disseminated.
package enum EventKind: String, Vocabulary {
    case seminar, training, briefing, eLearning = "e-learning", conference, newsletter, caseStudy = "case-study"
    /// A meeting of the partnership's board: not dissemination, but the date `--since last-board` counts from.
    case board
    package static let noun = "event kind"
    package static let synonyms: [String: EventKind] = [
        "workshop": .training, "course": .training, "session": .training, "webinar": .briefing,
        "7-minute-briefing": .briefing, "7mb": .briefing, "online": .eLearning, "learning-event": .seminar,
        "lecture": .seminar, "bulletin": .newsletter, "article": .newsletter, "case-review": .caseStudy,
        "board-meeting": .board, "executive": .board,
    ]
}

/// What a finding records: the review's learning, one of its key findings, a practice principle, good practice
/// it found, or a fact of the case that the learning rests on.
package enum FindingKind: String, Vocabulary {
    case learning, keyFinding = "key-finding", practicePrinciple = "practice-principle", goodPractice = "good-practice"
    case caseFact = "case-fact"
    package static let noun = "finding kind"
    package static let synonyms: [String: FindingKind] = [
        "lesson": .learning, "finding": .keyFinding, "key": .keyFinding, "principle": .practicePrinciple,
        "good": .goodPractice, "strength": .goodPractice, "fact": .caseFact, "context": .caseFact,
    ]
}

/// Whether an event has taken place or is still to come.
package enum EventStatus: String, Vocabulary {
    case held, planned
    package static let noun = "event status"
    package static let synonyms: [String: EventStatus] = [
        "done": .held, "happened": .held, "past": .held, "scheduled": .planned, "upcoming": .planned,
        "future": .planned, "forecast": .planned,
    ]
}

extension Vocabulary {
    /// Decodes with a message that lists the allowed values instead of Foundation's generic one.
    package init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = Self(rawValue: text) else {
            let allowed = Self.allowedValues.joined(separator: ", ")
            // The value itself is left out: a hand edit may have put record text here, and errors never carry it.
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "not \(withArticle(Self.noun)) (one of: \(allowed))"))
        }
        self = value
    }
}
