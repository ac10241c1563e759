/// Everything a report shows, computed once from a `ReportInput` so both formats print the same numbers.
///
/// Every list here is in a fixed order (the store's, a vocabulary's, or sorted with a full tie-break), never a
/// dictionary's, so the output is deterministic.
struct ReportModel {
    let partnership: String
    let asOf: CalendarDay
    let amberDays: Int
    let staleDays: Int
    let scope: [String]
    let headline: Headline
    let reviews: [ReviewSection]
    let overdue: [OverdueGroup]
    let stale: [StaleItem]
    let owners: [OwnerRow]
    let ownersTotal: OwnerRow
    let themes: [ThemeRow]
    let events: [DisseminationEvent]
    let changes: Changes?
    /// The agencies named anywhere in the report, by code, for the key at the end.
    let agencies: [Agency]

    struct Headline {
        var reviews = 0
        var reviewsByType: [(type: ReviewType, count: Int)] = []
        var recommendations = 0
        /// Every recommendation status, in vocabulary order, with its count (zeros included).
        var byStatus: [(status: RecommendationStatus, count: Int)] = []
        var byRAG: [(rag: RAG, count: Int)] = []
        var assured = 0
        var overdueRecommendations = 0
        var overdueActions = 0
        var staleRecommendations = 0
        var staleActions = 0
        var actions = 0
        var actionsDone = 0
        var events = 0
        var attendees = 0
        /// Events whose attendance was not recorded.
        var eventsWithoutAttendance = 0

        /// Share assured in whole per cent, rounded half up (as `rlt summary`); nil with no recommendations.
        var assuredPercent: Int? { roundedPercent(assured, of: recommendations) }
    }

    struct RecLine {
        let recommendation: Recommendation
        let state: DueState
        /// The current position: the outcome with the latest date (the last of equals, as they were recorded).
        var latestOutcome: Outcome? {
            recommendation.outcomes.enumerated().max { a, b in
                (a.element.date, a.offset) < (b.element.date, b.offset)
            }?.element
        }
    }

    struct ActionLine {
        let action: AgencyAction
        let state: DueState
    }

    struct ReviewSection {
        let review: Review
        let recommendations: [RecLine]
        /// The review's agency actions in scope, in the store's order.
        let actionLines: [ActionLine]
        var actions: Int { actionLines.count }
        var actionsDone: Int { actionLines.filter { $0.action.status == .done }.count }
        var actionsOverdue: Int { actionLines.filter(\.state.isOverdue).count }

        /// Counts per status in vocabulary order.
        var statusCounts: [(status: RecommendationStatus, count: Int)] {
            RecommendationStatus.allCases.map { status in
                (status, recommendations.filter { $0.recommendation.status == status }.count)
            }
        }

        var overdueRecommendations: Int { recommendations.filter(\.state.isOverdue).count }
    }

    enum Kind: String {
        case recommendation, action
    }

    struct OverdueItem: Equatable {
        let reference: String
        let kind: Kind
        let lead: String
        let due: PartialDate
        let daysOverdue: Int
        let status: String
        let lastUpdate: CalendarDay?
        let text: String
    }

    struct OverdueGroup {
        let owner: String
        let items: [OverdueItem]
    }

    /// A recommendation or action as the stale and overdue lists see it.
    private struct Record {
        let reference: String
        let kind: Kind
        let lead: String
        let status: String
        let isTerminal: Bool
        let lastUpdate: CalendarDay?
        let due: PartialDate?
        let daysOverdue: Int?
        let text: String
    }

    struct StaleItem: Equatable {
        let reference: String
        let kind: Kind
        let lead: String
        let status: String
        let lastUpdate: CalendarDay?
        /// Days since the last update; nil when nothing was ever recorded.
        let days: Int?
    }

    struct OwnerRow: Equatable {
        let owner: String
        var total = 0
        /// Counts in `ReportModel.ragOrder`.
        var rags = [Int](repeating: 0, count: ReportModel.ragOrder.count)
        /// Counts in `AssuranceLevel.allCases` order.
        var assurance = [Int](repeating: 0, count: AssuranceLevel.allCases.count)
        var assured = 0

        func count(_ rag: RAG) -> Int { rags[ReportModel.ragOrder.firstIndex(of: rag) ?? 0] }
        func count(_ level: AssuranceLevel) -> Int { assurance[AssuranceLevel.allCases.firstIndex(of: level) ?? 0] }

        mutating func add(_ line: RecLine) {
            total += 1
            rags[ReportModel.ragOrder.firstIndex(of: line.state.rag) ?? 0] += 1
            assurance[AssuranceLevel.allCases.firstIndex(of: line.recommendation.assurance) ?? 0] += 1
            if line.recommendation.status == .assured { assured += 1 }
        }
    }

    struct ThemeRow: Equatable {
        let code: String
        let label: String
        var reviews = 0
        var recommendations = 0
        /// Not terminal: open, in progress or implemented.
        var open = 0
        var assured = 0
        /// Terminal but not assured: already in place, not accepted, superseded.
        var otherClosed = 0
    }

    struct Change: Equatable {
        let at: String
        let by: String
        let record: String
        let change: String
    }

    struct NewOutcome {
        let reference: String
        let outcome: Outcome
    }

    struct Changes {
        let since: PartialDate
        let entries: [Change]
        let outcomes: [NewOutcome]
        /// Records with at least one change.
        var records: Int { Set(entries.map(\.record)).count }
    }

    /// The order a board reads RAG in: what needs attention first.
    static let ragOrder: [RAG] = [.red, .amber, .green, .blue, .grey]

    static let noOwner = "(no owner)"
    static let noTheme = "(no theme)"

    init(_ input: ReportInput, options: ReportOptions) {
        let tracker = input.tracker
        let asOf = input.asOf
        let query = Query(filter: input.filter, asOf: asOf, amberDays: tracker.settings.amberDays)
        let reviews = input.reviews.filter(input.filter.includes(review:))
        partnership = tracker.name
        self.asOf = asOf
        amberDays = tracker.settings.amberDays
        staleDays = options.staleDays
        scope = options.scope

        let packed = RecordSet(reviews)
        let recRows = query.recommendations(in: packed)
        let actionRows = query.actions(in: packed)

        // Reviews, each with its recommendations and actions in the store's order (grouping keeps it).
        let recsByReview = Dictionary(grouping: recRows, by: \.review.id)
        let actionsByReview = Dictionary(grouping: actionRows, by: \.review.id)
        let sections = reviews.map { review in
            ReviewSection(
                review: review,
                recommendations: (recsByReview[review.id] ?? []).map { RecLine(recommendation: $0.recommendation, state: $0.state) },
                actionLines: (actionsByReview[review.id] ?? []).map { ActionLine(action: $0.action, state: $0.state) })
        }
        self.reviews = sections
        let lines = sections.flatMap(\.recommendations)

        // Events: those about a review in scope; every event when no review option narrows the report.
        let reviewIDs = Set(reviews.map(\.id))
        let narrowed = !input.filter.reviews.isEmpty || !input.filter.types.isEmpty
        events = input.events.enumerated().filter { _, event in
            !narrowed || event.reviews.contains(where: reviewIDs.contains)
        }.sorted { a, b in
            (a.element.date, a.offset) < (b.element.date, b.offset)
        }.map(\.element)

        // Headline figures.
        var headline = Headline()
        headline.reviews = reviews.count
        headline.reviewsByType = ReviewType.allCases.compactMap { type in
            let count = reviews.filter { $0.type == type }.count
            return count == 0 ? nil : (type, count)
        }
        headline.recommendations = lines.count
        headline.byStatus = RecommendationStatus.allCases.map { status in
            (status, lines.filter { $0.recommendation.status == status }.count)
        }
        headline.byRAG = ReportModel.ragOrder.map { rag in (rag, lines.filter { $0.state.rag == rag }.count) }
        headline.assured = lines.filter { $0.recommendation.status == .assured }.count
        headline.overdueRecommendations = lines.filter(\.state.isOverdue).count
        headline.overdueActions = actionRows.filter(\.state.isOverdue).count
        headline.actions = actionRows.count
        headline.actionsDone = actionRows.filter { $0.action.status == .done }.count
        headline.events = events.count
        headline.attendees = events.compactMap(\.attendees).reduce(0, +)
        headline.eventsWithoutAttendance = events.filter { $0.attendees == nil }.count

        // Every record in scope, recommendations first, with what the stale and overdue lists show of it.
        let records =
            recRows.map { row in
                let rec = row.recommendation
                return Record(
                    reference: "\(row.review.id)/\(rec.id)", kind: .recommendation, lead: rec.owners.first ?? Self.noOwner,
                    status: rec.status.rawValue, isTerminal: rec.status.isTerminal, lastUpdate: rec.lastUpdate, due: rec.due,
                    daysOverdue: row.state.daysOverdue, text: rec.text)
            }
            + actionRows.map { row in
                let action = row.action
                return Record(
                    reference: "\(row.review.id)/\(action.id)", kind: .action, lead: action.agency,
                    status: action.status.rawValue, isTerminal: action.status.isTerminal, lastUpdate: action.lastUpdate,
                    due: action.due, daysOverdue: row.state.daysOverdue, text: action.text)
            }

        // Stale: open records with nothing recorded for staleDays or more; the longest silent first.
        let stale = records.filter {
            isStale(lastUpdate: $0.lastUpdate, isTerminal: $0.isTerminal, asOf: asOf, days: options.staleDays)
        }.map {
            StaleItem(
                reference: $0.reference, kind: $0.kind, lead: $0.lead, status: $0.status, lastUpdate: $0.lastUpdate,
                days: $0.lastUpdate.map { $0.days(to: asOf) })
        }
        headline.staleRecommendations = stale.filter { $0.kind == .recommendation }.count
        headline.staleActions = stale.count - headline.staleRecommendations
        self.stale = stale.enumerated().sorted { a, b in
            // Never updated first, then the longest silence; ties keep the store's order.
            (a.element.days ?? Int.max, b.offset) > (b.element.days ?? Int.max, a.offset)
        }.map(\.element)
        self.headline = headline

        // Overdue, grouped by lead owner (an action's agency); oldest first within a group, and the group with the
        // oldest item first.
        let items = records.compactMap { record -> OverdueItem? in
            guard let days = record.daysOverdue, let due = record.due else { return nil }
            return OverdueItem(
                reference: record.reference, kind: record.kind, lead: record.lead, due: due, daysOverdue: days,
                status: record.status, lastUpdate: record.lastUpdate, text: record.text)
        }
        let ordered = items.enumerated().sorted { a, b in
            a.element.daysOverdue != b.element.daysOverdue
                ? a.element.daysOverdue > b.element.daysOverdue : a.offset < b.offset
        }.map(\.element)
        var groupOrder: [String] = []
        for item in ordered where !groupOrder.contains(item.lead) { groupOrder.append(item.lead) }
        overdue = groupOrder.map { lead in OverdueGroup(owner: lead, items: ordered.filter { $0.lead == lead }) }

        // Owners: a recommendation counts under each of its owners, and once in the total.
        var ownerRows: [String: OwnerRow] = [:]
        var total = OwnerRow(owner: "Total")
        for line in lines {
            var owners: [String] = []
            for owner in line.recommendation.owners where !owners.contains(owner) { owners.append(owner) }
            if owners.isEmpty { owners = [Self.noOwner] }
            for owner in owners { ownerRows[owner, default: OwnerRow(owner: owner)].add(line) }
            total.add(line)
        }
        owners = ownerRows.keys.sorted { a, b in (a == Self.noOwner ? 1 : 0, a) < (b == Self.noOwner ? 1 : 0, b) }
            .compactMap { ownerRows[$0] }
        ownersTotal = total

        // Themes: a review counts for a theme named by the review, one of its findings or one of its recommendations
        // in scope; recommendations count by their own themes.
        var themeRows: [String: ThemeRow] = [:]
        func label(_ code: String) -> String {
            code == Self.noTheme ? code : tracker.theme(code)?.label ?? code
        }
        for section in sections {
            let review = section.review
            var codes = review.themes + review.findings.flatMap(\.themes)
            codes += section.recommendations.flatMap(\.recommendation.themes)
            for code in Set(codes) {
                themeRows[code, default: ThemeRow(code: code, label: label(code))].reviews += 1
            }
            for line in section.recommendations {
                let rec = line.recommendation
                let recThemes = rec.themes.isEmpty ? [Self.noTheme] : Array(Set(rec.themes))
                for code in recThemes {
                    var row = themeRows[code, default: ThemeRow(code: code, label: label(code))]
                    row.recommendations += 1
                    if !rec.status.isTerminal {
                        row.open += 1
                    } else if rec.status == .assured {
                        row.assured += 1
                    } else {
                        row.otherClosed += 1
                    }
                    themeRows[code] = row
                }
            }
        }
        // Most recommendations first, then most reviews, then by label; "(no theme)" last.
        themes = themeRows.values.sorted { a, b in
            let aKey = (a.code == Self.noTheme ? 1 : 0, -a.recommendations, -a.reviews, a.label, a.code)
            let bKey = (b.code == Self.noTheme ? 1 : 0, -b.recommendations, -b.reviews, b.label, b.code)
            return aKey < bKey
        }

        // Changes since: history entries from the start of `since` up to the as-of day, and outcomes dated then.
        if let since = options.since {
            var entries: [Change] = []
            var outcomes: [NewOutcome] = []
            func add(_ history: [HistoryEntry], _ record: String) {
                for entry in history {
                    guard let day = entry.day, day >= since.start, day <= asOf else { continue }
                    entries.append(Change(at: entry.at, by: entry.by, record: record, change: entry.change))
                }
            }
            for section in sections {
                let review = section.review
                add(review.history, review.id)
                for finding in review.findings { add(finding.history, "\(review.id)/\(finding.id)") }
                for line in section.recommendations {
                    let rec = line.recommendation
                    add(rec.history, "\(review.id)/\(rec.id)")
                    for outcome in rec.outcomes where outcome.date.end >= since.start && outcome.date.start <= asOf {
                        outcomes.append(NewOutcome(reference: "\(review.id)/\(rec.id)", outcome: outcome))
                    }
                }
                for line in section.actionLines {
                    add(line.action.history, "\(review.id)/\(line.action.id)")
                }
            }
            for event in events { add(event.history, event.id) }
            let sortedEntries = entries.enumerated().sorted { a, b in
                a.element.at != b.element.at ? a.element.at < b.element.at : a.offset < b.offset
            }.map(\.element)
            let sortedOutcomes = outcomes.enumerated().sorted { a, b in
                a.element.outcome.date != b.element.outcome.date
                    ? a.element.outcome.date < b.element.outcome.date : a.offset < b.offset
            }.map(\.element)
            changes = Changes(since: since, entries: sortedEntries, outcomes: sortedOutcomes)
        } else {
            changes = nil
        }

        // The agency key: every code the report prints.
        var codes = Set(lines.flatMap(\.recommendation.owners))
        codes.formUnion(actionRows.map(\.action.agency))
        codes.formUnion(lines.compactMap { $0.latestOutcome?.by })
        agencies = tracker.agencies.filter { codes.contains($0.code) }.sorted { $0.code < $1.code }
    }

    /// The agency's name for a code, or nil when the code is not in the directory.
    func agencyName(_ code: String) -> String? { agencies.first { $0.code == code }?.name }
}

/// Words for codes, as a board paper spells them.
enum ReportWords {
    static func status(_ status: RecommendationStatus) -> String { sentence(status.rawValue) }

    static func status(raw: String) -> String { sentence(raw) }

    /// A recommendation's status in its review's table: "Superseded by 6" names the replacement.
    static func status(of rec: Recommendation) -> String { sentence(rec.status.rawValue) + rec.replacementText }

    static func assurance(_ level: AssuranceLevel) -> String { sentence(level.rawValue) }

    static func rag(_ rag: RAG) -> String { sentence(rag.rawValue) }

    static func eventKind(_ kind: EventKind) -> String { kind == .eLearning ? "E-learning" : sentence(kind.rawValue) }

    static func reviewType(_ type: ReviewType) -> String {
        switch type {
        case .dhr: return "DHR"
        case .cspr: return "CSPR"
        case .rapidReview: return "Rapid review"
        case .sar: return "SAR"
        case .joint: return "Joint review"
        case .scr: return "SCR"
        case .thematic: return "Thematic review"
        case .other: return "Other review"
        }
    }

    static func reviewStatus(_ status: ReviewStatus) -> String { sentence(status.rawValue) }

    static func sector(_ sector: Sector) -> String {
        sector == .childrensSocialCare ? "Children's social care" : sentence(sector.rawValue)
    }

    /// What each RAG colour means, for the key under tables.
    static func ragKey(amberDays: Int) -> String {
        "Red: overdue. Amber: due within \(amberDays) days. Green: due later. Blue: closed (a terminal status). "
            + "Grey: no due date."
    }

    /// `in-progress` → `In progress`.
    static func sentence(_ code: String) -> String {
        let words = String(code.map { $0 == "-" ? " " : $0 })
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    /// `23 November 2026`.
    static func longDate(_ day: CalendarDay) -> String {
        let months = [
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December",
        ]
        return "\(day.day) \(months[day.month - 1]) \(day.year)"
    }

    /// `2024-06 (was 2024-03)` when the date slipped.
    static func due(_ due: PartialDate?, original: PartialDate?) -> String {
        guard let due else { return "—" }
        if let original, original != due { return "\(due) (was \(original))" }
        return due.description
    }

    static func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(n) \(n == 1 ? singular : plural ?? singular + "s")"
    }

    /// `9 recommendations: 5 in progress, 3 implemented, 1 assured` — only the non-zero statuses.
    static func statusBreakdown(_ counts: [(status: RecommendationStatus, count: Int)]) -> String {
        counts.filter { $0.count > 0 }.map { "\($0.count) \(status($0.status).lowercased())" }.joined(separator: ", ")
    }
}
