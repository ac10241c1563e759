import Foundation

/// Why a store file could not be merged; the file git asked about is left as it was.
package enum MergeError: Error, Equatable, CustomStringConvertible {
    /// Not a file rlt merges (`reviews/*.json`, `tracker.json`, `events.json`).
    case notAStoreFile(path: String)
    /// A side already holds git's conflict markers: a merge ran without the driver.
    case conflictMarkers(path: String, side: String)
    /// A side is not JSON rlt can read.
    case unreadable(path: String, side: String, reason: String)
    /// A side was written by a newer rlt.
    case newerSchema(path: String, side: String, found: Int)
    /// The merge gives a file rlt would not write.
    case invalidResult(path: String, reason: String)

    package var description: String {
        switch self {
        case .notAStoreFile(let path):
            return "\(path): not a file rlt merges (reviews/*.json, tracker.json, events.json)"
        case .conflictMarkers(let path, let side):
            return "\(path): the \(side) version holds git conflict markers: it was merged without rlt's driver; "
                + "run 'git merge --abort' (or check out the file again), then 'rlt git setup' and merge again"
        case .unreadable(let path, let side, let reason):
            return "\(path): the \(side) version is not a store file rlt can read (\(reason)); nothing was merged"
        case .newerSchema(let path, let side, let found):
            return "\(path): the \(side) version was written by a newer rlt (schema \(found); this rlt knows "
                + "\(Store.schemaVersion)); upgrade rlt to merge it"
        case .invalidResult(let path, let reason):
            return "\(path): the merged file would not be valid (\(reason)); nothing was merged"
        }
    }
}

/// The outcome of merging one store file: the bytes to write (as rlt writes them) and what to tell the person.
package struct StoreFileMergeResult: Sendable {
    package let data: Data
    package let conflicts: [MergeConflict]
    package let renumbered: [String]
    package let kept: [String]
}

/// Merges three versions of a store file as git hands them to a merge driver (`rlt merge-file`).
package enum StoreFileMerge {
    /// The rules for `path` (as git names it, from the repository's top), by its file name and folder.
    static func rules(for path: String) -> (MergeRules, check: (JSONTree) throws -> Void)? {
        let parts = path.split(separator: "/")
        switch parts.last {
        case "tracker.json": return (.tracker, { _ = try $0.decoded(Tracker.self) })
        case "events.json": return (.events, { _ = try $0.decoded(EventsFile.self) })
        case let name? where name.hasSuffix(".json") && parts.dropLast().last == "reviews":
            return (.review, { _ = try $0.decoded(Review.self) })
        default: return nil
        }
    }

    /// `base` is nil (or empty) when both sides added the file. The result is written at the current schema.
    package static func merge(path: String, base: Data?, ours: Data, theirs: Data, now: String, by author: String) throws(
        MergeError
    ) -> StoreFileMergeResult {
        guard let (rules, check) = rules(for: path) else { throw .notAStoreFile(path: path) }
        func side(_ data: Data, _ name: String) throws(MergeError) -> [String: JSONTree] {
            let tree = try read(data, path, name)
            do {
                try check(.object(tree))
            } catch {
                throw .unreadable(path: path, side: name, reason: "its fields do not make a valid \(path.hasSuffix("tracker.json") ? "tracker" : path.hasSuffix("events.json") ? "events" : "review") file")
            }
            return tree
        }
        let b = try base.flatMap { $0.isEmpty ? nil : $0 }.map { data throws(MergeError) in try side(data, "common ancestor") }
        let o = try side(ours, "local")
        let t = try side(theirs, "incoming")
        let result = ReviewMerge.merge(base: b, ours: o, theirs: t, rules: rules, now: now, by: author)
        var tree = result.tree
        tree["schema"] = .int(Store.schemaVersion)
        do {
            try check(.object(tree))
            return StoreFileMergeResult(
                data: try JSONCodec.encode(JSONTree.object(tree)), conflicts: result.conflicts, renumbered: result.renumbered,
                kept: result.kept)
        } catch {
            throw .invalidResult(path: path, reason: "the merged records do not make a valid file")
        }
    }

    private static func read(_ data: Data, _ path: String, _ side: String) throws(MergeError) -> [String: JSONTree] {
        if data.range(of: Data("\n<<<<<<< ".utf8)) != nil || data.starts(with: Data("<<<<<<< ".utf8)) {
            throw .conflictMarkers(path: path, side: side)
        }
        guard let tree = try? JSONDecoder().decode(JSONTree.self, from: data), let object = tree.object else {
            throw .unreadable(path: path, side: side, reason: "not a JSON object")
        }
        if case .int(let schema)? = object["schema"], schema > Store.schemaVersion {
            throw .newerSchema(path: path, side: side, found: schema)
        }
        return object
    }
}
