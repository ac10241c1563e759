import Foundation

/// "What changed since the last board", for `report --since`: per review and per agency, the texts of the outcomes
/// and progress notes reported in the period, the status, due-date and assurance changes with old → new, all dated
/// by when they happened or were reported.
struct BoardDigest {
    /// One thing that changed.
    struct Item: Equatable {
        /// The agency it concerns: a recommendation's lead owner, an action's agency.
        let agency: String
        let record: String
        /// The date it happened or was reported, as printed.
        let on: String
        let what: String
        let detail: String
        /// `on`'s last day, which orders the items.
        let day: Int
    }

    /// A review's items, by agency, then date, then as they were added.
    struct Review {
        let id: String
        let title: String
        var items: [Item]
    }

    /// What each agency reported in the period, and what changed on its records.
    struct AgencyCounts: Equatable {
        let agency: String
        var notes = 0
        var outcomes = 0
        /// Changes of a recommendation's assurance level (by an outcome or by `rec update --assurance`).
        var assuranceChanges = 0
        var statusChanges = 0
        var dueChanges = 0

        /// The counts in the order of the digest's per-agency table (`ReportText.digestAgencyHeader`).
        var columns: [Int] { [notes, outcomes, assuranceChanges, statusChanges, dueChanges] }
    }

    private(set) var reviews: [Review] = []
    private var counts: [String: AgencyCounts] = [:]

    /// Every agency with something in the period, by code.
    var agencies: [AgencyCounts] { counts.values.sorted { $0.agency < $1.agency } }

    /// The fields of a history change the digest shows, as `field: old → new` parts of the change's summary.
    static let fields = ["status", "due", "assurance"]

    /// Starts a review's items; `add` adds to the last one started.
    mutating func start(_ review: ReviewLearning.Review) {
        reviews.append(Review(id: review.id, title: review.title, items: []))
    }

    /// The status, due-date and assurance changes of a history entry dated in the period.
    mutating func add(_ entry: HistoryEntry, day: CalendarDay, agency: String, record: String) {
        for whole in entry.change.components(separatedBy: "; ") {
            // An import's summary starts "imported: ", then the same parts.
            let part = whole.hasPrefix("imported: ") ? String(whole.dropFirst("imported: ".count)) : whole
            guard let colon = part.firstIndex(of: ":"), Self.fields.contains(String(part[..<colon])) else { continue }
            let field = String(part[..<colon])
            let detail = part[part.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            append(Item(agency: agency, record: record, on: day.description, what: field, detail: detail, day: day.ordinal))
            switch field {
            case "status": counts[agency, default: AgencyCounts(agency: agency)].statusChanges += 1
            case "due": counts[agency, default: AgencyCounts(agency: agency)].dueChanges += 1
            default: counts[agency, default: AgencyCounts(agency: agency)].assuranceChanges += 1
            }
        }
    }

    /// An outcome dated in the period.
    mutating func add(_ outcome: Outcome, agency: String, record: String) {
        var what = "outcome"
        var given: [String] = []
        if let level = outcome.assurance { given.append("assurance \(level.rawValue)") }
        if let by = outcome.by { given.append("by \(by)") }
        if !given.isEmpty { what += " (\(given.joined(separator: ", ")))" }
        append(Item(agency: agency, record: record, on: outcome.date.description, what: what, detail: outcome.text, day: outcome.date.end.ordinal))
        counts[agency, default: AgencyCounts(agency: agency)].outcomes += 1
    }

    /// A progress note dated in the period.
    mutating func add(_ note: ProgressNote, agency: String, record: String) {
        append(Item(agency: agency, record: record, on: note.date.description, what: "progress note", detail: note.text, day: note.date.end.ordinal))
        counts[agency, default: AgencyCounts(agency: agency)].notes += 1
    }

    private mutating func append(_ item: Item) {
        guard !reviews.isEmpty else { return }
        reviews[reviews.count - 1].items.append(item)
    }

    /// Orders each review's items and drops the reviews with none.
    mutating func finish() {
        reviews = reviews.filter { !$0.items.isEmpty }.map { review in
            var review = review
            review.items = review.items.enumerated().sorted { a, b in
                (a.element.agency, a.element.day, a.offset) < (b.element.agency, b.element.day, b.offset)
            }.map(\.element)
            return review
        }
    }
}
