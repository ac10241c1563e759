/// A review stage late against its timescale as of a day: `overdue`'s rows of kind `review`, beside the overdue
/// recommendations and actions, with the same columns.
package struct LateStage: Sendable {
    package let review: String
    package let title: String
    /// The review's first partnership: who answers for the review's own timeliness.
    package let owner: String
    package let status: ReviewStatus
    package let timing: StageTiming

    /// Calendar days past due, as `days_overdue` counts for records.
    package var daysOverdue: Int { if case .late(let slip) = timing.state { slip.days } else { 0 } }

    /// `3 working days`, or `12 days` for a timescale in months.
    package var lateBy: String { if case .late(let slip) = timing.state { slip.text } else { "" } }

    /// What `--columns` and CSV print for it in `column`: the review, `review` as the kind, the stage as the id, the
    /// due day, days overdue, the partnership, the review's status and what is late as the text; empty elsewhere.
    package func cell(_ column: RecordColumn) -> String {
        switch column.field {
        case .review: review
        case .kind: "review"
        case .id: timing.stage.rawValue
        case .due: timing.due?.description ?? ""
        case .daysOverdue: String(daysOverdue)
        case .owner: owner
        case .status: status.rawValue
        case .text: text
        default: ""
        }
    }

    /// `the decision whether to review (…): due 15 working days after aware; late by 3 working days`.
    package var text: String {
        "\(timing.stage.meaning): due \(timing.timescale?.rule ?? ""); late by \(lateBy)"
    }
}

extension ReviewClock {
    /// The late stages of the reviews `query`'s review filters pass, review by review in the records' order, each
    /// review's in stage order.
    package func lateStages(_ query: Query, records: RecordSet) -> [LateStage] {
        let filter = RecordQuery(query)
        var found: [LateStage] = []
        // The walk touches every review's rows: let them go behind it, and start the listing's own walk afresh.
        defer { records.rewindReleases() }
        for n in 0..<records.count {
            if n % 256 == 255 { records.releaseBehind(n) }
            let view = records.review(n)
            let late = lateStages(view, asOf: query.asOf)
            guard !late.isEmpty, filter.includes(view) else { continue }
            for timing in late {
                let owner = view.listCount(view.partnerships) > 0 ? String(indexBytes: view.string(view.listItem(view.partnerships, 0))) : ""
                found.append(
                    LateStage(
                        review: String(indexBytes: view.id), title: String(indexBytes: view.title), owner: owner,
                        status: view.status, timing: timing))
            }
        }
        return found
    }
}
