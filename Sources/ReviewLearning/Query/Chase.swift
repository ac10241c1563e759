/// What each agency owes (`rlt chase`): its overdue items, those due soon, and open ones with nothing recorded for
/// a while, for the coordinator's round of requests before a board meeting.
///
/// An agency owes a recommendation it owns (as lead, the first owner, or as a co-owner) and each of its actions,
/// as their lead agency or sharing them (`with`). Bodies a recommendation only engages owe nothing.
/// Which records pass is decided by the query engine (`RecordQuery`) with the amber window set to `--within`, so
/// "overdue" and "due within N days" are the listings' RAG red and amber; "stale" is `isStale`.
package enum Chase {
    /// Why an item is chased, in the order items are listed.
    package enum Reason: String, Sendable, CaseIterable {
        case overdue
        case dueSoon = "due-soon"
        case stale
    }

    /// How the agency is tied to the item.
    package enum Role: String, Sendable {
        case lead
        case coOwner = "co-owner"
        case action
        /// An action it shares with the lead agency.
        case joint
    }

    /// One thing an agency owes.
    package struct Item: Sendable, Equatable {
        package var review: String
        package var reviewTitle: String
        package var id: String
        package var isAction: Bool
        package var role: Role
        package var reason: Reason
        /// Days since the due period ended (overdue items).
        package var daysOverdue: Int?
        /// Days until the due period ends (items due soon).
        package var daysToDue: Int?
        package var due: PartialDate?
        package var originalDue: PartialDate?
        package var slippedDays: Int?
        package var status: String
        /// The last day anything was recorded (the listings' `last_update`), which staleness counts from.
        package var lastUpdate: CalendarDay?
        /// The date and text of the latest outcome (recommendations) or progress note (actions): what the agency
        /// last reported.
        package var lastNoteDate: PartialDate?
        package var lastNoteText: String?
        package var text: String
        /// Where the record stands in its review's list, which orders items that tie.
        var position: Int

        package var reference: String { "\(review)/\(id)" }
        package var kind: String { isAction ? "action" : "recommendation" }
    }

    /// An agency and what it owes, most overdue first.
    package struct Letter: Sendable {
        package var agency: Agency
        package var items: [Item]

        /// Days the most overdue item is overdue; -1 when nothing is overdue.
        package var mostOverdue: Int { items.compactMap(\.daysOverdue).max() ?? -1 }

        package func count(_ reason: Reason) -> Int { items.count { $0.reason == reason } }
    }

    /// Collects, from decoded reviews, what agencies owe; call once per batch of reviews, then `letters`.
    package struct Collector: Sendable {
        /// The engine's query: the user's filters, with the amber window as the "due within" window.
        let query: Query
        let staleDays: Int?
        /// Only these agencies (empty: every agency).
        let agencies: Set<String>
        private(set) var items: [String: [Item]] = [:]

        package init(filter: RecordFilter, asOf: CalendarDay, withinDays: Int, staleDays: Int?, agencies: [String]) {
            var filter = filter
            filter.owners += agencies
            filter.staleDays = nil
            query = Query(filter: filter, asOf: asOf, amberDays: withinDays)
            self.staleDays = staleDays
            self.agencies = Set(agencies)
        }

        /// Adds what the agencies owe in these reviews.
        package mutating func add(_ reviews: [Review]) {
            let records = RecordSet(reviews)
            for kind in [RecordKind.recommendations, .actions] {
                for row in RecordListing(query, kind: kind, records: records).rows() {
                    let review = reviews[Int(row.review)]
                    if row.isAction {
                        add(review.actions[Int(row.record)], of: review, row)
                    } else {
                        add(review.recommendations[Int(row.record)], of: review, row)
                    }
                }
            }
        }

        private mutating func add(_ rec: Recommendation, of review: Review, _ row: MatchedRow) {
            let note = rec.currentOutcomePosition.map { rec.outcomes[$0] }.map { ($0.date, $0.text) }
            guard
                let item = item(
                    review, id: rec.id, isAction: false, row, due: rec.due, originalDue: rec.originalDue,
                    slippedDays: rec.slippedDays, status: rec.status.rawValue, lastUpdate: rec.lastUpdate, note: note,
                    text: rec.text)
            else { return }
            for (k, owner) in rec.owners.enumerated() where !rec.owners[..<k].contains(owner) {
                var owed = item
                owed.role = k == 0 ? .lead : .coOwner
                owe(owner, owed)
            }
        }

        private mutating func add(_ action: AgencyAction, of review: Review, _ row: MatchedRow) {
            let note = action.latestUpdatePosition.map { action.updates[$0] }.map { ($0.date, $0.text) }
            guard
                let item = item(
                    review, id: action.id, isAction: true, row, due: action.due, originalDue: action.originalDue,
                    slippedDays: action.slippedDays, status: action.status.rawValue, lastUpdate: action.lastUpdate,
                    note: note, text: action.text)
            else { return }
            owe(action.agency, item)
            for partner in action.with where partner != action.agency {
                var owed = item
                owed.role = .joint
                owe(partner, owed)
            }
        }

        private mutating func owe(_ agency: String, _ item: Item) {
            guard agencies.isEmpty || agencies.contains(agency) else { return }
            items[agency, default: []].append(item)
        }

        /// The item for a matched record, or nil when it owes nothing: terminal, or on time and recently updated.
        private func item(
            _ review: Review, id: String, isAction: Bool, _ row: MatchedRow, due: PartialDate?, originalDue: PartialDate?,
            slippedDays: Int?, status: String, lastUpdate: CalendarDay?, note: (PartialDate, String)?, text: String
        ) -> Item? {
            let reason: Reason
            switch row.rag {
            case .blue: return nil
            case .red: reason = .overdue
            case .amber: reason = .dueSoon
            case .green, .grey:
                guard let staleDays, isStale(lastUpdate: lastUpdate, isTerminal: false, asOf: query.asOf, days: staleDays)
                else { return nil }
                reason = .stale
            }
            return Item(
                review: review.id, reviewTitle: review.title, id: id, isAction: isAction, role: .action, reason: reason,
                daysOverdue: reason == .overdue ? Int(row.daysOverdue) : nil,
                daysToDue: reason == .dueSoon ? due.map { query.asOf.days(to: $0.end) } : nil, due: due,
                originalDue: originalDue, slippedDays: slippedDays, status: status, lastUpdate: lastUpdate,
                lastNoteDate: note?.0, lastNoteText: note?.1, text: text, position: Int(row.record))
        }

        /// One letter for each agency that owes anything, most overdue first (then by code); within a letter,
        /// overdue items (longest first), then those due soon (soonest first), then stale ones (longest silent
        /// first). An owing agency not in the directory gets its code as its name.
        package func letters(_ tracker: Tracker) -> [Letter] {
            let letters = items.map { code, items in
                Letter(
                    agency: tracker.agency(code) ?? Agency(code: code, name: code, sector: .other),
                    items: items.sorted(by: Chase.precedes))
            }
            return letters.sorted { a, b in
                a.mostOverdue != b.mostOverdue ? a.mostOverdue > b.mostOverdue : a.agency.code < b.agency.code
            }
        }
    }

    static func precedes(_ a: Item, _ b: Item) -> Bool {
        func rank(_ item: Item) -> (Int, Int) {
            switch item.reason {
            case .overdue: return (0, -(item.daysOverdue ?? 0))
            case .dueSoon: return (1, item.daysToDue ?? 0)
            // Never updated is the longest silence.
            case .stale: return (2, item.lastUpdate?.ordinal ?? Int.min)
            }
        }
        let (x, y) = (rank(a), rank(b))
        if x != y { return x < y }
        return (a.review, a.isAction ? 1 : 0, a.position) < (b.review, b.isAction ? 1 : 0, b.position)
    }
}
