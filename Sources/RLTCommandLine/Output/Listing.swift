import Foundation
import ReviewLearning

/// The `--format` of listings.
enum ListFormat: String, Vocabulary {
    case table, csv, tsv, json, jsonl
    static let noun = "output format"
}

/// A column of a listing: its name (as in `--columns` and CSV headers) and how to print a row's cell.
struct Column<Row>: Sendable {
    let name: String
    let value: @Sendable (Row) -> String
}

/// How one kind of row prints: every column it has, the ones a table shows by default, and its JSON form.
struct Listing<Row>: Sendable {
    var columns: [Column<Row>]
    var defaults: [String]
    var json: @Sendable (Row) -> any Encodable
}

/// The output options every listing takes.
struct ListingOptions {
    static let specs: [OptionSpec] = [
        .choice("--format", ListFormat.self, "How to print the rows.", default: .table),
        .value("--columns", "A,B", "Which columns to print, in order (see 'rlt help formats' for the names)."),
        .flag("--no-header", "Leave out the header row (table, csv, tsv)."),
    ]

    var format: ListFormat
    var columns: [String]?
    var header: Bool
    var width: Int?
    var colour: Bool

    init(_ arguments: ParsedArguments, _ invocation: Invocation) throws {
        format = try arguments.choice("--format", ListFormat.self) ?? .table
        columns = arguments.string("--columns").map {
            $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        }
        header = !arguments.flag("--no-header")
        width = invocation.terminalWidth
        colour = invocation.colour
    }

    /// Renders rows in the chosen format; every format has the same rows in the same order.
    func render<Row>(_ rows: [Row], _ listing: Listing<Row>) throws -> String {
        let chosen = try selectedColumns(listing)
        if (format == .json || format == .jsonl) && columns == nil {
            let objects: [AnyEncodable] = rows.map { row in AnyEncodable(listing.json(row)) }
            if format == .json { return try JSONOutput.render(objects) }
            return try JSONOutput.lines(objects)
        }
        let cells = rows.map { row in chosen.map { $0.value(row) } }
        let names = chosen.map(\.name)
        switch format {
        case .table:
            var table = TextTable(names)
            for row in cells { table.add(row) }
            let style: ((String, String) -> String?)?
            if colour { style = ragStyle } else { style = nil }
            return table.render(width: width, header: header, style: style)
        case .csv:
            return CSVWriter.render(header: header ? names : nil, rows: cells)
        case .tsv:
            return TSVWriter.render(header: header ? names : nil, rows: cells)
        case .json, .jsonl:
            let objects: [[String: String]] = cells.map { Dictionary(uniqueKeysWithValues: zip(names, $0)) }
            if format == .json { return try JSONOutput.render(objects) }
            return try JSONOutput.lines(objects)
        }
    }

    func selectedColumns<Row>(_ listing: Listing<Row>) throws -> [Column<Row>] {
        let names = columns ?? listing.defaults
        return try names.map { name in
            guard let column = listing.columns.first(where: { $0.name == name }) else {
                let valid = listing.columns.map(\.name)
                let near = nearestMatches(to: name, in: valid, limit: 1)
                throw UsageError.invalidValue(
                    option: "--columns",
                    message: "unknown column \"\(name)\"\(near.isEmpty ? "" : "; did you mean \"\(near[0])\"?"); "
                        + "valid columns: \(valid.joined(separator: ", "))")
            }
            return column
        }
    }
}

private func ragStyle(_ column: String, _ cell: String) -> String? {
    guard column == "rag" else { return nil }
    switch cell {
    case "red": return "31"
    case "amber": return "33"
    case "green": return "32"
    case "blue": return "34"
    case "grey": return "90"
    default: return nil
    }
}

/// Lets rows of different record types go through one encoder call.
struct AnyEncodable: Encodable {
    let value: any Encodable
    init(_ value: any Encodable) { self.value = value }
    func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }
}
