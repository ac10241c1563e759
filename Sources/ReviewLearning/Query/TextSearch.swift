import Foundation

/// Case- and accent-insensitive matching ("Éléonore" finds "eleonore"; NFC and NFD alike).
public struct TextMatcher: Sendable {
    public let needle: String

    public init(_ text: String) {
        needle = TextMatcher.fold(text)
    }

    public func matches(_ text: String?) -> Bool {
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
    public var ownText: [String] { [title, summary, source].compactMap { $0 } }
}

extension Recommendation {
    public var allText: [String] { [text, reason].compactMap { $0 } + outcomes.map(\.text) }
}

extension AgencyAction {
    public var allText: [String] { [text, measure, evidence, reason].compactMap { $0 } + updates.map(\.text) }
}

extension DisseminationEvent {
    public var allText: [String] { [title, audience, feedback].compactMap { $0 } }
}
