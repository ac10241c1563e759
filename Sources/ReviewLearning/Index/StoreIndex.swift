import Dispatch
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The derived index of a store's review files (DESIGN §8): what queries need, in a binary form read far faster
/// than the JSON, kept in `<store>/.index/` and checked against the files on every run.
///
/// - Every run lists `reviews/` and `stat`s each file; an entry is used only if the file's size, modification and
///   change times (ns), inode and device all match what was indexed. Files modified within two seconds of being
///   indexed are "racy" (a second change could leave the same timestamps) and have their content hash compared too.
/// - Changed and new files are read again (in parallel when there are many), with the fast `ReviewScanner`, or, when
///   it is not sure, with the store's decoder, whose errors are then exactly those of the full-decode path.
/// - New entries go to `.index/overlay` (small, rewritten cheaply); when it grows past an eighth of the base, or
///   the base is missing or damaged, everything is written to a new `.index/base`. Both are replaced atomically
///   (temp file and rename) and carry a checksum; a damaged, truncated or old-format file is simply rebuilt.
/// - The index is never the source of truth: deleting `.index/` loses nothing. Stores under 1 MiB of review files
///   and stores rlt cannot write to get an index in memory only (an unnamed memory file), never written.
///
/// `@unchecked`: once `load` returns, an index is only read (its mapped files are immutable while mapped), so the
/// query workers may share it.
package final class StoreIndex: @unchecked Sendable {
    /// Review files, in the order of `Store.reviewIDs()`.
    package let ids: [String]
    private var files: [IndexFile] = []
    private var refs: [(file: Int, entry: Int)] = []
    /// The entries of `files`, as plain values.
    private var tables: [IndexTable] = []
    /// Whether the index was written to `.index/` by this run (for tests and `check`).
    package private(set) var wrote = false
    /// How many review files this run had to read.
    package private(set) var reread = 0
    /// Whether this run read the `reviews/` directory (rather than trusting the index's names; see `IndexStamp`).
    package private(set) var listedDirectory = true

    /// Stores with less than this in review files keep their index in memory only.
    package static let persistThreshold: UInt64 = 1 << 20
    package static let directoryName = ".index"

    package var count: Int { ids.count }

    /// Review `n`'s blob. Blobs are checked when first read rather than all at load time, which would bring every
    /// page of the index into memory at once; the file's checksum (or stamp) already vouches for them, so a blob
    /// that does not make sense can only come from a bug or a forged file, and reads as a review with no records.
    @inline(__always) func review(_ n: Int) -> ReviewView {
        let (file, entry) = refs[n]
        return tables[file].review(entry) ?? .empty
    }

    /// Whether every index file read is still whole: false when another process cut one short while this index was
    /// read, so that an answer just given from it may be incomplete (see `IndexFile.isIntact`).
    package var isIntact: Bool { files.allSatisfy(\.isIntact) }

    /// Lets go of the pages before review `n`'s (in its index file), so that a long listing streams through the
    /// index instead of keeping it all resident. They stay in the page cache; touching them again is cheap.
    package func releaseBehind(_ n: Int) {
        guard n < refs.count else { return }
        let (f, e) = refs[n]
        let file = files[f]
        let parts = file.parts(e)
        releaseLock.withLock {
            var done = released[f] ?? [0, 0, 0]
            defer { released[f] = done }
            for (k, (region, part)) in [(file.hot, parts.hot), (file.active, parts.active), (file.cold, parts.cold)].enumerated() {
                guard let base = region.baseAddress, let start = part.baseAddress else { continue }
                // Only what was not released yet, and in steps of a few megabytes: each call costs a page-table walk
                // and, with several threads, a TLB flush on every core.
                let target = start - base
                let from = done[k]
                guard target - from >= 4 << 20 else { continue }
                IndexFile.release(region, from: from, before: target)
                done[k] = target
            }
        }
    }

    /// Starts releasing from the beginning again, for a walk over reviews already walked (and released) once.
    package func rewindReleases() { releaseLock.withLock { released = [:] } }

    private let releaseLock = NSLock()
    /// How far each file's hot, active and cold regions were released.
    private var released: [Int: [Int]] = [:]

    private init(ids: [String]) {
        self.ids = ids
    }

    // MARK: Loading

    /// What to do for one review file.
    private enum Source {
        /// Unchanged: entry `entry` of old file `file`.
        case keep(file: Int, entry: Int)
        /// Unchanged, but its racy flag can now be dropped.
        case refresh(file: Int, entry: Int, key: IndexFile.FileKey)
        /// Read and index it.
        case read
    }

    /// Loads the index of `store`, bringing it up to date with the review files first.
    ///
    /// - Parameters:
    ///   - mode: permissions for index files (the store's file mode).
    ///   - now: the real time, which file times are compared with: a file changed within two seconds of it is
    ///     racy (checked by content hash too). Tests pass a later time instead of waiting the two seconds out.
    /// - Throws: the error the full-decode path would give for the first bad review file; `IndexUnavailable` when
    ///   the index could be built nowhere (the caller then decodes the files instead).
    package static func load(_ store: Store, mode: UInt32 = 0o600, now: Date = Date()) throws -> StoreIndex {
        try load(store, mode: mode, scratch: ScratchPlace.defaults(), now: now)
    }

    /// `load(_:mode:now:)`, building an index kept in memory in the first of `scratch` that can hold it.
    package static func load(
        _ store: Store, mode: UInt32 = 0o600, scratch: [ScratchPlace], now: Date = Date()
    ) throws -> StoreIndex {
        let survey = try Survey(store, mode: mode, now: now)
        let unchanged = survey.sources.allSatisfy { if case .keep = $0 { true } else { false } }
        let index = try unchanged && !survey.stale ? reuse(survey) : rewrite(survey, scratch: scratch)
        index.releaseHot()
        return index
    }

    /// The index files found in `.index/` that are sound and of the right kind.
    private struct Existing {
        var files: [IndexFile] = []
        var base: Int?
        var overlay: Int?

        init(directory: String, trusted: Set<Stamp>) {
            if let file = IndexFile.open("\(directory)/base", trusted: trusted), file.kind == .base {
                base = files.count
                files.append(file)
            }
            if let file = IndexFile.open("\(directory)/overlay", trusted: trusted), file.kind == .overlay {
                overlay = files.count
                files.append(file)
            }
        }
    }

    /// Everything `load` learns before writing anything: the index files there, the review names, and what to do
    /// with each review file.
    private struct Survey {
        let store: Store
        let directory: String
        let mode: UInt32
        let started: Int64
        let stamp: IndexStamp
        let old: Existing
        let ids: [String]
        /// Whether the names were read from the directory (rather than taken from the index).
        let listed: Bool
        /// Whether every name is ASCII: only then is the index's byte order the listing's order.
        let ascii: Bool
        let directoryKey: IndexFile.FileKey?
        let sources: [Source]
        /// The size of all review files found (small stores keep their index in memory).
        let total: UInt64
        /// Whether the index holds files no longer listed (a review removed). They are dropped by writing a new base,
        /// so that the index holds exactly the listing again and the next runs can skip reading the directory.
        let stale: Bool

        /// The directory's key at this run's listing.
        var listing: (key: IndexFile.FileKey, listed: Int64)? { directoryKey.map { (key: $0, listed: started) } }
        /// The listing the index files hold once they match the review files: this run's, or the stamp's.
        var covered: (key: IndexFile.FileKey, listed: Int64)? { listed ? listing : stamp.directory }

        init(_ store: Store, mode: UInt32, now: Date) throws {
            (self.store, self.mode, started) = (store, mode, nanoseconds(now))
            try store.requireStore()
            directory = "\(store.root)/\(directoryName)"
            stamp = IndexStamp.read(directory)
            // Leftovers of interrupted builds would otherwise pile up (each as big as the index).
            if FileSystem.isDirectory(directory) { removeStrays(store: store.root, directory: directory) }
            old = Existing(directory: directory, trusted: stamp.files)
            let dirfd = open(store.reviewsDirectory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            defer { if dirfd >= 0 { close(dirfd) } }
            var dirInfo = stat()
            directoryKey = dirfd >= 0 && fstat(dirfd, &dirInfo) == 0 ? IndexFile.FileKey(dirInfo) : nil
            (ids, listed) = try reviewNames(store, old: old.files, stamp: stamp, directoryKey: directoryKey)
            ascii = ids.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } }
            let finder = Finder(old, ascii: ascii, store: store, started: started)
            (sources, total) = classify(ids, dirfd: dirfd, finder: finder)
            if listed, ascii, let names = indexedNames(old.files) {
                stale = !Set(names).subtracting(ids).isEmpty
            } else {
                stale = false
            }
        }
    }

    /// The review names: from the index while the directory is as it was when the stamp's listing was taken (and the
    /// index files are those the stamp vouches for), else from the directory (`listed`).
    private static func reviewNames(
        _ store: Store, old: [IndexFile], stamp: IndexStamp, directoryKey: IndexFile.FileKey?
    ) throws -> (ids: [String], listed: Bool) {
        let stampedFiles = !old.isEmpty && old.allSatisfy { !$0.hashed } && stamp.files.count == old.count
        if let directoryKey, let known = stamp.directory, known.key == directoryKey, stampedFiles,
            max(directoryKey.mtime, directoryKey.ctime) < known.listed - IndexFile.racyWindow, let names = indexedNames(old)
        {
            return (names, false)
        }
        return (try listReviews(store), true)
    }

    /// `stat`s every review file and decides what to do with it, on four threads for big stores; also returns the
    /// total size of the files.
    private static func classify(_ ids: [String], dirfd: Int32, finder: Finder) -> (sources: [Source], total: UInt64) {
        var sources = [Source](repeating: .read, count: ids.count)
        var sizes = [UInt64](repeating: 0, count: ids.count)
        sources.withUnsafeMutableBufferPointer { sourceSlots in
            sizes.withUnsafeMutableBufferPointer { sizeSlots in
                // Each part writes only its own slots n (a disjoint range), and both arrays outlive the workers.
                nonisolated(unsafe) let sourceSlots = sourceSlots
                nonisolated(unsafe) let sizeSlots = sizeSlots
                let parts = ids.count >= 2048 ? 4 : 1
                let classify: @Sendable (Int) -> Void = { part in
                    var path = [CChar](repeating: 0, count: 256)
                    var hints = [Int](repeating: -1, count: finder.tables.count)
                    for n in stride(from: part * ids.count / parts, to: (part + 1) * ids.count / parts, by: 1) {
                        guard let key = statReview(ids[n], in: dirfd, path: &path) else { continue }
                        sizeSlots[n] = key.size
                        sourceSlots[n] = finder.source(ids[n], key: key, hints: &hints)
                    }
                }
                if parts > 1 { DispatchQueue.concurrentPerform(iterations: parts, execute: classify) } else { classify(0) }
            }
        }
        return (sources, sizes.reduce(0, +))
    }

    /// The key of review file `id`, or nil when it is gone, a link or not a file (reading it then gives the full
    /// path's answer: skip or error). `path` is a buffer reused for the file name, to spare an allocation per file.
    private static func statReview(_ id: String, in dirfd: Int32, path: inout [CChar]) -> IndexFile.FileKey? {
        guard dirfd >= 0 else { return nil }
        var info = stat()
        var name = id
        let found = name.withUTF8 { utf8 -> Bool in
            guard utf8.count + 6 <= path.count else { return fstatat(dirfd, "\(id).json", &info, AT_SYMLINK_NOFOLLOW) == 0 }
            path.withUnsafeMutableBytes { raw in
                raw.copyMemory(from: UnsafeRawBufferPointer(utf8))
                for (k, c) in ".json\0".utf8.enumerated() { raw[utf8.count + k] = c }
            }
            return fstatat(dirfd, path, &info, AT_SYMLINK_NOFOLLOW) == 0
        }
        guard found, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return IndexFile.FileKey(info)
    }

    /// Looks a review file up in the old index files (the overlay first: it is the newer) by name and key.
    private struct Finder: Sendable {
        let tables: [IndexTable]
        let lookups: [Int]
        /// Per old file, entry numbers by name; nil for ASCII names, found by binary search instead (byte order is
        /// the listing's order only for ASCII names).
        let byName: [[String: Int]]?
        let store: Store
        let started: Int64

        init(_ old: Existing, ascii: Bool, store: Store, started: Int64) {
            tables = old.files.map(\.table)
            lookups = [old.overlay, old.base].compactMap { $0 }
            byName = ascii ? nil : old.files.map { file in
                Dictionary((0..<file.entryCount).map { (String(decoding: file.name($0), as: UTF8.self), $0) }) { a, _ in a }
            }
            (self.store, self.started) = (store, started)
        }

        /// What to do with review file `id`, whose key is `key`. `hints` holds, per old file, where the next name is
        /// likely to be (the listing and the entries are in the same order).
        func source(_ id: String, key: IndexFile.FileKey, hints: inout [Int]) -> Source {
            var name = id
            for f in lookups {
                let entry: Int?
                if let byName {
                    entry = byName[f][id]
                } else {
                    entry = name.withUTF8 { tables[f].find(UnsafeRawBufferPointer($0), hint: hints[f]) }
                    if let entry { hints[f] = entry + 1 }
                }
                guard let entry, tables[f].key(entry) == key else { continue }
                guard tables[f].isRacy(entry) else { return .keep(file: f, entry: entry) }
                // The same key may hide a second change within the racy window: only the content can tell.
                guard let hash = contentHash(store.reviewPath(id)), hash == tables[f].contentHash(entry) else { return .read }
                return isRacy(key, now: started) ? .keep(file: f, entry: entry) : .refresh(file: f, entry: entry, key: key)
            }
            return .read
        }
    }

    /// The index as it is, when no review file changed and no entry is stale. The stamp is written again only when
    /// it would say something new: a file checksummed this run, or a listing of the directory.
    private static func reuse(_ s: Survey) -> StoreIndex {
        let index = StoreIndex(ids: s.ids)
        index.listedDirectory = s.listed
        index.files = s.old.files
        index.refs = s.sources.map { if case .keep(let f, let e) = $0 { (f, e) } else { (0, 0) } }
        index.tables = s.old.files.map(\.table)
        if s.old.files.contains(where: \.hashed) || (s.listed && s.ascii && (s.stamp.directory?.key != s.directoryKey || s.listing != nil)) {
            writeStamp(s.directory, s.old.files, listing: s.ascii ? s.covered : nil, mode: s.mode)
        }
        return index
    }

    /// Writes a new base (everything) or a new overlay (what the base lacks), and returns the index over it and the
    /// old files it leaves in use.
    private static func rewrite(_ s: Survey, scratch: [ScratchPlace]) throws -> StoreIndex {
        let (items, compact) = plan(s)
        let persist = s.total >= persistThreshold || FileSystem.isDirectory(s.directory)
        let built = try write(
            items: items, ids: s.ids, sources: s.sources, old: s.old.files, store: s.store, kind: compact ? .base : .overlay,
            directory: persist ? s.directory : nil, mode: s.mode, started: s.started, scratch: scratch)
        let index = StoreIndex(ids: s.ids)
        index.listedDirectory = s.listed
        index.wrote = built.persisted
        index.reread = built.reread
        index.files = s.old.files + [built.file]
        index.refs = refs(s.sources, items: items, entries: built.entries, newFile: s.old.files.count)
        index.tables = index.files.map(\.table)
        // Files that vanished while being read are left out, as the full path leaves them out.
        let missing = Set(index.refs.indices.filter { index.refs[$0].entry < 0 })
        if built.persisted {
            if compact { unlink("\(s.directory)/overlay") }
            let current = compact ? [built.file] : s.old.files.filter { $0.kind == .base } + [built.file]
            // The new files hold exactly the listing unless a file vanished meanwhile.
            writeStamp(s.directory, current, listing: missing.isEmpty && s.ascii ? s.covered : nil, mode: s.mode)
        }
        return missing.isEmpty ? index : index.without(missing: missing)
    }

    /// Which review files to write, and whether as a new base (`compact`): when there is no base, entries are stale,
    /// or an overlay would hold more than an eighth of the base (it is rewritten whole on every change).
    private static func plan(_ s: Survey) -> (items: [Int], compact: Bool) {
        let baseEntries = s.old.base.map { s.old.files[$0].entryCount } ?? 0
        let overlayItems = s.sources.indices.filter { n in
            if case .keep(let f, _) = s.sources[n], f == s.old.base { return false }
            return true
        }
        let compact = s.old.base == nil || s.stale || overlayItems.count > max(64, baseEntries / 8)
        return (compact ? Array(s.sources.indices) : overlayItems, compact)
    }

    /// Where each review is: in the new file `newFile` for the `items` written (`entries`: their entry numbers, -1
    /// for a file that vanished), where it was for the others.
    private static func refs(_ sources: [Source], items: [Int], entries: [Int], newFile: Int) -> [(file: Int, entry: Int)] {
        var refs: [(file: Int, entry: Int)] = []
        var position = 0
        for n in sources.indices {
            if position < items.count && items[position] == n {
                refs.append((newFile, entries[position]))
                position += 1
            } else if case .keep(let f, let e) = sources[n] {
                refs.append((f, e))
            }
        }
        return refs
    }

    /// Lets go of the index pages touched while loading; queries bring back what they read, and release it behind
    /// them (`releaseBehind`), so memory stays flat on big stores.
    private func releaseHot() {
        for file in files { file.releaseHot() }
    }

    /// Records the index files in use as checked, and the directory's key when they hold exactly its listing.
    private static func writeStamp(
        _ directory: String, _ files: [IndexFile], listing: (key: IndexFile.FileKey, listed: Int64)?, mode: UInt32
    ) {
        guard FileSystem.isDirectory(directory) else { return }
        var stamp = IndexStamp()
        stamp.files = Set(files.map { Stamp(key: $0.fileKey, checksum: $0.checksum) })
        stamp.directory = listing
        stamp.write(directory, mode: mode)
    }

    /// The review names the index files hold (base and overlay merged, sorted), or nil if any is not ASCII (whose
    /// byte order may not be the listing's order).
    static func indexedNames(_ files: [IndexFile]) -> [String]? {
        var names: [String] = []
        var last: UnsafeRawBufferPointer?
        let tables = files.map(\.table)
        var positions = [Int](repeating: 0, count: tables.count)
        while true {
            var best = -1
            for (f, table) in tables.enumerated() {
                while positions[f] < table.entryCount && table.isMissing(positions[f]) { positions[f] += 1 }
                guard positions[f] < table.entryCount else { continue }
                if best < 0 || compareNames(table.name(positions[f]), tables[best].name(positions[best])) < 0 { best = f }
            }
            guard best >= 0 else { return names }
            let name = tables[best].name(positions[best])
            positions[best] += 1
            if let last, compareNames(last, name) >= 0 {
                if compareNames(last, name) == 0 { continue }
                return nil  // not in listing order: not written from an ASCII listing
            }
            guard isASCII(name) else { return nil }
            names.append(String(decoding: name, as: UTF8.self))
            last = name
        }
    }

    private func without(missing: Set<Int>) -> StoreIndex {
        let copy = StoreIndex(ids: ids.indices.filter { !missing.contains($0) }.map { ids[$0] })
        copy.files = files
        copy.refs = refs.indices.filter { !missing.contains($0) }.map { refs[$0] }
        copy.tables = tables
        copy.wrote = wrote
        copy.reread = reread
        copy.listedDirectory = listedDirectory
        return copy
    }

    /// `Store.reviewIDs()`, faster for big stores: names compared as bytes, which is `String` order for ASCII.
    static func listReviews(_ store: Store) throws -> [String] {
        try store.requireStore()
        guard let dir = opendir(store.reviewsDirectory) else { return try store.reviewIDs() }
        defer { closedir(dir) }
        var pool: [UInt8] = []
        pool.reserveCapacity(1 << 16)
        var spans: [(start: Int, count: Int)] = []
        guard let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name) else { return try store.reviewIDs() }
        while let entry = readdir(dir) {
            let name = (UnsafeRawPointer(entry) + nameOffset).assumingMemoryBound(to: UInt8.self)
            let length = strlen(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self))
            var ascii = true
            for k in 0..<length where name[k] >= 0x80 { ascii = false }
            if !ascii { return try store.reviewIDs() }
            guard length > 5, name[0] != UInt8(ascii: "."), name[length - 5] == UInt8(ascii: "."),
                name[length - 4] == UInt8(ascii: "j"), name[length - 3] == UInt8(ascii: "s"),
                name[length - 2] == UInt8(ascii: "o"), name[length - 1] == UInt8(ascii: "n")
            else { continue }
            spans.append((pool.count, length))
            pool.append(contentsOf: UnsafeBufferPointer(start: name, count: length))
        }
        return pool.withUnsafeBytes { bytes in
            spans.sort { a, b in compareBytes(bytes.slice(a.start, a.count), bytes.slice(b.start, b.count)) < 0 }
            return spans.map { String(decoding: bytes.slice($0.start, $0.count - 5), as: UTF8.self) }
        }
    }

    static func isRacy(_ key: IndexFile.FileKey, now: Int64) -> Bool {
        max(key.mtime, key.ctime) >= now - IndexFile.racyWindow
    }

    // MARK: Building

    /// One review ready for the writer.
    private struct Built {
        var key: IndexFile.FileKey
        var racy: Bool
        var hash: UInt64
        var hot: [UInt8]
        var active: [UInt8]
        var cold: [UInt8]
    }

    private struct Written {
        var file: IndexFile
        /// Entry number in the new file of each item, or -1 for a file that vanished.
        var entries: [Int]
        var persisted: Bool
        var reread: Int
    }

    private static func write(
        items: [Int], ids: [String], sources: [Source], old: [IndexFile], store: Store,
        kind: IndexFile.Kind, directory: String?, mode: UInt32, started: Int64, scratch: [ScratchPlace]
    ) throws -> Written {
        let name = kind == .base ? "base" : "overlay"
        if let directory {
            do {
                let fd = try persistTo(directory: directory, name: name, mode: mode) { fd in
                    try stream(
                        items: items, ids: ids, sources: sources, old: old, store: store, kind: kind, fd: fd,
                        scratch: .directory(directory), started: started)
                }
                defer { close(fd.fd) }
                if let file = IndexFile.open(fd: fd.fd, trusting: fd.result.checksum) {
                    return Written(file: file, entries: fd.result.entries, persisted: true, reread: fd.result.reread)
                }
            } catch let error as StoreError {
                throw error
            } catch {
                // The index could not be written there (read-only, full): build it in a scratch file instead.
            }
        }
        // In memory: each scratch place in turn, until one holds the whole index.
        for place in scratch {
            let fd = place.create()
            guard fd >= 0 else { continue }
            defer { close(fd) }
            let result: Streamed
            do {
                result = try stream(items: items, ids: ids, sources: sources, old: old, store: store, kind: kind, fd: fd, scratch: place, started: started)
            } catch let error as StoreError {
                throw error
            } catch {
                continue
            }
            if let file = IndexFile.open(fd: fd, trusting: result.checksum) {
                return Written(file: file, entries: result.entries, persisted: false, reread: result.reread)
            }
        }
        throw IndexUnavailable()
    }

    private struct Streamed {
        var entries: [Int]
        var reread: Int
        var checksum: UInt64
    }

    /// Reads what must be read (in parallel chunks) and writes every item, in order, as chunks complete; only a few
    /// chunks are ever held in memory. A review file's error is thrown for the first bad file in order.
    private static func stream(
        items: [Int], ids: [String], sources: [Source], old: [IndexFile], store: Store, kind: IndexFile.Kind, fd: Int32,
        scratch: ScratchPlace, started: Int64
    ) throws -> Streamed {
        // A file that vanished since the listing keeps its place as an empty entry, never used.
        // `@unchecked`: every property is used only while `lock` is held.
        final class Shared: @unchecked Sendable {
            let lock = NSLock()
            var writer: IndexWriter
            var ready: [Int: [Built?]] = [:]
            var next = 0
            var error: (index: Int, error: any Error)?
            var writeError: (any Error)?
            var reread = 0
            init(writer: IndexWriter) { self.writer = writer }
        }
        let names = items.map { ids[$0] }
        let shared = Shared(writer: try IndexWriter(fd: fd, kind: kind, names: names, created: started, scratch: scratch))
        defer { shared.writer.closeScratch() }
        let chunk = 16
        let chunks = (items.count + chunk - 1) / chunk

        @Sendable func drain() {
            while let built = shared.ready.removeValue(forKey: shared.next) {
                let first = shared.next * chunk
                if shared.error == nil && shared.writeError == nil {
                    do {
                        for (k, b) in built.enumerated() {
                            let n = items[first + k]
                            try add(n, b)
                        }
                    } catch {
                        shared.writeError = error
                    }
                }
                shared.next += 1
            }
        }
        @Sendable func add(_ n: Int, _ b: Built?) throws {
            switch sources[n] {
            case .read:
                guard let b else {
                    try shared.writer.addMissing()
                    return
                }
                try b.hot.withUnsafeBytes { hot in
                    try b.active.withUnsafeBytes { active in
                        try b.cold.withUnsafeBytes { cold in
                            try shared.writer.add(key: b.key, racy: b.racy, contentHash: b.hash, hot: hot, active: active, cold: cold)
                        }
                    }
                }
            case .keep(let f, let e), .refresh(let f, let e, _):
                var key = old[f].key(e)
                var racy = old[f].isRacy(e)
                if case .refresh(_, _, let fresh) = sources[n] {
                    key = fresh
                    racy = false
                }
                let parts = old[f].parts(e)
                try shared.writer.add(
                    key: key, racy: racy, contentHash: old[f].contentHash(e), hot: parts.hot, active: parts.active,
                    cold: parts.cold)
            }
        }
        let work: @Sendable (Int) -> Void = { c in
            var built: [Built?] = []
            var failed: (Int, any Error)?
            var reread = 0
            for k in c * chunk..<min(items.count, (c + 1) * chunk) {
                let n = items[k]
                guard case .read = sources[n] else {
                    built.append(nil)
                    continue
                }
                if shared.lock.withLock({ shared.error.map { $0.index < k } ?? false }) { break }
                do {
                    built.append(try build(store.reviewPath(ids[n]), now: started))
                    reread += 1
                } catch {
                    failed = (k, error)
                    break
                }
            }
            shared.lock.withLock {
                shared.reread += reread
                if let failed, shared.error.map({ failed.0 < $0.index }) ?? true { shared.error = failed }
                shared.ready[c] = built
                drain()
            }
        }
        if chunks > 1 {
            DispatchQueue.concurrentPerform(iterations: chunks, execute: work)
        } else if chunks == 1 {
            work(0)
        }
        if let error = shared.error?.error { throw error }
        if let error = shared.writeError { throw error }
        try shared.writer.finish()
        return Streamed(entries: shared.writer.entryNumbers, reread: shared.reread, checksum: shared.writer.checksum)
    }

    /// Writes a temp file in `.index/` with `emit` and renames it into place; returns a descriptor of the new file.
    private static func persistTo<T>(
        directory: String, name: String, mode: UInt32, emit: (Int32) throws -> T
    ) throws -> (fd: Int32, result: T) {
        if mkdir(directory, mode_t(Settings.directoryPermissions(forFiles: mode))) != 0 && errno != EEXIST { throw IndexDamage() }
        let ignore = "\(directory)/.gitignore"
        if !FileSystem.exists(ignore) {
            // Git ignores the whole directory, whatever the store's own ignore rules say.
            try? FileSystem.writeAtomically(Data("# rlt's derived index: rebuilt on demand, never committed\n*\n".utf8), to: ignore, mode: mode)
        }
        let temp = "\(directory)/.\(name).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temp, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode_t(mode))
        guard fd >= 0 else { throw IndexDamage() }
        do {
            let result = try emit(fd)
            guard fchmod(fd, mode_t(mode)) == 0, rename(temp, "\(directory)/\(name)") == 0 else { throw IndexDamage() }
            return (fd, result)
        } catch {
            close(fd)
            unlink(temp)
            throw error
        }
    }

    /// Reads and indexes one review file; nil when it does not exist (as `Store.loadReview`).
    private static func build(_ path: String, now: Int64) throws -> Built? {
        guard let (data, key, stable) = try readWithKey(path) else { return nil }
        return try data.withUnsafeBytes { raw -> Built in
            let blob: BlobBuilder
            if let digest = ReviewScanner.digest(of: raw) {
                blob = BlobBuilder(digest, source: raw)
            } else {
                let review = try JSONCodec.decode(Review.self, from: data, file: path)
                blob = BlobBuilder(ReviewDigest(review), source: UnsafeRawBufferPointer(start: nil, count: 0))
            }
            // A file that changed while it was read is indexed as racy with an impossible hash: used this once,
            // read again next time.
            let racy = !stable || isRacy(key, now: now)
            let hash = stable ? (racy ? Checksum.of(raw) : 0) : ~Checksum.of(raw)
            return Built(key: key, racy: racy, hash: hash, hot: blob.hot.bytes, active: blob.active.bytes, cold: blob.cold.bytes)
        }
    }

    /// The file's bytes and its key from `fstat` (before and after reading: `stable` is false if it changed).
    private static func readWithKey(_ path: String) throws(StoreError) -> (Data, IndexFile.FileKey, Bool)? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        if fd < 0 {
            // The same answers as `FileSystem.read`.
            return try FileSystem.read(path).map { ($0, IndexFile.FileKey(size: 0, mtime: 0, ctime: 0, inode: 0, device: 0), false) }
        }
        defer { close(fd) }
        var before = stat()
        guard fstat(fd, &before) == 0, (before.st_mode & S_IFMT) == S_IFREG else {
            return try FileSystem.read(path).map { ($0, IndexFile.FileKey(size: 0, mtime: 0, ctime: 0, inode: 0, device: 0), false) }
        }
        var data = Data(count: Int(before.st_size))
        var total = 0
        var failed: Int32 = 0
        data.withUnsafeMutableBytes { raw in
            guard let base = raw.baseAddress else { return }
            while total < raw.count {
                let n = read(fd, base + total, raw.count - total)
                if n < 0 {
                    if errno == EINTR { continue }
                    failed = errno
                    return
                }
                if n == 0 { break }
                total += n
            }
        }
        if failed != 0 { throw .cannotRead(file: path, reason: FileSystem.describe(failed)) }
        var extra: UInt8 = 0
        let more = read(fd, &extra, 1)
        var after = stat()
        let stable = total == data.count && more == 0 && fstat(fd, &after) == 0 && IndexFile.FileKey(after) == IndexFile.FileKey(before)
        if !stable {
            // Grew or shrank while being read: read it again the ordinary way.
            return try FileSystem.read(path).map { ($0, IndexFile.FileKey(before), false) }
        }
        return (data, IndexFile.FileKey(before), true)
    }

    private static func contentHash(_ path: String) -> UInt64? {
        guard let data = try? FileSystem.read(path) else { return nil }
        return data.withUnsafeBytes { Checksum.of($0) }
    }
}

/// `date` in nanoseconds since 1970, as file times are kept (to within a microsecond: a `Date` is a `Double`).
func nanoseconds(_ date: Date) -> Int64 {
    let seconds = date.timeIntervalSince1970.rounded(.down)
    return Int64(seconds) * 1_000_000_000 + Int64(((date.timeIntervalSince1970 - seconds) * 1e9).rounded(.down))
}

// MARK: Checking

extension StoreIndex {
    /// `rlt check`'s view of the index, without writing anything: a damaged or outdated index file is a note (the
    /// next query rebuilds it); an entry that claims to describe a review file as it is now (same size, times and
    /// inode) but disagrees with what the file says would give wrong answers, so it is a problem.
    ///
    /// `now` is the real time, as for `load(_:mode:now:)`: each entry compared with is built as `load` would build
    /// it then. (Entries the index marked racy are not compared: they are checked by content hash on every read.)
    package static func verify(_ store: Store, now: Date = Date()) -> (problems: [Problem], notes: [String]) {
        let directory = "\(store.root)/\(directoryName)"
        guard FileSystem.isDirectory(directory) else { return ([], []) }
        var notes: [String] = []
        var files: [(name: String, file: IndexFile)] = []
        for name in ["overlay", "base"] {
            let path = "\(directory)/\(name)"
            guard FileSystem.exists(path) else { continue }
            if let file = IndexFile.open(path), file.kind == (name == "base" ? .base : .overlay) {
                files.append((name, file))
            } else {
                notes.append("\(path): damaged or written by another version of rlt; the next query rebuilds it")
            }
        }
        for path in strayFiles(in: directory) {
            notes.append("\(path): left by an interrupted index build; it can be removed (the next query removes it)")
        }
        guard let ids = try? listReviews(store) else { return ([], notes) }
        var problems: [Problem] = []
        let clock = nanoseconds(now)
        for id in ids {
            var info = stat()
            guard lstat(store.reviewPath(id), &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
            let key = IndexFile.FileKey(info)
            var name = id
            guard let (file, entry) = name.withUTF8({ utf8 -> (IndexFile, Int)? in
                for (_, file) in files {
                    if let entry = file.find(UnsafeRawBufferPointer(utf8)), file.key(entry) == key { return (file, entry) }
                }
                return nil
            }) else { continue }
            // Racy entries are checked against the content hash on every read anyway.
            if file.isRacy(entry) { continue }
            guard let built = try? build(store.reviewPath(id), now: clock) else { continue }
            let parts = file.parts(entry)
            let same = built.hot.withUnsafeBytes { equalRaw($0, parts.hot) }
                && built.active.withUnsafeBytes { equalRaw($0, parts.active) }
                && built.cold.withUnsafeBytes { equalRaw($0, parts.cold) }
            if !same {
                let which = files.first { $0.file === file }?.name ?? "base"
                problems.append(
                    Problem(
                        file: "\(directory)/\(which)", line: nil,
                        message: "out of step with reviews/\(id).json; delete \(directory) (the next query rebuilds it)"))
            }
        }
        return (problems, notes)
    }
}

