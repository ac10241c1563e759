import Foundation
import ReviewLearning

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
        let source = ExportSource(
            tracker: context.tracker, reviews: try context.reviews(), events: try invocation.store.loadEvents().events,
            query: context.query)
        let excel = arguments.flag(.excel)
        switch (table, arguments.string(.out)) {
        case (let table?, nil):
            invocation.out(try render(table, source, format: format, excel: excel))
        case (let table?, let path?):
            try OutputPath.requireOutsideStore(path, store: invocation.storePath, option: "--out")
            try write(render(table, source, format: format, excel: excel), to: path)
            invocation.err("wrote \(path)\n")
        case (nil, let directory?):
            let paths = ExportTable.allCases.map { "\(directory)/\($0.rawValue).\(format.rawValue)" }
            // The directory and each file in it: one of them may be a link into the store. All before any write.
            for path in [directory] + paths {
                try OutputPath.requireOutsideStore(path, store: invocation.storePath, option: "--out")
            }
            try FileSystem.makeDirectory(directory)
            for (table, path) in zip(ExportTable.allCases, paths) {
                try write(render(table, source, format: format, excel: excel), to: path)
            }
            invocation.err("wrote \(ExportTable.allCases.count) tables to \(directory)\n")
        case (nil, nil):
            throw UsageError.missingArgument("TABLE (or --out DIR for every table)")
        }
    }

    static func parseTable(_ text: String) throws(UsageError) -> ExportTable {
        do {
            return try ExportTable(parsing: text)
        } catch {
            throw UsageError.invalidArgument(name: "TABLE", message: error.description)
        }
    }

    static func render(
        _ table: ExportTable, _ source: ExportSource, format: ExportFormat, excel: Bool
    ) throws -> String {
        let rows = Exporter.rows(table, from: source)
        switch format {
        case .json, .jsonl:
            let objects = rows.map { Dictionary(uniqueKeysWithValues: zip(table.columns, $0)) }
            return format == .json ? try JSONOutput.render(objects) : try JSONOutput.lines(objects)
        case .csv:
            return (excel ? "\u{FEFF}" : "") + Delimited.csv.render(header: table.columns, rows: rows)
        }
    }

    private static func write(_ text: String, to path: String) throws {
        try FileSystem.writeOutput(Data(text.utf8), to: path)
    }
}
