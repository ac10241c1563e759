import Foundation
import Testing

@testable import ReviewLearning

#if canImport(Glibc)
    import Glibc
#endif

/// A write of several files is all or nothing: staged in `.staging/`, committed through a journal, and finished or
/// undone by the next command after a crash (issue 14 §2).
@Suite("Transactions")
struct TransactionTests {
    func makeStore(_ dir: TemporaryDirectory, reviews: [String] = ["r1", "r2", "r3"]) throws -> Store {
        let store = try Store.create(at: "\(dir.path)/data", name: "Test", now: "2024-01-01T00:00:00Z", author: "t")
        try store.write { transaction in
            for id in reviews { try transaction.save(Review(id: id, type: .dhr, title: "T")) }
        }
        return store
    }

    /// Every record file's bytes, by path relative to the store.
    func snapshot(_ store: Store) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in ["tracker.json", "events.json"] + (try store.reviewIDs()).map({ "reviews/\($0).json" }) {
            files[name] = try FileSystem.read("\(store.root)/\(name)")
        }
        return files
    }

    func stagingContents(_ store: Store) throws -> [String] {
        try FileSystem.list(Staging(root: store.root).directory)
    }

    func retitle(_ transaction: inout Transaction, _ ids: [String], _ title: String) throws {
        for id in ids {
            var review = try #require(try transaction.review(id))
            review.title = title
            try transaction.save(review)
        }
    }

    @Test("saves to several files land together, and only the staging area's .gitignore stays behind")
    func commitsAll() throws {
        let dir = TemporaryDirectory()
        let store = try makeStore(dir)
        try store.write { transaction in
            try retitle(&transaction, ["r1", "r2", "r3"], "New")
            // Nothing is replaced before the commit.
            #expect(try store.loadReview("r1")?.title == "T")
        }
        #expect(try store.loadAllReviews().map(\.title) == ["New", "New", "New"])
        #expect(try stagingContents(store) == [".gitignore"])
    }

    @Test("a read after a save in the same transaction sees the saved version; a removed review reads as gone")
    func readsOwnWrites() throws {
        let dir = TemporaryDirectory()
        let store = try makeStore(dir)
        try store.write { transaction in
            try retitle(&transaction, ["r1"], "New")
            #expect(try transaction.review("r1")?.title == "New")
            try transaction.removeReview("r2")
            #expect(try transaction.review("r2") == nil)
        }
        #expect(try store.reviewIDs() == ["r1", "r3"])
    }

    @Test("an error after some saves writes nothing and leaves no staged file")
    func errorWritesNothing() throws {
        struct Stop: Error {}
        let dir = TemporaryDirectory()
        let store = try makeStore(dir)
        let before = try snapshot(store)
        #expect(throws: Stop.self) {
            try store.write { transaction in
                try retitle(&transaction, ["r1", "r2"], "New")
                throw Stop()
            }
        }
        #expect(try snapshot(store) == before)
        #expect(try stagingContents(store) == [".gitignore"])
    }

    @Test("one file edited behind the transaction's back refuses the whole commit")
    func changedUnderUsRefusesAll() throws {
        let dir = TemporaryDirectory()
        let store = try makeStore(dir)
        let edited = String(decoding: try #require(dir.bytes("data/reviews/r3.json")), as: UTF8.self)
            .replacingOccurrences(of: "\"T\"", with: "\"U\"")
        #expect(throws: StoreError.changedOnDisk(file: store.reviewPath("r3"))) {
            try store.write { transaction in
                try retitle(&transaction, ["r1", "r2", "r3"], "New")
                try dir.write(edited, to: "data/reviews/r3.json")  // after r3 was staged
            }
        }
        #expect(try store.loadAllReviews().map(\.title) == ["T", "T", "U"])
        #expect(try stagingContents(store) == [".gitignore"])
    }

    /// Stages `ids` retitled, writes the journal, then applies only the first `applied` steps: a kill mid-commit.
    func interruptedCommit(_ store: Store, _ ids: [String], applied: Int, journal: Bool = true) throws {
        let staging = Staging(root: store.root)
        try staging.prepare(mode: 0o600)
        var steps: [Staging.Step] = []
        for id in ids {
            var review = try #require(try store.loadReview(id))
            review.title = "New"
            let target = "reviews/\(id).json"
            steps.append(.replace(target: target, staged: try staging.stage(JSONCodec.encode(review), for: target, mode: 0o600)))
        }
        if journal { try FileSystem.writeAtomically(Data(Staging.journal(steps).utf8), to: staging.journalPath, mode: 0o600) }
        for case .replace(let target, let staged) in steps.prefix(applied) {
            #expect(rename("\(staging.directory)/\(staged)", "\(store.root)/\(target)") == 0)
        }
    }

    @Test("a journal left by a kill at any point of the renames is finished by the next command", arguments: 0...3)
    func rollsForward(applied: Int) throws {
        let dir = TemporaryDirectory()
        let store = try makeStore(dir)
        try interruptedCommit(store, ["r1", "r2", "r3"], applied: applied)
        let settled = try store.settleInterruptedWrite()
        #expect(settled == SettledWrite(rolledForward: 3 - applied, discarded: 0))
        #expect(try store.loadAllReviews().map(\.title) == ["New", "New", "New"])
        #expect(try stagingContents(store) == [".gitignore"])
        #expect(try store.settleInterruptedWrite() == SettledWrite())
    }

    @Test("staged files without a journal are a write that never took effect: deleted, the store as before")
    func rollsBack() throws {
        let dir = TemporaryDirectory()
        let store = try makeStore(dir)
        let before = try snapshot(store)
        try interruptedCommit(store, ["r1", "r2"], applied: 0, journal: false)
        #expect(try store.strayFiles().count == 2)
        #expect(try store.settleInterruptedWrite() == SettledWrite(rolledForward: 0, discarded: 2))
        #expect(try snapshot(store) == before)
        #expect(try store.strayFiles().isEmpty)
    }

    @Test("a writer's staged files are left alone, and not reported as stray, while it holds the lock")
    func writerInProgress() throws {
        let dir = TemporaryDirectory()
        let store = try makeStore(dir)
        try interruptedCommit(store, ["r1"], applied: 0, journal: false)
        let held = try StoreLock(store: store.root, timeout: 1, mode: 0o600)
        #expect(try store.strayFiles().isEmpty)
        #expect(try store.settleInterruptedWrite() == SettledWrite())
        #expect(try stagingContents(store).count == 2)
        _ = consume held
        #expect(try store.strayFiles().count == 1)
    }

    @Test("the next write settles first: a journal is finished before the writer reads anything")
    func writerSettlesFirst() throws {
        let dir = TemporaryDirectory()
        let store = try makeStore(dir)
        try interruptedCommit(store, ["r1", "r2"], applied: 1)
        let title = try store.write { transaction in try transaction.review("r2")?.title }
        #expect(title == "New")
        #expect(try stagingContents(store) == [".gitignore"])
    }

    @Test("a damaged journal renames nothing and says what to do")
    func damagedJournal() throws {
        let dir = TemporaryDirectory()
        let store = try makeStore(dir)
        try interruptedCommit(store, ["r1", "r2"], applied: 0)
        let path = Staging(root: store.root).journalPath
        let text = String(decoding: try #require(try FileSystem.read(path)), as: UTF8.self)
        try FileSystem.writeAtomically(Data(text.replacingOccurrences(of: "end\n", with: "").utf8), to: path, mode: 0o600)
        #expect {
            try store.settleInterruptedWrite()
        } throws: { error in
            "\(error)".contains("journal of an interrupted write is damaged")
        }
        #expect(try store.loadAllReviews().map(\.title) == ["T", "T", "T"])
    }

    @Test(
        "a journal names only store files and plain staged names",
        arguments: [
            ("replace reviews/a.json a.json.tmp-1-2\nremove reviews/b.json\n", true),
            ("replace tracker.json t.tmp\nreplace events.json e.tmp\n", true),
            ("", true),
            ("replace ../x.json a.tmp\n", false),
            ("replace /etc/passwd a.tmp\n", false),
            ("replace reviews/../tracker.json a.tmp\n", false),
            ("replace reviews/a.json ../a.tmp\n", false),
            ("replace reviews/a.json .gitignore\n", false),
            ("remove tracker.json\n", false),
            ("replace reviews/a.json\n", false),
            ("rename reviews/a.json a.tmp\n", false),
            ("replace reviews/a.json a.tmp extra\n", false),
            ("replace reviews/.a.json a.tmp\n", false),
        ])
    func journalParsing(body: String, valid: Bool) {
        #expect((Staging.steps(fromJournal: "rlt journal 1\n" + body + "end\n") != nil) == valid)
    }

    @Test("a journal round-trips; one cut short or with another header is not read")
    func journalRoundTrip() {
        let steps: [Staging.Step] = [.replace(target: "reviews/a.json", staged: "a.json.tmp-1-2"), .remove(target: "reviews/b.json")]
        let text = Staging.journal(steps)
        #expect(Staging.steps(fromJournal: text) == steps)
        #expect(Staging.steps(fromJournal: String(text.dropLast())) == nil)
        #expect(Staging.steps(fromJournal: text.replacingOccurrences(of: "rlt journal 1", with: "rlt journal 2")) == nil)
    }
}
