import Foundation
import Testing

@testable import ReviewLearning

private func entry(_ at: String, _ change: String, by: String = "alice") -> HistoryEntry {
    HistoryEntry(at: at, by: by, change: change)
}

private func date(_ text: String) -> PartialDate {
    (try? PartialDate(parsing: text)) ?? .year(2000)
}

/// The common ancestor: one recommendation with its history, one finding, one action.
private func base() -> Review {
    var review = Review(id: "r", type: .dhr, title: "Review R")
    var rec = Recommendation(id: "1", text: "Share minutes")
    rec.history = [entry("2024-01-01T10:00:00Z", "added")]
    var other = Recommendation(id: "2", text: "Audit")
    other.history = [entry("2024-01-01T10:00:00Z", "added")]
    review.recommendations = [rec, other]
    review.findings = [Finding(id: "F1", audience: "police", text: "Risk was missed")]
    review.actions = [AgencyAction(id: "A1", agency: "police", text: "Brief officers")]
    return review
}

private func merge(_ b: Review?, _ o: Review, _ t: Review) throws -> ReviewMergeResult {
    try ReviewMerge.merge(base: b, ours: o, theirs: t, now: "2024-03-01T12:00:00Z", by: "rlt merge")
}

@Suite("Merging two versions of a review by record and by field (issue 20's driver, core)")
struct ReviewMergeTests {
    @Test("different fields changed on each side: both changes")
    func differentFields() throws {
        var ours = base(), theirs = base()
        ours.title = "Review R (final)"
        ours.recommendations[0].due = date("2024-06")
        theirs.status = .published
        theirs.recommendations[0].status = .inProgress
        let result = try merge(base(), ours, theirs)
        #expect(result.conflicts.isEmpty)
        #expect(result.review.title == "Review R (final)" && result.review.status == .published)
        #expect(result.review.recommendations[0].due == date("2024-06") && result.review.recommendations[0].status == .inProgress)
    }

    @Test("the same field changed to two values keeps theirs and reports both")
    func sameField() throws {
        var ours = base(), theirs = base()
        ours.recommendations[0].status = .notAccepted
        theirs.recommendations[0].status = .implemented
        let result = try merge(base(), ours, theirs)
        #expect(result.review.recommendations[0].status == .implemented)
        #expect(result.conflicts == [MergeConflict(record: "1", field: "status", kept: "\"implemented\"", setAside: "\"not-accepted\"")])
        // The same change on both sides is no conflict.
        ours.recommendations[0].status = .implemented
        #expect(try merge(base(), ours, theirs).conflicts.isEmpty)
    }

    @Test("actions added on both sides as A2 are two actions: ours becomes A3, says so, and our new records follow")
    func idClash() throws {
        var ours = base(), theirs = base()
        var theirAction = AgencyAction(id: "A2", agency: "health", text: "Train GPs")
        theirAction.history = [entry("2024-02-02T09:00:00Z", "added", by: "bob")]
        theirs.actions.append(theirAction)
        ours.findings.append(Finding(id: "F2", audience: "police", text: "Ours"))
        theirs.findings.append(Finding(id: "F2", audience: "health", text: "Theirs"))
        var ourAction = AgencyAction(id: "A2", agency: "police", text: "Audit DASH")
        ourAction.respondsTo = ["F2", "1"]
        ourAction.history = [entry("2024-02-03T09:00:00Z", "added")]
        ours.actions.append(ourAction)
        let result = try merge(base(), ours, theirs)
        #expect(result.review.actions.map(\.id) == ["A1", "A2", "A3"])
        #expect(result.review.actions[1].text == "Train GPs" && result.review.actions[2].text == "Audit DASH")
        #expect(result.review.findings.map(\.id) == ["F1", "F2", "F3"] && result.review.findings[2].text == "Ours")
        // F3 is free in every list, A3 too: ids share one space within a review.
        #expect(result.review.actions[2].respondsTo == ["F3", "1"])
        #expect(result.review.actions[2].history.last?.change == "renumbered from A2: the same id was added elsewhere at the same time")
        #expect(result.renumbered == ["A2 → A3", "F2 → F3"])
        #expect(result.conflicts.isEmpty)
    }

    @Test("a link we added on a shared record to our new, renumbered finding follows it; the links it had stay")
    func sharedRecordLinkFollows() throws {
        var ours = base(), theirs = base()
        ours.findings.append(Finding(id: "F2", audience: "police", text: "Ours"))
        theirs.findings.append(Finding(id: "F2", audience: "health", text: "Theirs"))
        var withLink = base()
        withLink.recommendations[0].links = ["F1"]
        ours.recommendations[0].links = ["F1", "F2"]
        theirs.recommendations[0].links = ["F1"]
        let result = try merge(withLink, ours, theirs)
        #expect(result.review.recommendations[0].links == ["F1", "F3"])
        #expect(result.review.findings.map(\.text) == ["Risk was missed", "Theirs", "Ours"])
    }

    @Test("the same record added identically on both sides is kept once; a chosen id added twice is one record")
    func bothAdded() throws {
        var ours = base(), theirs = base()
        let same = Recommendation(id: "3", text: "Same")
        ours.recommendations.append(same)
        theirs.recommendations.append(same)
        ours.recommendations.append(Recommendation(id: "7", text: "Ours"))
        theirs.recommendations.append(Recommendation(id: "7", text: "Theirs"))
        let result = try merge(base(), ours, theirs)
        #expect(result.review.recommendations.map(\.id) == ["1", "2", "3", "7"])
        #expect(result.review.recommendations[3].text == "Theirs")
        #expect(result.conflicts == [MergeConflict(record: "7", field: "text", kept: "\"Theirs\"", setAside: "\"Ours\"")])
    }

    @Test("histories and outcomes are unions in time order, each entry once")
    func unions() throws {
        var ours = base(), theirs = base()
        ours.recommendations[0].history.append(entry("2024-02-05T10:00:00Z", "status: open → in-progress"))
        theirs.recommendations[0].history.append(entry("2024-02-01T10:00:00Z", "due: (none) → 2024-06", by: "bob"))
        theirs.recommendations[0].history.append(entry("2024-02-09T10:00:00Z", "note", by: "bob"))
        ours.recommendations[0].outcomes = [Outcome(date: date("2024-02"), text: "Ours", author: "alice")]
        theirs.recommendations[0].outcomes = [
            Outcome(date: date("2024-01-15"), text: "Early", author: "bob"), Outcome(date: date("2024-03-01"), text: "Late", author: "bob"),
        ]
        let rec = try merge(base(), ours, theirs).review.recommendations[0]
        #expect(rec.history.map(\.at) == ["2024-01-01T10:00:00Z", "2024-02-01T10:00:00Z", "2024-02-05T10:00:00Z", "2024-02-09T10:00:00Z"])
        #expect(rec.outcomes.map(\.text) == ["Early", "Ours", "Late"])
    }

    @Test("a record removed on one side and changed on the other is kept, and said so; removed and unchanged, it goes")
    func removedVersusChanged() throws {
        var ours = base(), theirs = base()
        ours.recommendations.removeAll { $0.id == "2" }
        theirs.recommendations[1].text = "Audit every case"
        ours.actions.removeAll()
        let result = try merge(base(), ours, theirs)
        #expect(result.review.recommendations.map(\.id) == ["1", "2"] && result.review.recommendations[1].text == "Audit every case")
        #expect(result.kept == ["2: removed here but changed on the other side; kept"])
        #expect(result.review.actions.isEmpty)
        // The other way round.
        let back = try merge(base(), theirs, ours)
        #expect(back.review.recommendations.map(\.id) == ["1", "2"])
        #expect(back.kept == ["2: removed on the other side but changed here; kept"])
    }

    @Test("merging a version with itself, or with the ancestor, changes nothing")
    func identity() throws {
        var changed = base()
        changed.recommendations[0].status = .implemented
        #expect(try merge(base(), changed, changed).review == changed)
        #expect(try merge(base(), changed, base()).review == changed)
        #expect(try merge(base(), base(), changed).review == changed)
        #expect(try merge(nil, changed, changed).review == changed)
    }
}
