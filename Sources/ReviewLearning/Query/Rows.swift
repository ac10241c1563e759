/// A recommendation with its review and its derived views: one row of `rec list` or `overdue`.
package struct RecommendationRow: Sendable {
    package let review: Review
    package let recommendation: Recommendation
    package let state: DueState
}

/// An action with its review and its derived views.
package struct ActionRow: Sendable {
    package let review: Review
    package let action: AgencyAction
    package let state: DueState
}

/// Runs filters over reviews, as of a day.
package struct Query: Sendable {
    package var filter: RecordFilter
    package var asOf: CalendarDay
    package var amberDays: Int

    package init(filter: RecordFilter, asOf: CalendarDay, amberDays: Int) {
        self.filter = filter
        self.asOf = asOf
        self.amberDays = amberDays
    }

    package func state(due: PartialDate?, terminal: Bool) -> DueState {
        DueState(due: due, isTerminal: terminal, asOf: asOf, amberDays: amberDays)
    }

    package func recommendations(in reviews: [Review]) -> [RecommendationRow] {
        reviews.flatMap { review in
            review.recommendations.compactMap { rec in
                let state = state(due: rec.due, terminal: rec.status.isTerminal)
                guard filter.includes(rec, in: review, state: state, asOf: asOf) else { return nil }
                return RecommendationRow(review: review, recommendation: rec, state: state)
            }
        }
    }

    package func actions(in reviews: [Review]) -> [ActionRow] {
        reviews.flatMap { review in
            review.actions.compactMap { action in
                let state = state(due: action.due, terminal: action.status.isTerminal)
                guard filter.includes(action, in: review, state: state, asOf: asOf) else { return nil }
                return ActionRow(review: review, action: action, state: state)
            }
        }
    }
}
