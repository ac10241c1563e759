/// A review as `rlt review list` shows it: its own fields and the counts of its records, read from a packed review,
/// so the index and decoded reviews give the same row.
package struct ReviewFacts: Sendable, Equatable {
    package var id = ""
    package var type = ""
    package var status = ""
    package var title = ""
    package var partnerships: [String] = []
    package var themes: [String] = []
    /// The stage dates by `ReviewStage.slot`, as `PartialDate.description` prints them ("" for none).
    package var dates: [String] = []
    /// The stages late as of the query's day (`ReviewClock`), in stage order.
    package var late: [ReviewStage] = []
    package var convertedFrom = ""
    package var source = ""
    package var findings = 0
    package var recommendations = 0
    /// Recommendations not in a terminal status.
    package var open = 0
    package var actions = 0
    /// Recommendations and actions matching the record filters that are overdue.
    package var overdueRecommendations = 0
    package var overdueActions = 0
}

/// `rlt review list` over a record set (the index, or decoded reviews packed alike).
package enum ReviewListing {
    /// The reviews that pass the review filters and `statuses`, and whose title, summary or source matches `--text`
    /// (the records' own texts are not searched); with `recordFilters`, only those with a record matching the
    /// record filters, which also choose the records counted as overdue.
    package static func rows(
        _ query: Query, records: RecordSet, statuses: [ReviewStatus], recordFilters: Bool, clock: ReviewClock, lateOnly: Bool
    ) -> [ReviewFacts] {
        var recordQuery = query
        let text = query.filter.text
        recordQuery.filter.text = nil
        let recs = RecordListing(recordQuery, kind: .recommendations, records: records)
        let actions = RecordListing(recordQuery, kind: .actions, records: records)
        var result: [ReviewFacts] = []
        var matched: [MatchedRow] = []
        for n in 0..<records.count {
            if n % 256 == 255 { records.releaseBehind(n) }
            let view = records.review(n)
            guard recs.query.includes(view), statuses.isEmpty || statuses.contains(view.status) else { continue }
            if let text, !(text.matches(view.title) || [view.summary, view.source].contains { $0.map(text.matches) == true }) {
                continue
            }
            let late = clock.lateStages(records, n, asOf: query.asOf).map(\.stage)
            if lateOnly && late.isEmpty { continue }
            matched.removeAll(keepingCapacity: true)
            recs.collect(n, into: &matched)
            let recRows = matched.count
            actions.collect(n, into: &matched)
            if recordFilters && matched.isEmpty { continue }
            var facts = facts(view)
            facts.late = late
            for (k, row) in matched.enumerated() where row.daysOverdue >= 0 {
                if k < recRows { facts.overdueRecommendations += 1 } else { facts.overdueActions += 1 }
            }
            result.append(facts)
        }
        return result
    }

    private static func facts(_ view: ReviewView) -> ReviewFacts {
        func list(_ at: UInt32, _ item: (UInt32) -> UnsafeRawBufferPointer) -> [String] {
            (0..<view.listCount(at)).map { String(indexBytes: item(view.listItem(at, $0))) }
        }
        let date = ByteBuffer(capacity: 16)
        var facts = ReviewFacts()
        facts.id = String(indexBytes: view.id)
        facts.type = Codes.reviewTypes[Int(view.typeIndex)].rawValue
        facts.status = view.status.rawValue
        facts.title = String(indexBytes: view.title)
        facts.partnerships = list(view.partnerships, view.string)
        facts.themes = list(view.themes, view.code)
        facts.dates = ReviewStage.allCases.indices.map { k in
            if view.date(k).kind == PackedDate.none { return "" }
            date.reset()
            date.date(view.date(k))
            return String(indexBytes: date.view)
        }
        facts.convertedFrom = view.convertedFrom.map(String.init(indexBytes:)) ?? ""
        facts.source = view.source.map(String.init(indexBytes:)) ?? ""
        facts.findings = view.findingCount
        facts.recommendations = view.recCount
        facts.open = (0..<view.recCount).count { !Codes.recTerminal[view.recStatus($0)] }
        facts.actions = view.actionCount
        return facts
    }
}
