import Foundation
import ReviewLearning

extension SearchHit {
    static let listing = Listing<SearchHit>(
        columns: [
            Column(name: "reference") { $0.reference },
            Column(name: "kind") { $0.kind },
            Column(name: "field") { $0.field },
            Column(name: "review") { $0.review },
            Column(name: "text") { $0.text },
        ],
        defaults: ["reference", "kind", "field", "text"],
        json: { $0 })
}

enum SearchCommand {
    static let spec = CommandSpec(
        name: "search",
        overview: "Search the text of every record, ignoring case and accents.",
        discussion: """
            Looks in review titles, summaries and sources, findings, recommendations (with reasons and outcomes),
            actions (with measures, evidence and updates), events, and the agency and theme names. --count answers
            the cross-review question instead: how many reviews, recommendations, findings… mention TEXT.
            """,
        arguments: [ArgumentSpec(name: "TEXT", help: "What to look for.")],
        options: [.flag(.count, "Print \"N of M reviews, K of L recommendations, …\" instead of the matches.")]
            + ListingOptions.specs,
        examples: ["rlt search MARAC", "rlt search \"information sharing\" --count", "rlt search marac --format csv"],
        run: run)

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws {
        let term = arguments.positionals[0]
        guard !term.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw UsageError.invalidArgument(name: "TEXT", message: "must not be empty")
        }
        let matcher = TextMatcher(term)
        let tracker = try invocation.store.loadTracker()
        let events = try invocation.store.loadEvents().events
        let countOnly = arguments.flag(.count)
        var counts = SearchCounts()
        // Each wave of reviews' hits is printed as it comes (a table keeps them for its widths).
        var pieces = ListingPieces(try ListingOptions(arguments, invocation), SearchHit.listing)
        let print: ([SearchHit]) throws -> Void = { hits in
            if !countOnly { invocation.out(try pieces.add(hits)) }
        }
        // The index has every text search reads; without it, reviews are decoded a batch at a time.
        if let index = try QueryContext.storeIndex(invocation, tracker: tracker) {
            counts = try RecordSearch.run(matcher, in: index, countOnly: countOnly, each: print)
            try QueryContext.requireIntact(index)
            QueryContext.reportSource(.index, count: index.count, invocation)
        } else {
            try invocation.store.forEachBatch(try invocation.store.reviewIDs()) { batch in
                counts.add(try RecordSearch.run(matcher, in: RecordSet(batch), countOnly: countOnly, each: print))
            }
            QueryContext.reportSource(.decoded, count: counts.reviews.total, invocation)
        }
        var hits: [SearchHit] = []
        func check(_ review: String, _ reference: String, _ kind: String, _ field: String, _ text: String?) -> Bool {
            guard let text, matcher.matches(text) else { return false }
            hits.append(SearchHit(review: review, reference: reference, kind: kind, field: field, text: text))
            return true
        }
        for event in events {
            var matched = false
            for (field, text) in [("title", event.title), ("audience", event.audience), ("feedback", event.feedback)] {
                matched = check(event.reviews.first ?? "", event.id, "event", field, text) || matched
            }
            if matched { counts.events.matched += 1 }
        }
        counts.events.total = events.count
        for agency in tracker.agencies { _ = check("", agency.code, "agency", "name", agency.name) }
        for theme in tracker.themes { _ = check("", theme.code, "theme", "label", theme.label) }

        if countOnly {
            invocation.out(fitted(counts.sentence, width: invocation.terminalWidth))
        } else {
            invocation.out(try pieces.add(hits) + pieces.end())
        }
    }
}
