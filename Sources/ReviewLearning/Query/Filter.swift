/// The list filters of DESIGN §5, shared by `list`, `overdue`, `summary` and `export`: what they choose is
/// decided in one place, `RecordQuery`.
///
/// Empty lists mean "any". Filters that name a recommendation field apply to an action through the
/// recommendations it responds to, so `overdue --theme x` also finds the actions behind theme-x recommendations.
package struct RecordFilter: Sendable {
    package var reviews: [String] = []
    package var types: [ReviewType] = []
    package var recommendationStatuses: [RecommendationStatus] = []
    package var actionStatuses: [ActionStatus] = []
    /// Any owner of a recommendation, or an action's agency.
    package var owners: [String] = []
    /// The lead (first) owner of a recommendation, or an action's agency.
    package var leads: [String] = []
    package var themes: [String] = []
    package var levels: [RecommendationLevel] = []
    package var assurance: [AssuranceLevel] = []
    package var rags: [RAG] = []
    package var dueBefore: PartialDate?
    package var dueAfter: PartialDate?
    package var overdueOnly = false
    package var staleDays: Int?
    package var text: TextMatcher?
    /// Set when a `--status` names only action statuses, so no recommendation can match (and the reverse).
    package var excludeRecommendations = false
    package var excludeActions = false

    package init() {}

    /// Whether any filter chooses among records, not only among reviews.
    package var choosesRecords: Bool {
        let lists = [
            recommendationStatuses.isEmpty, actionStatuses.isEmpty, owners.isEmpty, leads.isEmpty, themes.isEmpty,
            levels.isEmpty, assurance.isEmpty, rags.isEmpty,
        ]
        return lists.contains(false) || dueBefore != nil || dueAfter != nil || overdueOnly || staleDays != nil || text != nil
            || excludeRecommendations || excludeActions
    }

    /// Whether a review passes the review-level filters.
    package func includes(review: Review) -> Bool {
        (reviews.isEmpty || reviews.contains(review.id)) && (types.isEmpty || types.contains(review.type))
    }
}
