/// A dated step in a review's life, in the order a review passes through them. Each is an optional date on the
/// review (`review update --STAGE DATE`); timescales (`Timescale`) say when some of them are due.
package enum ReviewStage: String, CaseIterable, Codable, Sendable {
    /// The incident, death or serious harm the review is about.
    case incident
    /// The partnership (for a child, the local authority) became aware of it: the start of the statutory clocks.
    case aware
    /// Notified or referred: to the Child Safeguarding Practice Review Panel, or to the partnership by the police.
    case notified
    /// The decision whether to review (for a child safeguarding practice review, the rapid review).
    case decided
    /// The review commissioned: an author or panel appointed.
    case commissioned
    /// The report finished by its author or panel.
    case completed
    /// The report submitted: to the Home Office quality-assurance panel, the national Panel, or the board.
    case submitted
    /// The report approved.
    case approved
    case published
    /// Nothing more to do: every recommendation settled and the review signed off.
    case closed

    /// Where the review keeps this stage's date.
    package var keyPath: WritableKeyPath<Review, PartialDate?> {
        switch self {
        case .incident: \.incident
        case .aware: \.aware
        case .notified: \.notified
        case .decided: \.decided
        case .commissioned: \.commissioned
        case .completed: \.completed
        case .submitted: \.submitted
        case .approved: \.approved
        case .published: \.published
        case .closed: \.closed
        }
    }

    /// What the date marks, for help and the timeline ("decision to review").
    package var meaning: String {
        switch self {
        case .incident: "the incident, death or serious harm"
        case .aware: "the partnership (for a child, the local authority) became aware of it"
        case .notified: "notified or referred (to the national Panel, or to the partnership)"
        case .decided: "the decision whether to review (for a child, the rapid review)"
        case .commissioned: "the review commissioned"
        case .completed: "the report finished by its author or panel"
        case .submitted: "the report submitted (Home Office panel, national Panel or board)"
        case .approved: "the report approved"
        case .published: "the report published"
        case .closed: "the review closed"
        }
    }

    /// Where the index keeps this stage's date among a review's dates (`ReviewDigest.dates`): the first five are the
    /// schema-1 dates, the rest came with schema 3.
    package var slot: Int {
        switch self {
        case .incident: 0
        case .notified: 1
        case .commissioned: 2
        case .completed: 3
        case .published: 4
        case .aware: 5
        case .decided: 6
        case .submitted: 7
        case .approved: 8
        case .closed: 9
        }
    }

    package static func named(_ name: String) -> ReviewStage? { ReviewStage(rawValue: name) }

    /// Its position in `allCases`: the order a review passes through the stages.
    package var order: Int {
        switch self {
        case .incident: 0
        case .aware: 1
        case .notified: 2
        case .decided: 3
        case .commissioned: 4
        case .completed: 5
        case .submitted: 6
        case .approved: 7
        case .published: 8
        case .closed: 9
        }
    }
}
