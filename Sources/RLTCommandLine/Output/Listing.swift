import Foundation
import ReviewLearning
import Synchronization

/// The `--format` of listings.
enum ListFormat: String, Vocabulary {
    case table, csv, tsv, json, jsonl
    static let noun = "output format"
}

/// What a cell holds, for JSON with `--columns`: the same types the records have without it.
enum CellType: Sendable {
    /// A string; empty is `null`.
    case text
    /// A whole number; empty (or `-`) is `null`. `45%` is 45.
    case integer
    /// `yes` or `no`.
    case boolean
    /// Codes or ids joined with `; ` in a cell, an array in JSON (empty is `[]`).
    case list

    /// The type of a column by its name, the same in every listing that has it.
    static func of(_ name: String) -> CellType {
        switch name {
        case "owners", "owner", "themes", "links", "responds_to", "partnerships", "reviews", "with", "assurance_by", "engage",
            "serves", "late":
            return .list
        case "slipped_days", "days_overdue", "outcomes", "findings", "recs", "open", "overdue_recs", "actions",
            "overdue_actions", "attendees", "total", "oldest_overdue_days", "days_to_due", "most_late_days", "late_count":
            return .integer
        case "overdue", "approximate": return .boolean
        default: return .text
        }
    }

    /// The JSON value of a cell printed as text.
    func json(_ cell: String) -> JSONValue {
        switch self {
        case .text: return cell.isEmpty ? .null : .string(cell)
        case .integer:
            let digits = cell.hasSuffix("%") ? String(cell.dropLast()) : cell
            return Int(digits).map(JSONValue.integer) ?? .null
        case .boolean: return cell == "yes" ? .boolean(true) : cell == "no" ? .boolean(false) : .null
        case .list:
            return .array(cell.isEmpty ? [] : cell.components(separatedBy: Listings.separator).map(JSONValue.string))
        }
    }
}

/// A JSON value built from a cell.
enum JSONValue: Encodable, Equatable, Sendable {
    case null
    case string(String)
    case integer(Int)
    case boolean(Bool)
    case array([JSONValue])

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .string(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .boolean(let value): try container.encode(value)
        case .array(let values): try container.encode(values)
        }
    }
}

/// A column of a listing: its name (as in `--columns` and CSV headers) and how to print a row's cell.
struct Column<Row>: Sendable {
    let name: String
    /// Whether a table on a terminal may cut it (free text and lists); by default, from `TextTable.freeText`.
    let isFreeText: Bool
    /// What the cell holds, for JSON; by default, from `CellType.of(name)`.
    let type: CellType
    let value: @Sendable (Row) -> String

    init(name: String, freeText: Bool? = nil, type: CellType? = nil, value: @escaping @Sendable (Row) -> String) {
        self.name = name
        isFreeText = freeText ?? TextTable.freeText.contains(name)
        self.type = type ?? CellType.of(name)
        self.value = value
    }
}

/// How one kind of row prints: every column it has, the ones a table shows by default, and its JSON form (nil: the
/// default columns).
struct Listing<Row>: Sendable {
    var columns: [Column<Row>]
    var defaults: [String]
    var json: (@Sendable (Row) -> any Encodable)?
}

/// The output options every listing takes.
struct ListingOptions {
    static let specs: [OptionSpec] = [
        .choice(.format, ListFormat.self, "How to print the rows.", default: .table),
        .value(.columns, "A,B", "Which columns to print, in order (see 'rlt help formats' for the names)."),
        .flag(.noHeader, "Leave out the header row (table, csv, tsv)."),
    ]

    var format: ListFormat
    var columns: [String]?
    var header: Bool
    var width: Int?
    var colour: Bool

    init(format: ListFormat, columns: [String]? = nil, header: Bool = true, width: Int? = nil, colour: Bool = false) {
        self.format = format
        self.columns = columns
        self.header = header
        self.width = width
        self.colour = colour
    }

    init(_ arguments: ParsedArguments, _ invocation: Invocation) throws {
        format = try arguments.choice(.format, ListFormat.self) ?? .table
        columns = arguments.string(.columns).map {
            $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        }
        header = !arguments.flag(.noHeader)
        width = invocation.terminalWidth
        colour = invocation.colour
    }

    /// Renders rows in the chosen format; every format has the same rows in the same order.
    func render<Row>(_ rows: [Row], _ listing: Listing<Row>) throws -> String {
        let chosen = try selectedColumns(listing)
        if format.isJSON && columns == nil, let json = listing.json {
            return try Self.renderJSON(rows.map { row in AnyEncodable(json(row)) }, lines: format == .jsonl)
        }
        if format == .table {
            var text = ""
            table(rows, chosen).write { text += $0 }
            return text
        }
        let cells = rows.map { row in chosen.map { $0.value(row) } }
        if let delimited = format.delimited { return delimited.render(header: header ? chosen.map(\.name) : nil, rows: cells) }
        let objects: [[String: JSONValue]] = cells.map { row in
            Dictionary(uniqueKeysWithValues: zip(chosen, row).map { column, cell in (column.name, column.type.json(cell)) })
        }
        return format == .json ? try JSONOutput.render(objects) : try JSONOutput.lines(objects)
    }

    /// JSON of the objects (an array, or one per line), encoded a chunk at a time on all cores: the chunks joined
    /// are the bytes of the whole (`JSONArrayPieces`).
    static func renderJSON(_ objects: [AnyEncodable], lines: Bool) throws -> String {
        let chunk = 256
        guard objects.count > chunk else { return lines ? try JSONOutput.lines(objects) : try JSONOutput.render(objects) }
        let count = (objects.count + chunk - 1) / chunk
        let results = Mutex([Result<String, any Error>](repeating: .success(""), count: count))
        // Read only while the chunks are encoded; each chunk writes only its own result.
        nonisolated(unsafe) let objects = objects
        DispatchQueue.concurrentPerform(iterations: count) { c in
            let part = Array(objects[c * chunk..<min(objects.count, (c + 1) * chunk)])
            let result = Result { lines ? try JSONOutput.lines(part) : try JSONOutput.render(part) }
            results.withLock { $0[c] = result }
        }
        var out = ""
        var array = JSONArrayPieces()
        for result in results.withLock({ $0 }) {
            let text = try result.get()
            out += lines ? text : array.add(text)
        }
        return lines ? out : out + (try array.end())
    }

    /// The rows as a table fitted to the terminal, the RAG coloured when colour is on; each row's cells are made
    /// when the table needs them, so a long listing never holds them all (`StreamedTable`).
    private func table<Row>(_ rows: [Row], _ chosen: [Column<Row>]) -> StreamedTable {
        StreamedTable(
            columns: chosen.map(\.name), freeText: chosen.map(\.isFreeText), count: rows.count, style: tableStyle,
            cells: { range in rows[range].map { row in chosen.map { $0.value(row) } } })
    }

    /// How a table prints: fitted to the terminal's width, the RAG coloured when colour is on.
    var tableStyle: TextTable.Style {
        var style = TextTable.Style(width: width, header: header)
        if colour { style.colour = ragColour }
        return style
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

/// The ANSI colour of a RAG cell: red, amber (yellow), green, blue, grey.
func ragColour(_ column: String, _ cell: String) -> String? {
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

/// A listing printed a piece at a time: together the pieces are the bytes `ListingOptions.render` gives for all the
/// rows at once, so memory holds one piece. A table needs every row's width: its rows are kept until `end`.
struct ListingPieces<Row> {
    private var options: ListingOptions
    private let listing: Listing<Row>
    private var array = JSONArrayPieces()
    private var kept: [Row] = []
    private var started = false

    init(_ options: ListingOptions, _ listing: Listing<Row>) {
        self.options = options
        self.listing = listing
    }

    /// The text of these rows, after those already added.
    mutating func add(_ rows: [Row]) throws -> String {
        guard !rows.isEmpty else { return "" }
        if options.format == .table {
            kept += rows
            return ""
        }
        let text = try options.render(rows, listing)
        defer {
            started = true
            options.header = false
        }
        return options.format == .json ? array.add(text) : text
    }

    /// The rest of the text once every row is added (all of it for a table or an empty listing).
    mutating func end() throws -> String {
        switch options.format {
        case .table: return try options.render(kept, listing)
        case .json: return try array.end()
        default: return started ? "" : try options.render([Row](), listing)
        }
    }
}
