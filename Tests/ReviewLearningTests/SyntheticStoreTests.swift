import Foundation
import Testing

@testable import ReviewLearning
@testable import SyntheticStore

/// The benchmark generator (`rlt-generate`): deterministic, valid, and in rlt's own file format.
@Suite("Synthetic stores")
struct SyntheticStoreTests {
    @Test("the same seed gives the same bytes; another seed another store")
    func deterministic() throws {
        let a = TemporaryDirectory()
        let b = TemporaryDirectory()
        let c = TemporaryDirectory()
        let totals = try SyntheticStore(recommendations: 300, seed: 42).write(to: "\(a.path)/s")
        try SyntheticStore(recommendations: 300, seed: 42).write(to: "\(b.path)/s")
        try SyntheticStore(recommendations: 300, seed: 43).write(to: "\(c.path)/s")
        let names = try FileManager.default.contentsOfDirectory(atPath: "\(a.path)/s/reviews").sorted()
        #expect(names.count == 30 && totals.reviews == 30)
        #expect(names == (try FileManager.default.contentsOfDirectory(atPath: "\(b.path)/s/reviews").sorted()))
        for name in names + ["../tracker.json", "../events.json"] {
            #expect(a.bytes("s/reviews/\(name)") == b.bytes("s/reviews/\(name)"), "\(name) is reproducible")
        }
        #expect(names != (try FileManager.default.contentsOfDirectory(atPath: "\(c.path)/s/reviews").sorted()))
        #expect((200...400).contains(totals.recommendations) && totals.actions > 2 * totals.recommendations)
        #expect(a.mode("s/reviews/\(names[0])") == 0o600)
    }

    @Test("a generated store passes rlt check --strict, as of its day and as of later", arguments: [1, 2, 7] as [UInt64])
    func strict(seed: UInt64) throws {
        let dir = TemporaryDirectory()
        let generator = SyntheticStore(recommendations: 400, seed: seed)
        try generator.write(to: "\(dir.path)/s")
        let store = Store(root: "\(dir.path)/s")
        #expect(StoreChecker.check(store, strict: true, asOf: generator.asOf) == [])
        #expect(StoreChecker.check(store, strict: true, asOf: generator.asOf.adding(days: 400)) == [])
    }

    @Test("a generated store passes rlt check, and its files are exactly what rlt would write")
    func valid() throws {
        let dir = TemporaryDirectory()
        try SyntheticStore(recommendations: 400, seed: 1).write(to: "\(dir.path)/s")
        let store = Store(root: "\(dir.path)/s")
        #expect(StoreChecker.check(store) == [])
        for id in try store.reviewIDs() {
            let review = try #require(try store.loadReview(id))
            #expect(dir.bytes("s/reviews/\(id).json") == (try JSONCodec.encode(review)), "\(id) round-trips byte for byte")
        }
        // Every partial-date form appears, and so do the texts' awkward characters.
        let all = try store.reviewIDs().compactMap { String(decoding: dir.bytes("s/reviews/\($0).json") ?? Data(), as: UTF8.self) }
            .joined()
        for needle in ["-Q", "\"due\" : \"20", "–", "\\n", "\\\"", "\"original_due\"", "\"outcomes\" : [\n"] {
            #expect(all.contains(needle), "\(needle)")
        }
        #expect(all.contains(try Regex(#""due" : "\d{4}""#)))
        #expect(all.contains(try Regex(#""due" : "\d{4}-\d{2}""#)))
    }
}
