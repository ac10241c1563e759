/// Read access to one review's blob and texts in a mapped index file. Every reference is bounds-checked against the
/// blob or its text region, so even a damaged file cannot make a read stray outside the mapping.
///
/// `@unchecked`: it holds pointers into a read-only mapping that outlives every query using it.
struct ReviewView: @unchecked Sendable {
    let hot: UnsafeRawBufferPointer
    let active: UnsafeRawBufferPointer
    let cold: UnsafeRawBufferPointer
    let codeCount: Int
    let findingCount: Int
    let recCount: Int
    let actionCount: Int
    private let codesAt: Int
    private let findingsAt: Int
    private let recsAt: Int
    private let actionsAt: Int

    init?(hot: UnsafeRawBufferPointer, active: UnsafeRawBufferPointer, cold: UnsafeRawBufferPointer) {
        guard hot.count >= BlobLayout.headerSize + 4 else { return nil }
        self.hot = hot
        self.active = active
        self.cold = cold
        codeCount = Int(hot.u32(12))
        codesAt = Int(hot.u32(16))
        findingCount = Int(hot.u32(20))
        findingsAt = Int(hot.u32(24))
        recCount = Int(hot.u32(28))
        recsAt = Int(hot.u32(32))
        actionCount = Int(hot.u32(36))
        actionsAt = Int(hot.u32(40))
        let n = hot.count
        func fits(_ at: Int, _ count: Int, _ size: Int) -> Bool { at <= n && count <= (n - at) / size }
        guard Int(hot.u8(0)) < ReviewView.typeCount, fits(codesAt, codeCount, 4),
            fits(findingsAt, findingCount, BlobLayout.findingSize), fits(recsAt, recCount, BlobLayout.recSize),
            fits(actionsAt, actionCount, BlobLayout.actionSize)
        else { return nil }
    }

    private static let typeCount = ReviewType.allCases.count

    /// A placeholder for a file that vanished (never read).
    static let empty: ReviewView = {
        let blank = UnsafeMutableRawBufferPointer.allocate(byteCount: BlobLayout.headerSize + 4, alignment: 8)
        blank.initializeMemory(as: UInt8.self, repeating: 0)
        return ReviewView(hot: UnsafeRawBufferPointer(blank), active: UnsafeRawBufferPointer(blank), cold: UnsafeRawBufferPointer(blank))!
    }()

    // MARK: Parts

    /// A length-prefixed string of the blob; empty if the reference is bad.
    @inline(__always) func string(_ at: UInt32) -> UnsafeRawBufferPointer {
        let at = Int(at)
        guard at <= hot.count - 4 else { return hot.slice(0, 0) }
        let length = Int(hot.u32(at))
        guard length <= hot.count - at - 4 else { return hot.slice(0, 0) }
        return hot.slice(at + 4, length)
    }

    /// The number of items in the list at `at`, checked to fit.
    @inline(__always) func listCount(_ at: UInt32) -> Int {
        let at = Int(at)
        guard at <= hot.count - 4 else { return 0 }
        let count = Int(hot.u32(at))
        return count <= (hot.count - at - 4) / 4 ? count : 0
    }

    @inline(__always) func listItem(_ at: UInt32, _ k: Int) -> UInt32 { hot.u32(Int(at) + 4 + 4 * k) }

    func code(_ index: UInt32) -> UnsafeRawBufferPointer {
        guard Int(index) < codeCount else { return hot.slice(0, 0) }
        return string(hot.u32(codesAt + 4 * Int(index)))
    }

    /// A text of the record's region, or nil for none (or a bad reference).
    @inline(__always) func text(_ region: UInt8, _ at: UInt32) -> UnsafeRawBufferPointer? {
        guard at != BlobLayout.none else { return nil }
        let r = region == BlobLayout.active ? active : cold
        let at = Int(at)
        guard r.count >= 4, at <= r.count - 4 else { return nil }
        let length = Int(r.u32(at))
        guard length <= r.count - at - 4 else { return nil }
        return r.slice(at + 4, length)
    }

    /// The days a date in the index may have: years 1 to 9999, as rlt's dates. Anything else reads as no date, so
    /// a forged or damaged blob cannot overflow date arithmetic (days overdue, printing a year) downstream.
    static let days: ClosedRange<Int32> = -719_162...2_932_896

    /// A packed date (kind at `kindAt`, last day at `endAt`), or no date if either is out of range.
    @inline(__always) private func date(_ kindAt: Int, _ endAt: Int) -> (kind: UInt8, end: Int32) {
        let kind = hot.u8(kindAt)
        let end = hot.i32(endAt)
        guard kind <= PackedDate.undated, ReviewView.days.contains(end) else { return (PackedDate.none, 0) }
        return (kind, end)
    }

    // MARK: Review

    var type: ReviewType { Codes.reviewTypes[Int(hot.u8(0))] }
    var typeIndex: UInt8 { hot.u8(0) }
    var id: UnsafeRawBufferPointer { string(hot.u32(4)) }
    var title: UnsafeRawBufferPointer { string(hot.u32(8)) }
    var status: ReviewStatus {
        Codes.reviewStatuses[min(Int(hot.u8(BlobLayout.Header.status)), Codes.reviewStatuses.count - 1)]
    }
    /// A list of strings (`string`).
    var partnerships: UInt32 { hot.u32(BlobLayout.Header.partnerships) }
    /// A list of codes (`code`).
    var themes: UInt32 { hot.u32(BlobLayout.Header.themes) }
    var convertedFrom: UnsafeRawBufferPointer? {
        let at = hot.u32(BlobLayout.Header.convertedFrom)
        return at == BlobLayout.none ? nil : string(at)
    }
    var summary: UnsafeRawBufferPointer? { text(BlobLayout.cold, hot.u32(BlobLayout.Header.summary)) }
    var source: UnsafeRawBufferPointer? { text(BlobLayout.cold, hot.u32(BlobLayout.Header.source)) }
    /// The date of the stage in slot `k` (`ReviewStage.slot`).
    func date(_ k: Int) -> (kind: UInt8, end: Int32) {
        date(BlobLayout.Header.dateKinds + k, BlobLayout.Header.dateEnds + 4 * k)
    }

    /// The texts of a list of text offsets in `region` (outcome or update texts), in order.
    func texts(_ list: UInt32, _ region: UInt8) -> [UnsafeRawBufferPointer] {
        (0..<listCount(list)).map { text(region, listItem(list, $0)) ?? hot.slice(0, 0) }
    }

    // MARK: Findings

    func findingID(_ f: Int) -> UnsafeRawBufferPointer { string(hot.u32(findingsAt + f * BlobLayout.findingSize)) }
    func findingThemes(_ f: Int) -> UInt32 { hot.u32(findingsAt + f * BlobLayout.findingSize + 4) }
    func findingAudience(_ f: Int) -> UnsafeRawBufferPointer { code(hot.u32(findingsAt + f * BlobLayout.findingSize + 8)) }
    func findingText(_ f: Int) -> UnsafeRawBufferPointer {
        text(BlobLayout.cold, hot.u32(findingsAt + f * BlobLayout.findingSize + 12)) ?? hot.slice(0, 0)
    }

    // MARK: Recommendations

    @inline(__always) func rec(_ r: Int) -> Int { recsAt + r * BlobLayout.recSize }
    @inline(__always) func recStatus(_ r: Int) -> Int {
        min(Int(hot.u8(rec(r) + BlobLayout.Rec.status)), Codes.recStatuses.count - 1)
    }
    @inline(__always) func recLevel(_ r: Int) -> Int {
        min(Int(hot.u8(rec(r) + BlobLayout.Rec.level)), Codes.levels.count - 1)
    }
    @inline(__always) func recAssurance(_ r: Int) -> Int {
        min(Int(hot.u8(rec(r) + BlobLayout.Rec.assurance)), Codes.assurances.count - 1)
    }
    func recID(_ r: Int) -> UnsafeRawBufferPointer { string(hot.u32(rec(r) + BlobLayout.Rec.id)) }
    func recOwners(_ r: Int) -> UInt32 { hot.u32(rec(r) + BlobLayout.Rec.owners) }
    func recThemes(_ r: Int) -> UInt32 { hot.u32(rec(r) + BlobLayout.Rec.themes) }
    func recLinks(_ r: Int) -> UInt32 { hot.u32(rec(r) + BlobLayout.Rec.links) }
    @inline(__always) func recDue(_ r: Int) -> (kind: UInt8, end: Int32) {
        date(rec(r) + BlobLayout.Rec.dueKind, rec(r) + BlobLayout.Rec.dueEnd)
    }
    func recOriginalDue(_ r: Int) -> (kind: UInt8, end: Int32) {
        date(rec(r) + BlobLayout.Rec.originalDueKind, rec(r) + BlobLayout.Rec.originalDueEnd)
    }
    func recLatestOutcome(_ r: Int) -> (kind: UInt8, end: Int32) {
        date(rec(r) + BlobLayout.Rec.latestOutcomeKind, rec(r) + BlobLayout.Rec.latestOutcomeEnd)
    }
    @inline(__always) func recLastUpdate(_ r: Int) -> Int32? {
        let day = hot.i32(rec(r) + BlobLayout.Rec.lastUpdate)
        return day == BlobLayout.noDay || !ReviewView.days.contains(day) ? nil : day
    }
    func recOutcomeCount(_ r: Int) -> Int { Int(hot.u32(rec(r) + BlobLayout.Rec.outcomeCount)) }
    func recText(_ r: Int) -> UnsafeRawBufferPointer {
        text(hot.u8(rec(r) + BlobLayout.Rec.region), hot.u32(rec(r) + BlobLayout.Rec.text)) ?? hot.slice(0, 0)
    }
    func recReason(_ r: Int) -> UnsafeRawBufferPointer? {
        text(hot.u8(rec(r) + BlobLayout.Rec.region), hot.u32(rec(r) + BlobLayout.Rec.reason))
    }
    func recOutcomeTexts(_ r: Int) -> [UnsafeRawBufferPointer] {
        texts(hot.u32(rec(r) + BlobLayout.Rec.outcomeTexts), hot.u8(rec(r) + BlobLayout.Rec.region))
    }
    /// The current outcome (`Recommendation.currentOutcomePosition`): its text, date, assurance level and by; nil
    /// when there is none (or the reference is bad).
    func recCurrentOutcome(_ r: Int) -> (
        text: UnsafeRawBufferPointer, date: (kind: UInt8, end: Int32), assurance: Int?, by: UnsafeRawBufferPointer?
    )? {
        let position = hot.u32(rec(r) + BlobLayout.Rec.currentPosition)
        let list = hot.u32(rec(r) + BlobLayout.Rec.outcomeTexts)
        guard position != BlobLayout.none, Int(position) < listCount(list),
            let text = text(hot.u8(rec(r) + BlobLayout.Rec.region), listItem(list, Int(position)))
        else { return nil }
        let level = Int(hot.u8(rec(r) + BlobLayout.Rec.currentAssurance))
        let by = hot.u32(rec(r) + BlobLayout.Rec.currentBy)
        return (
            text, date(rec(r) + BlobLayout.Rec.currentKind, rec(r) + BlobLayout.Rec.currentEnd),
            level < Codes.assurances.count ? level : nil, by == BlobLayout.none ? nil : string(by)
        )
    }

    // MARK: Actions

    @inline(__always) func action(_ a: Int) -> Int { actionsAt + a * BlobLayout.actionSize }
    @inline(__always) func actionStatus(_ a: Int) -> Int {
        min(Int(hot.u8(action(a) + BlobLayout.Action.status)), Codes.actionStatuses.count - 1)
    }
    func actionID(_ a: Int) -> UnsafeRawBufferPointer { string(hot.u32(action(a) + BlobLayout.Action.id)) }
    func actionAgency(_ a: Int) -> UInt32 { hot.u32(action(a) + BlobLayout.Action.agency) }
    func actionRespondsTo(_ a: Int) -> UInt32 { hot.u32(action(a) + BlobLayout.Action.respondsTo) }
    @inline(__always) func actionDue(_ a: Int) -> (kind: UInt8, end: Int32) {
        date(action(a) + BlobLayout.Action.dueKind, action(a) + BlobLayout.Action.dueEnd)
    }
    func actionOriginalDue(_ a: Int) -> (kind: UInt8, end: Int32) {
        date(action(a) + BlobLayout.Action.originalDueKind, action(a) + BlobLayout.Action.originalDueEnd)
    }
    func actionCompleted(_ a: Int) -> (kind: UInt8, end: Int32) {
        date(action(a) + BlobLayout.Action.completedKind, action(a) + BlobLayout.Action.completedEnd)
    }
    @inline(__always) func actionLastUpdate(_ a: Int) -> Int32? {
        let day = hot.i32(action(a) + BlobLayout.Action.lastUpdate)
        return day == BlobLayout.noDay || !ReviewView.days.contains(day) ? nil : day
    }
    func actionText(_ a: Int) -> UnsafeRawBufferPointer {
        text(hot.u8(action(a) + BlobLayout.Action.region), hot.u32(action(a) + BlobLayout.Action.text)) ?? hot.slice(0, 0)
    }
    func actionUpdateTexts(_ a: Int) -> [UnsafeRawBufferPointer] {
        texts(hot.u32(action(a) + BlobLayout.Action.updateTexts), hot.u8(action(a) + BlobLayout.Action.region))
    }
    /// The latest progress note (`AgencyAction.latestUpdatePosition`): its date and text; nil when there is none.
    func actionLatestUpdate(_ a: Int) -> (date: (kind: UInt8, end: Int32), text: UnsafeRawBufferPointer)? {
        let position = hot.u32(action(a) + BlobLayout.Action.latestUpdatePosition)
        let list = hot.u32(action(a) + BlobLayout.Action.updateTexts)
        guard position != BlobLayout.none, Int(position) < listCount(list),
            let text = text(hot.u8(action(a) + BlobLayout.Action.region), listItem(list, Int(position)))
        else { return nil }
        return (date(action(a) + BlobLayout.Action.latestUpdateKind, action(a) + BlobLayout.Action.latestUpdateEnd), text)
    }
    /// Measure (0), evidence (1) or reason (2).
    func actionExtra(_ a: Int, _ k: Int) -> UnsafeRawBufferPointer? {
        let at = hot.u32(action(a) + BlobLayout.Action.extras)
        guard at != BlobLayout.none else { return nil }
        let region = hot.u8(action(a) + BlobLayout.Action.region)
        let r = region == BlobLayout.active ? active : cold
        guard r.count >= 12, Int(at) <= r.count - 12 else { return nil }
        return text(region, r.u32(Int(at) + 4 * k))
    }

    // MARK: Schema 2's details

    /// A finding's, recommendation's or action's detail `field` (`RecordDetail`): its cell text, or nil when unset.
    func findingDetail(_ f: Int, _ field: RecordDetail) -> UnsafeRawBufferPointer? {
        detail(hot.u32(findingsAt + f * BlobLayout.findingSize + BlobLayout.findingDetails), BlobLayout.cold, field)
    }

    func recDetail(_ r: Int, _ field: RecordDetail) -> UnsafeRawBufferPointer? {
        detail(hot.u32(rec(r) + BlobLayout.Rec.details), hot.u8(rec(r) + BlobLayout.Rec.region), field)
    }

    func actionDetail(_ a: Int, _ field: RecordDetail) -> UnsafeRawBufferPointer? {
        detail(hot.u32(action(a) + BlobLayout.Action.details), hot.u8(action(a) + BlobLayout.Action.region), field)
    }

    private func detail(_ at: UInt32, _ region: UInt8, _ field: RecordDetail) -> UnsafeRawBufferPointer? {
        guard at != BlobLayout.none else { return nil }
        let r = region == BlobLayout.active ? active : cold
        let at = Int(at)
        guard r.count >= 4, at <= r.count - 4 else { return nil }
        let count = Int(r.u32(at))
        guard count <= (r.count - at - 4) / 8 else { return nil }
        for k in 0..<count where r.u32(at + 4 + 8 * k) == field.rawValue {
            return text(region, r.u32(at + 8 + 8 * k))
        }
        return nil
    }
}
