import Foundation
import ReviewLearning

/// A record as stored, plus the id of the review it belongs to (for `list`/`show --format json`).
struct WithReview<Record: Encodable>: Encodable {
    var review: String
    var record: Record

    func encode(to encoder: any Encoder) throws {
        try record.encode(to: encoder)
        var container = encoder.container(keyedBy: ReviewKey.self)
        try container.encode(review, forKey: .review)
    }

    private enum ReviewKey: String, CodingKey { case review }
}

enum JSONOutput {
    /// Pretty, sorted JSON with a final newline, the same style as the store files.
    static func render(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }
}

/// The `--format` of `list` and `show`.
enum OutputFormat: String, Vocabulary {
    case table, json
    static let noun = "output format"

    static let option = OptionSpec.choice("--format", OutputFormat.self, "How to print the result.", default: .table)
}
