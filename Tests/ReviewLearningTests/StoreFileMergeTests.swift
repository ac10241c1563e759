import Foundation
import Testing

@testable import ReviewLearning

/// The repository's sample store, read as git would hand its files to the driver.
private let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("data").path

private func bytes(_ relative: String) -> Data { FileManager.default.contents(atPath: "\(sample)/\(relative)") ?? Data() }

private func merge(_ path: String, _ base: Data?, _ ours: Data, _ theirs: Data) throws(MergeError) -> StoreFileMergeResult {
    try StoreFileMerge.merge(path: path, base: base, ours: ours, theirs: theirs, now: "2024-03-01T12:00:00Z", by: "rlt merge")
}

@Suite("Merging store files as git's merge driver hands them over (issue 20, first part)")
struct StoreFileMergeTests {
    @Test(
        "a file merged with itself comes out as rlt writes it, byte for byte",
        arguments: [
            "tracker.json", "events.json", "reviews/child-g.json", "reviews/darren-bethany.json",
            "reviews/kent-dhr-lessons-2014.json", "reviews/louise.json", "reviews/panel-da-briefing-2022.json",
        ])
    func identity(_ file: String) throws {
        let data = bytes(file)
        #expect(!data.isEmpty)
        #expect(try merge("data/\(file)", data, data, data).data == data)
        #expect(try merge("data/\(file)", nil, data, data).data == data)
    }

    @Test("agencies added on both sides are both kept, in code order; events added as E10 on both are E10 and E11")
    func trackerAndEvents() throws {
        let base = try JSONCodec.decode(Tracker.self, from: bytes("tracker.json"), file: "t")
        var ours = base, theirs = base
        ours.agencies.append(Agency(code: "aa-ours", name: "Ours", sector: .police))
        theirs.agencies.append(Agency(code: "zz-theirs", name: "Theirs", sector: .health))
        let tracker = try merge("data/tracker.json", try JSONCodec.encode(base), try JSONCodec.encode(ours), try JSONCodec.encode(theirs))
        let merged = try JSONCodec.decode(Tracker.self, from: tracker.data, file: "t")
        #expect(merged.agencies.map(\.code) == (base.agencies.map(\.code) + ["aa-ours", "zz-theirs"]).sorted())
        #expect(merged.agencies.count == base.agencies.count + 2)

        let events = try JSONCodec.decode(EventsFile.self, from: bytes("events.json"), file: "e")
        var oursEvents = events, theirsEvents = events
        let next = "E\(events.events.count + 1)"
        oursEvents.events.append(DisseminationEvent(id: next, kind: .seminar, title: "Ours", date: .year(2024)))
        theirsEvents.events.append(DisseminationEvent(id: next, kind: .training, title: "Theirs", date: .year(2024)))
        let result = try merge("data/events.json", bytes("events.json"), try JSONCodec.encode(oursEvents), try JSONCodec.encode(theirsEvents))
        let mergedEvents = try JSONCodec.decode(EventsFile.self, from: result.data, file: "e").events
        #expect(mergedEvents.suffix(2).map(\.title) == ["Theirs", "Ours"])
        #expect(result.renumbered == ["\(next) → E\(events.events.count + 2)"])
    }

    @Test("a field this rlt does not know is merged like the others and kept")
    func unknownFieldKept() throws {
        let base = bytes("reviews/louise.json")
        let ours = Data(String(decoding: base, as: UTF8.self).replacingOccurrences(of: "\"id\" : \"louise\"", with: "\"id\" : \"louise\",\n  \"x_local\" : \"kept\"").utf8)
        let result = try merge("data/reviews/louise.json", base, ours, base)
        #expect(String(decoding: result.data, as: UTF8.self).contains("\"x_local\" : \"kept\""))
    }

    @Test("refused without a result: conflict markers, a newer schema, not JSON, not a store file")
    func refusals() {
        let good = bytes("reviews/louise.json")
        let markers = Data(("<<<<<<< HEAD\n" + String(decoding: good, as: UTF8.self) + "=======\n{}\n>>>>>>> other\n").utf8)
        #expect(throws: MergeError.conflictMarkers(path: "data/reviews/louise.json", side: "local")) {
            try merge("data/reviews/louise.json", good, markers, good)
        }
        let newer = Data(String(decoding: good, as: UTF8.self).replacing(#/"schema" : \d+/#, with: "\"schema\" : 99").utf8)
        #expect(throws: MergeError.newerSchema(path: "data/reviews/louise.json", side: "incoming", found: 99)) {
            try merge("data/reviews/louise.json", good, good, newer)
        }
        #expect(throws: MergeError.unreadable(path: "data/reviews/louise.json", side: "local", reason: "not a JSON object")) {
            try merge("data/reviews/louise.json", good, Data("nope".utf8), good)
        }
        #expect(throws: MergeError.notAStoreFile(path: "README.md")) { try merge("README.md", good, good, good) }
        #expect(
            throws: MergeError.unreadable(
                path: "data/reviews/louise.json", side: "incoming", reason: "its fields do not make a valid review file")
        ) { try merge("data/reviews/louise.json", good, good, bytes("tracker.json")) }
        #expect(MergeError.newerSchema(path: "p", side: "incoming", found: 99).description.contains("upgrade rlt"))
    }
}
