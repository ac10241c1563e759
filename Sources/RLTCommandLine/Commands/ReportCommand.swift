import Foundation
import ReviewLearning

enum ReportCommand {
    static let spec = CommandSpec(
        name: "report",
        overview: "Write the board assurance report: Markdown, or one self-contained HTML page with charts.",
        discussion: """
            Headline figures (reviews, recommendations by status, % assured, overdue, stale); a table per review of
            its recommendations with owners, due date, status, RAG and latest outcome; overdue recommendations and
            actions grouped by lead owner, oldest first; RAG and assurance by owner; themes across reviews;
            dissemination events; and, with --since, what changed since that date. Everything is as of --as-of, so
            the same store and date always give the same report. The HTML has no scripts and fetches nothing; it
            prints on A4 with each section on a new page. The list filters narrow the records reported on; those that
            choose records (--owner, --status, …) also leave out the reviews with nothing in scope.
            With --year 2024-25 it writes the annual report instead, for 1 April to 31 March (as of the year's last
            day, or --as-of if earlier): the reviews concluded in the year (the earliest of their completed,
            approved and published dates) with their findings and recommendations, the reviews ongoing at its end
            against their timescales, the outcomes recorded and actions completed in the year, and each
            recommendation declined (not-accepted) in the year with its reason; --type sar (or cspr, dhr) for one
            kind of review. Only the review filters (--review, --type) apply to it.
            """,
        options: [
            .value(
                .format, "FORMAT", "Markdown (the default) or html (the default when --out ends in .html).",
                values: .words(ReportFormat.self)),
            .value(
                .out, "FILE", "Write the report to FILE (created 0600) instead of standard output.", values: .file),
            .value(
                .since, SinceOption.valueName,
                "Add what changed from DATE to --as-of (by the date it happened or was reported), or since the last board meeting."),
            .value(.staleDays, "N", "Count as stale what has had no update for N days or more.", default: "90"),
            .value(.year, "YEAR", "Write the annual report for this reporting year, April to March (e.g. 2024-25)."),
        ] + FilterOptions.specs(.both),
        examples: [
            "rlt report > board.md",
            "rlt report --format html --out board.html --since 2024-05-01",
            "rlt report --year 2024-25 --type sar --format html --out annual.html",
        ],
        run: run)

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws {
        let out = arguments.string(.out)
        let format: ReportFormat
        if let text = arguments.string(.format) {
            do {
                format = try ReportFormat(parsing: text == "md" ? "markdown" : text)
            } catch {
                throw UsageError.invalidValue(option: "--format", message: error.description)
            }
        } else if let out, [".html", ".htm"].contains(where: { out.lowercased().hasSuffix($0) }) {
            format = .html
        } else {
            format = .markdown
        }
        if let out, out.isEmpty { throw UsageError.invalidValue(option: "--out", message: "must not be empty") }
        if let year = arguments.string(.year) {
            return try annual(year, format: format, out: out, arguments, invocation)
        }
        let since = try SinceOption.parse(arguments, invocation)
        let staleDays = try arguments.integer(.staleDays, range: 1...100_000) ?? 90
        let context = try QueryContext(arguments, invocation, target: .both)
        // The index when there is one (whole reviews are read only for --since's histories), else the reviews decoded.
        let store = invocation.store
        let records: RecordSet
        let reviews: ReviewBatches
        if let index = try context.index() {
            records = index
            reviews = ReviewBatches { ids, body in try store.forEachBatch(ids, body) }
        } else {
            let decoded = try context.reviews()
            records = RecordSet(decoded)
            reviews = ReviewBatches(decoded)
        }
        QueryContext.reportSource(records.origin, count: records.count, invocation)
        let input = ReportInput(
            tracker: context.tracker, records: records, reviews: reviews, events: try store.loadEvents().events,
            filter: context.query.filter, asOf: invocation.asOf)
        let options = ReportOptions(format: format, since: since, staleDays: staleDays, scope: scope(arguments))
        if let out {
            try OutputPath.requireOutsideStore(out, store: invocation.storePath, option: "--out")
            let file = try OutputFile(out)
            try Report.write(input, options: options) { try file.write($0) }
            try file.commit()
            invocation.err("wrote \(out)\n")
        } else {
            try Report.write(input, options: options) { invocation.out($0) }
        }
        try QueryContext.requireIntact(records)
    }

    /// `--year`: the annual report of the reviews the review filters choose.
    private static func annual(
        _ text: String, format: ReportFormat, out: String?, _ arguments: ParsedArguments, _ invocation: Invocation
    ) throws {
        let year: ReportingYear
        do {
            year = try ReportingYear(parsing: text)
        } catch {
            throw UsageError.invalidValue(option: "--year", message: error.description)
        }
        let ignored: [OptionName] = [.since, .staleDays] + FilterOptions.recordOnly + [.text]
        if let option = ignored.first(where: arguments.has) {
            throw UsageError.invalidValue(
                option: option.rawValue, message: "the annual report (--year) takes only --review and --type to choose reviews")
        }
        let context = try QueryContext(arguments, invocation, target: .both)
        // The index picks the reviews of the type asked for, so only those files are read.
        let ids = try context.index()?.reviewIDs(passing: context.query)
        func forEachReview(_ body: (Review) -> Void) throws {
            guard let ids else { return try context.forEachReviewBatch { $0.forEach(body) } }
            try invocation.store.forEachBatch(ids) { $0.forEach(body) }
        }
        func write(_ sink: @escaping (String) throws -> Void) throws {
            try AnnualReport.write(
                tracker: context.tracker, forEachReview: forEachReview, year: year, asOf: invocation.asOf,
                format: format, scope: scope(arguments), to: sink)
        }
        if let out {
            try OutputPath.requireOutsideStore(out, store: invocation.storePath, option: "--out")
            let file = try OutputFile(out)
            try write { try file.write($0) }
            try file.commit()
            invocation.err("wrote \(out)\n")
        } else {
            try write { invocation.out($0) }
        }
    }

    /// The filter options as given (`--owner lincs-police, lincs-csc`), in the order the help lists them.
    private static func scope(_ arguments: ParsedArguments) -> [String] {
        FilterOptions.specs(.both).compactMap { option in
            if !option.takesValue { return arguments.flags.contains(option.name) ? option.name : nil }
            let values = arguments.values[option.name] ?? []
            return values.isEmpty ? nil : "\(option.name) \(values.joined(separator: ", "))"
        }
    }
}
