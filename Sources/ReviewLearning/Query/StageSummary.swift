/// One row of `summary --by stage`: the reviews that have reached a stage (and no later one), by type, and how
/// many of them have a stage late against its timescale.
package struct StageSummaryRow: Sendable, Equatable {
    package var stage: String
    package var total = 0
    /// Count per review type raw value.
    package var types: [String: Int] = [:]
    /// Reviews with a stage late as of the day.
    package var late = 0
    /// The review whose late stage is the longest overdue, and by how many calendar days.
    package var mostLate: (review: String, days: Int)?

    package init(stage: String) {
        self.stage = stage
    }

    package static func == (a: StageSummaryRow, b: StageSummaryRow) -> Bool {
        a.stage == b.stage && a.total == b.total && a.types == b.types && a.late == b.late
            && a.mostLate?.review == b.mostLate?.review && a.mostLate?.days == b.mostLate?.days
    }
}

/// Counts reviews by the stage they have reached: the latest stage with a date, or the one their status implies if
/// that is later (`ReviewStatus.stage`); a review with neither is in "(none)".
package enum StageSummary {
    /// A row per stage with reviews, in stage order, "(none)" last, and the total.
    package static func rows(_ query: Query, records: RecordSet, clock: ReviewClock) -> (rows: [StageSummaryRow], total: StageSummaryRow) {
        let filter = RecordQuery(query)
        let stages = ReviewStage.allCases
        var rows = (stages.map(\.rawValue) + [Summary.noGroup]).map(StageSummaryRow.init(stage:))
        var total = StageSummaryRow(stage: "TOTAL")
        for n in 0..<records.count {
            if n % 256 == 255 { records.releaseBehind(n) }
            let view = records.review(n)
            guard filter.includes(view) else { continue }
            let timeline = clock.timeline(view, asOf: query.asOf)
            let dated = timeline.lastIndex { $0.done != nil } ?? -1
            let implied = view.status.stage.flatMap { stages.firstIndex(of: $0) } ?? -1
            let reached = max(dated, implied)
            let late = timeline.compactMap { timing -> Int? in if case .late(let slip) = timing.state { slip.days } else { nil } }.max()
            let id = String(indexBytes: view.id)
            rows[reached >= 0 ? reached : stages.count].count(type: view.type.rawValue, late: late, review: id)
            total.count(type: view.type.rawValue, late: late, review: id)
        }
        return (rows.filter { $0.total > 0 }, total)
    }
}

extension StageSummaryRow {
    mutating func count(type: String, late days: Int?, review: String) {
        total += 1
        types[type, default: 0] += 1
        guard let days else { return }
        late += 1
        if days > (mostLate?.days ?? -1) { mostLate = (review, days) }
    }
}
