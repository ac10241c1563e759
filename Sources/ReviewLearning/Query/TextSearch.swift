import Foundation

/// Case- and accent-insensitive matching ("Éléonore" finds "eleonore"; NFC and NFD alike).
package struct TextMatcher: Sendable {
    package let needle: String

    package init(_ text: String) {
        needle = TextMatcher.fold(text)
    }

    package func matches(_ text: String?) -> Bool {
        guard let text, !needle.isEmpty else { return false }
        return TextMatcher.fold(text).contains(needle)
    }

    static func fold(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping
            .folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }
}

extension Review {
    /// The review's own free text (not its children's).
    package var ownText: [String] { [title, summary, source].compactMap { $0 } }
}

extension Recommendation {
    package var allText: [String] { [text, reason].compactMap { $0 } + outcomes.map(\.text) }
}

extension AgencyAction {
    package var allText: [String] { [text, measure, evidence, reason].compactMap { $0 } + updates.map(\.text) }
}

extension DisseminationEvent {
    package var allText: [String] { [title, audience, feedback].compactMap { $0 } }
}
