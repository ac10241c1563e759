/// A field both sides of a merge changed, to different values: the value kept and the one set aside.
package struct MergeConflict: Equatable, Sendable {
    /// The record's id as merged, or "" for the review's own fields.
    package let record: String
    package let field: String
    /// Both values as compact JSON.
    package let kept: String
    package let setAside: String
}

/// What merging two versions of a review gives: the review, and what a person should hear about.
package struct ReviewMergeResult: Sendable {
    package var review: Review
    /// Fields changed on both sides to different values: theirs is kept (it is already shared), ours set aside.
    package var conflicts: [MergeConflict] = []
    /// Our records renumbered because the same new id was added on the other side: `A1 → A3`.
    package var renumbered: [String] = []
    /// Records removed on one side and changed on the other: kept, and why.
    package var kept: [String] = []
}

/// How one kind of store file merges: its lists of records and the field that keys them, and the prefixes of the
/// ids rlt numbers itself (which clash when both sides add one).
struct MergeRules: Sendable {
    let lists: [String: String]
    let numbered: Set<Character>
    /// Lists rlt keeps in order of their key (the agency directory), sorted again after merging.
    var sorted: Set<String> = []

    static let review = MergeRules(lists: ["findings": "id", "recommendations": "id", "actions": "id"], numbered: ["A", "F"])
    static let tracker = MergeRules(lists: ["agencies": "code", "themes": "code"], numbered: [], sorted: ["agencies"])
    static let events = MergeRules(lists: ["events": "id"], numbered: ["E"])
}

/// The three-way merge of one store file by record and field (issue 20, the core of `rlt merge-file`): `base` is
/// the common ancestor (nil when both sides added the file), `ours` the local version, `theirs` the one being merged
/// in.
///
/// Records are matched by id (or code) and merged field by field; histories, outcomes and progress notes are unions
/// in time order, each entry once. A finding, action or event added on both sides with the same number (`A1` and
/// `A1`) is two records: ours is renumbered (the local side is the one not yet shared), with a history note, and our
/// references to it follow. A field changed on both sides to different values keeps theirs and reports ours. Fields
/// this rlt does not know are merged like the others and kept.
package enum ReviewMerge {
    /// Lists of dated entries, merged as unions (never edited in place by rlt).
    static let entryLists: [String: String] = ["history": "at", "outcomes": "date", "updates": "date"]

    /// Two versions of a review, merged.
    package static func merge(base: Review?, ours: Review, theirs: Review, now: String, by author: String) throws
        -> ReviewMergeResult
    {
        let result = merge(
            base: try base.map { try JSONTree($0).object ?? [:] }, ours: try JSONTree(ours).object ?? [:],
            theirs: try JSONTree(theirs).object ?? [:], rules: .review, now: now, by: author)
        return ReviewMergeResult(
            review: try JSONTree.object(result.tree).decoded(Review.self), conflicts: result.conflicts,
            renumbered: result.renumbered, kept: result.kept)
    }

    /// Three versions of a store file as JSON objects, merged by `rules`.
    static func merge(
        base b: [String: JSONTree]?, ours: [String: JSONTree], theirs t: [String: JSONTree], rules: MergeRules,
        now: String, by author: String
    ) -> (tree: [String: JSONTree], conflicts: [MergeConflict], renumbered: [String], kept: [String]) {
        var conflicts: [MergeConflict] = []
        var kept: [String] = []
        var o = ours
        let renumbered = renumber(&o, base: b, theirs: t, rules: rules) { from in
            .object([
                "at": .string(now), "by": .string(author),
                "change": .string("renumbered from \(from): the same id was added elsewhere at the same time"),
            ])
        }
        var merged = fields(base: b, ours: o, theirs: t, skipping: Set(rules.lists.keys), record: "", conflicts: &conflicts)
        for (key, idField) in rules.lists.sorted(by: { $0.key < $1.key }) {
            var list = records(
                base: b?[key]?.array, ours: o[key]?.array ?? [], theirs: t[key]?.array ?? [], idField: idField,
                conflicts: &conflicts, kept: &kept)
            if rules.sorted.contains(key) {
                list.sort { ($0.object?[idField]?.string ?? "") < ($1.object?[idField]?.string ?? "") }
            }
            merged[key] = .array(list)
        }
        return (merged, conflicts, renumbered, kept)
    }

    /// Gives our numbered records that clash with theirs (the same new number, different records) the next free
    /// numbers, before anything is merged, and makes our references to them follow: in our new records, and where
    /// we added the reference to a record both sides have. Returns `A2 → A3` for each.
    static func renumber(
        _ ours: inout [String: JSONTree], base: [String: JSONTree]?, theirs: [String: JSONTree], rules: MergeRules,
        note: (String) -> JSONTree
    ) -> [String] {
        func records(_ side: [String: JSONTree]?, _ key: String) -> [String: JSONTree] {
            let idField = rules.lists[key] ?? "id"
            return Dictionary(
                (side?[key]?.array ?? []).compactMap { r in r.object?[idField]?.string.map { ($0, r) } }, uniquingKeysWith: { a, _ in a })
        }
        let keys = rules.lists.keys.sorted()
        // Ids of every kind share one space within a file (links and responds_to name them): a new number must be
        // free in all of them, on every side.
        var taken = Set(keys.flatMap { key in [records(base, key), records(ours, key), records(theirs, key)].flatMap(\.keys) })
        var renames: [String: String] = [:]
        var said: [String] = []
        for key in keys {
            let (b, t) = (records(base, key), records(theirs, key))
            for item in ours[key]?.array ?? [] {
                guard let id = item.object?[rules.lists[key] ?? "id"]?.string, b[id] == nil, let theirsRecord = t[id],
                    theirsRecord != item, let prefix = autoNumberPrefix(id, rules)
                else { continue }
                var n = 1
                while taken.contains("\(prefix)\(n)") { n += 1 }
                taken.insert("\(prefix)\(n)")
                renames[id] = "\(prefix)\(n)"
                said.append("\(id) → \(prefix)\(n)")
            }
        }
        guard !renames.isEmpty else { return [] }
        for key in keys {
            let baseRecords = records(base, key)
            let idField = rules.lists[key] ?? "id"
            ours[key] = .array(
                (ours[key]?.array ?? []).map { item in
                    guard var fields = item.object, let id = fields[idField]?.string else { return item }
                    for field in ["links", "responds_to"] {
                        // A reference the base already had names the shared record, not our new one.
                        let before = Set((baseRecords[id]?.object?[field]?.array ?? []).compactMap(\.string))
                        fields[field] = fields[field]?.array.map { list in
                            .array(list.map { ref in
                                guard let name = ref.string, !before.contains(name), let new = renames[name] else { return ref }
                                return .string(new)
                            })
                        }
                    }
                    if let new = renames[id], baseRecords[id] == nil {
                        fields[idField] = .string(new)
                        fields["history"] = .array((fields["history"]?.array ?? []) + [note(id)])
                    }
                    return .object(fields)
                })
        }
        return said
    }

    // MARK: Fields

    /// Three-way merge of an object's fields (except `skipping`): a side's change wins over the ancestor; the
    /// same change on both sides is one; different changes keep theirs and report ours.
    static func fields(
        base: [String: JSONTree]?, ours: [String: JSONTree], theirs: [String: JSONTree], skipping: Set<String> = [],
        record: String, conflicts: inout [MergeConflict]
    ) -> [String: JSONTree] {
        var result: [String: JSONTree] = [:]
        for key in Set(ours.keys).union(theirs.keys).union(base?.keys ?? [:].keys) where !skipping.contains(key) {
            let (b, o, t) = (base?[key], ours[key], theirs[key])
            let value: JSONTree?
            if let order = entryLists[key] {
                value = .array(union(o?.array ?? [], t?.array ?? [], by: order))
            } else if o == t || o == b {
                value = t
            } else if t == b {
                value = o
            } else {
                value = t
                conflicts.append(MergeConflict(record: record, field: key, kept: t?.text ?? "(none)", setAside: o?.text ?? "(none)"))
            }
            if let value { result[key] = value }
        }
        return result
    }

    /// Theirs, then each of our entries they lack, placed after the last entry that is not later (by `order`: a
    /// timestamp, or a partial date).
    static func union(_ ours: [JSONTree], _ theirs: [JSONTree], by order: String) -> [JSONTree] {
        var result = theirs
        func key(_ entry: JSONTree) -> PartialDate? {
            guard let text = entry.object?[order]?.string else { return nil }
            return try? PartialDate(parsing: order == "at" ? String(text.prefix(10)) : text)
        }
        for entry in ours where !result.contains(entry) {
            let stamp = entry.object?[order]?.string ?? ""
            let day = key(entry)
            let index = result.lastIndex { other in
                if order == "at" { return (other.object?[order]?.string ?? "") <= stamp }
                guard let day, let otherDay = key(other) else { return true }
                return !(day < otherDay)
            }.map { $0 + 1 } ?? 0
            result.insert(entry, at: index)
        }
        return result
    }

    // MARK: Records

    private static func ids(_ list: [JSONTree], _ idField: String) -> [String] { list.compactMap { $0.object?[idField]?.string } }

    /// The prefix of an id rlt numbers itself under `rules` (`A12` → `A`); nil for a chosen id such as `3i`.
    static func autoNumberPrefix(_ id: String, _ rules: MergeRules) -> Character? {
        guard let first = id.first, rules.numbered.contains(first), let n = Int(id.dropFirst()), n > 0 else { return nil }
        return first
    }

    /// One list merged by id: theirs in their order, merged with ours where both have the record, then ours that
    /// they lack. (Clashing new ids were renumbered first, so a record on both sides is the same record.)
    private static func records(
        base: [JSONTree]?, ours: [JSONTree], theirs: [JSONTree], idField: String, conflicts: inout [MergeConflict],
        kept: inout [String]
    ) -> [JSONTree] {
        func byID(_ list: [JSONTree]) -> [String: [String: JSONTree]] {
            Dictionary(list.compactMap { item in item.object.flatMap { o in o[idField]?.string.map { ($0, o) } } }, uniquingKeysWith: { a, _ in a })
        }
        let (b, o, t) = (byID(base ?? []), byID(ours), byID(theirs))
        var result: [JSONTree] = []
        for id in ids(theirs, idField) {
            guard let theirsRecord = t[id] else { continue }
            if let oursRecord = o[id] {
                result.append(.object(fields(base: b[id], ours: oursRecord, theirs: theirsRecord, record: id, conflicts: &conflicts)))
            } else if let base = b[id] {
                // We removed it: gone, unless they changed it since.
                guard theirsRecord != base else { continue }
                result.append(.object(theirsRecord))
                kept.append("\(id): removed here but changed on the other side; kept")
            } else {
                result.append(.object(theirsRecord))
            }
        }
        for id in ids(ours, idField) where t[id] == nil {
            guard let oursRecord = o[id] else { continue }
            if let base = b[id] {
                guard oursRecord != base else { continue }
                kept.append("\(id): removed on the other side but changed here; kept")
            }
            result.append(.object(oursRecord))
        }
        return result
    }
}
