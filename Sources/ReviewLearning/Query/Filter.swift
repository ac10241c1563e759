/// The list filters of DESIGN §5, shared by `list`, `overdue`, `summary` and `export`.
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

    /// Whether a review passes the review-level filters.
    package func includes(review: Review) -> Bool {
        (reviews.isEmpty || reviews.contains(review.id)) && (types.isEmpty || types.contains(review.type))
    }

    package func includes(_ rec: Recommendation, in review: Review, state: DueState, asOf: CalendarDay) -> Bool {
        guard includes(review: review), !excludeRecommendations else { return false }
        if !recommendationStatuses.isEmpty && !recommendationStatuses.contains(rec.status) { return false }
        if !owners.isEmpty && !rec.owners.contains(where: owners.contains) { return false }
        if !leads.isEmpty && !(rec.owners.first.map(leads.contains) ?? false) { return false }
        if !themes.isEmpty && !rec.themes.contains(where: themes.contains) { return false }
        if !levels.isEmpty && !levels.contains(rec.level) { return false }
        if !assurance.isEmpty && !assurance.contains(rec.assurance) { return false }
        if let text, !rec.allText.contains(where: text.matches) && !text.matches(rec.id) { return false }
        return includesDue(rec.due, state: state, lastUpdate: rec.lastUpdate, terminal: rec.status.isTerminal, asOf: asOf)
    }

    package func includes(_ action: AgencyAction, in review: Review, state: DueState, asOf: CalendarDay) -> Bool {
        guard includes(review: review), !excludeActions else { return false }
        if !actionStatuses.isEmpty && !actionStatuses.contains(action.status) { return false }
        if !owners.isEmpty && !owners.contains(action.agency) { return false }
        if !leads.isEmpty && !leads.contains(action.agency) { return false }
        if !themes.isEmpty || !levels.isEmpty || !assurance.isEmpty {
            let recs = review.recommendations.filter { action.respondsTo.contains($0.id) }
            let findings = review.findings.filter { action.respondsTo.contains($0.id) }
            if !themes.isEmpty
                && !(recs.contains { $0.themes.contains(where: themes.contains) }
                    || findings.contains { $0.themes.contains(where: themes.contains) })
            {
                return false
            }
            if !levels.isEmpty && !recs.contains(where: { levels.contains($0.level) }) { return false }
            if !assurance.isEmpty && !recs.contains(where: { assurance.contains($0.assurance) }) { return false }
        }
        if let text, !action.allText.contains(where: text.matches) && !text.matches(action.id) { return false }
        return includesDue(
            action.due, state: state, lastUpdate: action.lastUpdate, terminal: action.status.isTerminal, asOf: asOf)
    }

    private func includesDue(
        _ due: PartialDate?, state: DueState, lastUpdate: CalendarDay?, terminal: Bool, asOf: CalendarDay
    ) -> Bool {
        if overdueOnly && !state.isOverdue { return false }
        if !rags.isEmpty && !rags.contains(state.rag) { return false }
        // Due before D: the period ends before D starts; due after D: it ends after D ends.
        if let dueBefore, !(due.map { $0.end < dueBefore.start } ?? false) { return false }
        if let dueAfter, !(due.map { $0.end > dueAfter.end } ?? false) { return false }
        if let staleDays, !isStale(lastUpdate: lastUpdate, isTerminal: terminal, asOf: asOf, days: staleDays) {
            return false
        }
        return true
    }
}
