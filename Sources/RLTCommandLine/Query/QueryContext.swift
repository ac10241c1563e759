import ReviewLearning

/// The reviews named by `--review` (each must exist), or all of them.
func reviews(_ arguments: ParsedArguments, _ invocation: Invocation) throws -> [Review] {
    let ids = arguments.strings("--review")
    if ids.isEmpty { return try invocation.store.loadAllReviews() }
    return try ids.map { try invocation.store.existingReview(try slug($0, argument: "--review", kind: "review")) }
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

    init(_ arguments: ParsedArguments, _ invocation: Invocation, target: FilterOptions.Target) throws {
        self.arguments = arguments
        self.invocation = invocation
        self.target = target
        tracker = try invocation.store.loadTracker()
        let filter = try FilterOptions.parse(arguments, tracker: tracker, target: target)
        query = Query(filter: filter, asOf: invocation.asOf, amberDays: tracker.settings.amberDays)
    }

    /// Every review (or those named by `--review`) decoded, filtered by the review-level filters.
    func reviews() throws -> [Review] {
        try RLTCommandLine.reviews(arguments, invocation).filter(query.filter.includes(review:))
    }

    /// The index, brought up to date; nil when it is switched off (`RLT_NO_INDEX=1`), cannot be built anywhere, or
    /// `--review` names the reviews (a few files: decoding them is as quick, and missing ones must be reported as
    /// before).
    func index() throws -> StoreIndex? {
        guard QueryContext.indexEnabled(invocation), arguments.strings("--review").isEmpty else { return nil }
        let scratch = ScratchPlace.defaults(temporaryDirectory: invocation.context.environment["TMPDIR"])
        do {
            return try StoreIndex.load(
                invocation.store, mode: tracker.settings.permissions, scratch: scratch, now: invocation.context.fileClock())
        } catch is IndexUnavailable {
            // Nowhere to build it (memory, /dev/shm and the temp directories all refused): decode the files.
            return nil
        }
    }

    /// Fails with exit 75 when an index file was cut short by another process while it was read: the answer just
    /// given (or the reviews picked) may be incomplete. rlt never does that to its own files (it renames new ones
    /// into place), so a second run answers in full.
    static func requireIntact(_ index: StoreIndex) throws {
        guard index.isIntact else {
            throw CommandFailure(
                message: "the index (.index/) was cut short by another process while this query read it; "
                    + "its answer may be incomplete; run it again", code: ExitCode.tryAgain)
        }
    }

    static func indexEnabled(_ invocation: Invocation) -> Bool {
        let value = invocation.context.environment["RLT_NO_INDEX"] ?? ""
        return value.isEmpty || value == "0"
    }

    /// Prints the listing with `printFromIndex` when the index can give it by itself (`.printedFromIndex`);
    /// otherwise returns the decoded reviews the listing is made from (`.decodedReviews`).
    func answerListing(fromIndex printFromIndex: (StoreIndex, IndexQuery) throws -> Void) throws -> ListingAnswer {
        let index = try index()
        if let index, let indexQuery = IndexQuery(query), IndexListing.canAnswer(arguments) {
            try printFromIndex(index, indexQuery)
            try QueryContext.requireIntact(index)
            return .printedFromIndex
        }
        return .decodedReviews(try decodedReviews(index))
    }

    /// The reviews decoded: the index's candidates when there is an index, else every review (`reviews()`).
    func decodedReviews(_ index: StoreIndex?, keepAll: Bool = false) throws -> [Review] {
        guard let index else { return try reviews() }
        return try candidates(index, keepAll: keepAll)
    }

    /// The decoded reviews that can hold a match, for answers the index cannot give by itself (JSON of whole
    /// records, `--text`): the index picks them with every filter but `--text`, the decoder does the rest.
    /// With `keepAll`, every review passing the review filters is kept (listings of reviews themselves).
    private func candidates(_ index: StoreIndex, keepAll: Bool) throws -> [Review] {
        var relaxed = query
        relaxed.filter.text = nil
        guard let indexQuery = IndexQuery(relaxed) else { return try reviews() }
        var ids: [String] = []
        var rows: [IndexRow] = []
        for n in 0..<index.count {
            if n % 256 == 255 { index.releaseBehind(n) }
            let view = index.review(n)
            guard indexQuery.includes(view) else { continue }
            rows.removeAll(keepingCapacity: true)
            if !keepAll {
                if target != .actions { indexQuery.recommendations(view, review: n, into: &rows) }
                if target != .recommendations && rows.isEmpty { indexQuery.actions(view, review: n, into: &rows) }
                if rows.isEmpty { continue }
            }
            ids.append(index.ids[n])
        }
        try QueryContext.requireIntact(index)
        return try invocation.store.loadReviews(ids).filter(query.filter.includes(review:))
    }
}
