import Foundation
import Testing

@testable import ReviewLearning

@Suite("Store")
struct StoreTests {
    func makeStore(_ dir: TemporaryDirectory) throws -> Store {
        try Store.create(at: "\(dir.path)/data", name: "Test", now: "2024-01-01T00:00:00Z", author: "t")
    }

    func addReview(_ store: Store, _ id: String) throws {
        try store.write { transaction in
            try transaction.save(Review(id: id, type: .dhr, title: "T"))
        }
    }

    @Test("a new store has the layout, the default themes and 0600 files")
    func create() throws {
        let dir = TemporaryDirectory()
        let store = try makeStore(dir)
        #expect(try store.loadTracker().themes.count == 15)
        #expect(try store.loadEvents().events.isEmpty)
        #expect(dir.mode("data/tracker.json") == 0o600)
        #expect(dir.mode("data/events.json") == 0o600)
        #expect(throws: StoreError.alreadyAStore(path: store.root)) { try makeStore(dir) }
    }

    @Test("writes are deterministic, pretty, sorted and end with a newline")
    func deterministic() throws {
        let dir = TemporaryDirectory()
        let store = try makeStore(dir)
        try addReview(store, "r1")
        let first = try #require(dir.bytes("data/reviews/r1.json"))
        let review = try #require(try store.loadReview("r1"))
        try store.write { transaction in
            _ = try transaction.review("r1")
            try transaction.save(review)
        }
        #expect(dir.bytes("data/reviews/r1.json") == first)
        let text = String(decoding: first, as: UTF8.self)
        #expect(text.hasPrefix("{\n  \"actions\" : [],\n"))
        #expect(text.hasSuffix("}\n"))
    }

    @Test("the configured 0640 mode is applied to rewritten files")
    func groupMode() throws {
        let dir = TemporaryDirectory()
        let store = try makeStore(dir)
        try store.write { transaction in
            var tracker = try transaction.tracker()
            tracker.settings.fileMode = "0640"
            try transaction.save(tracker)
        }
        try addReview(store, "r1")
        #expect(dir.mode("data/reviews/r1.json") == 0o640)
    }

    @Test("a file changed behind rlt's back between read and write is not overwritten")
    func changedUnderUs() throws {
        let dir = TemporaryDirectory()
        let store = try makeStore(dir)
        try addReview(store, "r1")
        let edited = String(decoding: try #require(dir.bytes("data/reviews/r1.json")), as: UTF8.self)
            .replacingOccurrences(of: "\"T\"", with: "\"U\"")
        #expect(throws: StoreError.changedOnDisk(file: store.reviewPath("r1"))) {
            try store.write { transaction in
                var review = try #require(try transaction.review("r1"))
                try dir.write(edited, to: "data/reviews/r1.json")  // same size, someone else's edit
                review.title = "V"
                try transaction.save(review)
            }
        }
        #expect(String(decoding: try #require(dir.bytes("data/reviews/r1.json")), as: UTF8.self) == edited)
    }

    @Test("creating a file that appeared meanwhile is refused")
    func appearedMeanwhile() throws {
        let dir = TemporaryDirectory()
        let store = try makeStore(dir)
        #expect(throws: StoreError.changedOnDisk(file: store.reviewPath("r1"))) {
            try store.write { transaction in
                #expect(try transaction.review("r1") == nil)
                try dir.write("{}", to: "data/reviews/r1.json")
                try transaction.save(Review(id: "r1", type: .dhr, title: "T"))
            }
        }
        #expect(dir.bytes("data/reviews/r1.json") == Data("{}".utf8))
    }

    @Test("a held lock makes a writer wait, then fail with locked")
    func lockTimeout() throws {
        let dir = TemporaryDirectory()
        var store = try makeStore(dir)
        store.lockTimeout = 0.2
        let held = try StoreLock(store: store.root, timeout: 1, mode: 0o600)
        let start = Date()
        #expect(throws: StoreError.locked(path: "\(store.root)/.lock", seconds: 0.2)) { try addReview(store, "r1") }
        #expect(Date().timeIntervalSince(start) >= 0.2)
        _ = consume held
        try addReview(store, "r1")
        #expect(try store.loadReview("r1") != nil)
    }

    @Test("a corrupt file is reported with its line and never rewritten")
    func corrupt() throws {
        let dir = TemporaryDirectory()
        let store = try makeStore(dir)
        let broken = "{\n  \"id\" : \"r1\",\n  \"type\" : \"dhr\",\n}\n"
        try dir.write(broken, to: "data/reviews/r1.json")
        #expect {
            try store.loadReview("r1")
        } throws: { error in
            guard case StoreError.corrupt(_, let line, _) = error else { return false }
            return line == 3
        }
        #expect(throws: StoreError.self) {
            try store.write { transaction in _ = try transaction.review("r1") }
        }
        #expect(dir.bytes("data/reviews/r1.json") == Data(broken.utf8))
    }

    @Test("a file from a newer schema is read-only")
    func newerSchema() throws {
        let dir = TemporaryDirectory()
        let store = try makeStore(dir)
        let future = "{\n  \"id\" : \"r1\",\n  \"schema\" : 4,\n  \"title\" : \"T\",\n  \"type\" : \"dhr\"\n}\n"
        try dir.write(future, to: "data/reviews/r1.json")
        #expect(try store.loadReview("r1")?.schema == 4)
        #expect(throws: StoreError.newerSchema(file: store.reviewPath("r1"), found: 4)) {
            try store.write { transaction in _ = try transaction.review("r1") }
        }
        #expect(dir.bytes("data/reviews/r1.json") == Data(future.utf8))
    }

    @Test("a field this rlt does not know is never dropped: readable, not rewritten, flagged by check")
    func unknownField() throws {
        let dir = TemporaryDirectory()
        let store = try makeStore(dir)
        let text = "{\n  \"id\" : \"r1\",\n  \"recommendations\" : [\n    {\n      \"id\" : \"1\",\n"
            + "      \"statuss\" : \"open\"\n    }\n  ],\n  \"schema\" : 1,\n  \"title\" : \"T\",\n  \"type\" : \"dhr\"\n}\n"
        try dir.write(text, to: "data/reviews/r1.json")
        #expect(try store.loadReview("r1")?.recommendations.count == 1)
        #expect(throws: StoreError.unknownField(file: store.reviewPath("r1"), field: "recommendations[0].statuss")) {
            try store.write { transaction in _ = try transaction.review("r1") }
        }
        #expect(dir.bytes("data/reviews/r1.json") == Data(text.utf8))
        let problems = StoreChecker.check(store)
        #expect(problems.map(\.message) == [
            "unknown field recommendations[0].statuss (a typo, or a newer rlt's): rlt ignores it and will not rewrite this file"
        ])
        #expect(problems.map(\.line) == [6])
    }

    @Test("symbolic links inside the store are refused")
    func symlink() throws {
        let dir = TemporaryDirectory()
        let store = try makeStore(dir)
        try dir.write("{}", to: "outside.json")
        try FileManager.default.createSymbolicLink(
            atPath: "\(dir.path)/data/reviews/r1.json", withDestinationPath: "\(dir.path)/outside.json")
        #expect(throws: StoreError.symlink(file: store.reviewPath("r1"))) { try store.loadReview("r1") }
    }

    @Test("no temp file is left behind by a failed write")
    func noTempFiles() throws {
        let dir = TemporaryDirectory()
        let store = try makeStore(dir)
        try addReview(store, "r1")
        #expect(try store.strayFiles().isEmpty)
        try dir.write("x", to: "data/reviews/.r1.json.tmp-1-2")
        #expect(try store.strayFiles() == ["\(store.root)/reviews/.r1.json.tmp-1-2"])
    }
}
