import ReviewLearning

/// Prints a record listing (`rec list`, `action list`, `overdue`) as the options ask: the engine
/// (`RecordListing`) gives the rows and cells, this chooses the columns and the format.
enum RecordListingPrinter {
    /// Prints `listing` in the format, columns, order and limit the options ask for.
    ///
    /// `late` (`overdue` only) are the review stages late against their timescales: they come first, as rows of
    /// kind `review` with the same columns, and count towards `--limit` like any row (`--sort` orders the records).
    static func print(
        _ listing: RecordListing, _ arguments: ParsedArguments, _ invocation: Invocation, late allLate: [LateStage] = []
    ) throws {
        // The checks in the order users have always seen them: --sort and --limit, --format, then --columns.
        let (sort, rowLimit) = try Ordering.options(arguments)
        let late = rowLimit.map { Array(allLate.prefix($0)) } ?? allLate
        let limit = rowLimit.map { $0 - late.count }
        var options = try ListingOptions(arguments, invocation)
        if let format = options.format.delimited {
            let columns = try selectedColumns(listing.kind, options)
            if !late.isEmpty {
                let rows = late.map { stage in columns.map(stage.cell) }
                invocation.out(format.render(header: options.header ? columns.map(\.name) : nil, rows: rows))
                options.header = false
            }
            if sort == nil {
                let total = listing.stream(columns, as: format, header: options.header, limit: limit, to: invocation.out(bytes:))
                return try Ordering.finish(total: total + allLate.count, arguments)
            }
        } else if options.format == .table, !late.isEmpty, !(listing.kind == .overdue && sort == nil) {
            invocation.out(lateTable(late, of: allLate.count, width: options.width) + "\n")
        }
        var rows = listing.rows()
        if let sort { rows = listing.sorted(rows, by: sort) }
        let total = rows.count
        let shown = limit.map { Array(rows.prefix($0)) } ?? rows
        if options.format.isJSON && options.columns == nil {
            // Whole records: the query context decoded the reviews for this.
            guard listing.records.reviews != nil else {
                throw CommandFailure(message: "internal error: JSON of whole records was asked of the index; please report it", code: ExitCode.failure)
            }
            if options.format == .json {
                var pieces = JSONArrayPieces()
                let text = pieces.add(try options.render(late, lateRecords))
                    + pieces.add(try options.render(shown, wholeRecords(listing)))
                invocation.out(text + (try pieces.end()))
            } else {
                invocation.out(try options.render(late, lateRecords) + options.render(shown, wholeRecords(listing)))
            }
        } else if listing.kind == .overdue && options.format == .table && sort == nil {
            // Unsorted, the rows shown are the first of `rows`: headings and totals count from all of them.
            try OverdueCommand.grouped(
                total: total, shown: shown.count, review: { listing.review(of: rows[$0]) },
                isRecommendation: { !rows[$0].isAction }, table: { options in try table(listing, shown, options) },
                options: options, asOf: invocation.asOf, late: late, lateTotal: allLate.count, write: invocation.out)
        } else if options.format == .table {
            try table(listing, shown, options).write(invocation.out)
        } else {
            // CSV and TSV printed the late stages above.
            invocation.out(try cells(listing, shown, options, late: options.format.delimited == nil ? late : []))
        }
        try Ordering.finish(total: total + allLate.count, arguments)
    }

    /// The late review stages as a table of their own: `overdue`'s first block; `total` counts those `--limit` left out.
    static func lateTable(_ late: [LateStage], of total: Int, width: Int?) -> String {
        var table = TextTable(["review", "stage", "due", "late by", "timescale"])
        for stage in late {
            table.add([
                stage.review, stage.timing.stage.rawValue, stage.timing.due?.description ?? "", stage.lateBy,
                stage.timing.timescale?.rule ?? "",
            ])
        }
        let body = table.render(width: width.map { $0 - 2 }).split(separator: "\n").map { "  \($0)\n" }.joined()
        let shown = late.count < total ? ", \(late.count) shown" : ""
        let heading = "Review stages late against their timescales (\(counted(total, "stage"))\(shown))"
        return fitted(heading, width: width) + body
    }

    /// Late review stages as JSON objects of `overdue`'s whole-record listing.
    static let lateRecords = Listing<LateStage>(columns: [], defaults: [], json: { LateStageRecord($0) })

    /// The columns `options` choose, in order: `--columns` checked against the listing's (with suggestions), or
    /// its defaults.
    private static func selectedColumns(_ kind: RecordKind, _ options: ListingOptions) throws -> [RecordColumn] {
        let all = RecordColumn.all(kind)
        let names = Listing<Void>(columns: all.map { Column(name: $0.name) { _ in "" } }, defaults: RecordColumn.defaults(kind), json: { _ in "" })
        return try options.selectedColumns(names).compactMap { chosen in all.first { $0.name == chosen.name } }
    }

    /// The shown rows as JSON of the columns `options` choose.
    private static func cells(
        _ listing: RecordListing, _ rows: [MatchedRow], _ options: ListingOptions, late: [LateStage] = []
    ) throws -> String {
        let columns = try selectedColumns(listing.kind, options)
        let chosen = columns.map(\.name)
        let generic = Listing<[String]>(
            columns: chosen.enumerated().map { k, name in Column(name: name) { $0[k] } }, defaults: chosen, json: { $0 })
        var options = options
        options.columns = chosen
        return try options.render(late.map { s in columns.map(s.cell) } + listing.cells(rows, columns), generic)
    }

    /// The shown rows as a table of the columns `options` choose, made a chunk of rows at a time.
    private static func table(_ listing: RecordListing, _ rows: [MatchedRow], _ options: ListingOptions) throws -> StreamedTable {
        let columns = try selectedColumns(listing.kind, options)
        return StreamedTable(
            columns: columns.map(\.name), freeText: columns.map { TextTable.freeText.contains($0.name) }, count: rows.count,
            style: options.tableStyle,
            cells: { range in
                defer { if let last = rows[range].last { listing.release(before: last, first: range.lowerBound == 0) } }
                return listing.cells(Array(rows[range]), columns)
            })
    }

    /// The listing of whole records, for JSON: each row's stored record (`record`).
    static func wholeRecords(_ listing: RecordListing) -> Listing<MatchedRow> {
        Listing(columns: [], defaults: [], json: record(listing))
    }

    /// A row's stored record with its review's id and the derived views; overdue rows also say which kind they are.
    private static func record(_ listing: RecordListing) -> @Sendable (MatchedRow) -> any Encodable {
        let reviews = listing.records.reviews ?? []
        let kind = listing.kind
        return { row in
            let review = reviews[Int(row.review)]
            let object: any Encodable
            if row.isAction {
                let action = review.actions[Int(row.record)]
                object = WithReview(
                    review: review.id, record: action,
                    derived: DerivedFields(state: row.state, lastUpdate: action.lastUpdate, slippedDays: action.slippedDays))
            } else {
                let rec = review.recommendations[Int(row.record)]
                object = WithReview(
                    review: review.id, record: rec,
                    derived: DerivedFields(state: row.state, lastUpdate: rec.lastUpdate, slippedDays: rec.slippedDays))
            }
            return kind == .overdue ? WithKind(kind: row.isAction ? "action" : "recommendation", record: object) : object
        }
    }
}

/// A record's JSON object with a `kind` key added, so each object of the mixed overdue list says what it is.
private struct WithKind: Encodable {
    let kind: String
    let record: any Encodable

    private enum Key: String, CodingKey { case kind }

    func encode(to encoder: any Encoder) throws {
        try record.encode(to: encoder)
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(kind, forKey: .kind)
    }
}

extension ListFormat {
    /// CSV or TSV, which the engine writes itself.
    var delimited: Delimited? {
        switch self {
        case .csv: .csv
        case .tsv: .tsv
        default: nil
        }
    }

    var isJSON: Bool { self == .json || self == .jsonl }
}

/// A late review stage as `overdue --format json` prints it, beside whole records: what it is, which review, when it
/// was due and by which rule, and by how much it is late.
private struct LateStageRecord: Encodable {
    let kind = "review"
    let review: String
    /// The stage, under the key records use for their id, and by its own name.
    let id: String
    let stage: String
    let due: String?
    let daysOverdue: Int
    let lateBy: String
    let timescale: String?
    let status: String
    /// The review's first partnership, under the key `overdue`'s rows use.
    let owner: String
    let title: String

    init(_ s: LateStage) {
        review = s.review
        id = s.timing.stage.rawValue
        stage = s.timing.stage.rawValue
        due = s.timing.due?.description
        daysOverdue = s.daysOverdue
        lateBy = s.lateBy
        timescale = s.timing.timescale?.rule
        status = s.status.rawValue
        owner = s.owner
        title = s.title
    }

    enum CodingKeys: String, CodingKey {
        case kind, review, id, stage, due, daysOverdue = "days_overdue", lateBy = "late_by", timescale, status, owner
        case title
    }
}
