import Foundation
import Testing

@testable import RLTCommandLine
@testable import ReviewLearning

/// `export` writes a table a batch of reviews at a time (issue 16): the pieces must be the bytes of the whole.
@Suite("Export a batch at a time")
struct TableTextTests {
    static let rows: [[String]] = (0..<7).map { n in
        ["r\(n)", "\(n)", "=SUM(A\(n))", "a, \"quoted\"\nline", "é", "", "1", "2", "3", "4", "5", "6", "7", "8", "9", "x"]
    }

    func whole(_ format: ExportFormat, excel: Bool, rows: [[String]]) throws -> String {
        var text = TableText(table: .recommendations, format: format, excel: excel)
        return try text.add(rows) + text.end()
    }

    @Test("pieces joined are the whole table", arguments: [ExportFormat.csv, .json, .jsonl], [false, true])
    func pieces(_ format: ExportFormat, _ excel: Bool) throws {
        let reference = try whole(format, excel: excel, rows: Self.rows)
        for cuts in [[0, 7], [0, 1, 7], [0, 3, 3, 5, 7], [0, 0, 2, 7, 7]] {
            var text = TableText(table: .recommendations, format: format, excel: excel)
            var out = ""
            for (from, to) in zip(cuts, cuts.dropFirst()) { out += try text.add(Array(Self.rows[from..<to])) }
            out += try text.end()
            #expect(out == reference, "cut at \(cuts)")
        }
    }

    @Test("an empty table is the header, an empty array, or nothing")
    func empty() throws {
        let csv = try whole(.csv, excel: false, rows: [])
        #expect(csv.hasPrefix(ExportTable.recommendations.columns.joined(separator: ",")) && csv.hasSuffix("text\r\n"))
        #expect(try whole(.csv, excel: true, rows: []).hasPrefix("\u{FEFF}review_id,"))
        #expect(try whole(.json, excel: false, rows: []) == "[\n\n]\n" || whole(.json, excel: false, rows: []) == "[]\n")
        #expect(try whole(.jsonl, excel: false, rows: []) == "")
    }

    @Test("a JSON table is one array of objects, whatever the pieces")
    func jsonShape() throws {
        var text = TableText(table: .recommendations, format: .json, excel: false)
        let out = try text.add(Array(Self.rows[0..<2])) + text.add(Array(Self.rows[2...])) + text.end()
        #expect(out.hasPrefix("[\n  {"))
        #expect(out.hasSuffix("}\n]\n"))
        #expect(out.components(separatedBy: "\"rec_id\" :").count == 8)
    }

    @Test(
        "a listing printed a piece at a time is the listing printed at once",
        arguments: [ListFormat.table, .csv, .tsv, .json, .jsonl], [nil, ["text", "review"]])
    func listingPieces(_ format: ListFormat, _ columns: [String]?) throws {
        let hits = (0..<7).map { n in
            SearchHit(review: "r\(n)", reference: "r\(n)/\(n)", kind: "recommendation", field: "text", text: "a, \"b\"\né \(n)")
        }
        for header in [true, false] {
            let options = ListingOptions(format: format, columns: columns, header: header, width: 60)
            let reference = try options.render(hits, SearchHit.listing)
            for cuts in [[0, 7], [0, 1, 7], [0, 3, 3, 5, 7], [0, 0, 2, 7, 7], [0, 0]] {
                var pieces = ListingPieces(options, SearchHit.listing)
                var out = ""
                for (from, to) in zip(cuts, cuts.dropFirst()) { out += try pieces.add(Array(hits[from..<to])) }
                out += try pieces.end()
                let expected = cuts.last == 0 ? try options.render([SearchHit](), SearchHit.listing) : reference
                #expect(out == expected, "\(format) \(columns ?? []) header \(header), cut at \(cuts)")
            }
        }
    }
}
