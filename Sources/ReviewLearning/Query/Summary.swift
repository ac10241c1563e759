/// Counts of recommendations or actions by a grouping key: statuses, RAG, overdue, share done, oldest overdue.
package struct SummaryRow: Sendable, Equatable {
    package var group: String
    package var total = 0
    /// Count per status raw value.
    package var statuses: [String: Int] = [:]
    package var rags: [RAG: Int] = [:]
    package var overdue = 0
    /// Assured recommendations, or done actions.
    package var finished = 0
    /// The reference and days of the longest-overdue record.
    package var oldestOverdue: (reference: String, days: Int)?

    package init(group: String) {
        self.group = group
    }

    package static func == (lhs: SummaryRow, rhs: SummaryRow) -> Bool {
        lhs.group == rhs.group && lhs.total == rhs.total && lhs.statuses == rhs.statuses && lhs.rags == rhs.rags
            && lhs.overdue == rhs.overdue && lhs.finished == rhs.finished
            && lhs.oldestOverdue?.reference == rhs.oldestOverdue?.reference
            && lhs.oldestOverdue?.days == rhs.oldestOverdue?.days
    }

    /// Share finished, in whole per cent (rounded half up); nil when there is nothing to count.
    package var finishedPercent: Int? { roundedPercent(finished, of: total) }

    mutating func count(reference: String, status: String, finished isFinished: Bool, state: DueState) {
        total += 1
        statuses[status, default: 0] += 1
        rags[state.rag, default: 0] += 1
        if isFinished { finished += 1 }
        if let days = state.daysOverdue {
            overdue += 1
            if days > (oldestOverdue?.days ?? -1) { oldestOverdue = (reference, days) }
        }
    }
}

/// How `rlt summary` groups.
package enum SummaryGrouping: String, Vocabulary {
    case review, owner, lead, agency, theme, type, level, assurance, status
    package static let noun = "grouping"
}

/// Builds summary rows; a record with several owners or themes counts once in each of its groups and once in the total.
package enum Summary {
    package static let noGroup = "(none)"

    /// The order of groups in a summary: alphabetical, with "(none)" last.
    static func groupPrecedes(_ a: String, _ b: String) -> Bool {
        (a == noGroup ? 1 : 0, a) < (b == noGroup ? 1 : 0, b)
    }

    package static func recommendations(_ rows: [RecommendationRow], by grouping: SummaryGrouping) -> (
        groups: [SummaryRow], total: SummaryRow
    ) {
        build(rows) { row in
            let rec = row.recommendation
            switch grouping {
            case .review: return [row.review.id]
            case .owner, .agency: return rec.owners
            case .lead: return Array(rec.owners.prefix(1))
            case .theme: return rec.themes
            case .type: return [row.review.type.rawValue]
            case .level: return [rec.level.rawValue]
            case .assurance: return [rec.assurance.rawValue]
            case .status: return [rec.status.rawValue]
            }
        } count: { row, summary in
            summary.count(
                reference: "\(row.review.id)/\(row.recommendation.id)", status: row.recommendation.status.rawValue,
                finished: row.recommendation.status == .assured, state: row.state)
        }
    }

    package static func actions(_ rows: [ActionRow], by grouping: SummaryGrouping) -> (
        groups: [SummaryRow], total: SummaryRow
    ) {
        build(rows) { row in
            let action = row.action
            let recs = row.review.recommendations.filter { action.respondsTo.contains($0.id) }
            switch grouping {
            case .review: return [row.review.id]
            case .owner, .lead, .agency: return [action.agency]
            case .theme:
                let findings = row.review.findings.filter { action.respondsTo.contains($0.id) }
                return unique(recs.flatMap(\.themes) + findings.flatMap(\.themes))
            case .type: return [row.review.type.rawValue]
            case .level: return unique(recs.map(\.level.rawValue))
            case .assurance: return unique(recs.map(\.assurance.rawValue))
            case .status: return [action.status.rawValue]
            }
        } count: { row, summary in
            summary.count(
                reference: "\(row.review.id)/\(row.action.id)", status: row.action.status.rawValue,
                finished: row.action.status == .done, state: row.state)
        }
    }

    private static func build<Row>(
        _ rows: [Row], keys: (Row) -> [String], count: (Row, inout SummaryRow) -> Void
    ) -> (groups: [SummaryRow], total: SummaryRow) {
        var groups: [String: SummaryRow] = [:]
        var order: [String] = []
        var total = SummaryRow(group: "TOTAL")
        for row in rows {
            var names = keys(row)
            if names.isEmpty { names = [noGroup] }
            for name in unique(names) {
                if groups[name] == nil {
                    groups[name] = SummaryRow(group: name)
                    order.append(name)
                }
                count(row, &groups[name, default: SummaryRow(group: name)])
            }
            count(row, &total)
        }
        let sorted = order.sorted(by: groupPrecedes)
        return (sorted.compactMap { groups[$0] }, total)
    }

    private static func unique(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        return values.filter { seen.insert($0).inserted }
    }
}

/// `part` of `total` in whole per cent, rounded half up, as every summary and report shows it; nil when `total` is 0.
func roundedPercent(_ part: Int, of total: Int) -> Int? {
    total == 0 ? nil : (part * 200 + total) / (total * 2)
}
