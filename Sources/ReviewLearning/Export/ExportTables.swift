/// The tables `rlt export` writes and `rlt import` reads, with their stable column names.
package enum ExportTable: String, Vocabulary {
    case agencies, themes, reviews, findings, recommendations, actions, outcomes, updates, events
    package static let noun = "table"

    /// Column names, in order. Derived columns (computed as of a day) are marked in `derivedColumns`.
    package var columns: [String] {
        switch self {
        case .agencies: return ["code", "name", "sector", "contact", "email"]
        case .themes: return ["code", "label"]
        case .reviews:
            return ["review_id", "type", "title", "status", "partnerships"] + ReviewStage.allCases.map(\.rawValue)
                + ["converted_from", "themes", "summary", "source"]
        case .findings: return ["review_id", "finding_id", "kind", "audience", "with", "themes", "para", "text"]
        case .recommendations:
            return [
                "review_id", "rec_id", "level", "owners", "themes", "due", "original_due", "status", "assurance", "reason",
                "links", "rag", "overdue", "days_overdue", "last_update", "from", "through", "approximate", "date_note",
                "assurance_by", "engage", "issued_by", "text",
            ]
        case .actions:
            return [
                "review_id", "action_id", "agency", "responds_to", "due", "original_due", "status", "completed", "measure",
                "evidence", "reason", "rag", "overdue", "days_overdue", "last_update", "with", "from", "through",
                "approximate", "date_note", "text",
            ]
        case .outcomes: return ["review_id", "rec_id", "date", "assurance", "by", "with", "author", "text"]
        case .updates: return ["review_id", "action_id", "date", "author", "text"]
        case .events:
            return [
                "event_id", "kind", "title", "date", "status", "audience", "expected", "attendees", "sessions", "location",
                "reviews", "serves", "feedback",
            ]
        }
    }

    /// Columns computed on export and ignored on import.
    package static let derivedColumns: Set<String> = ["rag", "overdue", "days_overdue", "last_update"]

    /// The order a whole-store import must follow so every reference exists before it is used.
    package static let dependencyOrder: [ExportTable] = [
        .agencies, .themes, .reviews, .findings, .recommendations, .actions, .outcomes, .updates, .events,
    ]

    /// Whether the table's rows come from reviews, so it can be exported a batch of reviews at a time, each
    /// batch's rows following the last's.
    package var isPerReview: Bool {
        switch self {
        case .agencies, .themes, .events: return false
        case .reviews, .findings, .recommendations, .actions, .outcomes, .updates: return true
        }
    }
}

/// Everything an export reads: the directory, the reviews (already filtered) and the events.
package struct ExportSource: Sendable {
    package let tracker: Tracker
    package let reviews: [Review]
    package let events: [DisseminationEvent]
    package let query: Query
    /// The exported reviews' ids, which choose the events: those of `reviews`, or of every batch when a
    /// source holds none (the events table of an export read a batch at a time).
    package let reviewIDs: Set<String>
    /// The reviews packed once for every table that lists their records.
    let records: RecordSet

    package init(
        tracker: Tracker, reviews: [Review], events: [DisseminationEvent], query: Query, reviewIDs: Set<String>? = nil
    ) {
        self.tracker = tracker
        self.reviews = reviews
        self.events = events
        self.query = query
        self.reviewIDs = reviewIDs ?? Set(reviews.map(\.id))
        records = RecordSet(reviews)
    }
}

/// Turns records into table rows: pure functions, the same rows whatever the output format.
package enum Exporter {
    package static func rows(_ table: ExportTable, from source: ExportSource) -> [[String]] {
        let list: ([String]) -> String = { $0.joined(separator: "; ") }
        let date: (PartialDate?) -> String = { $0?.description ?? "" }
        switch table {
        case .agencies:
            return source.tracker.agencies.map { [$0.code, $0.name, $0.sector.rawValue, $0.contact ?? "", $0.email ?? ""] }
        case .themes:
            return source.tracker.themes.map { [$0.code, $0.label] }
        case .reviews:
            return source.reviews.map { r in
                [r.id, r.type.rawValue, r.title, r.status.rawValue, list(r.partnerships)]
                    + ReviewStage.allCases.map { date(r[keyPath: $0.keyPath]) }
                    + [r.convertedFrom ?? "", list(r.themes), r.summary ?? "", r.source ?? ""]
            }
        case .findings:
            return source.reviews.flatMap { r in
                r.findings.map { [r.id, $0.id, $0.kind.rawValue, $0.audience, list($0.with), list($0.themes), $0.para ?? "", $0.text] }
            }
        case .recommendations, .actions:
            // The listings' own columns (`RecordColumn`), under the export's stable names.
            let kind: RecordKind = table == .recommendations ? .recommendations : .actions
            let listing = RecordListing(source.query, kind: kind, records: source.records)
            let columns = table.columns.compactMap { name in
                let listed = name == "review_id" ? "review" : name == "rec_id" || name == "action_id" ? "id" : name
                return RecordColumn.all(kind).first { $0.name == listed }
            }
            return listing.cells(listing.rows(), columns)
        case .outcomes:
            return source.query.recommendations(in: source.records).flatMap { row in
                row.recommendation.outcomes.map { o in
                    [
                        row.review.id, row.recommendation.id, o.date.description, o.assurance?.rawValue ?? "", o.by ?? "",
                        list(o.with), o.author, o.text,
                    ]
                }
            }
        case .updates:
            return source.query.actions(in: source.records).flatMap { row in
                row.action.updates.map { u in [row.review.id, row.action.id, u.date.description, u.author, u.text] }
            }
        case .events:
            let ids = source.reviewIDs
            return source.events.filter { $0.reviews.isEmpty || $0.reviews.contains(where: ids.contains) }.map { e in
                [
                    e.id, e.kind.rawValue, e.title, e.date.description, e.status.rawValue, e.audience ?? "",
                    e.expected.map(String.init) ?? "", e.attendees.map(String.init) ?? "", e.sessions.map(String.init) ?? "",
                    e.location ?? "", list(e.reviews), list(e.serves), e.feedback ?? "",
                ]
            }
        }
    }
}
