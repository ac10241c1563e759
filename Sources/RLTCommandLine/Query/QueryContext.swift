import ReviewLearning

/// The reviews named by `--review` (each must exist), or all of them.
func reviews(_ arguments: ParsedArguments, _ invocation: Invocation) throws -> [Review] {
    let ids = arguments.strings(.review)
    if ids.isEmpty { return try invocation.store.loadAllReviews() }
    return try ids.map { try invocation.store.existingReview(try slug($0, argument: "--review", kind: "review")) }
}

/// Calls `body` with each review named by `--review` (each must exist), or every review, a batch at a time.
func forEachReview(_ arguments: ParsedArguments, _ invocation: Invocation, _ body: (Review) throws -> Void) throws {
    let ids = arguments.strings(.review)
    if ids.isEmpty { return try invocation.store.forEachReview(try invocation.store.reviewIDs(), body) }
    for id in ids { try body(try invocation.store.existingReview(try slug(id, argument: "--review", kind: "review"))) }
}

/// Everything a query command needs: the filter from the options, the as-of day, the amber window, and where the
/// records come from: the index (`<store>/.index/`, DESIGN §8) or the review files themselves.
struct QueryContext {
    let arguments: ParsedArguments
    let invocation: Invocation
    let tracker: Tracker
    /// Which records the command lists: what the index looks at when it picks candidate reviews.
    let target: FilterOptions.Target
    var query: Query
    /// The index once `index()` has opened it (nil inside when there is none), shared by the copies of this
    /// context one command makes.
    private let opened = OpenedIndex()

    init(_ arguments: ParsedArguments, _ invocation: Invocation, target: FilterOptions.Target) throws {
        self.arguments = arguments
        self.invocation = invocation
        self.target = target
        tracker = try invocation.store.loadTracker()
        let filter = try FilterOptions.parse(arguments, tracker: tracker, target: target)
        query = Query(filter: filter, asOf: invocation.asOf, amberDays: tracker.settings.amberDays)
    }

    /// Runs `kind`'s listing on the records and prints it as the options ask.
    func printListing(_ kind: RecordKind, late: [LateStage] = []) throws {
        // JSON of whole records needs the stored records (histories, links), which the index does not keep.
        let format = try? arguments.choice(.format, ListFormat.self) ?? .table
        let wholeRecords = (format?.isJSON ?? false) && arguments.string(.columns) == nil
        if wholeRecords, (try? Ordering.options(arguments).sort) == nil { return try printWholeRecords(kind, late: late) }
        let listing = try self.listing(kind, decoded: wholeRecords)
        try RecordListingPrinter.print(listing, arguments, invocation, late: late)
        try QueryContext.requireIntact(listing.records)
    }

    /// The engine for `kind` on the index; on decoded reviews (all, or those of `--review`) without one, or with
    /// `decoded` (the index's candidates, for whole records).
    func listing(_ kind: RecordKind, decoded: Bool = false) throws -> RecordListing {
        let index = try self.index()
        if let index, !decoded { return reported(RecordListing(query, kind: kind, records: index)) }
        return reported(RecordListing(query, kind: kind, records: RecordSet(try decodedReviews(index))))
    }

    /// JSON of whole records in the natural order, a batch of reviews at a time: each batch's rows follow the last's
    /// (overdue rows are ordered within their review), so memory holds one batch, not every record printed.
    private func printWholeRecords(_ kind: RecordKind, late: [LateStage]) throws {
        let (_, limit) = try Ordering.options(arguments)
        let options = try ListingOptions(arguments, invocation)
        var array = JSONArrayPieces()
        // Late review stages come first, and count towards --limit like any row.
        let lateShown = limit.map { Array(late.prefix($0)) } ?? late
        let lateText = try options.render(lateShown, RecordListingPrinter.lateRecords)
        invocation.out(options.format == .json ? array.add(lateText) : lateText)
        var total = 0
        var decoded = 0
        try invocation.store.forEachBatch(try decodedIDs(try index())) { batch in
            let records = RecordSet(batch.filter(query.filter.includes(review:)))
            decoded += records.count
            let listing = RecordListing(query, kind: kind, records: records)
            let rows = listing.rows()
            let shown = limit.map { Array(rows.prefix(max(0, $0 - lateShown.count - total))) } ?? rows
            total += rows.count
            guard !shown.isEmpty else { return }
            let text = try options.render(shown, RecordListingPrinter.wholeRecords(listing))
            invocation.out(options.format == .json ? array.add(text) : text)
        }
        if options.format == .json { invocation.out(try array.end()) }
        QueryContext.reportSource(.decoded, count: decoded, invocation)
        try Ordering.finish(total: total + late.count, arguments)
    }

    /// With `RLT_SHOW_SOURCE=1`, says on stderr where the records came from (for users puzzled by an answer, and
    /// for the tests that check the index answers what it should).
    private func reported(_ listing: RecordListing) -> RecordListing {
        QueryContext.reportSource(listing.origin, count: listing.records.count, invocation)
        return listing
    }

    /// `reported` for any command: the index, or `count` decoded review files.
    static func reportSource(_ origin: RecordSet.Origin, count: Int, _ invocation: Invocation) {
        guard let value = invocation.context.environment["RLT_SHOW_SOURCE"], !value.isEmpty, value != "0" else { return }
        switch origin {
        case .index: invocation.err("note: answered from the index (.index/)\n")
        case .decoded: invocation.err("note: answered from \(count) decoded review files\n")
        }
    }

    /// Every review (or those named by `--review`) decoded, filtered by the review-level filters.
    func reviews() throws -> [Review] {
        try RLTCommandLine.reviews(arguments, invocation).filter(query.filter.includes(review:))
    }

    /// `reviews()` a batch at a time (all of them at once for `--review`), so memory holds one batch.
    func forEachReviewBatch(_ body: ([Review]) throws -> Void) throws {
        guard arguments.strings(.review).isEmpty else { return try body(try reviews()) }
        try invocation.store.forEachBatch(try invocation.store.reviewIDs()) { batch in
            try body(batch.filter(query.filter.includes(review:)))
        }
    }

    /// The index, brought up to date; nil when it is switched off (`RLT_NO_INDEX=1`), cannot be built anywhere, or
    /// `--review` names the reviews (a few files: decoding them is as quick, and missing ones must be reported as
    /// before).
    ///
    /// Brought up to date once per command (that checks every review file's key), however often it is asked for.
    func index() throws -> RecordSet? {
        guard arguments.strings(.review).isEmpty else { return nil }
        if let known = opened.index { return known }
        let index = try QueryContext.storeIndex(invocation, tracker: tracker)
        opened.index = .some(index)
        return index
    }

    /// The store's index, brought up to date; nil when it is switched off (`RLT_NO_INDEX=1`) or cannot be built.
    static func storeIndex(_ invocation: Invocation, tracker: Tracker) throws -> RecordSet? {
        guard indexEnabled(invocation) else { return nil }
        return try RecordSet.index(
            of: invocation.store, mode: tracker.settings.permissions,
            temporaryDirectory: invocation.context.environment["TMPDIR"], now: invocation.context.fileClock())
    }

    /// Every review packed for a lookup across the store (`rec show`'s backlinks, `review show`'s conversions): the
    /// index, else the decoded files.
    static func allRecords(_ invocation: Invocation, tracker: Tracker) throws -> RecordSet {
        try storeIndex(invocation, tracker: tracker) ?? RecordSet(try invocation.store.loadAllReviews())
    }

    /// Fails with exit 75 when an index file was cut short by another process while it was read: the answer just
    /// given (or the reviews picked) may be incomplete. rlt never does that to its own files (it renames new ones
    /// into place), so a second run answers in full.
    static func requireIntact(_ records: RecordSet) throws {
        guard records.isIntact else {
            throw CommandFailure(
                message: "the index (.index/) was cut short by another process while this query read it; "
                    + "its answer may be incomplete; run it again", code: ExitCode.tryAgain)
        }
    }

    static func indexEnabled(_ invocation: Invocation) -> Bool {
        let value = invocation.context.environment["RLT_NO_INDEX"] ?? ""
        return value.isEmpty || value == "0"
    }

    /// The reviews decoded: when there is an index, only those that hold a match, which it picks; else every
    /// review (`reviews()`).
    func decodedReviews(_ index: RecordSet?) throws -> [Review] {
        guard index != nil else { return try reviews() }
        return try invocation.store.loadReviews(try decodedIDs(index)).filter(query.filter.includes(review:))
    }

    /// The ids of the reviews `decodedReviews` decodes, before the review filters: those `--review` names (each must
    /// exist), the index's candidates, or every review.
    func decodedIDs(_ index: RecordSet?) throws -> [String] {
        let named = arguments.strings(.review)
        if !named.isEmpty {
            return try named.map { try invocation.store.existingReview(try slug($0, argument: "--review", kind: "review")).id }
        }
        guard let index else { return try invocation.store.reviewIDs() }
        let kinds: [RecordKind] =
            target == .actions ? [.actions] : target == .recommendations ? [.recommendations] : [.recommendations, .actions]
        var picked = Set<Int>()
        for kind in kinds {
            picked.formUnion(RecordListing(query, kind: kind, records: index).reviewsWithMatches())
        }
        try QueryContext.requireIntact(index)
        return picked.sorted().map(index.id)
    }
}

/// `QueryContext.index()`'s answer, kept for the rest of the command.
private final class OpenedIndex {
    var index: RecordSet??
}
