/// A report's change log, oldest first: each entry's five texts in one byte buffer, so the 150,000 changes of a
/// national store's year take a few megabytes, not five allocations each.
struct ChangeEntries: RandomAccessCollection {
    /// Per entry: `on`, `at`, `by`, `record` and `change`, each a UTF-8 length (u32) and its bytes.
    private var bytes: [UInt8] = []
    private var starts: [Int] = []
    /// Entry positions in the order of the log.
    private var order: [Int32] = []

    var startIndex: Int { 0 }
    var endIndex: Int { order.count }

    subscript(position: Int) -> ReportModel.Change {
        var at = starts[Int(order[position])]
        func text() -> String {
            let count = bytes[at..<at + 4].reversed().reduce(0) { $0 << 8 | Int($1) }
            defer { at += 4 + count }
            return String(decoding: bytes[at + 4..<at + 4 + count], as: UTF8.self)
        }
        return ReportModel.Change(on: text(), at: text(), by: text(), record: text(), change: text())
    }

    /// Adds an entry; the log shows it once `sort` has put it in its place.
    mutating func append(on: String, at: String, by: String, record: String, change: String) {
        starts.append(bytes.count)
        for text in [on, at, by, record, change] {
            let count = text.utf8.count
            bytes += [UInt8(truncatingIfNeeded: count), UInt8(truncatingIfNeeded: count >> 8),
                UInt8(truncatingIfNeeded: count >> 16), UInt8(truncatingIfNeeded: count >> 24)]
            bytes += text.utf8
        }
    }

    /// Orders the entries by `on`, then `at`, as strings compare; entries with the same both in the order added.
    mutating func sort() {
        let times = starts.map { start in
            let on = text(at: start)
            return (on, text(at: on.endIndex))
        }
        func precedes(_ x: ArraySlice<UInt8>, _ y: ArraySlice<UInt8>) -> Bool? {
            if x == y { return nil }
            // rlt's own dates and times are ASCII, where byte order is string order; anything else compares as strings.
            if x.allSatisfy({ $0 < 0x80 }) && y.allSatisfy({ $0 < 0x80 }) { return x.lexicographicallyPrecedes(y) }
            let (s, t) = (String(decoding: x, as: UTF8.self), String(decoding: y, as: UTF8.self))
            return s == t ? nil : s < t
        }
        order = starts.indices.map(Int32.init).sorted { a, b in
            let (x, y) = (times[Int(a)], times[Int(b)])
            return precedes(x.0, y.0) ?? precedes(x.1, y.1) ?? (a < b)
        }
    }

    /// The bytes of the text stored at `start` (its length, then the bytes).
    private func text(at start: Int) -> ArraySlice<UInt8> {
        let count = bytes[start..<start + 4].reversed().reduce(0) { $0 << 8 | Int($1) }
        return bytes[start + 4..<start + 4 + count]
    }
}
