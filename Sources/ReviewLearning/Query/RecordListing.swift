import Dispatch
import Synchronization

/// `--sort`: the orders a listing can be put in (stable: ties keep the natural order).
package enum SortKey: String, Vocabulary {
    case due, review, status, owner
    package static let noun = "sort key"
}

/// The query engine of the record listings: runs a `Query` over a `RecordSet` (the index, or decoded reviews) and
/// gives the matching rows, sorted, as cells or as streamed CSV/TSV. One path from records to rows, whatever the
/// source: the command line only chooses the columns and the format.
package struct RecordListing: Sendable {
    package let kind: RecordKind
    package let records: RecordSet
    let query: RecordQuery

    package init(_ query: Query, kind: RecordKind, records: RecordSet) {
        var query = query
        if kind == .overdue { query.filter.overdueOnly = true }
        self.query = RecordQuery(query)
        self.kind = kind
        self.records = records
    }

    /// Which source answered.
    package var origin: RecordSet.Origin { records.origin }

    // MARK: Rows

    /// Appends the matches of review `n`, in the natural order: file order; for `overdue`, recommendations then
    /// actions, most days overdue first (stable).
    @inline(__always) func collect(_ n: Int, into rows: inout [MatchedRow]) {
        let view = records.review(n)
        let start = rows.count
        if kind != .actions { query.recommendations(view, review: n, into: &rows) }
        if kind != .recommendations { query.actions(view, review: n, into: &rows) }
        if kind == .overdue && rows.count - start > 1 {
            let sorted = rows[start...].enumerated().sorted { a, b in
                a.element.daysOverdue != b.element.daysOverdue ? a.element.daysOverdue > b.element.daysOverdue : a.offset < b.offset
            }
            for (k, item) in sorted.enumerated() { rows[start + k] = item.element }
        }
    }

    /// Every match, in the natural order.
    package func rows() -> [MatchedRow] {
        var all: [MatchedRow] = []
        for n in 0..<records.count {
            if n % 256 == 255 { records.releaseBehind(n) }
            collect(n, into: &all)
        }
        return all
    }

    /// Lets the index's pages before `row`'s review go (`StoreIndex.releaseBehind`), for a caller that walks the
    /// rows in order more than once (a table measures, then prints): `first` starts a walk.
    package func release(before row: MatchedRow, first: Bool) {
        if first { records.rewindReleases() }
        records.releaseBehind(Int(row.review))
    }

    /// The positions of the reviews with a match.
    package func reviewsWithMatches() -> [Int] {
        var rows: [MatchedRow] = []
        return (0..<records.count).filter { n in
            if n % 256 == 255 { records.releaseBehind(n) }
            rows.removeAll(keepingCapacity: true)
            collect(n, into: &rows)
            return !rows.isEmpty
        }
    }

    /// The rows in the order of `key`, ties in their natural order.
    package func sorted(_ rows: [MatchedRow], by key: SortKey) -> [MatchedRow] {
        switch key {
        case .due: return stable(rows) { self.due($0) }
        case .status: return stable(rows) { self.statusRank($0) }
        case .review: return stable(rows) { String(indexBytes: self.records.review(Int($0.review)).id) }
        case .owner: return stable(rows) { self.owner($0) }
        }
    }

    private func stable<K: Comparable>(_ rows: [MatchedRow], _ key: (MatchedRow) -> K) -> [MatchedRow] {
        rows.enumerated().map { ($0.offset, key($0.element), $0.element) }
            .sorted { a, b in a.1 != b.1 ? a.1 < b.1 : a.0 < b.0 }.map(\.2)
    }

    /// The last day of the due date; no date sorts last.
    private func due(_ row: MatchedRow) -> Int32 {
        let view = records.review(Int(row.review))
        let due = row.isAction ? view.actionDue(Int(row.record)) : view.recDue(Int(row.record))
        return due.kind == PackedDate.none ? Int32.max : due.end
    }

    /// The status's place in its vocabulary (`RecommendationStatus.allCases` or `ActionStatus.allCases`).
    private func statusRank(_ row: MatchedRow) -> Int {
        let view = records.review(Int(row.review))
        return row.isAction ? view.actionStatus(Int(row.record)) : view.recStatus(Int(row.record))
    }

    /// The lead owner of a recommendation, the agency of an action.
    private func owner(_ row: MatchedRow) -> String {
        let view = records.review(Int(row.review))
        let r = Int(row.record)
        if row.isAction { return String(indexBytes: view.code(view.actionAgency(r))) }
        let owners = view.recOwners(r)
        return view.listCount(owners) > 0 ? String(indexBytes: view.code(view.listItem(owners, 0))) : ""
    }

    // MARK: Cells

    /// The rows' cells, as text.
    package func cells(_ rows: [MatchedRow], _ columns: [RecordColumn]) -> [[String]] {
        let scratch = ByteBuffer()
        return rows.map { row in
            let view = records.review(Int(row.review))
            return columns.map { String(indexBytes: $0.bytes(view, row, scratch)) }
        }
    }

    /// The id and title of a row's review.
    package func review(of row: MatchedRow) -> (id: String, title: String) {
        let view = records.review(Int(row.review))
        return (String(indexBytes: view.id), String(indexBytes: view.title))
    }

    // MARK: Streaming

    /// Writes the listing as CSV or TSV in the natural order, up to `limit` rows, to `sink`, and returns how many
    /// rows matched (every match, whatever the limit: `--fail-if-any` needs to know).
    ///
    /// Rows stream out review by review, so memory stays flat however long the listing; without a limit, chunks of
    /// reviews are filtered and formatted on all cores and written in order as they complete.
    package func stream(
        _ columns: [RecordColumn], as format: Delimited, header: Bool, limit: Int?, to sink: @escaping ByteSink
    ) -> Int {
        let out = ByteBuffer(sink: sink)
        if header { format.line(columns.map(\.name), out) }
        let count: Int
        let chunk = max(8, min(128, records.count / 8))
        if limit == nil && records.count >= 64 {
            out.flush()
            let pipeline = Pipeline()
            let chunks = (records.count + chunk - 1) / chunk
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                let buffer = ByteBuffer(capacity: 1 << 19)
                let rows = write(c * chunk..<min(records.count, (c + 1) * chunk), columns, format, buffer, limit: nil)
                pipeline.state.withLock { state in
                    state.ready[c] = (buffer, rows)
                    while let (done, rows) = state.ready.removeValue(forKey: state.next) {
                        sink(done.view.bytes)
                        state.count += rows
                        state.next += 1
                        // Pages of reviews before the oldest chunk in progress are not needed again.
                        records.releaseBehind(max(0, (state.next - 1) * chunk - 1))
                    }
                }
            }
            count = pipeline.state.withLock { $0.count }
        } else {
            count = write(0..<records.count, columns, format, out, limit: limit)
        }
        out.flush()
        return count
    }

    /// Rows of `reviews`, written into `out` up to `limit`; returns how many matched. Past the limit, reviews are
    /// read only until something has matched: CSV and TSV print no totals, and `--fail-if-any` needs only to know
    /// whether anything matched (`--limit 0` prints nothing but must still find out).
    private func write(
        _ reviews: Range<Int>, _ columns: [RecordColumn], _ format: Delimited, _ out: ByteBuffer, limit: Int?
    ) -> Int {
        let cell = ByteBuffer()
        var count = 0
        var rows: [MatchedRow] = []
        for n in reviews {
            if let limit, count >= limit, count > 0 { break }
            rows.removeAll(keepingCapacity: true)
            collect(n, into: &rows)
            if let limit, count >= limit {
                count += rows.count
                continue
            }
            let view = records.review(n)
            for row in rows {
                if let limit, count >= limit { break }
                for (k, column) in columns.enumerated() {
                    if k > 0 { format.separator(out) }
                    format.field(column.bytes(view, row, cell), out)
                }
                format.end(out)
                count += 1
            }
            if out.count >= 1 << 18 { out.flush() }
            if n % 256 == 255 { records.releaseBehind(n) }
        }
        return count
    }
}

/// Chunks of a listing finished out of order, waiting to be written in order.
private final class Pipeline: Sendable {
    struct State {
        var ready: [Int: (ByteBuffer, Int)] = [:]
        var next = 0
        var count = 0
    }

    let state = Mutex(State())
}
