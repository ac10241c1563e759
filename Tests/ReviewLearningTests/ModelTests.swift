import Foundation
import Testing

@testable import ReviewLearning

@Suite("Model and vocabularies")
struct ModelTests {
    @Test("vocabularies parse case-insensitively and list allowed values on error")
    func vocabulary() throws {
        #expect(try RecommendationStatus(parsing: "In-Progress") == .inProgress)
        do {
            _ = try RecommendationStatus(parsing: "asured")
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("did you mean \"assured\""))
            #expect(error.description.contains("not-accepted"))
        }
    }

    @Test("a list changed from or to empty reads (none) in history")
    func listChanges() {
        var changes = ChangeLog()
        var links: [String] = []
        changes.setList(&links, ["6"], "links")
        changes.setList(&links, ["6", "7"], "links")
        changes.setList(&links, [], "links")
        #expect(changes.summary == "links: (none) → 6; links: 6 → 6, 7; links: 6, 7 → (none)")
    }

    @Test("terminal statuses are the ones DESIGN names")
    func terminal() {
        #expect(RecommendationStatus.allCases.filter(\.isTerminal) == [.assured, .alreadyInPlace, .notAccepted, .superseded])
        #expect(ActionStatus.allCases.filter(\.isTerminal) == [.done, .dropped])
    }

    @Test("missing keys decode to defaults; the encoded form is sorted with snake_case keys")
    func codable() throws {
        let json = #"{"id":"x","type":"dhr","recommendations":[{"id":"1","due":"2024-Q2","original_due":"2024-05"}]}"#
        let review = try JSONDecoder().decode(Review.self, from: Data(json.utf8))
        #expect(review.status == .inProgress)
        #expect(review.recommendations[0].status == .open)
        #expect(review.recommendations[0].assurance == .notAssessed)
        #expect(review.recommendations[0].slippedDays == 30)
        let text = String(decoding: try JSONCodec.encode(review), as: UTF8.self)
        #expect(text.contains("\"original_due\" : \"2024-05\""))
        #expect(text.contains("\"findings\" : []"))
        #expect(text.hasSuffix("}\n"))
        let again = try JSONCodec.decode(Review.self, from: Data(text.utf8), file: "x.json")
        #expect(again == review)
    }

    @Test("an unknown enum value names the field, the line and the allowed values")
    func unknownEnum() {
        let json = "{\n  \"id\" : \"x\",\n  \"type\" : \"dhr\",\n  \"status\" : \"finished\"\n}\n"
        #expect {
            try JSONCodec.decode(Review.self, from: Data(json.utf8), file: "r.json")
        } throws: { error in
            guard case StoreError.corrupt(let file, let line, let message) = error else { return false }
            return file == "r.json" && line == 4 && message.contains("status") && message.contains("published")
        }
    }

    @Test("ids follow DESIGN's patterns", arguments: ["3i", "5.2", "4(a)", "A-1"])
    func recordIDs(id: String) {
        #expect(Identifiers.isRecordID(id))
    }

    @Test(
        "unsafe ids are refused",
        arguments: ["", "../x", "a/b", ".", "-rf", "x y", String(repeating: "a", count: 65), "a\u{0}b", "é"])
    func badIDs(id: String) {
        #expect(!Identifiers.isRecordID(id))
        #expect(!Identifiers.isSlug(id))
    }

    @Test("review slugs are lower case")
    func slugs() {
        #expect(Identifiers.isSlug("darren-bethany"))
        #expect(!Identifiers.isSlug("Darren"))
        #expect(Identifiers.next(prefix: "A", after: ["A1", "A7", "B9", "Ax"]) == "A8")
    }

    @Test("suggestions find typos but not unrelated words")
    func suggestions() {
        #expect(nearestMatches(to: "lincs-polce", in: ["lincs-police", "lincs-scp", "home-office"]) == ["lincs-police"])
        #expect(nearestMatches(to: "zzz", in: ["lincs-police"]).isEmpty)
    }
}
