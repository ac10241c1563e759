import Foundation

/// Extra consistency checks for `rlt check --strict`: things that are valid but probably wrong.
///
/// Chosen so that a store kept by rlt commands alone passes: each rule catches a hand edit, a bad import or a
/// judgement recorded without its evidence.
enum StrictRules {
    static func check(_ review: Review, file: String, data: Data, asOf: CalendarDay, into report: inout FileReport) {
        if let canonical = try? JSONCodec.encode(review), canonical != data {
            report.add([], "not formatted as rlt writes it (hand-edited?); any rlt update of this review rewrites it")
        }
        let known = ReviewStage.allCases.compactMap { stage in review[keyPath: stage.keyPath].map { (stage.rawValue, $0) } }
        for (earlier, later) in zip(known, known.dropFirst()) where later.1.end < earlier.1.start {
            report.add([.key(later.0)], "review \(later.0) date \(later.1) is before its \(earlier.0) date \(earlier.1)")
        }
        for (stage, date) in known { past(date, .stage, "review \(stage)", asOf, at: [.key(stage)], into: &report) }
        for (i, rec) in review.recommendations.enumerated() {
            let base: [JSONPathComponent] = [.key("recommendations"), .index(i)]
            let name = "recommendation \(rec.id)"
            if rec.status == .assured && (rec.assurance == .notAssessed || rec.assurance == .none) {
                report.add(base + [.key("assurance")], "\(name): status assured but assurance is \(rec.assurance.rawValue)")
            }
            if rec.assurance != .notAssessed && rec.outcomes.isEmpty {
                report.add(base + [.key("assurance")], "\(name): assurance \(rec.assurance.rawValue) with no outcome as evidence")
            }
            if rec.originalDue != nil && rec.due == nil {
                report.add(base + [.key("original_due")], "\(name): original_due without a due date")
            }
            for (j, outcome) in rec.outcomes.enumerated() {
                past(outcome.date, .outcome, name, asOf, at: base + [.key("outcomes"), .index(j), .key("date")], into: &report)
            }
            checkHistory(rec.history, base, name, into: &report)
        }
        for (i, action) in review.actions.enumerated() {
            let base: [JSONPathComponent] = [.key("actions"), .index(i)]
            let name = "action \(action.id)"
            if action.status == .done && action.completed == nil {
                report.add(base + [.key("status")], "\(name): done but no completed date")
            }
            if action.completed != nil && action.status != .done {
                report.add(base + [.key("completed")], "\(name): has a completed date but status \(action.status.rawValue)")
            }
            if action.originalDue != nil && action.due == nil {
                report.add(base + [.key("original_due")], "\(name): original_due without a due date")
            }
            if let completed = action.completed {
                past(completed, .completed, name, asOf, at: base + [.key("completed")], into: &report)
            }
            for (j, note) in action.updates.enumerated() {
                past(note.date, .progressNote, name, asOf, at: base + [.key("updates"), .index(j), .key("date")], into: &report)
            }
            checkHistory(action.history, base, name, into: &report)
        }
        checkHistory(review.history, [], "review", into: &report)
    }

    /// The commands' rule: what has happened is not dated after the as-of day.
    private static func past(
        _ date: PartialDate, _ what: RecordedDate, _ name: String, _ asOf: CalendarDay, at path: [JSONPathComponent],
        into report: inout FileReport
    ) {
        do {
            try ChangeRules.requirePast(date, what, reference: name, asOf: asOf)
        } catch {
            report.add(path, error.description)
        }
    }

    private static func checkHistory(
        _ history: [HistoryEntry], _ base: [JSONPathComponent], _ name: String, into report: inout FileReport
    ) {
        for (i, entry) in history.enumerated() where entry.day == nil || entry.at.utf8.count != 20 || !entry.at.hasSuffix("Z") {
            report.add(base + [.key("history"), .index(i), .key("at")], "\(name): history timestamp is not YYYY-MM-DDThh:mm:ssZ")
        }
        for (i, pair) in zip(history, history.dropFirst()).enumerated() where pair.1.at < pair.0.at {
            report.add(base + [.key("history"), .index(i + 1)], "\(name): history is out of time order")
        }
    }
}
