/// What a report shows of a review, read from its packed form (the index, or a decoded review packed alike), so
/// both give the same report.
struct ReviewHead {
    let id: String
    let title: String
    let type: ReviewType
    let status: ReviewStatus
    let published: PartialDate?

    init(_ view: ReviewView) {
        id = String(indexBytes: view.id)
        title = String(indexBytes: view.title)
        type = view.type
        status = view.status
        published = PackedDate.unpack(view.date(4))
    }
}

/// A recommendation's current outcome as the report prints it.
struct OutcomeFacts {
    let date: PartialDate
    let text: String
    let assurance: AssuranceLevel?
    let by: String?
}

/// What a report shows of a recommendation.
struct RecFacts {
    let id: String
    let text: String
    let owners: [String]
    let themes: [String]
    let status: RecommendationStatus
    let assurance: AssuranceLevel
    let due: PartialDate?
    let originalDue: PartialDate?
    let lastUpdate: CalendarDay?
    let reason: String?
    let links: [String]
    /// The current outcome (`Recommendation.currentOutcomePosition`).
    let currentOutcome: OutcomeFacts?
    /// Bodies to engage, who do not own it.
    let engage: [String]
    /// `from 2021-05 through 2022 (approximate)`: timing beside the due date, or nil.
    let timing: String?

    init(_ view: ReviewView, _ r: Int) {
        id = String(indexBytes: view.recID(r))
        text = String(indexBytes: view.recText(r))
        owners = packedCodes(view, view.recOwners(r))
        themes = packedCodes(view, view.recThemes(r))
        status = Codes.recStatuses[view.recStatus(r)]
        assurance = Codes.assurances[view.recAssurance(r)]
        due = PackedDate.unpack(view.recDue(r))
        originalDue = PackedDate.unpack(view.recOriginalDue(r))
        lastUpdate = view.recLastUpdate(r).map { CalendarDay(ordinal: Int($0)) }
        reason = view.recReason(r).map(String.init(indexBytes:))
        let list = view.recLinks(r)
        links = (0..<view.listCount(list)).map { String(indexBytes: view.string(view.listItem(list, $0))) }
        engage = view.recDetail(r, .engage).map { String(indexBytes: $0).split(separator: "; ").map(String.init) } ?? []
        timing = Timing(packed: { view.recDetail(r, $0) }).summary
        currentOutcome = view.recCurrentOutcome(r).flatMap { current in
            PackedDate.unpack(current.date).map { date in
                OutcomeFacts(
                    date: date, text: String(indexBytes: current.text), assurance: current.assurance.map { Codes.assurances[$0] },
                    by: current.by.map(String.init(indexBytes:)))
            }
        }
    }

    /// ` by 6` for a superseded recommendation, as `Recommendation.replacementText`.
    var replacementText: String { Recommendation.replacementText(status: status, links: links) }
}

/// What a report shows of an agency action.
struct ActionFacts {
    let id: String
    let text: String
    let agency: String
    let respondsTo: [String]
    let due: PartialDate?
    let originalDue: PartialDate?
    let status: ActionStatus
    let completed: PartialDate?
    let reason: String?
    let lastUpdate: CalendarDay?
    /// The latest progress note (`AgencyAction.latestUpdatePosition`).
    let latestUpdate: (date: PartialDate, text: String)?
    /// Agencies sharing it with the lead.
    let with: [String]
    let timing: String?

    init(_ view: ReviewView, _ a: Int) {
        id = String(indexBytes: view.actionID(a))
        text = String(indexBytes: view.actionText(a))
        agency = String(indexBytes: view.code(view.actionAgency(a)))
        let list = view.actionRespondsTo(a)
        respondsTo = (0..<view.listCount(list)).map { String(indexBytes: view.string(view.listItem(list, $0))) }
        due = PackedDate.unpack(view.actionDue(a))
        originalDue = PackedDate.unpack(view.actionOriginalDue(a))
        status = Codes.actionStatuses[view.actionStatus(a)]
        completed = PackedDate.unpack(view.actionCompleted(a))
        reason = view.actionExtra(a, 2).map(String.init(indexBytes:))
        lastUpdate = view.actionLastUpdate(a).map { CalendarDay(ordinal: Int($0)) }
        with = view.actionDetail(a, .with).map { String(indexBytes: $0).split(separator: "; ").map(String.init) } ?? []
        timing = Timing(packed: { view.actionDetail(a, $0) }).summary
        latestUpdate = view.actionLatestUpdate(a).flatMap { note in
            PackedDate.unpack(note.date).map { ($0, String(indexBytes: note.text)) }
        }
    }
}

extension Timing {
    /// The timing a packed record's details hold (dates as stored, so they parse; the note is not needed here).
    init(packed detail: (RecordDetail) -> UnsafeRawBufferPointer?) {
        func date(_ field: RecordDetail) -> PartialDate? {
            detail(field).flatMap { try? PartialDate(parsing: String(indexBytes: $0)) }
        }
        self.init(from: date(.from), through: date(.through), approximate: detail(.approximate) != nil)
    }
}

/// The codes of a list of code indices of a packed review.
func packedCodes(_ view: ReviewView, _ list: UInt32) -> [String] {
    (0..<view.listCount(list)).map { String(indexBytes: view.code(view.listItem(list, $0))) }
}
