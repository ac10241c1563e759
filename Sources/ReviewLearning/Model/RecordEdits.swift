/// A change to a record's `Timing`: nil leaves a field as it is; `.some(nil)` clears an optional one.
package struct TimingEdit: Sendable {
    package var from: PartialDate??
    package var through: PartialDate??
    package var approximate: Bool?
    package var note: String??

    package init() {}

    package var isEmpty: Bool { from == nil && through == nil && approximate == nil && note == nil }

    /// Applies the edit and holds the result to the rule that a period ends after it starts.
    package func apply(to timing: inout Timing, reference: String, _ changes: inout ChangeLog) throws(RuleViolation) {
        if let from { changes.setClearable(&timing.from, from, "from") }
        if let through { changes.setClearable(&timing.through, through, "through") }
        if let approximate, approximate != timing.approximate {
            changes.note("approximate", timing.approximate ? "yes" : "no", approximate ? "yes" : "no")
            timing.approximate = approximate
        }
        if let note { changes.setClearable(&timing.note, note, "date_note", text: true) }
        try ChangeRules.requireOrdered(timing, reference: reference)
    }
}

/// A change to a recommendation, as `rlt rec update` and an import row give it: nil leaves a field as it is.
/// `apply` makes it in one order with one wording of history, whichever way the change came; the caller then holds
/// the result to the status rules (`requireValid`).
package struct RecommendationEdit: Sendable {
    package var status: RecommendationStatus?
    /// Kept only when the recommendation has no original due date yet (an import of a slip recorded elsewhere).
    package var originalDue: PartialDate?
    package var due: PartialDate?
    package var assurance: AssuranceLevel?
    package var owners: [String]?
    package var text: String?
    package var level: RecommendationLevel?
    package var themes: [String]?
    package var links: [String]?
    package var reason: String?
    /// A progress note, stored as a dated outcome.
    package var note: Outcome?
    package var timing = TimingEdit()
    package var assuranceBy: [String]?
    package var engage: [String]?
    package var issuedBy: String??

    package init() {}

    /// Applies the edit to `rec` and says what changed.
    package func apply(to rec: inout Recommendation, reference: String) throws(RuleViolation) -> ChangeLog {
        var changes = ChangeLog()
        if let status { changes.setStatus(&rec.status, status) }
        if let originalDue, rec.originalDue == nil { changes.setOptional(&rec.originalDue, originalDue, "original_due") }
        if let due { changes.moveDue(&rec.due, original: &rec.originalDue, to: due) }
        if let assurance { changes.set(&rec.assurance, assurance, "assurance") }
        if let owners { changes.setList(&rec.owners, owners, "owners") }
        if let text { changes.set(&rec.text, text, "text", text: true) }
        if let level { changes.set(&rec.level, level, "level") }
        if let themes { changes.setList(&rec.themes, themes, "themes") }
        if let links { changes.setList(&rec.links, links, "links") }
        if let reason { changes.setOptional(&rec.reason, reason, "reason", text: true) }
        try timing.apply(to: &rec.timing, reference: reference, &changes)
        if let assuranceBy { changes.setList(&rec.assuranceBy, assuranceBy, "assurance_by") }
        if let engage { changes.setList(&rec.engage, engage, "engage") }
        if let issuedBy { changes.setClearable(&rec.issuedBy, issuedBy, "issued_by") }
        if let note {
            rec.outcomes.insertByDate(note)
            changes.append("outcome added (\(note.date))")
        }
        return changes
    }
}

/// A change to an agency action, as `rlt action update` and an import row give it: nil leaves a field as it is.
package struct ActionEdit: Sendable {
    package var agency: String?
    package var respondsTo: [String]?
    package var status: ActionStatus?
    package var completed: PartialDate?
    /// Kept only when the action has no original due date yet.
    package var originalDue: PartialDate?
    package var due: PartialDate?
    package var evidence: String?
    package var measure: String?
    package var text: String?
    package var reason: String?
    /// A progress update.
    package var note: ProgressNote?
    package var timing = TimingEdit()
    package var with: [String]?

    package init() {}

    /// Applies the edit to `action` and says what changed; the status and completed date follow `changeStatus`
    /// (a completed date after `asOf` is refused).
    package func apply(
        to action: inout AgencyAction, asOf: CalendarDay, reference: String
    ) throws(RuleViolation) -> ChangeLog {
        var changes = ChangeLog()
        if let agency { changes.set(&action.agency, agency, "agency") }
        if let respondsTo { changes.setList(&action.respondsTo, respondsTo, "responds_to") }
        try action.changeStatus(to: status, completed: completed, asOf: asOf, reference: reference, &changes)
        if let originalDue, action.originalDue == nil {
            changes.setOptional(&action.originalDue, originalDue, "original_due")
        }
        if let due { changes.moveDue(&action.due, original: &action.originalDue, to: due) }
        if let evidence { changes.setOptional(&action.evidence, evidence, "evidence", text: true) }
        if let measure { changes.setOptional(&action.measure, measure, "measure", text: true) }
        if let text { changes.set(&action.text, text, "text", text: true) }
        if let reason { changes.setOptional(&action.reason, reason, "reason", text: true) }
        if let with { changes.setList(&action.with, with, "with") }
        try timing.apply(to: &action.timing, reference: reference, &changes)
        if let note {
            action.updates.append(note)
            changes.append("update added (\(note.date))")
        }
        return changes
    }
}
