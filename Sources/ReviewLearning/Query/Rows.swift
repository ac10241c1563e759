/// A recommendation with its review and its derived views: one row of `rec list` or `overdue`.
public struct RecommendationRow: Sendable {
    public let review: Review
    public let recommendation: Recommendation
    public let state: DueState
}

/// An action with its review and its derived views.
public struct ActionRow: Sendable {
    public let review: Review
    public let action: AgencyAction
    public let state: DueState
}

/// Runs filters over reviews, as of a day.
public struct Query: Sendable {
    public var filter: RecordFilter
    public var asOf: CalendarDay
    public var amberDays: Int

    public init(filter: RecordFilter, asOf: CalendarDay, amberDays: Int) {
        self.filter = filter
        self.asOf = asOf
        self.amberDays = amberDays
    }

    public func state(due: PartialDate?, terminal: Bool) -> DueState {
        DueState(due: due, isTerminal: terminal, asOf: asOf, amberDays: amberDays)
    }

    public func recommendations(in reviews: [Review]) -> [RecommendationRow] {
        reviews.flatMap { review in
            review.recommendations.compactMap { rec in
                let state = state(due: rec.due, terminal: rec.status.isTerminal)
                guard filter.includes(rec, in: review, state: state, asOf: asOf) else { return nil }
                return RecommendationRow(review: review, recommendation: rec, state: state)
            }
        }
    }

    public func actions(in reviews: [Review]) -> [ActionRow] {
        reviews.flatMap { review in
            review.actions.compactMap { action in
                let state = state(due: action.due, terminal: action.status.isTerminal)
                guard filter.includes(action, in: review, state: state, asOf: asOf) else { return nil }
                return ActionRow(review: review, action: action, state: state)
            }
        }
    }
}
