import Dispatch
import Foundation
import ReviewLearning
import Synchronization

/// The `--format` of `export`: whole tables as CSV, one JSON array, or JSON Lines.
enum ExportFormat: String, Vocabulary {
    case csv, json, jsonl
    static let noun = "export format"
}

enum ExportCommand {
    static let spec = CommandSpec(
        name: "export",
        overview: "Write whole tables for other tools: CSV (default), JSON or JSON Lines.",
        discussion: """
            Tables: agencies, themes, reviews, findings, recommendations, actions, outcomes, updates (the actions'
            progress notes), events. Columns are stable and listed in 'rlt help formats' and the README; lists are
            joined with "; "; dates as stored; recommendations and actions carry rag, overdue, days_overdue and
            last_update as of --as-of. With no TABLE, --out DIR writes every table as DIR/<table>.csv (or
            .json/.jsonl). The list filters apply.
            """,
        arguments: [
            ArgumentSpec(
                name: "TABLE", help: "The table to export (default: all, with --out DIR).", isOptional: true,
                values: .words(ExportTable.self))
        ],
        options: [
            .choice(.format, ExportFormat.self, "File format.", default: .csv),
            .value(
                .out, "PATH", "A file (with TABLE) or a directory (without); default: standard output.", values: .file),
            .flag(.excel, "Start CSV with a UTF-8 byte-order mark so Excel reads accents correctly."),
        ] + FilterOptions.specs(.both),
        examples: [
            "rlt export recommendations > recs.csv",
            "rlt export --out nightly/",
            "rlt export actions --overdue --format json",
        ],
        run: run)

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws {
        let table = try arguments.positional(0).map { try parseTable($0) }
        let format = try arguments.choice(.format, ExportFormat.self) ?? .csv
        let context = try QueryContext(arguments, invocation, target: .both)
        let excel = arguments.flag(.excel)
        switch (table, arguments.string(.out)) {
        case (let table?, nil):
            try export([table], context, format: format, excel: excel) { _, text in invocation.out(text) }
        case (let table?, let path?):
            try OutputPath.requireOutsideStore(path, store: invocation.storePath, option: "--out")
            let file = try OutputFile(path)
            try export([table], context, format: format, excel: excel) { _, text in try file.write(text) }
            try file.commit()
            invocation.err("wrote \(path)\n")
        case (nil, let directory?):
            let paths = ExportTable.allCases.map { "\(directory)/\($0.rawValue).\(format.rawValue)" }
            // The directory and each file in it: one of them may be a link into the store. All before any write.
            for path in [directory] + paths {
                try OutputPath.requireOutsideStore(path, store: invocation.storePath, option: "--out")
            }
            try FileSystem.makeDirectory(directory)
            let files = try paths.map { path throws(StoreError) in try OutputFile(path) }
            try export(ExportTable.allCases, context, format: format, excel: excel) { k, text in try files[k].write(text) }
            for file in files { try file.commit() }
            invocation.err("wrote \(ExportTable.allCases.count) tables to \(directory)\n")
        case (nil, nil):
            throw UsageError.missingArgument("TABLE (or --out DIR for every table)")
        }
    }

    /// Exports `tables`, reading the reviews a batch at a time: `write(k, text)` gets table k's text in pieces, in
    /// order, so memory holds one batch of reviews, not the store, however large the export.
    static func export(
        _ tables: [ExportTable], _ context: QueryContext, format: ExportFormat, excel: Bool,
        write: (Int, String) throws -> Void
    ) throws {
        let texts = Mutex(tables.map { TableText(table: $0, format: format, excel: excel) })
        let events = try context.invocation.store.loadEvents().events
        var ids = Set<String>()
        let perReview = tables.indices.filter { tables[$0].isPerReview }
        if !perReview.isEmpty {
            try context.forEachReviewBatch { batch in
                ids.formUnion(batch.map(\.id))
                let source = ExportSource(tracker: context.tracker, reviews: batch, events: [], query: context.query)
                // The tables' pieces of this batch on all cores; each table's text keeps its own place.
                let pieces = Mutex([Result<String, any Error>?](repeating: nil, count: tables.count))
                DispatchQueue.concurrentPerform(iterations: perReview.count) { i in
                    let k = perReview[i]
                    var text = texts.withLock { $0[k] }
                    let piece = Result { try text.add(Exporter.rows(tables[k], from: source)) }
                    texts.withLock { $0[k] = text }
                    pieces.withLock { $0[k] = piece }
                }
                for k in perReview { try write(k, try pieces.withLock { $0[k] }?.get() ?? "") }
            }
        } else if tables.contains(.events) {
            ids = Set(try context.reviews().map(\.id))
        }
        let whole = ExportSource(tracker: context.tracker, reviews: [], events: events, query: context.query, reviewIDs: ids)
        var finished = texts.withLock { $0 }
        for k in finished.indices where !tables[k].isPerReview {
            try write(k, try finished[k].add(Exporter.rows(tables[k], from: whole)))
        }
        for k in finished.indices { try write(k, try finished[k].end()) }
    }

    static func parseTable(_ text: String) throws(UsageError) -> ExportTable {
        do {
            return try ExportTable(parsing: text)
        } catch {
            throw UsageError.invalidArgument(name: "TABLE", message: error.description)
        }
    }

}

/// One export table's text, made a batch of rows at a time: together the pieces are the bytes the whole table
/// renders to at once (CSV with its header, one JSON array, or JSON Lines).
struct TableText {
    let table: ExportTable
    let format: ExportFormat
    let excel: Bool
    private var started = false
    private var array = JSONArrayPieces()

    init(table: ExportTable, format: ExportFormat, excel: Bool) {
        self.table = table
        self.format = format
        self.excel = excel
    }

    /// The text of these rows, after those already added.
    mutating func add(_ rows: [[String]]) throws -> String {
        guard !rows.isEmpty else { return "" }
        defer { started = true }
        switch format {
        case .csv:
            return (started ? "" : start) + Delimited.csv.render(header: started ? nil : table.columns, rows: rows)
        case .jsonl:
            return try JSONOutput.lines(objects(rows))
        case .json:
            return array.add(try JSONOutput.render(objects(rows)))
        }
    }

    /// The rest of the text once every row is added (the whole text of an empty table).
    mutating func end() throws -> String {
        switch format {
        case .csv: return started ? "" : start + Delimited.csv.render(header: table.columns, rows: [])
        case .jsonl: return ""
        case .json: return try array.end()
        }
    }

    private var start: String { excel ? "\u{FEFF}" : "" }

    private func objects(_ rows: [[String]]) -> [[String: String]] {
        rows.map { Dictionary(uniqueKeysWithValues: zip(table.columns, $0)) }
    }
}
