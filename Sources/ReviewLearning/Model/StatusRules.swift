/// The status rules of one change to a recommendation or action, in one place for `rlt rec|action update`,
/// `rlt action add` and import; `rlt check` holds stored records to the same `ChangeRules.requireComplete`.

extension AgencyAction {
    /// Applies a change's status and completed date. Leaving `done` clears the completed date (its old value stays in
    /// the change log), so a reopened or dropped action is never shown as completed; setting `done` with no completed
    /// date given, on an action that has none, fills it with the as-of day. A given date cannot be after the as-of day.
    package mutating func changeStatus(
        to status: ActionStatus?, completed: PartialDate?, asOf: CalendarDay, reference: String,
        _ changes: inout ChangeLog
    ) throws(RuleViolation) {
        if let status {
            let leavesDone = self.status == .done && status != .done
            changes.setStatus(&self.status, status)
            if leavesDone, let old = self.completed {
                changes.note("completed", old.description, nil)
                self.completed = nil
            }
            if status == .done && self.completed == nil && completed == nil {
                changes.setOptional(&self.completed, .day(asOf), "completed")
            }
        }
        if let completed {
            try ChangeRules.requirePast(completed, .completed, reference: reference, asOf: asOf)
            changes.setOptional(&self.completed, completed, "completed")
        }
    }

    /// The rules a changed action meets before it is saved: leaving `before` for a live status needs `reasonGiven`
    /// (and a review that is not closed, unless `force`), and a dropped action says why.
    package func requireValid(
        from before: ActionStatus, reasonGiven: Bool, reference: String, in review: Review, force: Bool = false
    ) throws(RuleViolation) {
        try ChangeRules.requireReason(
            reopening: before, to: status, reasonGiven: reasonGiven, reference: reference, in: review, force: force)
        try ChangeRules.requireComplete(self, reference: reference)
    }
}

extension Recommendation {
    /// The rules a changed recommendation meets before it is saved: leaving `before` for a live status needs
    /// `reasonGiven` (and a review that is not closed, unless `force`); not-accepted and already-in-place need a
    /// reason, superseded a link.
    package func requireValid(
        from before: RecommendationStatus, reasonGiven: Bool, reference: String, in review: Review, force: Bool = false
    ) throws(RuleViolation) {
        try ChangeRules.requireReason(
            reopening: before, to: status, reasonGiven: reasonGiven, reference: reference, in: review, force: force)
        try ChangeRules.requireComplete(self, reference: reference)
    }
}
