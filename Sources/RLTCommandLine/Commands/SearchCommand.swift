import Foundation
import ReviewLearning

/// One place a search matched: the record, its kind and the field.
struct SearchHit: Sendable, Encodable {
    var review: String
    var reference: String
    var kind: String
    var field: String
    var text: String

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
        var hits: [SearchHit] = []
        var counts = Counts()
        func check(_ review: String, _ reference: String, _ kind: String, _ field: String, _ text: String?) -> Bool {
            guard let text, matcher.matches(text) else { return false }
            hits.append(SearchHit(review: review, reference: reference, kind: kind, field: field, text: text))
            return true
        }
        // Reviews are read a batch at a time: only the matches are kept.
        try invocation.store.forEachReview(try invocation.store.reviewIDs()) { review in
            var reviewMatched = false
            for (field, text) in [("title", review.title), ("summary", review.summary), ("source", review.source)] {
                reviewMatched = check(review.id, review.id, "review", field, text) || reviewMatched
            }
            for finding in review.findings {
                let ref = "\(review.id)/\(finding.id)"
                if check(review.id, ref, "finding", "text", finding.text) { counts.findings.matched += 1; reviewMatched = true }
            }
            for rec in review.recommendations {
                let ref = "\(review.id)/\(rec.id)"
                var matched = check(review.id, ref, "recommendation", "text", rec.text)
                matched = check(review.id, ref, "recommendation", "reason", rec.reason) || matched
                for (i, outcome) in rec.outcomes.enumerated() {
                    matched = check(review.id, ref, "recommendation", "outcomes[\(i + 1)]", outcome.text) || matched
                }
                if matched { counts.recommendations.matched += 1; reviewMatched = true }
            }
            for action in review.actions {
                let ref = "\(review.id)/\(action.id)"
                var matched = false
                for (field, text) in [
                    ("text", action.text), ("measure", action.measure), ("evidence", action.evidence), ("reason", action.reason),
                ] {
                    matched = check(review.id, ref, "action", field, text) || matched
                }
                for (i, note) in action.updates.enumerated() {
                    matched = check(review.id, ref, "action", "updates[\(i + 1)]", note.text) || matched
                }
                if matched { counts.actions.matched += 1; reviewMatched = true }
            }
            counts.findings.total += review.findings.count
            counts.recommendations.total += review.recommendations.count
            counts.actions.total += review.actions.count
            if reviewMatched { counts.reviews.matched += 1 }
            counts.reviews.total += 1
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

        if arguments.flag(.count) {
            invocation.out(fitted(counts.sentence, width: invocation.terminalWidth))
        } else {
            invocation.out(try ListingOptions(arguments, invocation).render(hits, SearchHit.listing))
        }
    }

    struct Counts {
        var reviews = (matched: 0, total: 0)
        var recommendations = (matched: 0, total: 0)
        var findings = (matched: 0, total: 0)
        var actions = (matched: 0, total: 0)
        var events = (matched: 0, total: 0)

        var sentence: String {
            [
                (reviews, "reviews"), (recommendations, "recommendations"), (findings, "findings"), (actions, "actions"),
                (events, "events"),
            ].map { "\($0.0.matched) of \($0.0.total) \($0.1)" }.joined(separator: ", ")
        }
    }
}
