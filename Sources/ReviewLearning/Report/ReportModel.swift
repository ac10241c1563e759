import Dispatch
import Synchronization

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
    /// Each review reported on, in order, with its counts (its tables come from `forEachSectionText`).
    let reviews: [ReviewSummary]
    let overdue: [OverdueGroup]
    /// Stale recommendations and actions, the longest silent first (`staleLine` reads what is printed of each).
    let stale: [Listed]
    let owners: [OwnerRow]
    let ownersTotal: OwnerRow
    let themes: [ThemeRow]
    let events: [DisseminationEvent]
    /// Reviews not closed with a stage due or late against its timescale: the most late first, then by due day.
    let timescales: [StageLine]
    let changes: Changes?
    /// The agencies named anywhere in the report, by code, for the key at the end.
    let agencies: [Agency]
    private let records: RecordSet
    private let query: Query
    private let choosesRecords: Bool
    /// The lead owners of the listed records, by first appearance.
    private let leads: [String]

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
        /// Its position in the review.
        let position: Int
        let recommendation: RecFacts
        let state: DueState
        /// The current position: the outcome with the latest date (the last of equals, as they were recorded).
        var latestOutcome: OutcomeFacts? { recommendation.currentOutcome }
    }

    struct ActionLine {
        /// Its position in the review.
        let position: Int
        let action: ActionFacts
        let state: DueState
    }

    struct ReviewSection {
        let review: ReviewHead
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

    /// A review's line in the figures: what is left of its section once its tables are printed.
    struct ReviewSummary {
        let id: String
        let title: String
        let recommendations: Int
        /// Counts per status in vocabulary order.
        let counts: [Int]
        let overdueRecommendations: Int

        init(_ section: ReviewSection) {
            id = section.review.id
            title = section.review.title
            recommendations = section.recommendations.count
            counts = section.statusCounts.map(\.count)
            overdueRecommendations = section.overdueRecommendations
        }

        var statusCounts: [(status: RecommendationStatus, count: Int)] {
            Array(zip(RecommendationStatus.allCases, counts))
        }
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
        /// Oldest first (`overdueLine` reads what is printed of each).
        let items: [Listed]
    }

    /// A recommendation or action the overdue or stale list names: where it is in the records, and what the lists
    /// sort and group by. What is printed of it is read from the records when it is printed, so a national list of
    /// a hundred thousand records holds no texts.
    struct Listed: Equatable {
        let review: Int32
        let record: Int32
        let kind: Kind
        /// Days overdue, or days since the last update (`Int32.max` when nothing was ever recorded).
        let days: Int32
        /// The lead owner (an action's agency), an index in `leads`.
        let lead: Int32
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
        /// When it happened or was reported (`HistoryEntry.reportedDay`).
        let on: String
        let at: String
        let by: String
        let record: String
        let change: String
    }

    struct Changes {
        let since: PartialDate
        let entries: ChangeEntries
        /// Outcomes and progress notes dated in the period.
        let outcomes: Int
        let notes: Int
        /// What changed, per review and per agency, with the texts reported.
        let digest: BoardDigest
        /// Records with at least one change.
        let records: Int
    }

    /// A review in progress against its timescales: the stage it has reached, and its first late stage, else its
    /// next stage due.
    struct StageLine: Equatable {
        let review: String
        let title: String
        let type: ReviewType
        /// The furthest stage with a date; nil when none has one.
        let reached: ReviewStage?
        let timing: StageTiming
    }

    /// The order a board reads RAG in: what needs attention first.
    static let ragOrder: [RAG] = [.red, .amber, .green, .blue, .grey]

    static let noOwner = "(no owner)"
    static let noTheme = "(no theme)"

    /// Walks the packed reviews once for the figures; `forEachSectionText` walks them again for each review's tables.
    /// Only "changes since" reads whole reviews (histories and outcomes), a batch at a time.
    init(_ input: ReportInput, options: ReportOptions) throws {
        let tracker = input.tracker
        let asOf = input.asOf
        let query = Query(filter: input.filter, asOf: asOf, amberDays: tracker.settings.amberDays)
        records = input.records
        self.query = query
        choosesRecords = input.filter.choosesRecords
        partnership = tracker.name
        self.asOf = asOf
        amberDays = tracker.settings.amberDays
        staleDays = options.staleDays
        scope = options.scope

        var headline = Headline()
        var summaries: [ReviewSummary] = []
        var typeCounts = [Int](repeating: 0, count: ReviewType.allCases.count)
        var statusCounts = [Int](repeating: 0, count: RecommendationStatus.allCases.count)
        var ragCounts = [Int](repeating: 0, count: Self.ragOrder.count)
        var staleRecs: [Listed] = []
        var staleActions: [Listed] = []
        var overdueRecs: [Listed] = []
        var overdueActions: [Listed] = []
        var leads: [String] = []
        var leadIndex: [String: Int32] = [:]
        var ownerRows: [String: OwnerRow] = [:]
        var total = OwnerRow(owner: "Total")
        var themeRows: [String: ThemeRow] = [:]
        var inScope: [InScope] = []
        var stageLines: [StageLine] = []
        let clock = ReviewClock(settings: tracker.settings)
        var codes = Set<String>()
        func label(_ code: String) -> String {
            code == Self.noTheme ? code : tracker.theme(code)?.label ?? code
        }
        func lead(_ code: String) -> Int32 {
            if let known = leadIndex[code] { return known }
            leads.append(code)
            leadIndex[code] = Int32(leads.count - 1)
            return Int32(leads.count - 1)
        }
        /// Appends the record to the stale and overdue lists it belongs on.
        func list(
            _ n: Int, _ position: Int, _ kind: Kind, _ leadCode: String, terminal: Bool, _ last: CalendarDay?, _ state: DueState,
            stale: inout [Listed], overdue: inout [Listed]
        ) {
            if isStale(lastUpdate: last, isTerminal: terminal, asOf: asOf, days: options.staleDays) {
                let days = last.map { Int32($0.days(to: asOf)) } ?? Int32.max
                stale.append(Listed(review: Int32(n), record: Int32(position), kind: kind, days: days, lead: lead(leadCode)))
            }
            if let days = state.daysOverdue {
                overdue.append(Listed(review: Int32(n), record: Int32(position), kind: kind, days: Int32(days), lead: lead(leadCode)))
            }
        }
        Self.forEachSection(records, query, choosesRecords) { n, view, section in
            let review = section.review
            summaries.append(ReviewSummary(section))
            if let line = Self.stageLine(view, clock: clock, asOf: asOf) { stageLines.append(line) }
            typeCounts[ReviewType.allCases.firstIndex(of: review.type) ?? 0] += 1
            for line in section.recommendations {
                let rec = line.recommendation
                statusCounts[RecommendationStatus.allCases.firstIndex(of: rec.status) ?? 0] += 1
                ragCounts[Self.ragOrder.firstIndex(of: line.state.rag) ?? 0] += 1
                list(
                    n, line.position, .recommendation, rec.owners.first ?? Self.noOwner, terminal: rec.status.isTerminal,
                    rec.lastUpdate, line.state, stale: &staleRecs, overdue: &overdueRecs)
                // Owners: a recommendation counts under each of its owners, and once in the total.
                var owners: [String] = []
                for owner in rec.owners where !owners.contains(owner) { owners.append(owner) }
                if owners.isEmpty { owners = [Self.noOwner] }
                for owner in owners { ownerRows[owner, default: OwnerRow(owner: owner)].add(line) }
                total.add(line)
                codes.formUnion(rec.owners)
                if let by = line.latestOutcome?.by { codes.insert(by) }
            }
            for line in section.actionLines {
                let action = line.action
                headline.actions += 1
                if action.status == .done { headline.actionsDone += 1 }
                if line.state.isOverdue { headline.overdueActions += 1 }
                list(
                    n, line.position, .action, action.agency, terminal: action.status.isTerminal, action.lastUpdate, line.state,
                    stale: &staleActions, overdue: &overdueActions)
                codes.insert(action.agency)
            }

            // Themes: a review counts for a theme named by the review, one of its findings or one of its
            // recommendations in scope; recommendations count by their own themes.
            var themeCodes = packedCodes(view, view.themes)
            for f in 0..<view.findingCount { themeCodes += packedCodes(view, view.findingThemes(f)) }
            themeCodes += section.recommendations.flatMap(\.recommendation.themes)
            for code in Set(themeCodes) {
                themeRows[code, default: ThemeRow(code: code, label: label(code))].reviews += 1
            }
            for line in section.recommendations {
                let rec = line.recommendation
                for code in rec.themes.isEmpty ? [Self.noTheme] : Array(Set(rec.themes)) {
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

            if options.since != nil {
                inScope.append(
                    InScope(
                        review: Int32(n), recs: section.recommendations.map { Int32($0.position) },
                        actions: section.actionLines.map { Int32($0.position) }))
            }
        }
        reviews = summaries
        timescales = stageLines.enumerated().sorted { a, b in
            func key(_ line: StageLine, _ offset: Int) -> (Int, Int, Int) {
                let late = if case .late(let slip) = line.timing.state { slip.days } else { -1 }
                return (-late, line.timing.due?.ordinal ?? Int.max, offset)
            }
            return key(a.element, a.offset) < key(b.element, b.offset)
        }.map(\.element)

        // Events: those about a review in scope; every event when no review option narrows the report. Board
        // meetings are not dissemination.
        let reviewIDs = Set(summaries.map(\.id))
        let narrowed = !input.filter.reviews.isEmpty || !input.filter.types.isEmpty
        events = input.events.enumerated().filter { _, event in
            event.kind != .board && (!narrowed || event.reviews.contains(where: reviewIDs.contains))
        }.sorted { a, b in
            (a.element.date, a.offset) < (b.element.date, b.offset)
        }.map(\.element)

        // Headline figures.
        headline.reviews = summaries.count
        headline.reviewsByType = zip(ReviewType.allCases, typeCounts).filter { $0.1 > 0 }.map { ($0.0, $0.1) }
        headline.byStatus = zip(RecommendationStatus.allCases, statusCounts).map { ($0.0, $0.1) }
        headline.recommendations = statusCounts.reduce(0, +)
        headline.byRAG = zip(Self.ragOrder, ragCounts).map { ($0.0, $0.1) }
        headline.assured = statusCounts[RecommendationStatus.allCases.firstIndex(of: .assured) ?? 0]
        headline.overdueRecommendations = overdueRecs.count
        // A planned event has not shared anything yet: it is listed, but counted in no figure.
        let held = events.filter { $0.status == .held }
        headline.events = held.count
        headline.attendees = held.compactMap(\.attendees).reduce(0, +)
        headline.eventsWithoutAttendance = held.filter { $0.attendees == nil }.count
        headline.staleRecommendations = staleRecs.count
        headline.staleActions = staleActions.count
        self.headline = headline

        // Stale: the longest silent first, never updated before all; ties keep the store's order, recommendations
        // before actions.
        self.stale = (staleRecs + staleActions).enumerated().sorted { a, b in
            (a.element.days, b.offset) > (b.element.days, a.offset)
        }.map(\.element)

        // Overdue, grouped by lead owner (an action's agency); oldest first within a group, and the group with the
        // oldest item first.
        let ordered = (overdueRecs + overdueActions).enumerated().sorted { a, b in
            a.element.days != b.element.days ? a.element.days > b.element.days : a.offset < b.offset
        }.map(\.element)
        let byLead = Dictionary(grouping: ordered, by: \.lead)
        var seen = Set<Int32>()
        self.overdue = ordered.compactMap { item in
            guard seen.insert(item.lead).inserted else { return nil }
            return OverdueGroup(owner: leads[Int(item.lead)], items: byLead[item.lead] ?? [])
        }
        self.leads = leads

        owners = ownerRows.keys.sorted { a, b in (a == Self.noOwner ? 1 : 0, a) < (b == Self.noOwner ? 1 : 0, b) }
            .compactMap { ownerRows[$0] }
        ownersTotal = total

        // Most recommendations first, then most reviews, then by label; "(no theme)" last.
        themes = themeRows.values.sorted { a, b in
            let aKey = (a.code == Self.noTheme ? 1 : 0, -a.recommendations, -a.reviews, a.label, a.code)
            let bKey = (b.code == Self.noTheme ? 1 : 0, -b.recommendations, -b.reviews, b.label, b.code)
            return aKey < bKey
        }

        if let since = options.since {
            changes = try Self.changes(
                since: since, asOf: asOf, inScope: inScope, records: records, events: events, reviews: input.reviews)
        } else {
            changes = nil
        }

        // The agency key: every code the report prints.
        agencies = tracker.agencies.filter { codes.contains($0.code) }.sorted { $0.code < $1.code }
    }

    /// Each reported review's section made into text by `render`, handed to `write` in order. Sections are made and
    /// rendered on all cores, a chunk of reviews at a time, so memory holds one chunk's text.
    func forEachSectionText(_ render: @escaping @Sendable (ReviewSection) -> String, write: (String) -> Void) {
        let walk = SectionWalk(records: records, query: query, choosesRecords: choosesRecords)
        records.rewindReleases()
        let chunk = 64
        for start in stride(from: 0, to: records.count, by: chunk) {
            let end = min(records.count, start + chunk)
            let texts = Mutex([String?](repeating: nil, count: end - start))
            DispatchQueue.concurrentPerform(iterations: end - start) { k in
                guard let section = walk.section(start + k) else { return }
                let text = render(section)
                texts.withLock { $0[k] = text }
            }
            records.releaseBehind(end - 1)
            for text in texts.withLock({ $0 }) { if let text { write(text) } }
        }
    }

    /// The section of each review that passes the review filters (`SectionWalk`), in order.
    private static func forEachSection(
        _ records: RecordSet, _ query: Query, _ choosesRecords: Bool, _ body: (Int, ReviewView, ReviewSection) -> Void
    ) {
        let walk = SectionWalk(records: records, query: query, choosesRecords: choosesRecords)
        records.rewindReleases()
        for n in 0..<records.count {
            // A report reads most of each review (a national one reads some 20 KB of index per review), so the pages
            // behind are offered back often.
            if n % 32 == 31 { records.releaseBehind(n) }
            if let section = walk.section(n) { body(n, records.review(n), section) }
        }
    }

    /// The sections of the reviews of a record set: of each review that passes the review filters; when the filters
    /// choose among records (`--owner`, `--status`, …), only of the reviews with a recommendation or action in scope.
    private struct SectionWalk: Sendable {
        let records: RecordSet
        let recs: RecordListing
        let actions: RecordListing
        let choosesRecords: Bool

        init(records: RecordSet, query: Query, choosesRecords: Bool) {
            self.records = records
            recs = RecordListing(query, kind: .recommendations, records: records)
            actions = RecordListing(query, kind: .actions, records: records)
            self.choosesRecords = choosesRecords
        }

        /// Review `n`'s section, or nil when it is not reported.
        func section(_ n: Int) -> ReviewSection? {
            let view = records.review(n)
            guard recs.query.includes(view) else { return nil }
            var matched: [MatchedRow] = []
            recs.collect(n, into: &matched)
            let recRows = matched.count
            actions.collect(n, into: &matched)
            if choosesRecords && matched.isEmpty { return nil }
            return ReviewSection(
                review: ReviewHead(view),
                recommendations: matched[..<recRows].map { row in
                    RecLine(position: Int(row.record), recommendation: RecFacts(view, Int(row.record)), state: row.state)
                },
                actionLines: matched[recRows...].map { row in
                    ActionLine(position: Int(row.record), action: ActionFacts(view, Int(row.record)), state: row.state)
                })
        }
    }

    /// The records of one review in scope, by position in the record set and in the review, for "changes since".
    private struct InScope {
        let review: Int32
        let recs: [Int32]
        let actions: [Int32]
    }

    /// History entries that happened or were reported from the start of `since` up to the as-of day, and outcomes
    /// and progress notes dated then, of the records in scope and of `events`, with the board digest of them; read
    /// from the whole reviews, which must still hold those records where the packed reviews said (else
    /// `ReportError.storeChanged`).
    private static func changes(
        since: PartialDate, asOf: CalendarDay, inScope: [InScope], records: RecordSet, events: [DisseminationEvent],
        reviews: ReviewBatches
    ) throws -> Changes {
        var entries = ChangeEntries()
        var changed = 0
        var outcomes = 0
        var notes = 0
        var digest = BoardDigest()
        func inPeriod(_ date: PartialDate) -> Bool { date.end >= since.start && date.start <= asOf }
        // Called once per record, so a record with entries in the period counts once; `agency` puts its status and
        // due-date changes in the digest.
        func add(_ history: [HistoryEntry], _ record: String, agency: String? = nil) {
            var any = false
            for entry in history {
                // The day it happened or was reported, as everything the board sees counts.
                guard let day = entry.reportedDay, day >= since.start, day <= asOf else { continue }
                entries.append(on: day.description, at: entry.at, by: entry.by, record: record, change: entry.change)
                if let agency { digest.add(entry, day: day, agency: agency, record: record) }
                any = true
            }
            if any { changed += 1 }
        }
        // Read by file name; each must still hold the review the packed records have there (its id inside).
        let names = inScope.map { records.id(Int($0.review)) }
        var next = 0
        try reviews.read(names) { batch in
            for review in batch {
                guard next < inScope.count else { throw ReportError.storeChanged(review: review.id) }
                let scope = inScope[next]
                let view = records.review(Int(scope.review))
                guard review.id == String(indexBytes: view.id) else { throw ReportError.storeChanged(review: names[next]) }
                next += 1
                digest.start(review)
                add(review.history, review.id)
                for finding in review.findings { add(finding.history, "\(review.id)/\(finding.id)") }
                // The record at a packed position, if the whole review still holds it there.
                func record<R>(
                    _ records: [R], _ packed: Int32, _ id: KeyPath<R, String>, _ packedID: (Int) -> UnsafeRawBufferPointer
                ) throws -> R {
                    let position = Int(packed)
                    guard position < records.count, records[position][keyPath: id] == String(indexBytes: packedID(position)) else {
                        throw ReportError.storeChanged(review: review.id)
                    }
                    return records[position]
                }
                for packed in scope.recs {
                    let rec = try record(review.recommendations, packed, \.id, view.recID)
                    let reference = "\(review.id)/\(rec.id)"
                    let lead = rec.owners.first ?? noOwner
                    add(rec.history, reference, agency: lead)
                    for outcome in rec.outcomes where inPeriod(outcome.date) {
                        outcomes += 1
                        digest.add(outcome, agency: lead, record: reference)
                    }
                }
                for packed in scope.actions {
                    let action = try record(review.actions, packed, \.id, view.actionID)
                    let reference = "\(review.id)/\(action.id)"
                    add(action.history, reference, agency: action.agency)
                    for note in action.updates where inPeriod(note.date) {
                        notes += 1
                        digest.add(note, agency: action.agency, record: reference)
                    }
                }
            }
        }
        guard next == inScope.count else { throw ReportError.storeChanged(review: names[next]) }
        for event in events { add(event.history, event.id) }
        entries.sort()
        digest.finish()
        return Changes(
            since: since, entries: entries, outcomes: outcomes, notes: notes, digest: digest, records: changed)
    }

    /// What the overdue list prints of a record.
    func overdueLine(_ item: Listed) -> OverdueItem {
        let view = lineView(item)
        let r = Int(item.record)
        let isRec = item.kind == .recommendation
        let due = PackedDate.unpack(isRec ? view.recDue(r) : view.actionDue(r))
        return OverdueItem(
            reference: reference(view, item), kind: item.kind, lead: leads[Int(item.lead)],
            due: due ?? .day(asOf), daysOverdue: Int(item.days), status: status(view, item), lastUpdate: lastUpdate(view, item),
            text: String(indexBytes: isRec ? view.recText(r) : view.actionText(r)))
    }

    /// What the stale list prints of a record.
    func staleLine(_ item: Listed) -> StaleItem {
        let view = lineView(item)
        return StaleItem(
            reference: reference(view, item), kind: item.kind, lead: leads[Int(item.lead)], status: status(view, item),
            lastUpdate: lastUpdate(view, item), days: item.days == Int32.max ? nil : Int(item.days))
    }

    /// What `make` gives for each of `items`, made on all cores 128 at a time and handed to `write` in order.
    ///
    /// A list is read in its own order, not the store's, and each read faults in a few pages of the index and their
    /// neighbours, so after each chunk the index's pages are let go of (the next reads fault them back from the
    /// page cache): a national overdue list then stays well under 64 MB.
    func forEachLine<Line: Sendable>(_ items: [Listed], _ make: @escaping @Sendable (Listed) -> Line, _ write: (Line) -> Void) {
        let chunk = 128
        for start in stride(from: 0, to: items.count, by: chunk) {
            let end = min(items.count, start + chunk)
            let lines = Mutex([Line?](repeating: nil, count: end - start))
            DispatchQueue.concurrentPerform(iterations: (end - start + 31) / 32) { c in
                let range = start + c * 32..<min(end, start + (c + 1) * 32)
                let made = range.map { make(items[$0]) }
                lines.withLock { all in for (k, line) in zip(range, made) { all[k - start] = line } }
            }
            records.rewindReleases()
            records.releaseBehind(records.count - 1)
            for line in lines.withLock({ $0 }) { if let line { write(line) } }
        }
    }

    private func lineView(_ item: Listed) -> ReviewView { records.review(Int(item.review)) }

    private func reference(_ view: ReviewView, _ item: Listed) -> String {
        let r = Int(item.record)
        let id = item.kind == .recommendation ? view.recID(r) : view.actionID(r)
        return "\(String(indexBytes: view.id))/\(String(indexBytes: id))"
    }

    private func status(_ view: ReviewView, _ item: Listed) -> String {
        let r = Int(item.record)
        return item.kind == .recommendation
            ? Codes.recStatuses[view.recStatus(r)].rawValue : Codes.actionStatuses[view.actionStatus(r)].rawValue
    }

    private func lastUpdate(_ view: ReviewView, _ item: Listed) -> CalendarDay? {
        let r = Int(item.record)
        let day = item.kind == .recommendation ? view.recLastUpdate(r) : view.actionLastUpdate(r)
        return day.map { CalendarDay(ordinal: Int($0)) }
    }

    /// The agency's name for a code, or nil when the code is not in the directory.
    func agencyName(_ code: String) -> String? { agencies.first { $0.code == code }?.name }
}

/// Words for codes, as a board paper spells them.
enum ReportWords {
    static func status(_ status: RecommendationStatus) -> String { sentence(status.rawValue) }

    static func status(raw: String) -> String { sentence(raw) }

    /// A recommendation's status in its review's table: "Superseded by 6" names the replacement.
    static func status(of rec: RecFacts) -> String { sentence(rec.status.rawValue) + rec.replacementText }

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

    static let timescalesTitle = "Reviews in progress against timescales"

    static func noTimescales(_ asOf: CalendarDay) -> String {
        "No review in scope has a stage due against a timescale as of \(asOf) (see 'rlt help timescales')."
    }

    /// How many are late, and what the table shows.
    static func timescalesIntro(_ lines: [ReportModel.StageLine], asOf: CalendarDay) -> String {
        let late = lines.filter(\.timing.isLate).count
        return "\(count(lines.count, "review")) with a stage due against its timescale as of \(asOf), "
            + "\(late) late. Each row is the review's first late stage, else its next stage due; the most late first."
    }

    static let timescaleHeaders = ["Review", "Type", "Reached", "Stage due", "Due", "Timescale", "Standing", "RAG"]

    static func timescaleCells(_ line: ReportModel.StageLine) -> [String] {
        [
            line.review, reviewType(line.type), line.reached.map { sentence($0.rawValue) } ?? "—",
            sentence(line.timing.stage.rawValue), line.timing.due?.description ?? "—", line.timing.timescale?.rule ?? "—",
            sentence(line.timing.standing), rag(line.timing.rag),
        ]
    }

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
        var bytes = Array(code.utf8)
        guard let first = bytes.first, first < 0x80 else {
            let words = String(code.map { $0 == "-" ? " " : $0 })
            return words.prefix(1).uppercased() + words.dropFirst()
        }
        for k in bytes.indices where bytes[k] == UInt8(ascii: "-") { bytes[k] = UInt8(ascii: " ") }
        if (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first) { bytes[0] = first - 32 }
        return String(decoding: bytes, as: UTF8.self)
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

extension ReportModel {
    /// The review's first late stage, else its next stage due; nil when neither (no timescale applies, or it is done).
    static func stageLine(_ view: ReviewView, clock: ReviewClock, asOf: CalendarDay) -> StageLine? {
        let timeline = clock.timeline(view, asOf: asOf)
        let pending = timeline.first(where: \.isLate) ?? timeline.first { if case .pending = $0.state { true } else { false } }
        guard let pending else { return nil }
        return StageLine(
            review: String(indexBytes: view.id), title: String(indexBytes: view.title), type: view.type,
            reached: timeline.last { $0.done != nil }?.stage, timing: pending)
    }
}
