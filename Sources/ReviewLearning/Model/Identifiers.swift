/// The id rules of DESIGN §3, shared by the commands and `rlt check`.
package enum Identifiers {
    package static let maximumLength = 64

    /// Review ids, agency and theme codes: `[a-z0-9][a-z0-9-]*`, at most 64 characters (they become file names).
    package static func validateSlug(_ value: String, kind: String) throws(RecordError) {
        guard isSlug(value) else {
            throw .invalidID(
                kind: kind, value: value,
                rule: "use lower-case letters, digits and '-', starting with a letter or digit, at most \(maximumLength) characters")
        }
    }

    package static func isSlug(_ value: String) -> Bool {
        let bytes = Array(value.utf8)
        guard let first = bytes.first, bytes.count <= maximumLength, isLowerAlnum(first) else { return false }
        return bytes.allSatisfy { isLowerAlnum($0) || $0 == UInt8(ascii: "-") }
    }

    /// Recommendation, finding, action and event ids: `[A-Za-z0-9][A-Za-z0-9.()-]*` as numbered in the report.
    package static func validateRecordID(_ value: String, kind: String) throws(RecordError) {
        guard isRecordID(value) else {
            throw .invalidID(
                kind: kind, value: value,
                rule: "use letters, digits, '.', '(', ')' and '-', starting with a letter or digit, at most \(maximumLength) characters")
        }
    }

    package static func isRecordID(_ value: String) -> Bool {
        let bytes = Array(value.utf8)
        guard let first = bytes.first, bytes.count <= maximumLength, isAlnum(first) else { return false }
        return bytes.allSatisfy { isAlnum($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: ")") || $0 == UInt8(ascii: "-") }
    }

    /// The next free id of the form `prefix` + number (`A1`, `A2`…), after the highest in use.
    package static func next(prefix: String, after existing: [String]) -> String {
        next(prefix: prefix, afterNumber: existing.compactMap { number(of: $0, prefix: prefix) }.max())
    }

    /// The id after number `highest` (nil: none in use yet).
    static func next(prefix: String, afterNumber highest: Int?) -> String { "\(prefix)\((highest ?? 0) + 1)" }

    /// The number of an id of the form `prefix` + number (`A7` → 7), or nil for any other id.
    static func number(of id: String, prefix: String) -> Int? {
        guard id.hasPrefix(prefix) else { return nil }
        return Int(id.dropFirst(prefix.count))
    }

    private static func isLowerAlnum(_ b: UInt8) -> Bool { (97...122).contains(b) || (48...57).contains(b) }
    private static func isAlnum(_ b: UInt8) -> Bool { isLowerAlnum(b) || (65...90).contains(b) }
}

/// A reference to a record inside a review: `REVIEW/ID` (`darren-bethany/3i`, `child-g/A4`).
package struct RecordReference: Hashable, Sendable, CustomStringConvertible {
    package let review: String
    package let id: String

    package init(review: String, id: String) {
        self.review = review
        self.id = id
    }

    package init(parsing text: String) throws(RecordError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw .invalidReference(text, expected: "REVIEW/ID, e.g. darren-bethany/3i")
        }
        try Identifiers.validateSlug(String(parts[0]), kind: "review")
        try Identifiers.validateRecordID(String(parts[1]), kind: "record")
        self.init(review: String(parts[0]), id: String(parts[1]))
    }

    package var description: String { "\(review)/\(id)" }
}

/// A recommendation's link: an id in the same review (`3ii`), or `REVIEW/ID` for a record of another review.
package enum RecordLink: Equatable, Sendable {
    case sameReview(String)
    case otherReview(RecordReference)

    /// Reads a stored or typed link; nil when it is neither form.
    package init?(_ text: String) {
        if text.contains("/") {
            guard let ref = try? RecordReference(parsing: text) else { return nil }
            self = .otherReview(ref)
        } else {
            guard Identifiers.isRecordID(text) else { return nil }
            self = .sameReview(text)
        }
    }
}
