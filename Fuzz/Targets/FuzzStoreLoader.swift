// libFuzzer target: the store loader — JSONLocator (strict syntax, line lookup) and JSONCodec.decode of a review,
// the tracker and the events file, then the unknown-field guard and the check rules on whatever decodes.
//
// Properties: the strict checker and the path scanner agree; a line number, when given, is inside the text; a
// decoded review encodes and decodes back to the same value (the store rereads what it writes); and whenever the
// index's fast reader (ReviewScanner) or the store's (ReviewReader) answers, the decoder accepts the file and gives
// the same index bytes, or the same review.
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
    // The derived index's own reader, against the decoder (the property Tests/ReviewLearningTests/IndexScannerTests
    // checks on damaged copies).
    bytes.withUnsafeBytes { raw in
        guard let digest = ReviewScanner.digest(of: raw) else { return }
        let scanned = BlobBuilder(digest, source: raw)
        guard let review = try? JSONCodec.decode(Review.self, from: bytes, file: "fuzz") else {
            fuzzRequire(false, "ReviewScanner read a file the decoder refuses")
            return
        }
        let decoded = BlobBuilder(ReviewDigest(review), source: UnsafeRawBufferPointer(start: nil, count: 0))
        fuzzRequire(
            scanned.hot.bytes == decoded.hot.bytes && scanned.active.bytes == decoded.active.bytes
                && scanned.cold.bytes == decoded.cold.bytes, "ReviewScanner and the decoder disagree")
    }
    if let read = bytes.withUnsafeBytes(ReviewReader.review(from:)) {
        let decoded = try? JSONCodec.decode(Review.self, from: bytes, file: "fuzz")
        fuzzRequire(decoded == read, "ReviewReader and the decoder disagree")
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
        ReviewRules(tracker: Tracker(name: "fuzz"), reviewIDs: [review.id], recordIDs: [review.id: Set(review.childIDs)])
            .check(review, into: &report)
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
