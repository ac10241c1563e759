/// What a yearly report must account for (for a Safeguarding Adults Board, Care Act 2014 Schedule 2
/// paragraph 4), worked out from the records alone: the reviews concluded in the year with their findings and
/// recommendations, the reviews ongoing at its end, what was done in the year to implement them, and each decision
/// not to implement a recommendation with its reason.
struct AnnualReportModel {
    let partnership: String
    let year: ReportingYear
    /// The year's last day, or the as-of day when that is earlier (a year still running).
    let asOf: CalendarDay
    let scope: [String]
    let concluded: [Concluded]
    let ongoing: [Ongoing]
    let implemented: [Implementation]
    let declined: [Declined]
    /// Reviews whose status says they finished but which have no date to place that in a year.
    let undatedConclusions: [String]
    /// Completions and outcomes recorded as `undated`: done, but in no year.
    let undatedWork: Int

    struct Concluded {
        let review: Review
        let date: PartialDate
        let stage: ReviewStage
    }

    struct Ongoing {
        let review: Review
        /// The earliest of the stages that start a review: aware, notified, decided, commissioned.
        let started: PartialDate?
        let reached: ReviewStage?
        /// Its first late stage as of the year end, else its next stage due.
        let timing: StageTiming?
    }

    /// An outcome recorded or an action completed in the year.
    struct Implementation {
        let review: String
        let reference: String
        let date: PartialDate
        let what: String
        let text: String
    }

    struct Declined {
        let review: String
        let recommendation: Recommendation
        /// The day the status became not-accepted, when the history says.
        let decided: CalendarDay?
    }

    /// The stages that mark a review as started, and as concluded (the earliest of these recorded).
    static let startStages: [ReviewStage] = [.aware, .notified, .decided, .commissioned]
    static let endStages: [ReviewStage] = [.completed, .approved, .published]

    /// `forEachReview` hands over the reviews in scope one at a time (decoded a batch at a time, so a national
    /// store is never held whole: only what the report prints is kept).
    init(
        tracker: Tracker, forEachReview: ((Review) -> Void) throws -> Void, year: ReportingYear, asOf: CalendarDay,
        scope: [String]
    ) rethrows {
        partnership = tracker.name
        self.year = year
        self.asOf = min(asOf, year.last)
        self.scope = scope
        let clock = ReviewClock(settings: tracker.settings)
        var concluded: [Concluded] = []
        var ongoing: [Ongoing] = []
        var implemented: [Implementation] = []
        var declined: [Declined] = []
        var undatedConclusions: [String] = []
        var undatedWork = 0
        let end = self.asOf
        try forEachReview { review in
            let conclusion = Self.conclusion(review)
            let concludedByEnd = conclusion.map { $0.date.end <= end } ?? false
            if let conclusion, year.contains(conclusion.date), conclusion.date.end <= end {
                concluded.append(Concluded(review: review, date: conclusion.date, stage: conclusion.stage))
            } else if conclusion == nil && [.completed, .published, .closed].contains(review.status) {
                undatedConclusions.append(review.id)
            } else if !concludedByEnd, let begun = Self.begun(review), begun <= end {
                // Where it stood at the year's end: only the dates recorded by then, and not today's status.
                let timeline = clock.timeline(type: review.type, status: .inProgress, asOf: end) { stage in
                    review[keyPath: stage.keyPath].flatMap { $0.end <= end ? $0 : nil }
                }
                let timing = timeline.first(where: \.isLate) ?? timeline.first { if case .pending = $0.state { true } else { false } }
                let started = Self.startStages.compactMap { review[keyPath: $0.keyPath] }.min { $0.end < $1.end }
                ongoing.append(Ongoing(review: review, started: started, reached: timeline.last { $0.done != nil }?.stage, timing: timing))
            }
            for rec in review.recommendations {
                for outcome in rec.outcomes {
                    if outcome.date.isUndated { undatedWork += 1 }
                    guard year.contains(outcome.date), outcome.date.end <= end else { continue }
                    let what = "outcome" + (outcome.assurance.map { " (\($0.rawValue) assurance)" } ?? "")
                    implemented.append(
                        Implementation(review: review.id, reference: "\(review.id)/\(rec.id)", date: outcome.date, what: what, text: outcome.text))
                }
                if rec.status == .notAccepted {
                    let decided = rec.history.last { $0.change.contains("→ \(RecommendationStatus.notAccepted.rawValue)") }?.reportedDay
                        ?? rec.history.first?.reportedDay
                    if let decided, year.contains(decided), decided <= end {
                        declined.append(Declined(review: review.id, recommendation: rec, decided: decided))
                    }
                }
            }
            for action in review.actions {
                guard let completed = action.completed else { continue }
                if completed.isUndated { undatedWork += 1 }
                guard year.contains(completed), completed.end <= end else { continue }
                implemented.append(
                    Implementation(
                        review: review.id, reference: "\(review.id)/\(action.id)", date: completed,
                        what: "action completed by \(action.agency)", text: action.text))
            }
        }
        self.concluded = concluded.sorted { ($0.date.end, $0.review.id) < ($1.date.end, $1.review.id) }
        self.ongoing = ongoing
        self.implemented = implemented.enumerated().sorted { ($0.element.date.end, $0.offset) < ($1.element.date.end, $1.offset) }.map(\.element)
        self.declined = declined
        self.undatedConclusions = undatedConclusions
        self.undatedWork = undatedWork
    }

    /// The first day the records show the review under way: its earliest start stage (aware, notified, decided,
    /// commissioned), else its incident, else the day it was entered; a review begun after a year's end was not
    /// ongoing then.
    static func begun(_ review: Review) -> CalendarDay? {
        let stages = (startStages + [.incident]).compactMap { review[keyPath: $0.keyPath]?.start }
        return stages.min() ?? review.history.first?.reportedDay
    }

    /// When the review concluded: the earliest of its report completed, approved or published; else its closing.
    static func conclusion(_ review: Review) -> (date: PartialDate, stage: ReviewStage)? {
        let ends = endStages.compactMap { stage in review[keyPath: stage.keyPath].map { ($0, stage) } }
        if let earliest = ends.min(by: { $0.0.end < $1.0.end }) { return earliest }
        return review.closed.map { ($0, .closed) }
    }
}
