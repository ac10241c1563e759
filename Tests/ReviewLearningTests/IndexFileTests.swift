import Foundation
import Testing

@testable import ReviewLearning
@testable import SyntheticStore

/// The index files themselves: written where expected, checked, and compared with the review files by `check`.
@Suite("Index: files, validation and check", .serialized)
struct IndexFileTests {
    func makeStore(_ dir: TemporaryDirectory, recommendations: Int = 300) throws -> Store {
        try SyntheticStore(recommendations: recommendations, seed: 4).write(to: "\(dir.path)/data")
        return Store(root: "\(dir.path)/data")
    }

    /// A time past the racy window of every file written so far: loading with it is what loading after waiting
    /// the window out would be (files indexed then are trusted on size, times and inode alone).
    func pastRacyWindow() -> Date { Date() + Double(IndexFile.racyWindow) / 1e9 + 0.2 }

    /// Recomputes an index file's checksum after a test changed it, so only `check` can tell.
    func reseal(_ path: String) throws {
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        try bytes.withUnsafeMutableBytes { raw in
            let m = UnsafeRawBufferPointer(raw)
            let entries = Int(m.u64(24))
            let namesEnd = Int(m.u64(32) + m.u64(40))
            var header = [UInt8](m.slice(0, 128))
            for k in 104..<112 { header[k] = 0 }
            var sum = Checksum()
            header.withUnsafeBytes { sum.add($0) }
            sum.add(m.slice(entries, namesEnd - entries))
            for at in [48, 64, 80] { sum.add(Checksum.of(m.slice(Int(m.u64(at)), Int(m.u64(at + 8))))) }
            let value = sum.finish()
            try #require(raw.count > 112)
            withUnsafeBytes(of: value.littleEndian) { for k in 0..<8 { raw[104 + k] = $0[k] } }
        }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    @Test("the index is written once, then only checked; every review is read once")
    func writtenOnce() throws {
        let dir = TemporaryDirectory()
        let store = try makeStore(dir)
        let first = try StoreIndex.load(store)
        #expect(first.wrote && first.reread == first.count && first.count == 30)
        let second = try StoreIndex.load(store)
        #expect(!second.wrote && second.reread == 0, "nothing changed, nothing read")
        #expect(FileManager.default.fileExists(atPath: "\(store.root)/.index/base"))
        #expect(dir.mode("data/.index/base") == 0o600, "the index holds record text: private like the store")
        let ignore = String(decoding: dir.bytes("data/.index/.gitignore") ?? Data(), as: UTF8.self)
        #expect(ignore.contains("*"), "git ignores the index")
    }

    @Test("names that are prefixes of others keep the listing's order; an unchanged directory is not read again")
    func listingOrder() throws {
        let dir = TemporaryDirectory()
        let store = try makeStore(dir)
        let sample = try #require(try store.loadReview(try store.reviewIDs()[0]))
        for id in ["a", "a-b", "a-b-c", "ab", "a0", "z"] {
            var review = sample
            review.id = id
            try JSONCodec.encode(review).write(to: URL(fileURLWithPath: store.reviewPath(id)))
        }
        // Loaded as if past the racy window of the files and the directory.
        let first = try StoreIndex.load(store, now: pastRacyWindow())
        #expect(first.ids == (try store.reviewIDs()), "the listing's order: a-b.json before a.json")
        let second = try StoreIndex.load(store, now: pastRacyWindow())
        #expect(second.reread == 0, "every name is found again")
        #expect(second.ids == first.ids)
        // The stamp now vouches for the listing: the next run takes the names from the index.
        let third = try StoreIndex.load(store, now: pastRacyWindow())
        #expect(!third.listedDirectory && third.ids == first.ids && third.reread == 0)
        // Any change to the directory (here a new file) makes it read the directory again.
        var review = sample
        review.id = "a-a"
        try JSONCodec.encode(review).write(to: URL(fileURLWithPath: store.reviewPath("a-a")))
        let fourth = try StoreIndex.load(store, now: pastRacyWindow())
        #expect(fourth.listedDirectory && fourth.ids.contains("a-a") && fourth.reread == 1)
        // A removed review leaves the index at once (a new base), so the listing can be trusted again.
        try FileManager.default.removeItem(atPath: store.reviewPath("a-b"))
        let fifth = try StoreIndex.load(store, now: pastRacyWindow())
        #expect(fifth.listedDirectory && !fifth.ids.contains("a-b") && fifth.wrote)
        let base = try #require(IndexFile.open("\(store.root)/.index/base"))
        #expect(StoreIndex.indexedNames([base]) == fifth.ids)
    }

    @Test("check reports an index entry that disagrees with its file, and a damaged index only as a note")
    func checkComparesIndex() throws {
        let dir = TemporaryDirectory()
        let store = try makeStore(dir)
        // Outside the racy window, entries are trusted on size, times and inode alone.
        _ = try StoreIndex.load(store, now: pastRacyWindow())
        _ = try StoreIndex.load(store, now: pastRacyWindow())
        #expect(StoreIndex.verify(store, now: pastRacyWindow()).problems.isEmpty)
        #expect(StoreIndex.verify(store, now: pastRacyWindow()).notes.isEmpty)

        // Forge the base: change one recommendation's status byte in the first review's blob, reseal it.
        let base = "\(store.root)/.index/base"
        let file = try #require(IndexFile.open(base))
        let view = try #require(file.review(0))
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: base)))
        let hotSection = Int(bytes.withUnsafeBytes { $0.u64(48) })
        let blob = try #require(file.parts(0).hot.baseAddress) - UnsafeRawPointer(try #require(file.hot.baseAddress))
        let position = hotSection + blob + view.rec(0) + BlobLayout.Rec.status
        bytes[position] = bytes[position] == 0 ? 1 : 0
        try Data(bytes).write(to: URL(fileURLWithPath: base))
        try reseal(base)
        let (problems, notes) = StoreIndex.verify(store, now: pastRacyWindow())
        #expect(notes.isEmpty)
        #expect(problems.count == 1, "\(problems)")
        #expect(problems.first?.message.contains("out of step with reviews/") == true)

        // Damaged beyond its checksum: a note, not a problem; deleting the index clears everything.
        try Data("garbage".utf8).write(to: URL(fileURLWithPath: base))
        let damaged = StoreIndex.verify(store)
        #expect(damaged.problems.isEmpty)
        #expect(damaged.notes.count == 1)
        try FileManager.default.removeItem(atPath: "\(store.root)/.index")
        #expect(StoreIndex.verify(store) == ([], []))
    }

    @Test("a file rewritten within the racy window with the same size and times is still seen")
    func racy() throws {
        let dir = TemporaryDirectory()
        let store = try makeStore(dir)
        let index = try StoreIndex.load(store)
        let id = index.ids[2]
        let path = store.reviewPath(id)
        var info = stat()
        stat(path, &info)
        var text = try String(contentsOfFile: path, encoding: .utf8)
        let range = try #require(text.range(of: "\"due\" : \"20"))
        text.replaceSubrange(range, with: "\"due\" : \"19")
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
        var times = [info.st_atim, info.st_mtim]
        utimensat(AT_FDCWD, path, &times, 0)
        let again = try StoreIndex.load(store)
        #expect(again.reread == 1, "the changed file is read again")
    }
}


/// An index kept in memory is built in the first scratch place that can hold it; when none can, loading says so
/// (`IndexUnavailable`) and the caller decodes the files instead (issue 14, item 10).
@Suite("Index: scratch places")
struct IndexScratchTests {
    @Test("a place that cannot make a file is skipped; with no place at all the index is unavailable, not an error")
    func fallsBack() throws {
        let dir = TemporaryDirectory()
        try SyntheticStore(recommendations: 20, seed: 3).write(to: "\(dir.path)/data")
        let store = Store(root: "\(dir.path)/data")
        let missing = ScratchPlace.directory("\(dir.path)/missing")
        let notADirectory = ScratchPlace.directory("\(dir.path)/data/tracker.json")
        let index = try StoreIndex.load(store, scratch: [missing, notADirectory, .directory(dir.path)])
        #expect(index.count == (try store.reviewIDs()).count && !index.wrote)
        #expect(throws: IndexUnavailable.self) { try StoreIndex.load(store, scratch: [missing, notADirectory]) }
        #expect(throws: IndexUnavailable.self) { try StoreIndex.load(store, scratch: []) }
        let memory = try StoreIndex.load(store, scratch: [.memory])
        #expect(memory.count == index.count, "anonymous memory needs no file system")
        #expect(ScratchPlace.defaults(temporaryDirectory: "/var/tmp") == [.memory, .directory("/dev/shm"), .directory("/var/tmp"), .directory("/tmp")])
        #expect(ScratchPlace.defaults(temporaryDirectory: nil) == [.memory, .directory("/dev/shm"), .directory("/tmp")])
    }
}
