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

/// The three-way merge of one review file (issue 20, the core of `rlt merge-file`): `base` is the common ancestor
/// (nil when both sides added the file), `ours` the local version, `theirs` the one being merged in.
///
/// Records are matched by id and merged field by field; histories, outcomes and progress notes are unions in time
/// order, each entry once. A finding or action added on both sides with the same number (`A1` and `A1`) is two
/// records: ours is renumbered (the local side is the one not yet shared), with a history note, and our new records
/// that named it follow. A field changed on both sides to different values keeps theirs and reports ours.
package enum ReviewMerge {
    /// The record lists, merged by id.
    static let recordLists = ["findings", "recommendations", "actions"]
    /// Lists of dated entries, merged as unions (never edited in place by rlt).
    static let entryLists: [String: String] = ["history": "at", "outcomes": "date", "updates": "date"]

    package static func merge(base: Review?, ours: Review, theirs: Review, now: String, by author: String) throws
        -> ReviewMergeResult
    {
        var conflicts: [MergeConflict] = []
        var renumbered: [String] = []
        var kept: [String] = []
        let b = try base.map { try JSONTree($0).object ?? [:] }
        let o = try JSONTree(ours).object ?? [:]
        let t = try JSONTree(theirs).object ?? [:]
        var merged = fields(base: b, ours: o, theirs: t, skipping: Set(recordLists), record: "", conflicts: &conflicts)
        // Ids of every kind share one space within a review (links and responds_to name them), so a renumbered id
        // must be free in all three lists.
        var taken = Set(
            recordLists.flatMap { key in [b?[key], o[key], t[key]].flatMap { ids($0?.array ?? []) } })
        var renames: [String: String] = [:]
        for key in recordLists {
            let list = records(
                base: b?[key]?.array, ours: o[key]?.array ?? [], theirs: t[key]?.array ?? [], taken: &taken,
                renames: &renames, conflicts: &conflicts, kept: &kept, renumbered: &renumbered, note: { from in
                    .object([
                        "at": .string(now), "by": .string(author),
                        "change": .string("renumbered from \(from): the same id was added elsewhere at the same time"),
                    ])
                })
            merged[key] = .array(list)
        }
        if !renames.isEmpty {
            // Our new records that named a renumbered one follow it. (A record both sides have keeps its links as
            // merged: a link to the clashing id there is not ours to rename.)
            let shared = Set(recordLists.flatMap { key in ids(b?[key]?.array ?? []) + ids(t[key]?.array ?? []) })
            let oursAdded = Set(recordLists.flatMap { key in ids(o[key]?.array ?? []) }).subtracting(shared)
                .union(renames.values)
            for key in recordLists {
                merged[key] = .array((merged[key]?.array ?? []).map { renamed($0, renames, in: oursAdded) })
            }
        }
        let review = try JSONTree.object(merged).decoded(Review.self)
        return ReviewMergeResult(review: review, conflicts: conflicts, renumbered: renumbered, kept: kept)
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

    private static func ids(_ list: [JSONTree]) -> [String] { list.compactMap { $0.object?["id"]?.string } }

    /// `A12` → ("A", 12): the ids rlt numbers itself (findings and actions); nil for a chosen id such as `3i`.
    static func autoNumber(_ id: String) -> (prefix: Character, number: Int)? {
        guard let first = id.first, first == "A" || first == "F", let n = Int(id.dropFirst()), n > 0 else { return nil }
        return (first, n)
    }

    private static func records(
        base: [JSONTree]?, ours: [JSONTree], theirs: [JSONTree], taken: inout Set<String>, renames: inout [String: String],
        conflicts: inout [MergeConflict], kept: inout [String], renumbered: inout [String], note: (String) -> JSONTree
    ) -> [JSONTree] {
        func byID(_ list: [JSONTree]) -> [String: [String: JSONTree]] {
            Dictionary(list.compactMap { item in item.object.flatMap { o in o["id"]?.string.map { ($0, o) } } }, uniquingKeysWith: { a, _ in a })
        }
        let (b, o, t) = (byID(base ?? []), byID(ours), byID(theirs))
        var result: [JSONTree] = []
        // Theirs in their order, merged with ours where both have the record.
        for id in ids(theirs) {
            guard let theirsRecord = t[id] else { continue }
            switch (b[id], o[id]) {
            case (let base?, let ours?):
                result.append(.object(fields(base: base, ours: ours, theirs: theirsRecord, record: id, conflicts: &conflicts)))
            case (let base?, nil):
                // We removed it: gone, unless they changed it since.
                if JSONTree.object(theirsRecord) != JSONTree.object(base) {
                    result.append(.object(theirsRecord))
                    kept.append("\(id): removed here but changed on the other side; kept")
                }
            case (nil, let ours?) where JSONTree.object(ours) == JSONTree.object(theirsRecord):
                result.append(.object(theirsRecord))
            case (nil, let ours?):
                result.append(.object(theirsRecord))
                if let (prefix, _) = autoNumber(id) {
                    // Added on both sides under the same number: two records; ours takes the next free number.
                    var n = 1
                    while taken.contains("\(prefix)\(n)") { n += 1 }
                    let new = "\(prefix)\(n)"
                    taken.insert(new)
                    renames[id] = new
                    renumbered.append("\(id) → \(new)")
                    var record = ours
                    record["id"] = .string(new)
                    record["history"] = .array((ours["history"]?.array ?? []) + [note(id)])
                    result.append(.object(record))
                } else {
                    result.removeLast()
                    result.append(.object(fields(base: nil, ours: ours, theirs: theirsRecord, record: id, conflicts: &conflicts)))
                }
            case (nil, nil):
                result.append(.object(theirsRecord))
            }
        }
        // Ours that they lack: added here, or removed there.
        for id in ids(ours) where t[id] == nil {
            guard let oursRecord = o[id] else { continue }
            if let base = b[id] {
                guard JSONTree.object(oursRecord) != JSONTree.object(base) else { continue }
                kept.append("\(id): removed on the other side but changed here; kept")
            }
            result.append(.object(oursRecord))
        }
        return result
    }

    /// The record with renamed ids in its `links` and `responds_to`, if it is one our side added (their records
    /// never named our new ids).
    private static func renamed(_ record: JSONTree, _ renames: [String: String], in oursAdded: Set<String>) -> JSONTree {
        guard var fields = record.object, let id = fields["id"]?.string, oursAdded.contains(id) else { return record }
        for key in ["links", "responds_to"] {
            guard let list = fields[key]?.array else { continue }
            fields[key] = .array(list.map { item in item.string.flatMap { renames[$0] }.map(JSONTree.string) ?? item })
        }
        return .object(fields)
    }
}
