import Foundation
import Testing

@testable import ReviewLearning

/// Each vocabulary's synonyms: none is already a value, each key is spelt as `suggestion(for:)` looks it up.
private func checkSynonyms<V: Vocabulary>(_ type: V.Type) {
    for (word, value) in V.synonyms {
        #expect(V(rawValue: word) == nil, "\(V.noun): synonym \(word) is itself a value")
        #expect(word == word.lowercased() && !word.contains(" ") && !word.contains("_"), "\(V.noun): \(word)")
        #expect(V.suggestion(for: word) == value.rawValue)
    }
}

@Suite("Vocabulary: what a coordinator types")
struct VocabularySuggestionTests {
    @Test("synonyms are suggested, never accepted")
    func synonyms() throws {
        #expect(ActionStatus.suggestion(for: "completed") == "done")
        #expect(ActionStatus.suggestion(for: "Complete") == "done")
        #expect(ActionStatus.suggestion(for: "finished") == "done")
        #expect(ActionStatus.suggestion(for: "closed") == "done")
        #expect(ActionStatus.suggestion(for: "Cancelled") == "dropped")
        #expect(ActionStatus.suggestion(for: "on hold") == "blocked")
        #expect(RecommendationStatus.suggestion(for: "completed") == "implemented")
        #expect(RecommendationStatus.suggestion(for: "closed") == "assured")
        #expect(RecommendationStatus.suggestion(for: "rejected") == "not-accepted")
        #expect(ReviewStatus.suggestion(for: "archived") == "closed")
        #expect(AssuranceLevel.suggestion(for: "high") == "substantial")
        #expect(ReviewType.suggestion(for: "serious case review") == "scr")
        #expect(Sector.suggestion(for: "NHS") == "health")
        #expect(EventKind.suggestion(for: "workshop") == "training")
        #expect(throws: InvalidValue.self) { try ActionStatus(parsing: "completed") }
    }

    @Test("no synonym is already a value, and every key is found as typed")
    func synonymTables() {
        checkSynonyms(ReviewType.self)
        checkSynonyms(ReviewStatus.self)
        checkSynonyms(RecommendationStatus.self)
        checkSynonyms(ActionStatus.self)
        checkSynonyms(AssuranceLevel.self)
        checkSynonyms(RecommendationLevel.self)
        checkSynonyms(Sector.self)
        checkSynonyms(EventKind.self)
    }

    @Test("typos still get the nearest value; nonsense gets the list")
    func nearest() {
        #expect(ActionStatus.suggestion(for: "In Progress") == "in-progress")
        #expect(ActionStatus.suggestion(for: "dnoe") == "done")
        #expect(ActionStatus.suggestion(for: "xyzzy") == nil)
    }

    @Test("the error says did you mean, with the allowed values")
    func message() {
        do {
            _ = try ActionStatus(parsing: "completed")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "\"completed\" is not an action status; did you mean \"done\"? (one of: planned, in-progress, blocked, done, dropped)")
        }
    }
}
