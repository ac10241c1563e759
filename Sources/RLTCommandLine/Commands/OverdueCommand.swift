import ReviewLearning

enum OverdueCommand {
    static let spec = CommandSpec(
        name: "overdue",
        overview: "List overdue recommendations and agency actions, grouped by review.",
        discussion: """
            Overdue as of --as-of (default today): has a due date, the period ended before that day (a month or
            quarter falls due at its end), and the status is not terminal. Within a review the oldest come first.
            An action is listed even when the recommendation it answers is on time. Review stages late against
            their timescales ('rlt help timescales') come first, as rows of kind review (the stage as the id), unless
            a filter chooses records (--owner, --status, --theme, --text…); they count towards --limit like any row
            and stay first under --sort, which orders the records.
            """,
        options: FilterOptions.specs(.both).filter { $0.name != OptionName.overdue.rawValue } + Ordering.specs + ListingOptions.specs,
        examples: [
            "rlt overdue",
            "rlt overdue --as-of 2022-01-01 --owner south-yorkshire-police",
            "rlt overdue --format csv --fail-if-any",
        ],
        run: run)

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws {
        var context = try QueryContext(arguments, invocation, target: .both)
        // Only overdue reviews are worth decoding when the index cannot answer by itself.
        context.query.filter.overdueOnly = true
        try context.printListing(.overdue, late: try lateStages(arguments, context))
    }

    /// The review stages late against their timescales, unless a filter chooses records (an owner, a status, a
    /// theme…), which a review's own stages are not.
    private static func lateStages(_ arguments: ParsedArguments, _ context: QueryContext) throws -> [LateStage] {
        guard !(FilterOptions.recordOnly + [.text]).contains(where: arguments.has) else { return [] }
        let clock = ReviewClock(settings: context.tracker.settings)
        if let index = try context.index() { return clock.lateStages(context.query, records: index) }
        var late: [LateStage] = []
        try context.forEachReviewBatch { batch in late += clock.lateStages(context.query, records: RecordSet(batch)) }
        return late
    }

    /// The table with a heading line before each review's rows, indented under it, and a closing count.
    ///
    /// Rows `0..<total` are every match in order; the first `shown` are printed (`--limit`). Headings and the
    /// closing line count every match, and say how many are shown when that is fewer. `layout` lays out the shown
    /// rows with the options it is given (the review column left out, two cells narrower).
    static func grouped(
        total: Int, shown: Int, review: (Int) -> (id: String, title: String), isRecommendation: (Int) -> Bool,
        table: (ListingOptions) throws -> StreamedTable, options: ListingOptions, asOf: CalendarDay, late: [LateStage],
        lateTotal: Int, write: (String) -> Void
    ) throws {
        guard total > 0 || lateTotal > 0 else { return write(fitted("Nothing overdue as of \(asOf).", width: options.width)) }
        if !late.isEmpty { write(RecordListingPrinter.lateTable(late, of: lateTotal, width: options.width) + "\n") }
        var options = options
        options.columns = (options.columns ?? RecordColumn.defaults(.overdue)).filter { $0 != "review" }
        options.width = options.width.map { $0 - 2 }
        if shown > 0 {
            // A review's rows at a time: the table measured all of them first, so every group lines up.
            let table = try table(options)
            var out = table.header.map { "  \($0)\n" }.joined()
            var started = !out.isEmpty
            var index = 0
            while index < shown {
                let (id, title) = review(index)
                var end = index + 1
                while end < total && review(end).id == id { end += 1 }
                let printed = min(end, shown)
                out += (started ? "\n" : "")
                    + heading(id, title, count: end - index, shown: printed - index, width: options.width.map { $0 + 2 })
                    + "\n"
                started = true
                for (k, row) in table.lines(index..<printed).enumerated() {
                    if table.separated && k > 0 { out += "\n" }
                    for line in row { out += line.isEmpty ? "\n" : "  \(line)\n" }
                }
                if out.utf8.count >= 1 << 16 {
                    write(out)
                    out = ""
                }
                index = end
            }
            write(out + "\n")
        }
        let recs = (0..<total).filter(isRecommendation).count
        var sentence = "\(total + lateTotal) overdue as of \(asOf): \(counted(recs, "recommendation")), \(counted(total - recs, "action"))"
        if lateTotal > 0 { sentence += ", \(counted(lateTotal, "review stage"))" }
        let printed = shown + late.count
        if printed < total + lateTotal {
            sentence += printed == 0 ? "; none shown (--limit 0)" : "; the first \(printed) shown (--limit \(printed))"
        }
        write(fitted(sentence + ".", width: options.width.map { $0 + 2 }))
    }

    /// `child-g — Child G (13 overdue)`, or `(13 overdue, 2 shown)` under `--limit`; the title cut (or left out) to
    /// fit the width.
    private static func heading(_ review: String, _ title: String, count: Int, shown: Int, width: Int?) -> String {
        let review = TerminalText.sanitized(review)
        let tail = shown < count ? " (\(count) overdue, \(shown) shown)" : " (\(count) overdue)"
        guard let width else { return "\(review) — \(TerminalText.sanitized(title))\(tail)" }
        let room = width - DisplayWidth.of(review) - DisplayWidth.of(tail) - 3
        if room >= 8 { return "\(review) — \(DisplayWidth.cut(TerminalText.sanitized(title), to: room))\(tail)" }
        return DisplayWidth.cut(review + tail, to: width)
    }
}
