/// Field-by-field changes of a record, for its history line and reports: `status: open → implemented; text changed`.
///
/// Free text is only ever named ("text changed"), never quoted, so history and messages carry no record text.
public struct ChangeLog: Sendable {
    private(set) var parts: [String] = []

    public init(_ parts: [String] = []) {
        self.parts = parts
    }

    public var isEmpty: Bool { parts.isEmpty }
    public var summary: String { parts.joined(separator: "; ") }

    public mutating func append(_ text: String) { parts.append(text) }

    public mutating func note(_ field: String, _ old: String?, _ new: String?, text: Bool = false) {
        guard old != new else { return }
        parts.append(text ? "\(field) changed" : "\(field): \(old ?? "(none)") → \(new ?? "(none)")")
    }

    public mutating func set<T: Equatable>(_ target: inout T, _ value: T, _ field: String, text: Bool = false) {
        guard target != value else { return }
        note(field, "\(target)", "\(value)", text: text)
        target = value
    }

    public mutating func setOptional<T: Equatable>(_ target: inout T?, _ value: T, _ field: String, text: Bool = false) {
        guard target != value else { return }
        note(field, target.map { "\($0)" }, "\(value)", text: text)
        target = value
    }

    public mutating func setList(_ target: inout [String], _ value: [String], _ field: String) {
        guard target != value else { return }
        note(field, target.joined(separator: ", "), value.joined(separator: ", "))
        target = value
    }
}
