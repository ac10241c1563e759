/// An import's lookups into one review's findings, recommendations and actions, kept up to date as rows add and
/// change records, so a row costs the same however many records the review already holds. (Scanning the arrays on
/// every row made a 50,000-row import into one review quadratic: six minutes with the store locked.)
///
/// A class: the import updates it on every row, and a value type copied out of the applier to be read would make
/// each update copy its tables. It lives only inside one `RowApplier`.
final class ReviewLookup {
    private var findings: [String: Int] = [:]
    private var recommendations: [String: Int] = [:]
    private var actions: [String: Int] = [:]
    /// Every child id lower-cased: ids are unique across findings, recommendations and actions, ignoring case.
    private var usedIDs: Set<String> = []
    /// The highest `F` and `A` numbers in use, for the next free id.
    private var highestFinding: Int?
    private var highestAction: Int?
    /// Positions of the findings (by text and audience) and actions (by text and agency), in array order: rows
    /// without an id are matched on these.
    private var findingsByText: [TextKey: [Int]] = [:]
    private var actionsByText: [TextKey: [Int]] = [:]

    /// Text compared scalar by scalar (as `sameScalars` does), with the code it goes with.
    private struct TextKey: Hashable {
        var text: [UInt8]
        var code: String

        init(_ text: String, _ code: String) {
            self.text = Array(text.utf8)
            self.code = code
        }
    }

    init(_ review: Review) {
        for (index, finding) in review.findings.enumerated() { added(finding, at: index) }
        for (index, rec) in review.recommendations.enumerated() { added(rec, at: index) }
        for (index, action) in review.actions.enumerated() { added(action, at: index) }
    }

    // The first record with an id wins, as `firstIndex(where:)` would find it.
    func finding(_ id: String) -> Int? { findings[id] }
    func recommendation(_ id: String) -> Int? { recommendations[id] }
    func action(_ id: String) -> Int? { actions[id] }

    /// Whether a child record already uses `id`, ignoring case.
    func isUsed(_ id: String) -> Bool { usedIDs.contains(id.lowercased()) }

    func nextFindingID() -> String { Identifiers.next(prefix: "F", afterNumber: highestFinding) }
    func nextActionID() -> String { Identifiers.next(prefix: "A", afterNumber: highestAction) }

    /// The first finding with exactly this text for `audience`.
    func finding(text: String, audience: String?) -> Int? {
        audience.flatMap { findingsByText[TextKey(text, $0)]?.first }
    }

    /// The first action with exactly this text for `agency`.
    func action(text: String, agency: String?) -> Int? {
        agency.flatMap { actionsByText[TextKey(text, $0)]?.first }
    }

    func added(_ finding: Finding, at index: Int) {
        if findings[finding.id] == nil { findings[finding.id] = index }
        usedIDs.insert(finding.id.lowercased())
        highestFinding = max(highestFinding, Identifiers.number(of: finding.id, prefix: "F"))
        Self.insert(index, at: TextKey(finding.text, finding.audience), into: &findingsByText)
    }

    func added(_ rec: Recommendation, at index: Int) {
        if recommendations[rec.id] == nil { recommendations[rec.id] = index }
        usedIDs.insert(rec.id.lowercased())
    }

    func added(_ action: AgencyAction, at index: Int) {
        if actions[action.id] == nil { actions[action.id] = index }
        usedIDs.insert(action.id.lowercased())
        highestAction = max(highestAction, Identifiers.number(of: action.id, prefix: "A"))
        Self.insert(index, at: TextKey(action.text, action.agency), into: &actionsByText)
    }

    /// A finding at `index` changed (ids never change on import; text and audience may).
    func changed(_ old: Finding, to new: Finding, at index: Int) {
        Self.move(index, from: TextKey(old.text, old.audience), to: TextKey(new.text, new.audience), in: &findingsByText)
    }

    func changed(_ old: AgencyAction, to new: AgencyAction, at index: Int) {
        Self.move(index, from: TextKey(old.text, old.agency), to: TextKey(new.text, new.agency), in: &actionsByText)
    }

    private static func insert(_ index: Int, at key: TextKey, into table: inout [TextKey: [Int]]) {
        var positions = table[key, default: []]
        positions.insert(index, at: positions.firstIndex { $0 > index } ?? positions.endIndex)
        table[key] = positions
    }

    private static func move(_ index: Int, from old: TextKey, to new: TextKey, in table: inout [TextKey: [Int]]) {
        guard old != new else { return }
        table[old]?.removeAll { $0 == index }
        if table[old]?.isEmpty == true { table[old] = nil }
        insert(index, at: new, into: &table)
    }

    private func max(_ a: Int?, _ b: Int?) -> Int? {
        switch (a, b) {
        case (let a?, let b?): return Swift.max(a, b)
        default: return a ?? b
        }
    }
}
