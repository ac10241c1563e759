// libFuzzer target: the store loader — JSONLocator (strict syntax, line lookup) and JSONCodec.decode of a review,
// the tracker and the events file, then the unknown-field guard and the check rules on whatever decodes.
//
// Properties: the strict checker and the path scanner agree; a line number, when given, is inside the text; a
// decoded review encodes and decodes back to the same value (the store rereads what it writes).
import Foundation
@testable import ReviewLearning

public func fuzzStoreLoader(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Data(fuzzBytes(data, size))
    let lineCount = bytes.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
    let problem = JSONLocator.firstProblem(in: bytes)
    switch JSONLocator.scan(bytes) {
    case .success:
        fuzzRequire(problem == nil, "scan accepts what firstProblem refuses")
    case .failure(let scanned):
        fuzzRequire(problem == scanned, "scan and firstProblem disagree")
        fuzzRequire(scanned.position.line >= 1 && scanned.position.line <= lineCount, "problem line out of range")
    }
    for path: [JSONPathComponent] in [
        [], [.key("recommendations"), .index(0), .key("id")], [.key("actions"), .index(3), .key("status")],
        [.key("agencies"), .index(1)],
    ] {
        if let line = JSONLocator.line(of: path, in: bytes) {
            fuzzRequire(line >= 1 && line <= lineCount, "line(of:) out of range")
        }
    }
    let file = "/nonexistent/fuzz.json"
    if let review = try? JSONCodec.decode(Review.self, from: bytes, file: file) {
        _ = JSONCodec.unknownField(in: bytes, decoded: review)
        guard let encoded = try? JSONCodec.encode(review) else {
            fuzzRequire(false, "a decoded review cannot be encoded")
            return 0
        }
        let again = try? JSONCodec.decode(Review.self, from: encoded, file: file)
        fuzzRequire(again == review, "a review does not survive encode and decode")
        var report = FileReport(file: file)
        ReviewRules(tracker: Tracker(name: "fuzz"), reviewIDs: [review.id]).check(review, into: &report)
    }
    if let tracker = try? JSONCodec.decode(Tracker.self, from: bytes, file: file) {
        _ = JSONCodec.unknownField(in: bytes, decoded: tracker)
        if let encoded = try? JSONCodec.encode(tracker) {
            let again = try? JSONCodec.decode(Tracker.self, from: encoded, file: file)
            fuzzRequire(again == tracker, "a tracker does not survive encode and decode")
        }
    }
    if let events = try? JSONCodec.decode(EventsFile.self, from: bytes, file: file) {
        _ = JSONCodec.unknownField(in: bytes, decoded: events)
        if let encoded = try? JSONCodec.encode(events) {
            let again = try? JSONCodec.decode(EventsFile.self, from: encoded, file: file)
            fuzzRequire(again == events, "an events file does not survive encode and decode")
        }
    }
    return 0
}
