/// Where one stage of a review stands against its timescale, as of a day.
package struct StageTiming: Equatable, Sendable {
    package let stage: ReviewStage
    /// The last day of the stage's date, when it is recorded.
    package let done: CalendarDay?
    /// The timescale that applies to the review's type and this stage, if any.
    package let timescale: Timescale?
    /// When it fell or falls due: the timescale counted from the last day of the stage it runs from.
    package let due: CalendarDay?
    package let state: State

    package enum State: Equatable, Sendable {
        /// No timescale, or the stage it runs from has no date yet.
        case untimed
        /// Done by its due date.
        case onTime
        /// Done after its due date, by this much (`Slippage`).
        case doneLate(Slippage)
        /// Not done, and a later stage is (or the status says so): the review moved on without this date recorded.
        case passed
        /// Not done and past due as of the day: late by this much.
        case late(Slippage)
        /// Not done and not yet due: amber within the store's amber window, else green.
        case pending(RAG)
    }

    /// How late: in calendar days (what `days_overdue` prints, as for records) and in the timescale's own units
    /// (working days for a working-day timescale).
    package struct Slippage: Equatable, Sendable {
        package let days: Int
        package let workingDays: Int?

        /// `3 working days` or `12 days`.
        package var text: String {
            if let workingDays { return "\(workingDays) working day\(workingDays == 1 ? "" : "s")" }
            return "\(days) day\(days == 1 ? "" : "s")"
        }
    }

    package var isLate: Bool { if case .late = state { true } else { false } }

    /// How it stands, in words: `on time`, `late by 3 working days`, `done 12 days late`, `due soon`…; how the
    /// timeline, listings and reports say it.
    package var standing: String {
        switch state {
        case .untimed: timescale.map { "no \($0.after.rawValue) date to count from" } ?? ""
        case .onTime: "on time"
        case .doneLate(let slip): "done \(slip.text) late"
        case .passed: "passed (no date recorded)"
        case .late(let slip): "late by \(slip.text)"
        case .pending(let rag): rag == .amber ? "due soon" : "not yet due"
        }
    }

    /// The stage's RAG rating, like a record's: red late, amber or green pending, blue done, grey untimed.
    package var rag: RAG {
        switch state {
        case .late: .red
        case .pending(let rag): rag
        case .onTime, .doneLate, .passed: .blue
        case .untimed: .grey
        }
    }
}

/// Works out review stage timings from the store's timescales and working days: one place for `review show`,
/// `review list --late`, `overdue`, `summary --by stage` and the reports.
package struct ReviewClock: Sendable {
    package let timescales: [Timescale]
    package let workingDays: WorkingDays
    package let amberDays: Int

    /// The timescales of each review type, by `ReviewType.allCases` position: what `lateStages` looks at.
    private let byType: [[Timescale]]
    /// For each review type, the last stage with a timescale (-1 for none): a review whose status says it got that
    /// far has nothing left to be late (most reviews in a store are published or closed).
    private let lastTimed: [Int]

    package init(settings: Settings) {
        // An entry `check` would report (a span out of range, a stage counted from a later one) is not used.
        let usable = settings.timescaleTable.filter { $0.problem == nil }
        timescales = usable
        workingDays = settings.workingDays
        amberDays = settings.amberDays
        byType = ReviewType.allCases.map { type in usable.filter { $0.type == type } }
        lastTimed = byType.map { $0.map(\.stage.order).max() ?? -1 }
    }


    /// Each stage of a review of `type`, given its recorded stage dates. A stage with no date is passed, never
    /// late, once a later stage has a date or the status is that stage or later (`ReviewStatus.stage`). A clock
    /// runs from the last day of a partial date; a stage dated by month or year was done late only if the whole
    /// period is after its due day.
    package func timeline(
        type: ReviewType, status: ReviewStatus, asOf: CalendarDay, dates: (ReviewStage) -> PartialDate?
    ) -> [StageTiming] {
        let own = byType[ReviewType.allCases.firstIndex(of: type) ?? 0]
        let recorded = ReviewStage.allCases.map(dates)
        let days = recorded.map { $0?.end }
        // The status says how far the review got even where a date is missing (a published review's report was
        // finished, whether or not that date was recorded).
        let reached = status.stage?.order ?? -1
        return ReviewStage.allCases.map { stage in
            let k = stage.order
            let timescale = own.first { $0.stage == stage }
            let due = timescale.flatMap { t in days[t.after.order].map { t.due(from: $0, workingDays: workingDays) } }
            let state: StageTiming.State
            if let done = recorded[k]?.start {
                if let due, let timescale {
                    state = isPast(due, done, timescale) ? .doneLate(slippage(from: due, to: done, timescale)) : .onTime
                } else {
                    state = .untimed
                }
            } else if reached >= k || days[(k + 1)...].contains(where: { $0 != nil }) {
                state = .passed
            } else if let due, let timescale {
                state = isPast(due, asOf, timescale) ? .late(slippage(from: due, to: asOf, timescale)) : .pending(asOf.days(to: due) <= amberDays ? .amber : .green)
            } else {
                state = .untimed
            }
            return StageTiming(stage: stage, done: days[k], timescale: timescale, due: due, state: state)
        }
    }

    /// The timeline of a decoded review.
    package func timeline(_ review: Review, asOf: CalendarDay) -> [StageTiming] {
        timeline(type: review.type, status: review.status, asOf: asOf) { review[keyPath: $0.keyPath] }
    }

    /// Whether `day` is past `due`: for a timescale in working days, by at least one working day (the Saturday after
    /// a Friday due day is not yet late).
    private func isPast(_ due: CalendarDay, _ day: CalendarDay, _ timescale: Timescale) -> Bool {
        guard day > due else { return false }
        if case .workingDays = timescale.span { return workingDays.count(from: due, to: day) > 0 }
        return true
    }

    private func slippage(from due: CalendarDay, to day: CalendarDay, _ timescale: Timescale?) -> StageTiming.Slippage {
        let working: Int? = if case .workingDays = timescale?.span { workingDays.count(from: due, to: day) } else { nil }
        return StageTiming.Slippage(days: due.days(to: day), workingDays: working)
    }
}

extension ReviewStatus {
    /// The stage a review in this status has at least reached; nil for in progress, which says nothing of how far.
    package var stage: ReviewStage? {
        switch self {
        case .notified: .notified
        case .inProgress: nil
        case .submitted: .submitted
        // Completed comes after submitted in the status list (its synonyms include approved).
        case .completed: .approved
        case .published: .published
        case .closed: .closed
        }
    }
}

extension ReviewClock {
    /// The timeline of a review in a record set (the index, or decoded reviews packed alike).
    func timeline(_ view: ReviewView, asOf: CalendarDay) -> [StageTiming] {
        timeline(type: view.type, status: view.status, asOf: asOf) { PackedDate.unpack(view.date($0.slot)) }
    }

    /// The stages of the review in `records` at `n` late as of the day.
    package func lateStages(_ records: RecordSet, _ n: Int, asOf: CalendarDay) -> [StageTiming] {
        lateStages(records.review(n), asOf: asOf)
    }

    /// `timeline(view, asOf:)`'s late stages, worked out without the whole timeline: `overdue` and `review list`
    /// ask this of every review in the store, and most have nothing late (`ReviewClockTests` checks they agree).
    func lateStages(_ view: ReviewView, asOf: CalendarDay) -> [StageTiming] {
        // `Codes.reviewTypes` is `ReviewType.allCases`, so the packed type is the position.
        let type = min(Int(view.typeIndex), byType.count - 1)
        let reached = view.status.stage?.order ?? -1
        guard reached < lastTimed[type] else { return [] }
        let own = byType[type]
        func day(_ stage: ReviewStage) -> CalendarDay? {
            let date = view.date(stage.slot)
            return date.kind == PackedDate.none ? nil : CalendarDay(ordinal: Int(date.end))
        }
        var late: [StageTiming] = []
        for timescale in own {
            let k = timescale.stage.order
            guard k > reached, day(timescale.stage) == nil, let start = day(timescale.after) else { continue }
            if ReviewStage.allCases[(k + 1)...].contains(where: { day($0) != nil }) { continue }
            let due = timescale.due(from: start, workingDays: workingDays)
            guard isPast(due, asOf, timescale) else { continue }
            late.append(
                StageTiming(
                    stage: timescale.stage, done: nil, timescale: timescale, due: due,
                    state: .late(slippage(from: due, to: asOf, timescale))))
        }
        return late.sorted { $0.stage.order < $1.stage.order }
    }
}
