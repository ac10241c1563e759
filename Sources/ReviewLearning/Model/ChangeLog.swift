/// Field-by-field changes of a record, for its history line and reports: `status: open → implemented; text changed`.
///
/// Free text is only ever named ("text changed"), never quoted, so history and messages carry no record text.
/// Values are compared scalar by scalar, not by Swift's canonical equivalence, so an NFC→NFD edit is a change and
/// the bytes the user gave are the bytes stored.
package struct ChangeLog: Sendable {
    private(set) var parts: [String] = []

    package init(_ parts: [String] = []) {
        self.parts = parts
    }

    package var isEmpty: Bool { parts.isEmpty }
    package var summary: String { parts.joined(separator: "; ") }

    package mutating func append(_ text: String) { parts.append(text) }

    package mutating func note(_ field: String, _ old: String?, _ new: String?, text: Bool = false) {
        guard !sameScalars(old, new) else { return }
        parts.append(text ? "\(field) changed" : "\(field): \(old ?? "(none)") → \(new ?? "(none)")")
    }

    package mutating func set<V: Vocabulary>(_ target: inout V, _ value: V, _ field: String) {
        guard target != value else { return }
        note(field, target.rawValue, value.rawValue)
        target = value
    }

    /// Sets a status, marking a move from a terminal status back to a live one as `(reopened)`.
    package mutating func setStatus<S: Lifecycle>(_ target: inout S, _ value: S, _ field: String = "status") {
        guard target != value else { return }
        parts.append("\(field): \(target.rawValue) → \(value.rawValue)" + (target.isReopened(by: value) ? " (reopened)" : ""))
        target = value
    }

    package mutating func set(_ target: inout String, _ value: String, _ field: String, text: Bool = false) {
        guard !sameScalars(target, value) else { return }
        note(field, target, value, text: text)
        target = value
    }

    package mutating func set(_ target: inout PartialDate, _ value: PartialDate, _ field: String) {
        guard target != value else { return }
        note(field, target.description, value.description)
        target = value
    }

    package mutating func setOptional<T: Equatable & CustomStringConvertible>(
        _ target: inout T?, _ value: T, _ field: String, text: Bool = false
    ) {
        setClearable(&target, value, field, text: text)
    }

    /// Sets an optional field to `value`, or clears it when `value` is nil.
    package mutating func setClearable<T: Equatable & CustomStringConvertible>(
        _ target: inout T?, _ value: T?, _ field: String, text: Bool = false
    ) {
        guard !sameScalars(target?.description, value?.description) else { return }
        note(field, target?.description, value?.description, text: text)
        target = value
    }

    /// Moves a due date, keeping the first one as `original` so slippage stays visible.
    package mutating func moveDue(_ due: inout PartialDate?, original: inout PartialDate?, to value: PartialDate) {
        guard due != value else { return }
        if original == nil, let old = due { original = old }
        setOptional(&due, value, "due")
    }

    package mutating func setList(_ target: inout [String], _ value: [String], _ field: String) {
        guard !target.elementsEqual(value, by: { sameScalars($0, $1) }) else { return }
        // An empty list reads as "(none)", as a missing value does: `links: (none) → 6`. Commas, not the cells' "; ",
        // which already parts one change from the next.
        note(field, target.isEmpty ? nil : target.joined(separator: ", "), value.isEmpty ? nil : value.joined(separator: ", "))
        target = value
    }
}

/// Exact equality of the Unicode scalars, unlike `==` on `String`, which treats NFC and NFD as equal.
package func sameScalars(_ a: String?, _ b: String?) -> Bool {
    switch (a, b) {
    case (nil, nil): return true
    case (let x?, let y?): return x.unicodeScalars.elementsEqual(y.unicodeScalars)
    default: return false
    }
}
