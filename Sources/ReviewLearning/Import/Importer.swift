/// One problem with an import file: `plan.csv:14: column "Target date": "31/02/2024" is not a date`.
package struct ImportProblem: Equatable, Sendable {
    package var line: Int?
    package var column: String?
    package var message: String

    package func description(file: String) -> String {
        "\(file)\(line.map { ":\($0)" } ?? ""): \(column.map { "column \"\($0)\": " } ?? "")\(message)"
    }
}

/// Every problem of a refused import.
package struct ImportFailure: Error, Sendable {
    package var problems: [ImportProblem]
}

/// The store as an import sees it; the importer returns a changed copy.
package struct ImportState: Sendable {
    package var tracker: Tracker
    package var reviews: [String: Review]
    package var events: EventsFile

    package init(tracker: Tracker, reviews: [String: Review], events: EventsFile) {
        self.tracker = tracker
        self.reviews = reviews
        self.events = events
    }
}

/// What an import would do, or did.
package struct ImportPlan: Sendable {
    package var state: ImportState
    package var added: [String] = []
    package var changed: [(reference: String, summary: String)] = []
    package var notes: [String] = []
    /// Which files change: the tracker, review ids, the events file.
    package var trackerChanged = false
    package var changedReviews: Set<String> = []
    package var eventsChanged = false
}

/// Who imports, when, and how to read the file.
package struct ImportContext: Sendable {
    package var asOf: CalendarDay
    package var author: String
    package var timestamp: String
    /// `--map COLUMN=field`.
    package var mapping: [String: String]
    /// `--review ID` for files without a review column.
    package var review: String?
    /// `--force`: add records to closed reviews and close reviews with open records (restoring a whole store).
    package var force: Bool

    package init(
        asOf: CalendarDay, author: String, timestamp: String, mapping: [String: String] = [:], review: String? = nil,
        force: Bool = false
    ) {
        self.asOf = asOf
        self.author = author
        self.timestamp = timestamp
        self.mapping = mapping
        self.review = review
        self.force = force
    }
}

/// Reads a CSV file into the store, all or nothing: every problem is collected with its line and column, and the
/// plan is only returned when there are none. An upsert keyed by each record's reference, so importing the same
/// file twice changes nothing the second time.
package enum Importer {
    package static func plan(
        _ table: ExportTable, bytes: [UInt8], state: ImportState, context: ImportContext
    ) -> Result<ImportPlan, ImportFailure> {
        if TextDecoding.looksLikeUTF16(bytes) {
            return .failure(ImportFailure(problems: [ImportProblem(line: nil, column: nil, message: "is UTF-16 text; save it as \"CSV UTF-8\"")]))
        }
        if let nul = bytes.firstIndex(of: 0) {
            let line = bytes[..<nul].count { $0 == UInt8(ascii: "\n") } + 1
            return .failure(ImportFailure(problems: [ImportProblem(line: line, column: nil, message: "holds a NUL byte, which is not text; remove it, or export the sheet again as CSV UTF-8")]))
        }
        guard let (utf8, encoding) = TextDecoding.utf8Bytes(bytes) else {
            return .failure(ImportFailure(problems: [ImportProblem(line: nil, column: nil, message: "is neither UTF-8 nor Windows-1252 text; save it as CSV UTF-8")]))
        }
        let records: [CSVRecord]
        do {
            // Spreadsheets write blank but formatted rows as ",,,,": they are not records.
            records = try CSVReader.parse(utf8).filter { !$0.fields.allSatisfy { $0.trimmingWhitespace.isEmpty } }
        } catch {
            return .failure(ImportFailure(problems: [ImportProblem(line: error.line, column: nil, message: error.message)]))
        }
        guard let header = records.first else {
            return .failure(ImportFailure(problems: [ImportProblem(line: nil, column: nil, message: "is empty; it needs a header row")]))
        }
        let columns: ImportColumns
        switch ImportColumns.resolve(header: header.fields, table: table, mapping: context.mapping) {
        case .success(let resolved): columns = resolved
        case .failure(let failure): return .failure(failure)
        }
        var plan = ImportPlan(state: state)
        if encoding == .windows1252 { plan.notes.append("the file is not UTF-8; it was read as Windows-1252") }
        if !columns.ignored.isEmpty {
            plan.notes.append("ignored columns: \(columns.ignored.map { "\"\($0)\"" }.joined(separator: ", "))")
        }
        var rowApplier = RowApplier(table: table, context: context, plan: plan, header: header.fields)
        if let problem = rowApplier.requireColumns(columns) { return .failure(ImportFailure(problems: [problem])) }
        for record in records.dropFirst() {
            var values: [String: (column: String, value: String)] = [:]
            for (index, field) in columns.fields.enumerated() {
                guard let field, index < record.fields.count else { continue }
                values[field] = (header.fields[index], unneutralised(record.fields[index]))
            }
            if record.fields.count > header.fields.count {
                rowApplier.problems.append(
                    ImportProblem(line: record.line, column: nil, message: "has \(record.fields.count) fields but the header has \(header.fields.count)"))
                continue
            }
            rowApplier.apply(values, line: record.line)
        }
        rowApplier.checkPendingLinks()
        return rowApplier.problems.isEmpty ? .success(rowApplier.plan) : .failure(ImportFailure(problems: rowApplier.problems))
    }

    /// Removes exactly the `'` that export put before a cell a spreadsheet would read as a formula.
    static func unneutralised(_ value: String) -> String {
        var scalars = value.unicodeScalars[...]
        guard scalars.first == "'" else { return value }
        scalars = scalars.dropFirst()
        let rest = scalars.drop { $0 == "'" }
        guard let first = rest.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) else { return value }
        return String(String.UnicodeScalarView(scalars))
    }
}
