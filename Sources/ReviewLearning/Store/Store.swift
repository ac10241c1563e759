import Dispatch
import Foundation

/// A store directory: `tracker.json`, `reviews/<id>.json` and `events.json`.
///
/// Reads need no lock (every write is an atomic rename). Writes go through `write(_:)`, which holds the store lock
/// and refuses to replace a file that changed since the transaction read it.
package struct Store: Sendable {
    /// The schema this rlt reads and writes; files with a higher number are read-only.
    package static let schemaVersion = 3

    /// The store directory as the user named it (used in messages).
    package let root: String
    /// Seconds to wait for another writer before giving up.
    package var lockTimeout: Double

    package init(root: String, lockTimeout: Double = 10) {
        self.root = root
        self.lockTimeout = lockTimeout
    }

    package var trackerPath: String { "\(root)/tracker.json" }
    package var eventsPath: String { "\(root)/events.json" }
    package var reviewsDirectory: String { "\(root)/reviews" }
    package func reviewPath(_ id: String) -> String { "\(reviewsDirectory)/\(id).json" }

    /// Creates an empty store, refusing a directory that already has one.
    package static func create(at root: String, name: String, now: String, author: String) throws -> Store {
        let store = Store(root: root)
        if FileSystem.exists(root) && !FileSystem.isDirectory(root) {
            throw StoreError.cannotCreate(path: root, reason: "it is a file, not a directory; choose a directory")
        }
        try FileSystem.makeDirectory(root)
        if FileSystem.exists(store.trackerPath) { throw StoreError.alreadyAStore(path: root) }
        try store.write { transaction in
            try FileSystem.makeDirectory(store.reviewsDirectory)
            var tracker = Tracker(name: name)
            tracker.history.append(HistoryEntry(at: now, by: author, change: "created the store"))
            try transaction.save(tracker)
            try transaction.save(EventsFile())
            // The lock file and any derived index are local to a machine; keep them out of git.
            let ignore = "\(root)/.gitignore"
            if !FileSystem.exists(ignore) {
                try FileSystem.writeAtomically(Data(".lock\n.index/\n".utf8), to: ignore, mode: 0o600)
            }
        }
        return store
    }

    // MARK: Reading

    package func loadTracker() throws(StoreError) -> Tracker {
        let found: Data?
        do {
            found = try FileSystem.read(trackerPath)
        } catch {
            throw rootProblem() ?? error
        }
        guard let data = found else { throw rootProblem() ?? .notAStore(path: root) }
        return try JSONCodec.decode(Tracker.self, from: data, file: trackerPath)
    }

    package func loadEvents() throws(StoreError) -> EventsFile {
        guard let data = try FileSystem.read(eventsPath) else {
            try requireStore()
            return EventsFile()
        }
        return try JSONCodec.decode(EventsFile.self, from: data, file: eventsPath)
    }

    /// The review with this id, or nil when there is no such file.
    package func loadReview(_ id: String) throws(StoreError) -> Review? {
        guard let data = try FileSystem.read(reviewPath(id)) else {
            try requireStore()
            return nil
        }
        return try Store.decodeReview(data, file: reviewPath(id)).review
    }

    /// A review file's review: read by `ReviewReader` when it can (`plain`: then the file holds only rlt's own keys,
    /// so rewriting it drops nothing), else by the decoder, which reports any problem with its line.
    static func decodeReview(_ data: Data, file: String) throws(StoreError) -> (review: Review, plain: Bool) {
        if let review = data.withUnsafeBytes(ReviewReader.review(from:)) { return (review, true) }
        return (try JSONCodec.decode(Review.self, from: data, file: file), false)
    }

    /// Ids of the reviews in `reviews/`, sorted.
    package func reviewIDs() throws(StoreError) -> [String] {
        try requireStore()
        return try FileSystem.list(reviewsDirectory).compactMap { name in
            guard name.hasSuffix(".json"), !name.hasPrefix(".") else { return nil }
            return String(name.dropLast(5))
        }
    }

    /// Throws `notAStore` unless `tracker.json` is there, so a mistyped --store is not read as an empty store.
    package func requireStore() throws(StoreError) {
        guard FileSystem.exists(trackerPath) else { throw rootProblem() ?? .notAStore(path: root) }
    }

    /// `notADirectory` when the store path is a file or runs through one; checked only once a read has failed.
    func rootProblem() -> StoreError? {
        FileSystem.isNotADirectory(root) ? .notADirectory(path: root) : nil
    }

    /// Every review, sorted by id; the first bad file (in that order) is the error.
    ///
    /// Large stores are decoded on all cores: the result, and the error, are the same as one by one.
    package func loadAllReviews() throws(StoreError) -> [Review] {
        try loadReviews(try reviewIDs())
    }

    /// The reviews with these ids, in this order (missing ones left out); the first bad file is the error.
    package func loadReviews(_ ids: [String]) throws(StoreError) -> [Review] {
        try decode(ids[...])
    }

    /// Calls `body` with each review of `ids` in order (missing ones left out), decoding a batch at a time on all
    /// cores, so memory holds one batch of reviews rather than the whole store; the first bad file is the error,
    /// as when they are loaded together.
    package func forEachReview(_ ids: [String], _ body: (Review) throws -> Void) throws {
        try forEachBatch(ids) { batch in
            for review in batch { try body(review) }
        }
    }

    /// `forEachReview` a batch at a time (in order; together they are the reviews of `ids`).
    package func forEachBatch(_ ids: [String], _ body: ([Review]) throws -> Void) throws {
        let batch = 128
        for start in stride(from: 0, to: ids.count, by: batch) {
            try body(try decode(ids[start..<min(ids.count, start + batch)]))
        }
    }

    /// The reviews of `ids` in order, decoded on all cores when there are enough to share.
    private func decode(_ ids: ArraySlice<String>) throws(StoreError) -> [Review] {
        var reviews: [Review] = []
        reviews.reserveCapacity(ids.count)
        if ids.count < 16 {
            for id in ids {
                if let review = try loadReview(id) { reviews.append(review) }
            }
            return reviews
        }
        let ids = Array(ids)
        var results = [Result<Review?, StoreError>](repeating: .success(nil), count: ids.count)
        let lock = NSLock()
        let chunk = 8
        results.withUnsafeMutableBufferPointer { slots in
            // Each chunk writes only its own slots k, and `results` outlives concurrentPerform.
            nonisolated(unsafe) let slots = slots
            DispatchQueue.concurrentPerform(iterations: (ids.count + chunk - 1) / chunk) { c in
                for k in c * chunk..<min(ids.count, (c + 1) * chunk) {
                    let result: Result<Review?, StoreError>
                    do throws(StoreError) {
                        result = .success(try loadReview(ids[k]))
                    } catch {
                        result = .failure(error)
                    }
                    lock.withLock { slots[k] = result }
                }
            }
        }
        for result in results {
            switch result {
            case .success(let review?): reviews.append(review)
            case .success(nil): continue
            case .failure(let error): throw error
            }
        }
        return reviews
    }

    /// Files in the store that are not records: temp files left by a crash (of an older rlt, which wrote them beside
    /// the record), or an unfinished write in `.staging/` that could not be settled. Nothing while a writer holds
    /// the lock: its temp files are its work in progress.
    package func strayFiles() throws(StoreError) -> [String] {
        guard !StoreLock.isHeld(store: root) else { return [] }
        let staging = Staging(root: root)
        let staged = try FileSystem.list(staging.directory).filter { $0 != ".gitignore" }.map {
            "\(staging.directory)/\($0)"
        }
        let top = try FileSystem.list(root).filter { $0.contains(".tmp-") }.map { "\(root)/\($0)" }
        let inside = try FileSystem.list(reviewsDirectory).filter { $0.contains(".tmp-") }.map {
            "\(reviewsDirectory)/\($0)"
        }
        return top + inside + staged
    }

    // MARK: Writing

    /// Runs `body` holding the store lock; its saves are atomic and checked against what it read. With `undo`, the
    /// change is recorded in the undo journal under that label, in the same commit.
    package func write<T>(undo label: UndoLabel? = nil, _ body: (inout Transaction) throws -> T) throws -> T {
        guard FileSystem.isDirectory(root) else { throw rootProblem() ?? StoreError.notAStore(path: root) }
        // A reviews/ that is a link would send writes outside the store.
        if FileSystem.isSymlink(reviewsDirectory) { throw StoreError.symlink(file: reviewsDirectory) }
        // The tracker gives the file mode for the lock file; read before the lock, it is decoded again under the
        // lock only if its bytes changed meanwhile.
        var early: (data: Data, tracker: Tracker)?
        if FileSystem.exists(trackerPath), let data = try? FileSystem.read(trackerPath),
            let tracker = try? JSONCodec.decode(Tracker.self, from: data, file: trackerPath)
        {
            early = (data, tracker)
        }
        let mode = early?.tracker.settings.permissions ?? 0o600
        let lock = try StoreLock(store: root, timeout: lockTimeout, mode: mode)
        let staging = Staging(root: root)
        _ = try staging.settle()
        var transaction = Transaction(store: self, mode: mode)
        transaction.decodedTracker = early
        transaction.undoLabel = label
        transaction.undoDepth = early?.tracker.settings.undoDepth ?? Settings.defaultUndoDepth
        let result: T
        do {
            result = try body(&transaction)
            try transaction.commit()
        } catch {
            transaction.abandon()
            throw error
        }
        _ = consume lock
        return result
    }

    /// Finishes a write that was interrupted (a kill, a power cut): redoes a committed one, deletes the staged
    /// files of one that never committed. Every command runs this first; it costs one directory read when there
    /// is nothing to do, and takes the lock only when there is.
    ///
    /// Staged files with no journal whose writer still holds the lock are its work in progress, left alone. A
    /// journal is always finished, waiting for the lock if need be (its writer is in its last milliseconds).
    package func settleInterruptedWrite() throws(StoreError) -> SettledWrite {
        let staging = Staging(root: root)
        guard staging.hasLeftovers() else { return SettledWrite() }
        let mode = (try? loadTracker())?.settings.permissions ?? 0o600
        let lock: StoreLock
        do {
            lock = try StoreLock(store: root, timeout: staging.hasJournal ? lockTimeout : 0, mode: mode)
        } catch .locked where !staging.hasJournal {
            return SettledWrite()
        } catch .readOnly where !staging.hasJournal {
            return SettledWrite()
        }
        let settled = try staging.settle()
        _ = consume lock
        return settled
    }
}

/// The reads and writes of one locked update.
///
/// Every file it saves must either be unchanged since this transaction read it, or be new; otherwise someone edited
/// it behind rlt's back (an editor, a sync tool) and the save is refused.
package struct Transaction {
    package let store: Store
    /// The mode of the files it writes: the store's, or the one a saved `tracker.json` sets.
    private(set) var mode: UInt32
    private var readBytes: [String: Data?] = [:]
    /// Saved files by path: the new bytes (nil: removed) and their name in `.staging/`, in the order first saved.
    private var staged: [String: (data: Data?, name: String?)] = [:]
    private var order: [String] = []
    /// `tracker.json` as decoded before the lock was taken, reused if the file still has the same bytes.
    var decodedTracker: (data: Data, tracker: Tracker)?
    /// When set, `commit` records the change in the undo journal with this label, keeping `undoDepth` steps.
    var undoLabel: UndoLabel?
    var undoDepth = Settings.defaultUndoDepth
    /// Undo journal files to write (or remove, nil) in the same commit as the store files: an undo or redo moving
    /// its step between the stacks. Paths relative to the store root.
    private var journalFiles: [(String, Data?)] = []

    init(store: Store, mode: UInt32) {
        self.store = store
        self.mode = mode
    }

    package mutating func tracker() throws(StoreError) -> Tracker {
        let path = store.trackerPath
        guard let data = try remember(path) else { throw .notAStore(path: store.root) }
        let tracker: Tracker
        if let early = decodedTracker, early.data == data {
            tracker = early.tracker
        } else {
            tracker = try JSONCodec.decode(Tracker.self, from: data, file: path)
        }
        guard tracker.schema <= Store.schemaVersion else { throw .newerSchema(file: path, found: tracker.schema) }
        try requireKnownFields(data, tracker, path)
        return tracker
    }

    package mutating func events() throws(StoreError) -> EventsFile {
        let path = store.eventsPath
        guard let data = try remember(path) else { return EventsFile() }
        let events = try JSONCodec.decode(EventsFile.self, from: data, file: path)
        guard events.schema <= Store.schemaVersion else { throw .newerSchema(file: path, found: events.schema) }
        try requireKnownFields(data, events, path)
        return events
    }

    /// The review, or nil when it does not exist (remembered, so a later create fails if it appears meanwhile).
    package mutating func review(_ id: String) throws(StoreError) -> Review? {
        let path = store.reviewPath(id)
        guard let data = try remember(path) else { return nil }
        let (review, plain) = try Store.decodeReview(data, file: path)
        guard review.schema <= Store.schemaVersion else { throw .newerSchema(file: path, found: review.schema) }
        // The fast reader accepts only rlt's own keys, so when it reads the file nothing can be dropped, and that is
        // much cheaper to know than by re-encoding (the full comparison).
        if !plain { try requireKnownFields(data, review, path) }
        return review
    }

    package mutating func save(_ tracker: Tracker) throws(StoreError) {
        var tracker = tracker
        tracker.schema = Store.schemaVersion
        mode = tracker.settings.permissions
        // A change of undo_depth holds from this change on: 0 records nothing and empties the journal.
        undoDepth = tracker.settings.undoDepth
        try stage(JSONCodec.encode(tracker), at: store.trackerPath)
    }

    package mutating func save(_ events: EventsFile) throws(StoreError) {
        var events = events
        events.schema = Store.schemaVersion
        try stage(JSONCodec.encode(events), at: store.eventsPath)
    }

    package mutating func save(_ review: Review) throws(StoreError) {
        var review = review
        review.schema = Store.schemaVersion
        try stage(JSONCodec.encode(review), at: store.reviewPath(review.id))
    }

    package mutating func removeReview(_ id: String) throws(StoreError) {
        let path = store.reviewPath(id)
        _ = try remember(path)
        try stage(nil, at: path)
    }

    /// A transaction reads to rewrite, so a field it would drop makes the file read-only.
    private func requireKnownFields(_ data: Data, _ decoded: some Encodable, _ path: String) throws(StoreError) {
        if let field = JSONCodec.unknownField(in: data, decoded: decoded) { throw .unknownField(file: path, field: field) }
    }

    /// The file as this transaction sees it: what it staged, else what is on disk (remembered as first read).
    private mutating func remember(_ path: String) throws(StoreError) -> Data? {
        if let change = staged[path] { return change.data }
        let data = try FileSystem.read(path)
        if readBytes[path] == nil { readBytes[path] = .some(data) }
        return data
    }

    /// Writes the new bytes (nil: the file goes) into `.staging/`; nothing in the store changes until `commit`.
    private mutating func stage(_ data: Data?, at path: String) throws(StoreError) {
        let staging = Staging(root: store.root)
        if let previous = staged[path]?.name { staging.discard(previous) }
        var name: String?
        if let data {
            try staging.prepare(mode: mode)
            name = try staging.stage(data, for: relative(path), mode: mode)
        }
        if staged[path] == nil { order.append(path) }
        staged[path] = (data, name)
    }

    /// Replaces every file this transaction saved, all or nothing (see `Staging`).
    ///
    /// Each file must still hold the bytes this transaction read (or still not exist): checked once every new file
    /// is durable, just before the first rename, so an edit made meanwhile is refused rather than overwritten.
    mutating func commit() throws(StoreError) {
        guard !order.isEmpty else { return }
        for path in order {
            let current = try FileSystem.read(path)
            let expected: Data? = readBytes[path] ?? nil
            // A file never read must not exist yet: saving would overwrite something this transaction never saw.
            guard current == expected else { throw .changedOnDisk(file: path) }
        }
        var steps = order.map { path -> Staging.Step in
            if let name = staged[path]?.name { return .replace(target: relative(path), staged: name) }
            return .remove(target: relative(path))
        }
        steps += try journalSteps()
        try Staging(root: store.root).commit(steps, mode: mode)
        order = []
        staged = [:]
        journalFiles = []
    }

    /// The undo journal's part of the commit: the files an undo or redo moves, or this change's new step.
    private func journalSteps() throws(StoreError) -> [Staging.Step] {
        var changes = journalFiles
        // With the journal off (undo_depth 0), a change drops what it held: those steps could no longer be trusted.
        if undoLabel != nil, undoDepth <= 0 { changes += try UndoJournal(root: store.root).clear() }
        if let undoLabel, undoDepth > 0 {
            let files = order.compactMap { path -> UndoStep.File? in
                let before = readBytes[path] ?? nil
                let after = staged[path]?.data
                guard before != after else { return nil }
                return UndoStep.File(
                    path: relative(path), before: before?.base64EncodedString(), after: after?.base64EncodedString())
            }
            if !files.isEmpty { changes += try UndoJournal(root: store.root).record(files, label: undoLabel, depth: undoDepth) }
        }
        guard !changes.isEmpty else { return [] }
        try UndoJournal(root: store.root).prepare(mode: mode)
        let staging = Staging(root: store.root)
        try staging.prepare(mode: mode)
        var steps: [Staging.Step] = []
        for (path, data) in changes {
            if let data {
                steps.append(.replace(target: path, staged: try staging.stage(data, for: path, mode: mode)))
            } else {
                steps.append(.remove(target: path))
            }
        }
        return steps
    }

    /// Puts a file back as an undo step had it (`data`, or removed when nil), if it still holds `expected`, the bytes
    /// the step left; otherwise someone changed it since, and reverting would lose that: refused.
    package mutating func restore(_ relativePath: String, to data: Data?, expecting expected: Data?) throws(UndoError) {
        let path = "\(store.root)/\(relativePath)"
        let current: Data?
        do {
            current = try remember(path)
        } catch {
            throw .store(error)
        }
        guard current == expected else { throw .changedSince(file: path) }
        do {
            try stage(data, at: path)
        } catch {
            throw .store(error)
        }
    }

    /// Moves an undo step from one stack of the journal to the other in this commit.
    mutating func moveJournalStep(_ step: UndoStep, from: String, to: String) throws(StoreError) {
        journalFiles.append((UndoJournal.path(from, step.seq), nil))
        journalFiles.append((UndoJournal.path(to, step.seq), try step.encoded()))
    }

    /// Deletes what was staged: the store stays as it was.
    mutating func abandon() {
        let staging = Staging(root: store.root)
        for case let name? in staged.values.map(\.name) { staging.discard(name) }
        order = []
        staged = [:]
    }

    private func relative(_ path: String) -> String {
        String(path.dropFirst(store.root.count + 1))
    }
}
