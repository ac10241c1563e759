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

    /// The matching recommendations of decoded reviews, as rows (`RecordListing` over `records`; pack the reviews
    /// once, `RecordSet(reviews)`, for every query on them).
    package func recommendations(in records: RecordSet) -> [RecommendationRow] {
        guard let reviews = records.reviews else { return [] }
        return RecordListing(self, kind: .recommendations, records: records).rows().map { row in
            let review = reviews[Int(row.review)]
            return RecommendationRow(review: review, recommendation: review.recommendations[Int(row.record)], state: row.state)
        }
    }

    /// The matching actions of `reviews`, as rows.
    package func actions(in records: RecordSet) -> [ActionRow] {
        guard let reviews = records.reviews else { return [] }
        return RecordListing(self, kind: .actions, records: records).rows().map { row in
            let review = reviews[Int(row.review)]
            return ActionRow(review: review, action: review.actions[Int(row.record)], state: row.state)
        }
    }
}
