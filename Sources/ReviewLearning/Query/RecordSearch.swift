import Dispatch
import Synchronization

/// One place a search matched: the record, its kind and the field.
package struct SearchHit: Sendable, Encodable, Equatable {
    package var review: String
    package var reference: String
    package var kind: String
    package var field: String
    package var text: String

    package init(review: String, reference: String, kind: String, field: String, text: String) {
        self.review = review
        self.reference = reference
        self.kind = kind
        self.field = field
        self.text = text
    }
}

/// How many of each kind matched, of how many.
package struct SearchCounts: Sendable, Equatable {
    package struct Count: Sendable, Equatable {
        package var matched = 0
        package var total = 0
    }

    package var reviews = Count()
    package var recommendations = Count()
    package var findings = Count()
    package var actions = Count()
    package var events = Count()

    package init() {}

    package mutating func add(_ other: SearchCounts) {
        for key in [\SearchCounts.reviews, \.recommendations, \.findings, \.actions, \.events] {
            self[keyPath: key].matched += other[keyPath: key].matched
            self[keyPath: key].total += other[keyPath: key].total
        }
    }

    /// "N of M reviews, K of L recommendations, …".
    package var sentence: String {
        [(reviews, "reviews"), (recommendations, "recommendations"), (findings, "findings"), (actions, "actions"), (events, "events")]
            .map { "\($0.0.matched) of \($0.0.total) \($0.1)" }.joined(separator: ", ")
    }
}

/// `rlt search` over the reviews of a record set — the index, or decoded reviews packed alike — so both sources give
/// the same hits in the same order: per review its title, summary and source, each finding's text, each
/// recommendation's text, reason and outcomes, each action's text, measure, evidence, reason and updates.
package enum RecordSearch {
    /// The counts; `each` gets the hits (none with `countOnly`) a wave of reviews at a time, in review order.
    /// Reviews are searched on all cores and the index's pages behind each wave are let go, so memory stays flat.
    package static func run(
        _ matcher: TextMatcher, in records: RecordSet, countOnly: Bool, each: ([SearchHit]) throws -> Void
    ) rethrows -> SearchCounts {
        // Waves of 256 reviews: few enough hits held at once even when nearly every text matches.
        let chunk = 32
        let wave = (countOnly ? 32 : 8) * chunk
        var counts = SearchCounts()
        for start in stride(from: 0, to: records.count, by: wave) {
            let end = min(records.count, start + wave)
            let chunks = (end - start + chunk - 1) / chunk
            let results = Mutex([(hits: [SearchHit], counts: SearchCounts)?](repeating: nil, count: chunks))
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                var hits: [SearchHit] = []
                var counts = SearchCounts()
                for n in start + c * chunk..<min(end, start + (c + 1) * chunk) {
                    search(records.review(n), matcher, countOnly: countOnly, into: &hits, &counts)
                }
                results.withLock { $0[c] = (hits, counts) }
            }
            var hits: [SearchHit] = []
            for result in results.withLock({ $0 }) {
                guard let result else { continue }
                hits += result.hits
                counts.add(result.counts)
            }
            try each(hits)
            records.releaseBehind(end - 1)
        }
        return counts
    }

    private static func search(
        _ view: ReviewView, _ matcher: TextMatcher, countOnly: Bool, into hits: inout [SearchHit], _ counts: inout SearchCounts
    ) {
        let review = String(decoding: view.id, as: UTF8.self)
        var reference = ""
        var kind = ""
        /// Whether `text` matches; a hit on `reference` (of `kind`) is kept unless only counting.
        func check(_ field: @autoclosure () -> String, _ text: UnsafeRawBufferPointer?) -> Bool {
            guard let text, matcher.matches(text) else { return false }
            if !countOnly {
                hits.append(
                    SearchHit(review: review, reference: reference, kind: kind, field: field(), text: String(decoding: text, as: UTF8.self)))
            }
            return true
        }
        func child(_ id: UnsafeRawBufferPointer) -> String { review + "/" + String(decoding: id, as: UTF8.self) }

        (reference, kind) = (review, "review")
        var reviewMatched = check("title", view.title)
        reviewMatched = check("summary", view.summary) || reviewMatched
        reviewMatched = check("source", view.source) || reviewMatched
        kind = "finding"
        for f in 0..<view.findingCount {
            reference = countOnly ? "" : child(view.findingID(f))
            if check("text", view.findingText(f)) {
                counts.findings.matched += 1
                reviewMatched = true
            }
        }
        kind = "recommendation"
        for r in 0..<view.recCount {
            reference = countOnly ? "" : child(view.recID(r))
            var matched = check("text", view.recText(r))
            matched = check("reason", view.recReason(r)) || matched
            for (i, text) in view.recOutcomeTexts(r).enumerated() {
                matched = check("outcomes[\(i + 1)]", text) || matched
            }
            if matched {
                counts.recommendations.matched += 1
                reviewMatched = true
            }
        }
        kind = "action"
        for a in 0..<view.actionCount {
            reference = countOnly ? "" : child(view.actionID(a))
            var matched = check("text", view.actionText(a))
            for (k, field) in ["measure", "evidence", "reason"].enumerated() {
                matched = check(field, view.actionExtra(a, k)) || matched
            }
            for (i, text) in view.actionUpdateTexts(a).enumerated() {
                matched = check("updates[\(i + 1)]", text) || matched
            }
            if matched {
                counts.actions.matched += 1
                reviewMatched = true
            }
        }
        counts.findings.total += view.findingCount
        counts.recommendations.total += view.recCount
        counts.actions.total += view.actionCount
        counts.reviews.total += 1
        if reviewMatched { counts.reviews.matched += 1 }
    }
}
