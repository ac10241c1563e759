import ReviewLearning

/// Schema 2's fields (issue 18) on a few records of a generated review, drawn from their own random stream so the
/// rest of the review is the same with or without them: timing and date notes, joint agencies, roles, finding kinds
/// and paragraphs, and now and then an undated completion or outcome, as real documents have them.
enum DocumentDetails {
    static func add(to review: inout Review, seed: UInt64, index: Int) {
        var rng = SeededRandom(seed: seed ^ 0x5C4E_D2D7_A11E_0018, stream: index)
        // Codes the review already uses, so every one is in the directory.
        var codes: [String] = []
        for code in review.recommendations.flatMap(\.owners) + review.actions.map(\.agency) where !codes.contains(code) {
            codes.append(code)
        }
        guard !codes.isEmpty else { return }
        for r in review.recommendations.indices {
            var rec = review.recommendations[r]
            if rng.chance(0.08) { rec.timing = timing(before: rec.due, &rng) }
            if rng.chance(0.05) { rec.engage = [rng.pick(codes)].filter { !rec.owners.contains($0) } }
            if rng.chance(0.05) { rec.assuranceBy = [rng.chance(0.5) ? Tracker.allPartners : rng.pick(codes)] }
            if rng.chance(0.03) { rec.issuedBy = rng.pick(codes) }
            for o in rec.outcomes.indices {
                if let by = rec.outcomes[o].by, rng.chance(0.03) { rec.outcomes[o].with = [rng.pick(codes)].filter { $0 != by } }
                if rng.chance(0.003) { rec.outcomes[o].date = .undated }
            }
            if rec.outcomes.contains(where: \.date.isUndated) {
                // Undated sorts last, as `insertByDate` keeps it.
                rec.outcomes = rec.outcomes.filter { !$0.date.isUndated } + rec.outcomes.filter(\.date.isUndated)
            }
            review.recommendations[r] = rec
        }
        for a in review.actions.indices {
            var action = review.actions[a]
            if rng.chance(0.05) { action.with = [rng.pick(codes)].filter { $0 != action.agency } }
            if rng.chance(0.05) { action.timing = timing(before: action.due, &rng) }
            if action.status == .done, rng.chance(0.003) { action.completed = .undated }
            review.actions[a] = action
        }
        for f in review.findings.indices {
            if rng.chance(0.1) { review.findings[f].kind = rng.pick(FindingKind.allCases) }
            if rng.chance(0.1) { review.findings[f].para = "\(rng.int(1...9)).\(rng.int(1...30))" }
            if rng.chance(0.05) {
                let audience = review.findings[f].audience
                review.findings[f].with = [rng.pick(codes)].filter { $0 != audience }
            }
        }
    }

    /// A start (and sometimes the end of a period) on or before `due`, perhaps approximate, with a date note.
    private static func timing(before due: PartialDate?, _ rng: inout SeededRandom) -> Timing {
        let end = due?.start ?? CalendarDay(year: 2022, month: 6, day: 30) ?? CalendarDay(ordinal: 19_000)
        let from = end.adding(days: -rng.int(30...400))
        var timing = Timing(from: .month(year: from.year, month: from.month))
        if rng.chance(0.4) { timing.through = .year(max(from.year, end.year)) }
        timing.approximate = rng.chance(0.3)
        if rng.chance(0.6) { timing.note = rng.pick(notes) }
        return timing
    }

    private static let notes = [
        "Due date taken from the board meeting the plan names; the document gives no deadline.",
        "From the date the service said it would start; \"ongoing\" in the action plan.",
        "\"By the end of the financial year\", read as 31 March.",
        "The plan says \"spring\"; recorded as the quarter.",
    ]
}

/// Schema 3's stage dates (issue 19) on some generated reviews, from their own random stream: when the
/// partnership became aware, the decision to review, submission, approval and closing, each between the stages
/// around it and never after the store's as-of day.
enum StageDates {
    static func add(to review: inout Review, seed: UInt64, index: Int, asOf: CalendarDay) {
        var rng = SeededRandom(seed: seed ^ 0x57A6_E0DA_7E50_0019, stream: index)
        func between(_ low: PartialDate?, _ high: PartialDate?) -> PartialDate? {
            guard let low, let high, low.start <= high.end, high.end <= asOf else { return nil }
            let a = max(low.start, high.end.adding(days: -40))
            return .day(CalendarDay(ordinal: rng.int(a.ordinal...high.end.ordinal)))
        }
        if let notified = review.notified, rng.chance(0.6) {
            review.aware = between(review.incident ?? .day(notified.start.adding(days: -30)), notified)
        }
        if rng.chance(0.5) { review.decided = between(review.notified, review.commissioned) }
        if let completed = review.completed, rng.chance(0.4) {
            let submitted = completed.end.adding(days: rng.int(5...60))
            if submitted <= asOf && review.published.map({ submitted <= $0.start }) ?? true { review.submitted = .day(submitted) }
        }
        if let submitted = review.submitted, rng.chance(0.5) {
            let approved = submitted.end.adding(days: rng.int(10...90))
            if approved <= asOf && review.published.map({ approved <= $0.start }) ?? true { review.approved = .day(approved) }
        }
        if review.status == .closed, let published = review.published, rng.chance(0.6) {
            let closed = published.end.adding(days: rng.int(30...400))
            if closed <= asOf { review.closed = .day(closed) }
        }
    }
}
