import Foundation
import ReviewLearning

/// A record as stored, plus the id of its review and, for dated records, the derived views as of `--as-of`.
struct WithReview<Record: Encodable>: Encodable {
    var review: String
    var record: Record
    var derived: DerivedFields?

    init(review: String, record: Record, derived: DerivedFields? = nil) {
        self.review = review
        self.record = record
        self.derived = derived
    }

    func encode(to encoder: any Encoder) throws {
        try record.encode(to: encoder)
        var container = encoder.container(keyedBy: ReviewKey.self)
        try container.encode(review, forKey: .review)
        try derived?.encode(to: encoder)
    }

    private enum ReviewKey: String, CodingKey { case review }
}

/// `rag`, `overdue`, `days_overdue`, `last_update`, `slipped_days`: computed, never stored.
struct DerivedFields: Encodable {
    var rag: RAG
    var overdue: Bool
    var daysOverdue: Int?
    var lastUpdate: String?
    var slippedDays: Int?

    init(state: DueState, lastUpdate: CalendarDay?, slippedDays: Int?) {
        rag = state.rag
        overdue = state.isOverdue
        daysOverdue = state.daysOverdue
        self.lastUpdate = lastUpdate?.description
        self.slippedDays = slippedDays
    }

    enum CodingKeys: String, CodingKey {
        case rag, overdue, daysOverdue = "days_overdue", lastUpdate = "last_update", slippedDays = "slipped_days"
    }
}

enum JSONOutput {
    /// Pretty, sorted JSON with a final newline, the same style as the store files.
    static func render(_ value: some Encodable) throws -> String {
        String(decoding: try encode(value, pretty: true), as: UTF8.self) + "\n"
    }

    /// One compact JSON object per line.
    static func lines<T: Encodable>(_ values: [T]) throws -> String {
        var out = ""
        for value in values { out += String(decoding: try encode(value, pretty: false), as: UTF8.self) + "\n" }
        return out
    }

    /// `JSONWriter`'s bytes, or Foundation's where the writer leaves a value to it (the same text either way).
    static func encode(_ value: some Encodable, pretty: Bool) throws -> [UInt8] {
        if let bytes = try JSONWriter.encode(value, pretty: pretty) { return bytes }
        return Array(try foundationEncoder(pretty: pretty).encode(value))
    }

    /// Foundation's encoder with the settings `JSONWriter` copies.
    static func foundationEncoder(pretty: Bool) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}

/// A pretty JSON array printed a few elements at a time: together the pieces are the bytes `JSONOutput.render`
/// gives for all the elements at once.
struct JSONArrayPieces {
    private var started = false

    /// The text that follows the elements before: `rendered` is `JSONOutput.render` of the next elements (a pretty
    /// array is "[\n", the elements joined by ",\n", then "\n]\n").
    mutating func add(_ rendered: String) -> String {
        guard rendered.hasPrefix("[\n  ") else { return "" }
        defer { started = true }
        return (started ? ",\n" : "[\n") + rendered.dropFirst(2).dropLast(3)
    }

    /// The end of the array, or all of it when it is empty.
    func end() throws -> String {
        started ? "\n]\n" : try JSONOutput.render([String]())
    }
}

/// The `--format` of `show`.
enum OutputFormat: String, Vocabulary {
    case table, json
    static let noun = "output format"

    static let option = OptionSpec.choice(.format, OutputFormat.self, "How to print the result.", default: .table)
}
