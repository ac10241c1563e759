import Foundation
import Testing

@testable import ReviewLearning

/// Small rules of issue 14, item 14: articles in messages, author names, and the local "today".
@Suite("Messages, authors and today")
struct MessageAndEnvironmentTests {
    @Test(
        "a kind of value takes the article its first letter asks for",
        arguments: [
            ("action status", "an action status"), ("assurance level", "an assurance level"),
            ("event kind", "an event kind"), ("output format", "an output format"), ("export format", "an export format"),
            ("recommendation status", "a recommendation status"), ("sector", "a sector"), ("Int", "an Int"),
        ])
    func article(_ noun: String, _ expected: String) {
        #expect(withArticle(noun) == expected)
    }

    /// The decoder's message for a bad stored value, as `rlt` shows it after `file:line: field …:`.
    static func decodingMessage<V: Vocabulary>(_ type: V.Type) -> String {
        do {
            _ = try JSONDecoder().decode([V].self, from: Data("[\"zzz\"]".utf8))
            return "decoded"
        } catch DecodingError.dataCorrupted(let context) {
            return context.debugDescription
        } catch {
            return "\(error)"
        }
    }

    @Test("stored values outside a vocabulary: 'not an action status', 'not an assurance level'…")
    func decodingArticles() {
        #expect(Self.decodingMessage(ActionStatus.self).hasPrefix("not an action status (one of: planned"))
        #expect(Self.decodingMessage(AssuranceLevel.self).hasPrefix("not an assurance level (one of:"))
        #expect(Self.decodingMessage(EventKind.self).hasPrefix("not an event kind (one of:"))
        #expect(Self.decodingMessage(RecommendationStatus.self).hasPrefix("not a recommendation status (one of:"))
        #expect(InvalidValue(noun: "action status", value: "x", allowed: ["done"], suggestion: nil).description
            == "\"x\" is not an action status; use one of: done")
    }

    @Test(
        "author names history cannot hold",
        arguments: [
            "a\nb", "a\r\nb", "tab\there", "esc\u{1b}[31m", "bell\u{7}", "del\u{7f}", "c1\u{9b}", "bidi\u{202e}",
            "line\u{2028}sep", "para\u{2029}sep", String(repeating: "x", count: 201),
        ])
    func badAuthors(_ name: String) {
        #expect(Author.problem(with: name) != nil)
    }

    @Test("author names history takes", arguments: ["Jo Bloggs", "Siân O'Neill-Jones", "東京 team", "", String(repeating: "x", count: 200)])
    func goodAuthors(_ name: String) {
        #expect(Author.problem(with: name) == nil)
    }

    @Test(
        "today is the calendar day on the local clock",
        arguments: [
            (1_719_790_200, "Europe/London", "2024-07-01"),  // 2024-06-30T23:30Z, BST
            (1_719_790_200, "UTC", "2024-06-30"),
            (1_705_361_400, "Europe/London", "2024-01-15"),  // 2024-01-15T23:30Z, GMT
            (1_719_705_600, "America/New_York", "2024-06-29"),  // 2024-06-30T00:00Z
            (1_719_705_600, "Pacific/Auckland", "2024-06-30"),
        ])
    func today(_ seconds: Int, _ zone: String, _ expected: String) throws {
        let timeZone = try #require(TimeZone(identifier: zone))
        #expect("\(CalendarDay.today(at: Date(timeIntervalSince1970: Double(seconds)), in: timeZone))" == expected)
    }
}
