/// A recommendation or action that matched, with its derived views: a row of a record listing.
package struct MatchedRow: Sendable {
    /// Position of the review in its `RecordSet`.
    package var review: Int32
    /// Position of the record in the review's recommendations, or in its actions when `isAction`.
    package var record: Int32
    package var isAction: Bool
    package var rag: RAG
    /// Days overdue, or -1 when not overdue.
    package var daysOverdue: Int32

    /// RAG and days overdue as a `DueState`.
    package var state: DueState { DueState(rag: rag, daysOverdue: daysOverdue >= 0 ? Int(daysOverdue) : nil) }
}

/// `Query` over packed reviews (`ReviewView`): the filters of `RecordFilter` and the derived views of `DueState`,
/// computed on numbers and codes. The one implementation of the record filters, whether the reviews come from the
/// index or were decoded (`RecordSet`). `--text` is matched on the packed texts (a recommendation's text, reason
/// and outcomes; an action's text, measure, evidence, reason and updates) and the record's id.
struct RecordQuery: Sendable {
    let filter: RecordFilter
    let asOf: Int32
    let amberDays: Int
    private let recStatuses: [Bool]
    private let actionStatuses: [Bool]
    private let levels: [Bool]
    private let assurance: [Bool]
    private let rags: [Bool]
    private let types: [Bool]
    private let reviews: [[UInt8]]
    private let owners: [[UInt8]]
    private let leads: [[UInt8]]
    private let themes: [[UInt8]]
    private let dueBefore: Int32?
    private let dueAfter: Int32?

    init(_ query: Query) {
        let f = query.filter
        filter = f
        asOf = Int32(query.asOf.ordinal)
        amberDays = query.amberDays
        func mask<V: Vocabulary>(_ chosen: [V], _ all: [V]) -> [Bool] { all.map { chosen.isEmpty || chosen.contains($0) } }
        recStatuses = mask(f.recommendationStatuses, Codes.recStatuses)
        actionStatuses = mask(f.actionStatuses, Codes.actionStatuses)
        levels = mask(f.levels, Codes.levels)
        assurance = mask(f.assurance, Codes.assurances)
        rags = mask(f.rags, RAG.allCases.map { $0 })
        types = mask(f.types, Codes.reviewTypes)
        reviews = f.reviews.map { Array($0.utf8) }
        owners = f.owners.map { Array($0.utf8) }
        leads = f.leads.map { Array($0.utf8) }
        themes = f.themes.map { Array($0.utf8) }
        dueBefore = f.dueBefore.map { Int32($0.start.ordinal) }
        dueAfter = f.dueAfter.map { Int32($0.end.ordinal) }
    }

    // MARK: Review level

    func includes(_ view: ReviewView) -> Bool {
        guard types[Int(view.typeIndex)] else { return false }
        if !reviews.isEmpty && !reviews.contains(where: { $0.withUnsafeBytes { sameText(view.id, $0) } }) { return false }
        return true
    }

    /// For each code of the review, whether it is one of `wanted`.
    private func codeMatches(_ view: ReviewView, _ wanted: [[UInt8]]) -> [Bool] {
        // `sameText` one code against each wanted, with each side's ASCII test made once rather than per pair.
        let wantedASCII = wanted.map { $0.allSatisfy { $0 < 0x80 } }
        return (0..<view.codeCount).map { c in
            let code = view.code(UInt32(c))
            let codeASCII = isASCII(code)
            return wanted.indices.contains { k in
                wanted[k].withUnsafeBytes { sameText(code, $0, bothASCII: codeASCII && wantedASCII[k]) }
            }
        }
    }

    /// The state of a record: RAG and days overdue (`DueState`).
    @inline(__always) func state(dueKind: UInt8, dueEnd: Int32, terminal: Bool) -> (RAG, Int32) {
        if terminal { return (.blue, -1) }
        guard dueKind != PackedDate.none else { return (.grey, -1) }
        if dueEnd < asOf { return (.red, asOf - dueEnd) }
        return (Int(asOf.distance(to: dueEnd)) <= amberDays ? .amber : .green, -1)
    }

    /// The row of record `r` of review `n`, which passed the filters on its fields, if its due state, staleness
    /// and text match too.
    @inline(__always) private func matched(
        _ view: ReviewView, _ n: Int, _ r: Int, isAction: Bool, due: (kind: UInt8, end: Int32), lastUpdate: Int32?,
        terminal: Bool
    ) -> MatchedRow? {
        let (rag, days) = state(dueKind: due.kind, dueEnd: due.end, terminal: terminal)
        if filter.overdueOnly && days < 0 { return nil }
        if !rags[rag.position] { return nil }
        if let dueBefore, !(due.kind != PackedDate.none && due.end < dueBefore) { return nil }
        if let dueAfter, !(due.kind != PackedDate.none && due.end > dueAfter) { return nil }
        if let stale = filter.staleDays {
            guard !terminal else { return nil }
            if let lastUpdate, Int(lastUpdate.distance(to: asOf)) < stale { return nil }
        }
        if let text = filter.text, !(isAction ? Self.actionMatches(text, view, r) : Self.recMatches(text, view, r)) {
            return nil
        }
        return MatchedRow(review: Int32(n), record: Int32(r), isAction: isAction, rag: rag, daysOverdue: days)
    }

    private static func recMatches(_ text: TextMatcher, _ view: ReviewView, _ r: Int) -> Bool {
        text.matches(view.recText(r)) || view.recReason(r).map(text.matches) == true
            || view.recOutcomeTexts(r).contains(where: text.matches) || text.matches(view.recID(r))
    }

    private static func actionMatches(_ text: TextMatcher, _ view: ReviewView, _ a: Int) -> Bool {
        text.matches(view.actionText(a)) || (0..<3).contains { view.actionExtra(a, $0).map(text.matches) == true }
            || view.actionUpdateTexts(a).contains(where: text.matches) || text.matches(view.actionID(a))
    }

    /// For each code of the review: whether it is a wanted owner, lead and theme.
    private func codeMatches(_ view: ReviewView) -> (owners: [Bool], leads: [Bool], themes: [Bool]) {
        (
            owners.isEmpty ? [] : codeMatches(view, owners), leads.isEmpty ? [] : codeMatches(view, leads),
            themes.isEmpty ? [] : codeMatches(view, themes)
        )
    }

    // MARK: Records

    /// Appends the matching recommendations of review `n` (whose view is `view`).
    func recommendations(_ view: ReviewView, review n: Int, into rows: inout [MatchedRow]) {
        guard !filter.excludeRecommendations, includes(view) else { return }
        let (ownerMatch, leadMatch, themeMatch) = codeMatches(view)
        for r in 0..<view.recCount {
            let status = view.recStatus(r)
            guard recStatuses[status], levels[view.recLevel(r)], assurance[view.recAssurance(r)] else { continue }
            if !owners.isEmpty && !anyCode(view, view.recOwners(r), ownerMatch) { continue }
            if !leads.isEmpty {
                let list = view.recOwners(r)
                guard view.listCount(list) > 0, isCode(view.listItem(list, 0), leadMatch) else { continue }
            }
            if !themes.isEmpty && !anyCode(view, view.recThemes(r), themeMatch) { continue }
            let row = matched(
                view, n, r, isAction: false, due: view.recDue(r), lastUpdate: view.recLastUpdate(r),
                terminal: Codes.recTerminal[status])
            if let row { rows.append(row) }
        }
    }

    /// Whether a wanted owner shares action `a` with its lead (`with`): the action is theirs too.
    private func sharesAction(_ view: ReviewView, _ a: Int) -> Bool {
        guard let with = view.actionDetail(a, .with) else { return false }
        return with.split(separator: UInt8(ascii: ";")).contains { part in
            let code = part.drop { $0 == UInt8(ascii: " ") }
            return owners.contains { $0.elementsEqual(code) }
        }
    }

    /// Appends the matching actions of review `n`.
    func actions(_ view: ReviewView, review n: Int, into rows: inout [MatchedRow]) {
        guard !filter.excludeActions, includes(view) else { return }
        let (ownerMatch, leadMatch, themeMatch) = codeMatches(view)
        let throughRecs = !themes.isEmpty || !filter.levels.isEmpty || !filter.assurance.isEmpty
        for a in 0..<view.actionCount {
            let status = view.actionStatus(a)
            guard actionStatuses[status] else { continue }
            let agency = view.actionAgency(a)
            if !owners.isEmpty && !isCode(agency, ownerMatch) && !sharesAction(view, a) { continue }
            if !leads.isEmpty && !isCode(agency, leadMatch) { continue }
            if throughRecs {
                let (recs, findings) = Self.targets(view, a)
                if !themes.isEmpty
                    && !(recs.contains { anyCode(view, view.recThemes($0), themeMatch) }
                        || findings.contains { anyCode(view, view.findingThemes($0), themeMatch) })
                {
                    continue
                }
                if !filter.levels.isEmpty && !recs.contains(where: { levels[view.recLevel($0)] }) { continue }
                if !filter.assurance.isEmpty && !recs.contains(where: { assurance[view.recAssurance($0)] }) { continue }
            }
            let row = matched(
                view, n, a, isAction: true, due: view.actionDue(a), lastUpdate: view.actionLastUpdate(a),
                terminal: Codes.actionTerminal[status])
            if let row { rows.append(row) }
        }
    }

    /// The recommendations and findings (positions) an action responds to, in review order.
    static func targets(_ view: ReviewView, _ a: Int) -> (recs: [Int], findings: [Int]) {
        let list = view.actionRespondsTo(a)
        let count = view.listCount(list)
        guard count > 0 else { return ([], []) }
        let ids = (0..<count).map { view.string(view.listItem(list, $0)) }
        let recs = (0..<view.recCount).filter { r in let id = view.recID(r); return ids.contains { sameText($0, id) } }
        let findings = (0..<view.findingCount).filter { f in let id = view.findingID(f); return ids.contains { sameText($0, id) } }
        return (recs, findings)
    }

    @inline(__always) private func anyCode(_ view: ReviewView, _ list: UInt32, _ matches: [Bool]) -> Bool {
        let count = view.listCount(list)
        for k in 0..<count where isCode(view.listItem(list, k), matches) { return true }
        return false
    }

    @inline(__always) private func isCode(_ code: UInt32, _ matches: [Bool]) -> Bool {
        Int(code) < matches.count && matches[Int(code)]
    }
}

@inline(__always) func equalRaw(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
    guard a.count == b.count else { return false }
    guard let x = a.baseAddress, let y = b.baseAddress else { return a.count == 0 }
    return memcmp(x, y, a.count) == 0
}

/// String equality as Swift compares strings (canonical equivalence), fast for ASCII.
@inline(__always) func sameText(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
    sameText(a, b, bothASCII: isASCII(a) && isASCII(b))
}

/// `sameText` when the caller already knows whether both texts are ASCII (whose bytes alone decide).
@inline(__always) func sameText(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer, bothASCII: Bool) -> Bool {
    if equalRaw(a, b) { return true }
    if bothASCII { return false }
    return String(decoding: a, as: UTF8.self) == String(decoding: b, as: UTF8.self)
}

@inline(__always) func isASCII(_ a: UnsafeRawBufferPointer) -> Bool {
    for byte in a where byte >= 0x80 { return false }
    return true
}

extension String {
    /// A string from index bytes.
    init(indexBytes bytes: UnsafeRawBufferPointer) {
        self.init(decoding: bytes, as: UTF8.self)
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension RAG {
    /// The position in `RAG.allCases`, for arrays indexed by RAG in the index's hot loops.
    @inline(__always) var position: Int {
        switch self {
        case .blue: 0
        case .red: 1
        case .amber: 2
        case .green: 3
        case .grey: 4
        }
    }
}
