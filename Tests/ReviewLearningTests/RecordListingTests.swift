import Foundation
import Testing

@testable import ReviewLearning
@testable import SyntheticStore

/// The query engine on its own: the same rows whichever source the records come from, and it says which did.
@Suite("The query engine: one path from records to rows")
struct RecordListingTests {
    /// Every row as `REVIEW/ID RAG days`, so two listings can be compared whole.
    func described(_ listing: RecordListing) -> [String] {
        let columns = RecordColumn.all(listing.kind).filter { ["review", "id", "rag", "days_overdue"].contains($0.name) }
        return listing.cells(listing.rows(), columns).map { $0.joined(separator: " ") }
    }

    /// A generated store in `dir`, and its index.
    func indexed(_ dir: TemporaryDirectory, recommendations: Int) throws -> (Store, RecordSet) {
        try SyntheticStore(recommendations: recommendations, seed: 9).write(to: "\(dir.path)/data")
        let store = Store(root: "\(dir.path)/data")
        return (store, try #require(try RecordSet.index(of: store, mode: 0o600, temporaryDirectory: nil, now: Date())))
    }

    @Test("index and decoded reviews give the same rows for every kind, and each says where it came from")
    func sameRows() throws {
        let dir = TemporaryDirectory()
        let (store, index) = try indexed(dir, recommendations: 300)
        let decoded = RecordSet(try store.loadAllReviews())
        #expect(index.origin == .index && decoded.origin == .decoded)
        var filter = RecordFilter()
        filter.owners = ["kent-police", "home-office"]
        // --text reads the packed texts (outcomes and progress notes too).
        var text = RecordFilter()
        text.text = TextMatcher("marac")
        var accented = RecordFilter()
        accented.text = TextMatcher("CHLOE")
        let asOf = try #require(CalendarDay(year: 2025, month: 6, day: 30))
        for filter in [RecordFilter(), filter, text, accented] {
            let query = Query(filter: filter, asOf: asOf, amberDays: 30)
            for kind in [RecordKind.recommendations, .actions, .overdue] {
                let fromIndex = RecordListing(query, kind: kind, records: index)
                let fromFiles = RecordListing(query, kind: kind, records: decoded)
                #expect(fromIndex.origin == .index && fromFiles.origin == .decoded)
                let rows = described(fromIndex)
                #expect(!rows.isEmpty, "\(kind)")
                #expect(rows == described(fromFiles), "\(kind)")
            }
        }
    }

    @Test("overdue rows: within a review, most days overdue first")
    func overdueOrder() throws {
        let dir = TemporaryDirectory()
        try SyntheticStore(recommendations: 300, seed: 9).write(to: "\(dir.path)/data")
        let records = RecordSet(try Store(root: "\(dir.path)/data").loadAllReviews())
        let query = Query(filter: RecordFilter(), asOf: CalendarDay(ordinal: 20_269), amberDays: 30)
        let rows = RecordListing(query, kind: .overdue, records: records).rows()
        #expect(!rows.isEmpty && rows.allSatisfy { $0.daysOverdue > 0 })
        for (a, b) in zip(rows, rows.dropFirst()) where a.review == b.review {
            #expect(a.daysOverdue >= b.daysOverdue)
        }
    }
}
