/// Counts of recommendations or actions by a grouping key: statuses, RAG, overdue, share done, oldest overdue.
package struct SummaryRow: Sendable {
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

    /// Share finished, in whole per cent (rounded half up); nil when there is nothing to count.
    package var finishedPercent: Int? { roundedPercent(finished, of: total) }
}

/// How `rlt summary` groups.
package enum SummaryGrouping: String, Vocabulary {
    case review, owner, lead, agency, theme, type, level, assurance, status
    /// Reviews (not records) by the stage each has reached (`StageSummary`).
    case stage
    package static let noun = "grouping"
}

/// Builds summary rows from a listing's matches, without a row value per record; a record with several owners or
/// themes counts once in each of its groups and once in the total.
package enum Summary {
    package static let noGroup = "(none)"

    /// The order of groups in a summary: alphabetical, with "(none)" last.
    static func groupPrecedes(_ a: String, _ b: String) -> Bool {
        (a == noGroup ? 1 : 0, a) < (b == noGroup ? 1 : 0, b)
    }

    private struct Tally {
        var total = 0
        var statuses: [Int]
        var rags = [Int](repeating: 0, count: 5)
        var overdue = 0
        var finished = 0
        var oldestDays = -1
        /// `REVIEW/ID` of the longest-overdue record, made when it changes (while its review is being read).
        var oldest: String?

        init(statusCount: Int) {
            statuses = [Int](repeating: 0, count: statusCount)
        }

        mutating func count(_ row: MatchedRow, status: Int, finished isFinished: Bool, reference: () -> String) {
            total += 1
            statuses[status] += 1
            rags[row.rag.position] += 1
            if isFinished { finished += 1 }
            if row.daysOverdue >= 0 {
                overdue += 1
                if Int(row.daysOverdue) > oldestDays {
                    oldestDays = Int(row.daysOverdue)
                    oldest = reference()
                }
            }
        }
    }

    /// The rows of a listing of recommendations or of actions (`listing.kind`), counted by `grouping`.
    package static func counts(
        _ listing: RecordListing, by grouping: SummaryGrouping
    ) -> (groups: [SummaryRow], total: SummaryRow) {
        let actions = listing.kind == .actions
        let records = listing.records
        let statusNames = actions ? Codes.actionStatuses.map(\.rawValue) : Codes.recStatuses.map(\.rawValue)
        let finishedStatus = actions
            ? Int(Codes.index(ActionStatus.done, in: Codes.actionStatuses))
            : Int(Codes.index(RecommendationStatus.assured, in: Codes.recStatuses))
        // Groups by name (String equality, as the full path's dictionary), numbered in first-seen order.
        var groups: [String: Int] = [:]
        var names: [String] = []
        var tallies: [Tally] = []
        var total = Tally(statusCount: statusNames.count)
        func group(_ name: String) -> Int {
            if let known = groups[name] { return known }
            groups[name] = names.count
            names.append(name)
            tallies.append(Tally(statusCount: statusNames.count))
            return names.count - 1
        }
        var rows: [MatchedRow] = []
        var keys: [Int] = []
        var codeGroups: [Int] = []
        for n in 0..<records.count {
            if n % 256 == 255 { records.releaseBehind(n) }
            let view = records.review(n)
            rows.removeAll(keepingCapacity: true)
            listing.collect(n, into: &rows)
            guard !rows.isEmpty else { continue }
            // Each of the review's codes resolved to its group once.
            codeGroups.removeAll(keepingCapacity: true)
            codeGroups.append(contentsOf: repeatElement(-1, count: view.codeCount))
            func code(_ c: UInt32) -> Int {
                guard Int(c) < codeGroups.count else { return group("") }
                if codeGroups[Int(c)] < 0 { codeGroups[Int(c)] = group(String(indexBytes: view.code(c))) }
                return codeGroups[Int(c)]
            }
            func list(_ at: UInt32) {
                for k in 0..<view.listCount(at) { keys.append(code(view.listItem(at, k))) }
            }
            var reviewGroup = -1
            for row in rows {
                let r = Int(row.record)
                let status = actions ? view.actionStatus(r) : view.recStatus(r)
                keys.removeAll(keepingCapacity: true)
                switch grouping {
                case .review:
                    if reviewGroup < 0 { reviewGroup = group(String(indexBytes: view.id)) }
                    keys.append(reviewGroup)
                case .type: keys.append(group(view.type.rawValue))
                case .status: keys.append(group(statusNames[status]))
                case .owner where actions, .agency where actions, .lead where actions: keys.append(code(view.actionAgency(r)))
                case .owner, .agency: list(view.recOwners(r))
                case .lead:
                    let owners = view.recOwners(r)
                    if view.listCount(owners) > 0 { keys.append(code(view.listItem(owners, 0))) }
                case .theme where actions:
                    let (recs, findings) = RecordQuery.targets(view, r)
                    for rec in recs { list(view.recThemes(rec)) }
                    for finding in findings { list(view.findingThemes(finding)) }
                case .theme: list(view.recThemes(r))
                case .level where actions:
                    for rec in RecordQuery.targets(view, r).recs { keys.append(group(Codes.levels[view.recLevel(rec)].rawValue)) }
                case .level: keys.append(group(Codes.levels[view.recLevel(r)].rawValue))
                case .assurance where actions:
                    for rec in RecordQuery.targets(view, r).recs {
                        keys.append(group(Codes.assurances[view.recAssurance(rec)].rawValue))
                    }
                case .assurance: keys.append(group(Codes.assurances[view.recAssurance(r)].rawValue))
                case .stage: break  // reviews, not records: `StageSummary`
                }
                if keys.isEmpty { keys.append(group(noGroup)) }
                func reference() -> String {
                    let id = actions ? view.actionID(r) : view.recID(r)
                    return "\(String(indexBytes: view.id))/\(String(indexBytes: id))"
                }
                for (k, g) in keys.enumerated() where !keys[..<k].contains(g) {
                    tallies[g].count(row, status: status, finished: status == finishedStatus, reference: reference)
                }
                total.count(row, status: status, finished: status == finishedStatus, reference: reference)
            }
        }
        func summary(_ tally: Tally, _ name: String) -> SummaryRow {
            var row = SummaryRow(group: name)
            row.total = tally.total
            for (k, count) in tally.statuses.enumerated() where count > 0 { row.statuses[statusNames[k]] = count }
            for (k, count) in tally.rags.enumerated() where count > 0 { row.rags[RAG.allCases[k]] = count }
            row.overdue = tally.overdue
            row.finished = tally.finished
            if let oldest = tally.oldest { row.oldestOverdue = (oldest, tally.oldestDays) }
            return row
        }
        let order = names.indices.sorted { Summary.groupPrecedes(names[$0], names[$1]) }
        return (order.map { summary(tallies[$0], names[$0]) }, summary(total, "TOTAL"))
    }
}

/// `part` of `total` in whole per cent, rounded half up, as every summary and report shows it; nil when `total` is 0.
func roundedPercent(_ part: Int, of total: Int) -> Int? {
    total == 0 ? nil : (part * 200 + total) / (total * 2)
}
