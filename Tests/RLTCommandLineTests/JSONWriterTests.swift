import Foundation
import Testing

@testable import RLTCommandLine
@testable import ReviewLearning
@testable import SyntheticStore

/// `JSONWriter` must write exactly what Foundation's `JSONEncoder` writes with rlt's settings, pretty and compact.
@Suite("JSON writer")
struct JSONWriterTests {
    /// Expects the writer's bytes to be Foundation's, pretty and compact.
    func expectFoundation(_ value: some Encodable, _ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws {
        for pretty in [true, false] {
            let ours = try JSONWriter.encode(value, pretty: pretty)
            let foundation = Array(try JSONOutput.foundationEncoder(pretty: pretty).encode(value))
            #expect(ours != nil, comment, sourceLocation: sourceLocation)
            #expect(ours == foundation, comment, sourceLocation: sourceLocation)
        }
    }

    @Test("every record of a generated store, as the listings print it, and the tracker, events and reviews")
    func generated() throws {
        let generator = SyntheticStore(recommendations: 1500, seed: 11)
        let state = DueState(rag: .red, daysOverdue: 12)
        for n in 0..<generator.reviewCount {
            let review = generator.review(n)
            try expectFoundation(review, "review \(n)")
            for rec in review.recommendations {
                try expectFoundation(
                    WithReview(review: review.id, record: rec, derived: DerivedFields(state: state, lastUpdate: rec.lastUpdate, slippedDays: 3)))
            }
            for action in review.actions {
                try expectFoundation(
                    [WithReview(review: review.id, record: action, derived: DerivedFields(state: .init(rag: .grey, daysOverdue: nil), lastUpdate: nil, slippedDays: nil))])
            }
        }
        try expectFoundation(generator.tracker())
        try expectFoundation(generator.events())
        try expectFoundation([String]())
        try expectFoundation([String: [Int]]())
    }

    static let strings: [String] = [
        "", "plain", "quote \" and backslash \\ and slash /", "\u{0}\u{1}\u{7}\u{8}\u{9}\u{A}\u{B}\u{C}\u{D}\u{1B}\u{1F}",
        "\u{7F}\u{80}\u{9F}\u{A0}\u{2028}\u{2029}\u{FEFF}", "café e\u{301} 東京 😀 👩‍👩‍👧", "\r\n", "</script>",
    ]

    @Test("strings and keys: every escape Foundation makes, and none it does not", arguments: strings)
    func awkward(_ text: String) throws {
        try expectFoundation([text])
        try expectFoundation([text: text, "a": "b", "B": "c", "_": "d", "a10": "e", "a9": "f"])
    }

    @Test("what the writer leaves to Foundation still comes out as Foundation writes it")
    func fallback() throws {
        struct Mixed: Encodable {
            var score = 1.5
            var when = Date(timeIntervalSince1970: 0)
        }
        #expect(try JSONWriter.encode(Mixed(), pretty: true) == nil)
        #expect(try JSONWriter.encode([2.0], pretty: false) == nil)
        #expect(try JSONOutput.render(Mixed()) == String(decoding: try JSONOutput.foundationEncoder(pretty: true).encode(Mixed()), as: UTF8.self) + "\n")
    }
}
