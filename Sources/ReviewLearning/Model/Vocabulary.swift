/// A closed set of values spelt as lower-case words, read from user text and from JSON.
public protocol Vocabulary: RawRepresentable, CaseIterable, Codable, Hashable, Sendable
where RawValue == String, AllCases: RandomAccessCollection {
    /// What the value is called in messages, e.g. "recommendation status".
    static var noun: String { get }
}

extension Vocabulary {
    /// Parses a value case-insensitively, or throws an error listing the allowed values.
    public init(parsing text: String) throws(InvalidValue) {
        let lowered = text.lowercased()
        guard let value = Self.allCases.first(where: { $0.rawValue == lowered }) else {
            throw InvalidValue(noun: Self.noun, value: text, allowed: Self.allCases.map(\.rawValue))
        }
        self = value
    }

    /// All raw values, for help text and completions.
    public static var allowedValues: [String] { allCases.map(\.rawValue) }
}

/// A value outside a closed vocabulary (status, type, level…).
public struct InvalidValue: Error, Equatable, Sendable, CustomStringConvertible {
    public let noun: String
    public let value: String
    public let allowed: [String]

    public var description: String {
        let article = noun.first.map { "aeiou".contains($0) } == true ? "an" : "a"
        if let near = nearestMatches(to: value, in: allowed).first {
            return "\"\(value)\" is not \(article) \(noun); did you mean \"\(near)\"? (one of: \(allowed.joined(separator: ", ")))"
        }
        return "\"\(value)\" is not \(article) \(noun); use one of: \(allowed.joined(separator: ", "))"
    }
}

/// The kind of statutory review.
public enum ReviewType: String, Vocabulary {
    case dhr, cspr, rapidReview = "rapid-review", sar, joint, scr, thematic, other
    public static let noun = "review type"
}

/// Where a review is in its life.
public enum ReviewStatus: String, Vocabulary {
    case notified, inProgress = "in-progress", submitted, completed, published, closed
    public static let noun = "review status"
    public var isTerminal: Bool { self == .closed }
}

/// Where a recommendation is; terminal ones are never overdue.
public enum RecommendationStatus: String, Vocabulary {
    case open, inProgress = "in-progress", implemented, assured, alreadyInPlace = "already-in-place"
    case notAccepted = "not-accepted", superseded
    public static let noun = "recommendation status"
    public var isTerminal: Bool {
        switch self {
        case .open, .inProgress, .implemented: return false
        case .assured, .alreadyInPlace, .notAccepted, .superseded: return true
        }
    }
}

/// Where an agency action is; terminal ones are never overdue.
public enum ActionStatus: String, Vocabulary {
    case planned, inProgress = "in-progress", blocked, done, dropped
    public static let noun = "action status"
    public var isTerminal: Bool { self == .done || self == .dropped }
}

/// How far the partnership is assured that a change is real.
public enum AssuranceLevel: String, Vocabulary {
    case notAssessed = "not-assessed", none, limited, reasonable, substantial
    public static let noun = "assurance level"
}

/// Whom a recommendation is addressed to.
public enum RecommendationLevel: String, Vocabulary {
    case national, regional, local, agency
    public static let noun = "recommendation level"
}

/// The sector an agency belongs to; also usable as a finding's audience.
public enum Sector: String, Vocabulary {
    case police, probation, health
    case childrensSocialCare = "childrens-social-care", adultSocialCare = "adult-social-care"
    case education, localAuthority = "local-authority", voluntary, partnership, national, other
    public static let noun = "sector"
}

/// How learning was disseminated.
public enum EventKind: String, Vocabulary {
    case seminar, training, briefing, eLearning = "e-learning", conference, newsletter, caseStudy = "case-study"
    public static let noun = "event kind"
}

extension Vocabulary {
    /// Decodes with a message that lists the allowed values instead of Foundation's generic one.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = Self(rawValue: text) else {
            let allowed = Self.allowedValues.joined(separator: ", ")
            // The value itself is left out: a hand edit may have put record text here, and errors never carry it.
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "not a \(Self.noun) (one of: \(allowed))"))
        }
        self = value
    }
}
