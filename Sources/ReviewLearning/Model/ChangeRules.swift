/// A status with an end: a terminal value is never overdue, and leaving one for a live value is a reopen.
package protocol Lifecycle: Vocabulary {
    var isTerminal: Bool { get }
}

extension ReviewStatus: Lifecycle {}
extension RecommendationStatus: Lifecycle {}
extension ActionStatus: Lifecycle {}

extension Lifecycle {
    /// Whether moving from `self` to `new` takes a finished record back into work (`assured` → `open`).
    package func isReopened(by new: Self) -> Bool { isTerminal && !new.isTerminal }
}

/// The dates that record something that has happened, and so cannot lie after the as-of day.
package enum RecordedDate: String, Sendable {
    case completed = "completed date"
    case outcome = "outcome date"
    case progressNote = "progress note date"
    case reported = "reported date (--on)"
    case stage = "stage date"
}

/// A rule of the store that a change would break. The commands throw it, import reports it against the row and
/// `rlt check` against the file, each naming the input that fixes it in its own terms (`--reason`, a column…).
package struct RuleViolation: Error, Equatable, Sendable, CustomStringConvertible {
    package enum Rule: Equatable, Sendable {
        /// not-accepted, already-in-place or dropped without a reason; `why` says what the reason is for.
        case needsReason(status: String, why: String)
        /// superseded without a link to the replacement.
        case needsLink
        /// A terminal status left for a live one without a reason given with the change.
        case reopenNeedsReason(from: String, to: String)
        /// A finding, recommendation or action added to a closed review.
        case reviewClosed(review: String)
        /// A recommendation or action of a closed review taken back into work.
        case reopenInClosedReview(review: String)
        /// A review closed while some of its recommendations or actions are still open.
        case reviewStillOpen(review: String, recommendations: Int, actions: Int)
        /// A completion, outcome or progress note dated after the as-of day.
        case inFuture(what: RecordedDate, date: PartialDate, asOf: CalendarDay)
        /// A period whose end (`through`) comes before its start (`from`).
        case throughBeforeFrom(from: PartialDate, through: PartialDate)
    }

    /// The record, as the caller names it (`darren-bethany/3i`, `recommendation 3i`).
    package let reference: String
    package let rule: Rule

    package init(reference: String, rule: Rule) {
        self.reference = reference
        self.rule = rule
    }

    /// The message with the command line's names for the inputs (`--reason`, `--link`, `--force`).
    package var description: String { message(input: Self.option) }

    /// The option that sets a field: `reason` → `--reason`, `links` → `--link`.
    package static func option(_ field: String) -> String { field == "links" ? "--link" : "--\(field)" }

    /// The message, with `input(field)` naming what supplies a field (`reason`, `links`, `force`) in the caller's terms.
    package func message(input: (String) -> String) -> String {
        switch rule {
        case .needsReason(let status, let why):
            return "\(reference): status \(status) needs \(input("reason")) \(why)"
        case .needsLink:
            return "\(reference): status superseded needs \(input("links")) to the replacing recommendation"
        case .reopenNeedsReason(let from, let to):
            return "\(reference): \(from) → \(to) reopens it, which needs \(input("reason")) saying why"
        case .reviewClosed(let review):
            return "review \(review) is closed, so nothing can be added to it; reopen it first with "
                + "'rlt review update \(review) --status published'"
        case .reopenInClosedReview(let review):
            return "\(reference): review \(review) is closed, so its records cannot be reopened; reopen the review "
                + "first with 'rlt review update \(review) --status published'"
        case .reviewStillOpen(let review, let recommendations, let actions):
            return "review \(review) still has \(ChangeRules.openText((recommendations, actions))); finish, drop or supersede them "
                + "before closing it, or give \(input("force")) to close it anyway"
        case .inFuture(let what, let date, let asOf):
            let relation = if case .day = date { "is after" } else { "starts after" }
            return "\(reference): \(what.rawValue) \(date) \(relation) the as-of day \(asOf); completions, outcomes, "
                + "progress notes, review stages and reported changes cannot be dated in the future"
        case .throughBeforeFrom(let from, let through):
            return "\(reference): \(input("through")) \(through) is before \(input("from")) \(from); a period ends after it starts"
        }
    }
}

/// The rules of a change, shared by the commands, import and `rlt check` so each holds the same everywhere.
package enum ChangeRules {
    /// DESIGN §3: a terminal decision says why, and a superseded recommendation names its replacement.
    package static func requireComplete(_ rec: Recommendation, reference: String) throws(RuleViolation) {
        let hasReason = !(rec.reason ?? "").isEmpty
        switch rec.status {
        case .notAccepted where !hasReason:
            throw RuleViolation(
                reference: reference, rule: .needsReason(status: rec.status.rawValue, why: "(the board must give reasons)"))
        case .alreadyInPlace where !hasReason:
            throw RuleViolation(
                reference: reference, rule: .needsReason(status: rec.status.rawValue, why: "saying where it is in place"))
        case .superseded where rec.links.isEmpty:
            throw RuleViolation(reference: reference, rule: .needsLink)
        default:
            return
        }
    }

    /// A dropped action says why.
    package static func requireComplete(_ action: AgencyAction, reference: String) throws(RuleViolation) {
        guard action.status == .dropped, (action.reason ?? "").isEmpty else { return }
        throw RuleViolation(reference: reference, rule: .needsReason(status: "dropped", why: "saying why"))
    }

    /// Taking a finished recommendation or action back into work needs a reason given with that change, and a
    /// review that is not closed (a closed review has no open records: `requireClosable`), unless `force`.
    package static func requireReason<S: Lifecycle>(
        reopening old: S, to new: S, reasonGiven: Bool, reference: String, in review: Review, force: Bool = false
    ) throws(RuleViolation) {
        guard old.isReopened(by: new) else { return }
        if review.status == .closed && !force {
            throw RuleViolation(reference: reference, rule: .reopenInClosedReview(review: review.id))
        }
        guard !reasonGiven else { return }
        throw RuleViolation(reference: reference, rule: .reopenNeedsReason(from: old.rawValue, to: new.rawValue))
    }

    /// Nothing is added to a closed review: its findings, recommendations and actions are final.
    package static func requireOpen(_ review: Review) throws(RuleViolation) {
        guard review.status == .closed else { return }
        throw RuleViolation(reference: review.id, rule: .reviewClosed(review: review.id))
    }

    /// A review is closed only when all its recommendations and actions are finished, unless `force`; a forced
    /// close returns the history note that says what was left open (`closed with 2 open actions (forced)`).
    @discardableResult
    package static func requireClosable(_ review: Review, from old: ReviewStatus, force: Bool) throws(RuleViolation)
        -> String?
    {
        guard review.status == .closed, old != .closed else { return nil }
        let open = openRecords(in: review)
        guard open.recommendations + open.actions > 0 else { return nil }
        guard force else {
            throw RuleViolation(
                reference: review.id,
                rule: .reviewStillOpen(review: review.id, recommendations: open.recommendations, actions: open.actions))
        }
        return "closed with \(openText(open)) (forced)"
    }

    /// "2 open recommendations and 1 open action", leaving out a kind with none.
    static func openText(_ open: (recommendations: Int, actions: Int)) -> String {
        var parts: [String] = []
        if open.recommendations > 0 { parts.append(counted(open.recommendations, "open recommendation")) }
        if open.actions > 0 { parts.append(counted(open.actions, "open action")) }
        return parts.joined(separator: " and ")
    }

    /// How many of a review's recommendations and actions have a status that is not terminal.
    package static func openRecords(in review: Review) -> (recommendations: Int, actions: Int) {
        (review.recommendations.count { !$0.status.isTerminal }, review.actions.count { !$0.status.isTerminal })
    }

    /// Whether a date lies after the as-of day. A month, quarter or year is in the future only when its period
    /// starts after it: `2024-03` is not in the future on 2024-03-01.
    package static func isInFuture(_ date: PartialDate, asOf: CalendarDay) -> Bool { !date.isUndated && date.start > asOf }

    /// A period of work (`from` … `through`) ends no earlier than it starts.
    package static func requireOrdered(_ timing: Timing, reference: String) throws(RuleViolation) {
        guard let from = timing.from, let through = timing.through, through.end < from.start else { return }
        throw RuleViolation(reference: reference, rule: .throughBeforeFrom(from: from, through: through))
    }

    /// Completions, outcomes and progress notes record what has happened, so they are never dated in the future.
    package static func requirePast(
        _ date: PartialDate, _ what: RecordedDate, reference: String, asOf: CalendarDay
    ) throws(RuleViolation) {
        guard isInFuture(date, asOf: asOf) else { return }
        throw RuleViolation(reference: reference, rule: .inFuture(what: what, date: date, asOf: asOf))
    }
}

extension Recommendation {
    /// The status as a person reads it: `superseded by 6` names the replacement.
    package var statusText: String { status.rawValue + replacementText }

    /// ` by 6` for a superseded recommendation (its links name the replacement), else empty.
    package var replacementText: String { Recommendation.replacementText(status: status, links: links) }

    /// `replacementText` of a recommendation with this status and these links.
    static func replacementText(status: RecommendationStatus, links: [String]) -> String {
        status == .superseded && !links.isEmpty ? " by \(links.joined(separator: "; "))" : ""
    }
}

/// "1 recommendation", "2 actions": counts in messages and summaries, in one place.
package func counted(_ n: Int, _ noun: String) -> String { n == 1 ? "1 \(noun)" : "\(n) \(noun)s" }
