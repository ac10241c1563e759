/// `Summary` computed on the index: the same groups, counts and oldest-overdue choice as `Summary.recommendations`
/// and `Summary.actions` over decoded rows (a test checks they agree), without building a row per record.
extension Summary {
    private struct Tally {
        var total = 0
        var statuses: [Int]
        var rags = [Int](repeating: 0, count: 5)
        var overdue = 0
        var finished = 0
        var oldestDays = -1
        var oldest: (review: Int32, record: Int32)?

        init(statusCount: Int) {
            statuses = [Int](repeating: 0, count: statusCount)
        }

        mutating func count(_ row: IndexRow, status: Int, finished isFinished: Bool) {
            total += 1
            statuses[status] += 1
            rags[RAG.allCases.firstIndex(of: row.rag)!] += 1
            if isFinished { finished += 1 }
            if row.daysOverdue >= 0 {
                overdue += 1
                if Int(row.daysOverdue) > oldestDays {
                    oldestDays = Int(row.daysOverdue)
                    oldest = (row.review, row.record)
                }
            }
        }
    }

    package static func recommendations(
        _ index: StoreIndex, _ query: IndexQuery, by grouping: SummaryGrouping
    ) -> (groups: [SummaryRow], total: SummaryRow) {
        tally(index, query, actions: false, grouping: grouping)
    }

    package static func actions(
        _ index: StoreIndex, _ query: IndexQuery, by grouping: SummaryGrouping
    ) -> (groups: [SummaryRow], total: SummaryRow) {
        tally(index, query, actions: true, grouping: grouping)
    }

    private static func tally(
        _ index: StoreIndex, _ query: IndexQuery, actions: Bool, grouping: SummaryGrouping
    ) -> (groups: [SummaryRow], total: SummaryRow) {
        let statusNames = actions ? Codes.actionStatuses.map(\.rawValue) : Codes.recStatuses.map(\.rawValue)
        let finishedStatus = actions
            ? Int(Codes.index(ActionStatus.done, in: Codes.actionStatuses))
            : Int(Codes.index(RecommendationStatus.assured, in: Codes.recStatuses))
        var groups: [String: Int] = [:]
        var names: [String] = []
        var tallies: [Tally] = []
        var total = Tally(statusCount: statusNames.count)
        var rows: [IndexRow] = []
        for n in 0..<index.count {
            let view = index.review(n)
            rows.removeAll(keepingCapacity: true)
            if actions {
                query.actions(view, review: n, into: &rows)
            } else {
                query.recommendations(view, review: n, into: &rows)
            }
            guard !rows.isEmpty else { continue }
            var codes: [String?] = Array(repeating: nil, count: view.codeCount)
            func code(_ c: UInt32) -> String {
                guard Int(c) < codes.count else { return "" }
                if let known = codes[Int(c)] { return known }
                let text = String(indexBytes: view.code(c))
                codes[Int(c)] = text
                return text
            }
            func list(_ at: UInt32) -> [String] { (0..<view.listCount(at)).map { code(view.listItem(at, $0)) } }
            lazy var reviewID = String(indexBytes: view.id)
            for row in rows {
                let r = Int(row.record)
                let status = actions ? view.actionStatus(r) : view.recStatus(r)
                var keys: [String]
                switch grouping {
                case .review: keys = [reviewID]
                case .type: keys = [view.type.rawValue]
                case .status: keys = [statusNames[status]]
                case .owner where actions, .agency where actions, .lead where actions: keys = [code(view.actionAgency(r))]
                case .owner, .agency: keys = list(view.recOwners(r))
                case .lead: keys = Array(list(view.recOwners(r)).prefix(1))
                case .theme where actions:
                    let (recs, findings) = IndexQuery.targets(view, r)
                    keys = recs.flatMap { list(view.recThemes($0)) } + findings.flatMap { list(view.findingThemes($0)) }
                case .theme: keys = list(view.recThemes(r))
                case .level where actions:
                    keys = IndexQuery.targets(view, r).recs.map { Codes.levels[view.recLevel($0)].rawValue }
                case .level: keys = [Codes.levels[view.recLevel(r)].rawValue]
                case .assurance where actions:
                    keys = IndexQuery.targets(view, r).recs.map { Codes.assurances[view.recAssurance($0)].rawValue }
                case .assurance: keys = [Codes.assurances[view.recAssurance(r)].rawValue]
                }
                if keys.isEmpty { keys = [noGroup] }
                var seen: [String] = []
                for key in keys where !seen.contains(key) {
                    seen.append(key)
                    let g: Int
                    if let known = groups[key] {
                        g = known
                    } else {
                        g = tallies.count
                        groups[key] = g
                        names.append(key)
                        tallies.append(Tally(statusCount: statusNames.count))
                    }
                    tallies[g].count(row, status: status, finished: status == finishedStatus)
                }
                total.count(row, status: status, finished: status == finishedStatus)
            }
        }
        func summary(_ tally: Tally, _ name: String) -> SummaryRow {
            var row = SummaryRow(group: name)
            row.total = tally.total
            for (k, count) in tally.statuses.enumerated() where count > 0 { row.statuses[statusNames[k]] = count }
            for (k, count) in tally.rags.enumerated() where count > 0 { row.rags[RAG.allCases[k]] = count }
            row.overdue = tally.overdue
            row.finished = tally.finished
            if let (review, record) = tally.oldest {
                let view = index.review(Int(review))
                let id = actions ? view.actionID(Int(record)) : view.recID(Int(record))
                row.oldestOverdue = ("\(String(indexBytes: view.id))/\(String(indexBytes: id))", tally.oldestDays)
            }
            return row
        }
        let order = names.indices.sorted { a, b in
            let (x, y) = (names[a], names[b])
            return (x == noGroup ? 1 : 0, x) < (y == noGroup ? 1 : 0, y)
        }
        return (order.map { summary(tallies[$0], names[$0]) }, summary(total, "TOTAL"))
    }
}
