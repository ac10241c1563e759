import Foundation
import Testing

@testable import ReviewLearning
@testable import SyntheticStore

/// The fast readers — the index's scanner (issue 7) and the whole-review reader (issue 16) — must agree with the
/// store's decoder whenever they answer.
@Suite("The fast review readers")
struct IndexScannerTests {
    /// The review from the fast reader (nil if it gives up) and from the decoder.
    func reviews(_ data: Data) -> (read: Review?, decoded: Review?) {
        (data.withUnsafeBytes(ReviewReader.review(from:)), try? JSONCodec.decode(Review.self, from: data, file: "x"))
    }

    /// The index bytes of a review file, from the fast scanner (nil if it gives up) and from the decoder.
    func blobs(_ data: Data) -> (scanned: [UInt8]?, decoded: [UInt8]?) {
        data.withUnsafeBytes { raw in
            let scanned = ReviewScanner.digest(of: raw).map { d -> [UInt8] in
                let b = BlobBuilder(d, source: raw)
                return b.hot.bytes + [0xFF] + b.active.bytes + [0xFF] + b.cold.bytes
            }
            let decoded = (try? JSONCodec.decode(Review.self, from: data, file: "x")).map { review -> [UInt8] in
                let b = BlobBuilder(ReviewDigest(review), source: UnsafeRawBufferPointer(start: nil, count: 0))
                return b.hot.bytes + [0xFF] + b.active.bytes + [0xFF] + b.cold.bytes
            }
            return (scanned, decoded)
        }
    }

    @Test("every generated review is read by the scanner, with the decoder's answer")
    func generated() throws {
        let generator = SyntheticStore(recommendations: 3000, seed: 7)
        for n in 0..<generator.reviewCount {
            let data = try JSONCodec.encode(generator.review(n))
            let (scanned, decoded) = blobs(data)
            #expect(scanned != nil, "review \(n) is read by the scanner")
            #expect(scanned == decoded, "review \(n): scanner and decoder agree")
            let (read, decodedReview) = reviews(data)
            #expect(read != nil, "review \(n) is read by the reader")
            #expect(read == decodedReview, "review \(n): reader and decoder agree")
        }
    }

    @Test("damaged copies: whenever the scanner answers, the decoder accepts the file and agrees")
    func damaged() throws {
        let generator = SyntheticStore(recommendations: 200, seed: 3)
        var rng = SeededRandom(seed: 99)
        var answered = 0
        var read = 0
        for n in 0..<generator.reviewCount {
            let original = [UInt8](try JSONCodec.encode(generator.review(n)))
            for _ in 0..<150 {
                var bytes = original
                let at = rng.int(0...(bytes.count - 1))
                switch rng.int(0...5) {
                case 0: bytes[at] = UInt8(truncatingIfNeeded: rng.next())
                case 1: bytes.remove(at: at)
                case 2: bytes.insert(rng.pick(Array("\",:{}[]\\ 0aé\u{0}".utf8)), at: at)
                case 3: bytes.replaceSubrange(at..<min(bytes.count, at + rng.int(1...40)), with: [])
                case 4:
                    let insert = rng.pick([
                        "\"id\" : \"X\",", "\"extra\" : 1,", "\"due\" : null,", "\"due\" : \"30/06/2024\",",
                        "\"status\" : \"done\",", "\"text\" : \"a\\u00e9\\ud83d\\ude00\\n\",", "\"schema\" : 1.0,",
                        "\"statuss\" : \"open\",", "\"links\" : [],", "\"reasons\" : [],",
                    ])
                    if let brace = bytes[at...].firstIndex(of: UInt8(ascii: "{")) {
                        bytes.insert(contentsOf: Array(insert.utf8), at: brace + 1)
                    }
                default:
                    bytes = Array("\u{FEFF}".utf8) + bytes
                }
                let (scanned, decoded) = blobs(Data(bytes))
                let (fast, decodedReview) = reviews(Data(bytes))
                if let fast {
                    read += 1
                    #expect(fast == decodedReview, "the decoder accepts what the reader accepted, with the same review")
                }
                if let scanned {
                    answered += 1
                    #expect(decoded != nil, "the decoder accepts what the scanner accepted")
                    #expect(scanned == decoded, "and they agree")
                    // A transaction skips the unknown-field check when the scanner reads the file.
                    if let review = try? JSONCodec.decode(Review.self, from: Data(bytes), file: "x") {
                        #expect(JSONCodec.unknownField(in: Data(bytes), decoded: review) == nil, "no field would be dropped")
                    }
                }
            }
        }
        #expect(answered > 100, "some damaged copies are still valid reviews (\(answered))")
        #expect(read > 100, "and read by the reader (\(read))")
    }

    @Test("what the scanner leaves to the decoder", arguments: [
        #"{"id":"r","type":"dhr","recommendations":[{"id":"1","due":"30/06/2024"}]}"#,
        #"{"id":"r","type":"dhr","title":null}"#,
        #"{"id":"r","type":"dhr","schema":2,"future":true}"#,
    ])
    func unusual(_ text: String) throws {
        let (scanned, decoded) = blobs(Data(text.utf8))
        #expect(decoded != nil, "a valid review")
        #expect(scanned == nil, "the scanner declines it, so the decoder decides")
        #expect(reviews(Data(text.utf8)).read == nil, "and so does the reader")
    }

    @Test("unusual but plain: escapes and a free-form history time are read by the scanner, as the decoder reads them",
          arguments: [
        #"{"id":"r","type":"dhr","recommendations":[{"id":"1","text":"caf\u00e9 \ud83d\ude00"}]}"#,
        #"{"id":"r","type":"dhr","actions":[{"id":"A1","agency":"p","history":[{"at":"01/02/2024T10:00:00Z","by":"x","change":"y"}]}]}"#,
    ])
    func unusualButRead(_ text: String) throws {
        let (scanned, decoded) = blobs(Data(text.utf8))
        #expect(decoded != nil, "a valid review")
        #expect(scanned != nil, "the scanner reads it")
        #expect(scanned == decoded)
        let (read, decodedReview) = reviews(Data(text.utf8))
        #expect(read != nil && read == decodedReview, "the reader reads it as the decoder does")
    }

    /// History entries with and without a reported date (`on`), later and earlier than the typing time, of every
    /// date form: the last update counts from `on` where there is one.
    static let reportedHistories: [[String?]] = [
        ["2024-02-10"], [nil, "2024-02-10"], ["2024-05", nil], ["2024-Q1", "2023"], [nil], ["2023-12-31", "2024-01-01"],
    ]

    @Test("reported dates: the scanner and the reader read on, and the last update counts from it as the model does",
        arguments: reportedHistories)
    func reportedDates(_ dates: [String?]) throws {
        var review = Review(id: "r", type: .dhr, title: "R")
        var rec = Recommendation(id: "1", text: "t")
        var action = AgencyAction(id: "A1", agency: "np", text: "a")
        for (k, date) in dates.enumerated() {
            let entry = HistoryEntry(at: "2024-03-0\(k + 1)T10:00:00Z", by: "c", change: "x", on: try date.map(PartialDate.init(parsing:)))
            rec.history.append(entry)
            action.history.append(entry)
        }
        review.recommendations = [rec]
        review.actions = [action]
        let data = try JSONCodec.encode(review)
        let (scanned, decoded) = blobs(data)
        #expect(scanned != nil && scanned == decoded)
        let (read, decodedReview) = reviews(data)
        #expect(read != nil && read == decodedReview && read == review)
        let view = RecordSet([review]).review(0)
        #expect(view.recLastUpdate(0).map { CalendarDay(ordinal: Int($0)) } == rec.lastUpdate)
        #expect(view.actionLastUpdate(0).map { CalendarDay(ordinal: Int($0)) } == action.lastUpdate)
        let expected = try dates.enumerated().map { k, date in
            try #require(try date.map(PartialDate.init(parsing:))?.end ?? CalendarDay(year: 2024, month: 3, day: k + 1))
        }.max()
        #expect(rec.lastUpdate == expected)
    }

    @Test("strict JSON problems are never accepted", arguments: [
        #"{"id":"r","type":"dhr",}"#, #"{"id":"r","type":"dhr","id":"s"}"#, "\u{FEFF}{\"id\":\"r\",\"type\":\"dhr\"}",
        #"{"id":"r","type":"dhr"} x"#, #"{"id":"r","type":"nope"}"#, #"{"id":"r"}"#, #"{"id":"r","type":"dhr","recommendations":[{"id":"1","due":"2024-02-30"}]}"#,
    ])
    func strict(_ text: String) {
        let (scanned, decoded) = blobs(Data(text.utf8))
        #expect(scanned == nil)
        #expect(decoded == nil)
        #expect(reviews(Data(text.utf8)).read == nil)
    }

    /// Outcomes and progress notes dated in every way that ties or nearly ties: the same last day as a year,
    /// quarter, month and day, in both orders, and equal dates (the last recorded wins).
    static let datings: [[String]] = [
        ["2024", "2024-Q4", "2024-12", "2024-12-31"], ["2024-12-31", "2024-12", "2024-Q4", "2024"],
        ["2024-06", "2024-06", "2024-05-31"], ["2023", "2024-01-01", "2023-12-31"], ["2024-Q2", "2024-06-30", "2024-06"],
        ["2025-02-03"], [],
    ]

    @Test("the current outcome and the latest progress note: the scanner picks the ones the model's rule picks",
        arguments: datings)
    func currentOutcome(_ dates: [String]) throws {
        var review = Review(id: "r", type: .dhr, title: "R")
        var rec = Recommendation(id: "1", text: "t")
        var action = AgencyAction(id: "A1", agency: "np", text: "a")
        for (k, text) in dates.enumerated() {
            let date = try PartialDate(parsing: text)
            rec.outcomes.append(
                Outcome(date: date, text: "outcome \(k)", author: "c", assurance: k % 2 == 0 ? .limited : nil, by: k % 3 == 0 ? "np" : nil))
            action.updates.append(ProgressNote(date: date, text: "note \(k)", author: "c"))
        }
        review.recommendations = [rec]
        review.actions = [action]
        let data = try JSONCodec.encode(review)
        let (scanned, decoded) = blobs(data)
        #expect(scanned != nil && scanned == decoded)
        // What the packed review says, against the model.
        let records = RecordSet([review])
        let view = records.review(0)
        let expected = rec.currentOutcomePosition.map { rec.outcomes[$0] }
        let current = view.recCurrentOutcome(0)
        #expect(current.map { String(indexBytes: $0.text) } == expected?.text)
        #expect(current.flatMap { PackedDate.unpack($0.date) } == expected?.date)
        #expect(current?.assurance.map { Codes.assurances[$0] } == expected?.assurance)
        #expect(current?.by.map(String.init(indexBytes:)) == expected?.by)
        let note = action.latestUpdatePosition.map { action.updates[$0] }
        #expect(view.actionLatestUpdate(0).map { String(indexBytes: $0.text) } == note?.text)
        #expect(view.actionLatestUpdate(0).flatMap { PackedDate.unpack($0.date) } == note?.date)
    }
}
