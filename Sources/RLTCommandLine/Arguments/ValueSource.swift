import ReviewLearning

/// Where the values of an option or a positional argument come from.
///
/// Declared once in the command table: help and the man page list a closed set, the parser checks it, and the
/// completion scripts offer exactly it (or ask the store, or complete paths).
enum ValueSource: Sendable, Equatable {
    /// Free text, a date, a number, or a new code or id: nothing to offer.
    case any
    /// Exactly these words.
    case oneOf([String])
    /// Codes or references already in the store, listed by `rlt completions --values KIND` at completion time.
    case store(StoreList)
    /// A path to a file (or a directory, for outputs that take either).
    case file
    /// A path to a directory.
    case directory

    /// A vocabulary's words.
    static func words<V: Vocabulary>(_ type: V.Type) -> ValueSource { .oneOf(V.allowedValues) }

    /// The closed set of values, or nothing when the values are open or come from the store.
    var allowed: [String] {
        if case .oneOf(let words) = self { return words }
        return []
    }
}

/// The kinds of codes and references the store can list for completion (`rlt completions --values KIND`).
enum StoreList: String, Vocabulary {
    /// Agency codes in the directory.
    case agencies
    /// What a finding's audience may name: an agency code or a sector.
    case audiences
    /// Theme codes in the vocabulary.
    case themes
    /// Review ids.
    case reviews
    /// `REVIEW/ID` of every recommendation.
    case recommendations
    /// `REVIEW/ID` of every agency action.
    case actions
    /// `REVIEW/ID` of every finding.
    case findings
    /// Event ids.
    case events
    /// What `rlt log` takes: `tracker`, review ids, every `REVIEW/ID` (findings, recommendations, actions) and
    /// event ids.
    case records
    /// The keys `rlt config get|set` takes: the plain settings and `timescale.TYPE.STAGE` of every type and stage
    /// (the same for every store).
    case settings

    static let noun = "kind of value"

    /// The values in `store`, in the order the store keeps them.
    func values(in store: Store) throws -> [String] {
        switch self {
        case .agencies:
            return try store.loadTracker().agencies.map(\.code)
        case .audiences:
            return try store.loadTracker().agencies.map(\.code) + Sector.allowedValues
        case .themes:
            return try store.loadTracker().themes.map(\.code)
        case .reviews:
            return try store.reviewIDs()
        case .recommendations:
            return try store.loadAllReviews().flatMap { review in
                review.recommendations.map { "\(review.id)/\($0.id)" }
            }
        case .actions:
            return try store.loadAllReviews().flatMap { review in review.actions.map { "\(review.id)/\($0.id)" } }
        case .findings:
            return try store.loadAllReviews().flatMap { review in review.findings.map { "\(review.id)/\($0.id)" } }
        case .events:
            return try store.loadEvents().events.map(\.id)
        case .records:
            var values = ["tracker"]
            for review in try store.loadAllReviews() {
                values.append(review.id)
                values += review.childIDs.map { "\(review.id)/\($0)" }
            }
            return values + (try store.loadEvents().events.map(\.id))
        case .settings:
            return ConfigKey.allowedValues
                + ReviewType.allCases.flatMap { type in ReviewStage.allCases.dropFirst().map { SettingKey.timescale(type, $0).name } }
        }
    }
}
