import Dispatch
import Foundation
import ReviewLearning

#if canImport(Glibc)
    import Glibc
#endif

/// `rec list`, `action list` and `overdue` answered from the index (DESIGN §8): the same rows, columns and formats
/// as `Listings` over decoded reviews (a test compares them), with cells written straight from the index's bytes.
///
/// CSV and TSV in the natural order stream out review by review, so memory stays flat however long the listing;
/// tables, JSON with `--columns` and `--sort` gather the rows first and print through `ListingOptions.render`.
/// JSON of whole records (no `--columns`) needs the stored records: the index only picks the reviews to decode.
enum IndexListing {
    /// Whether the index can print this listing by itself.
    static func canAnswer(_ arguments: ParsedArguments) -> Bool {
        // An unreadable --format is left to the full path, which reports it at the usual point.
        guard let format = try? arguments.choice("--format", ListFormat.self) ?? .table else { return false }
        return !(format == .json || format == .jsonl) || arguments.string("--columns") != nil
    }

    // MARK: Commands

    static func recommendations(
        _ index: StoreIndex, _ query: IndexQuery, _ arguments: ParsedArguments, _ invocation: Invocation
    ) throws {
        try list(index, arguments, invocation, listing: Listings.recommendations, kind: .recommendations) {
            view, n, rows in query.recommendations(view, review: n, into: &rows)
        }
    }

    static func actions(
        _ index: StoreIndex, _ query: IndexQuery, _ arguments: ParsedArguments, _ invocation: Invocation
    ) throws {
        try list(index, arguments, invocation, listing: Listings.actions, kind: .actions) {
            view, n, rows in query.actions(view, review: n, into: &rows)
        }
    }

    /// `overdue`: per review, its overdue recommendations and actions, oldest first (stable), then `--sort`.
    static func overdue(
        _ index: StoreIndex, _ query: IndexQuery, _ arguments: ParsedArguments, _ invocation: Invocation
    ) throws {
        try list(index, arguments, invocation, listing: OverdueRow.listing, kind: .overdue) { view, n, rows in
            let start = rows.count
            query.recommendations(view, review: n, into: &rows)
            let middle = rows.count
            query.actions(view, review: n, into: &rows)
            // Actions are marked by a negative record number: -1 - n.
            for k in middle..<rows.count { rows[k].record = -1 - rows[k].record }
            // The full path's order: most days overdue first, ties in recommendation-then-action order.
            if rows.count - start > 1 {
                let sorted = rows[start...].enumerated().sorted { a, b in
                    a.element.daysOverdue != b.element.daysOverdue
                        ? a.element.daysOverdue > b.element.daysOverdue : a.offset < b.offset
                }
                for (k, item) in sorted.enumerated() { rows[start + k] = item.element }
            }
        }
    }

    // MARK: The listing machinery

    enum Kind {
        case recommendations, actions, overdue
    }

    /// Runs `collect` over every review and prints the rows as the full path would.
    private static func list(
        _ index: StoreIndex, _ arguments: ParsedArguments, _ invocation: Invocation, listing: Listing<some Any>,
        kind: Kind, collect: @escaping @Sendable (ReviewView, Int, inout [IndexRow]) -> Void
    ) throws {
        // The same checks, in the same order, as the full path: --sort and --limit, then --format, then --columns.
        let limit = try Ordering.options(arguments).limit
        let options = try ListingOptions(arguments, invocation)
        if (options.format == .csv || options.format == .tsv) && arguments.string("--sort") == nil {
            let columns = try options.selectedColumns(listing).map { try IndexColumn(name: $0.name, kind: kind) }
            let out = OutputBuffer(invocation: invocation)
            let csv = options.format == .csv
            if options.header {
                for (k, column) in columns.enumerated() {
                    if k > 0 { out.byte(csv ? UInt8(ascii: ",") : 0x09) }
                    var name = column.name
                    name.withUTF8 { field(UnsafeRawBufferPointer($0), csv: csv, out) }
                }
                if csv { out.byte(0x0D) }
                out.byte(0x0A)
            }
            // Rows of `reviews`, printed into `out` up to `limit`; returns how many matched. Past the limit, reviews
            // are read only until something has matched: CSV and TSV print no totals, and `--fail-if-any` needs only
            // to know whether anything matched (`--limit 0` prints nothing but must still find out).
            @Sendable func print(_ reviews: Range<Int>, _ out: OutputBuffer, limit: Int?) -> Int {
                let cell = OutputBuffer(invocation: nil)
                var count = 0
                var rows: [IndexRow] = []
                for n in reviews {
                    if let limit, count >= limit, count > 0 { break }
                    let view = index.review(n)
                    rows.removeAll(keepingCapacity: true)
                    collect(view, n, &rows)
                    if let limit, count >= limit {
                        count += rows.count
                        continue
                    }
                    for row in rows {
                        if let limit, count >= limit { break }
                        for (k, column) in columns.enumerated() {
                            if k > 0 { out.byte(csv ? UInt8(ascii: ",") : 0x09) }
                            field(column.bytes(view, row, cell), csv: csv, out)
                        }
                        if csv { out.byte(0x0D) }
                        out.byte(0x0A)
                        count += 1
                    }
                    if out.count >= 1 << 18 { out.flush() }
                    if n % 256 == 255 { index.releaseBehind(n) }
                }
                return count
            }
            var count = 0
            let chunk = max(8, min(128, index.count / 8))
            if limit == nil && index.count >= 64 {
                // Chunks of reviews are filtered and formatted on all cores and written in order as they complete.
                out.flush()
                let pipeline = Pipeline()
                let chunks = (index.count + chunk - 1) / chunk
                DispatchQueue.concurrentPerform(iterations: chunks) { c in
                    let buffer = OutputBuffer(invocation: nil, capacity: 1 << 19)
                    let rows = print(c * chunk..<min(index.count, (c + 1) * chunk), buffer, limit: nil)
                    pipeline.lock.withLock {
                        pipeline.ready[c] = (buffer, rows)
                        while let (done, rows) = pipeline.ready.removeValue(forKey: pipeline.next) {
                            invocation.out(bytes: done.view)
                            pipeline.count += rows
                            pipeline.next += 1
                            // Pages of reviews before the oldest chunk in progress are not needed again.
                            index.releaseBehind(max(0, (pipeline.next - 1) * chunk - 1))
                        }
                    }
                }
                count = pipeline.count
            } else {
                count = print(0..<index.count, out, limit: limit)
            }
            out.flush()
            try Ordering.finish(total: count, arguments)
            return
        }

        // Gather, order, then print through the ordinary renderer.
        var all: [IndexRow] = []
        for n in 0..<index.count {
            if n % 256 == 255 { index.releaseBehind(n) }
            collect(index.review(n), n, &all)
        }
        let (shown, total) = try Ordering.apply(all, arguments) { row in orderingKey(index, row, kind: kind) }
        let scratch = OutputBuffer(invocation: nil)
        /// The rows shown as cells, printed through the ordinary renderer with the options given.
        func cells(_ options: ListingOptions) throws -> ([[String]], Listing<[String]>, ListingOptions) {
            let chosen = try options.selectedColumns(listing)
            let columns = try chosen.map { try IndexColumn(name: $0.name, kind: kind) }
            let cellRows: [[String]] = shown.map { row in
                let view = index.review(Int(row.review))
                return columns.map { String(decoding: $0.bytes(view, row, scratch), as: UTF8.self) }
            }
            let names = columns.map(\.name)
            let generic = Listing<[String]>(
                columns: chosen.enumerated().map { k, column in Column(name: column.name, freeText: column.isFreeText, type: column.type) { $0[k] } },
                defaults: names,
                json: { $0 })
            var options = options
            options.columns = names
            return (cellRows, generic, options)
        }
        if kind == .overdue && options.format == .table && arguments.string("--sort") == nil {
            // Unsorted, the rows shown are the first of `all`: headings and totals count from all of them.
            invocation.out(
                try OverdueCommand.grouped(
                    total: total, shown: shown.count, reviewID: { String(indexBytes: index.review(Int(all[$0].review)).id) },
                    title: { String(indexBytes: index.review(Int(all[$0].review)).title) },
                    isRecommendation: { all[$0].record >= 0 },
                    layout: { options in
                        let (rows, generic, options) = try cells(options)
                        return try options.layout(rows, generic)
                    }, options: options, asOf: invocation.asOf))
        } else {
            let (rows, generic, options) = try cells(options)
            invocation.out(try options.render(rows, generic))
        }
        try Ordering.finish(total: total, arguments)
    }

    private static func orderingKey(_ index: StoreIndex, _ row: IndexRow, kind: Kind) -> Ordering.Key {
        let view = index.review(Int(row.review))
        let action = kind == .actions || row.record < 0
        let r = Int(row.record < 0 ? -1 - row.record : row.record)
        let due = action ? view.actionDue(r) : view.recDue(r)
        let owner: String
        if action {
            owner = String(indexBytes: view.code(view.actionAgency(r)))
        } else {
            let owners = view.recOwners(r)
            owner = view.listCount(owners) > 0 ? String(indexBytes: view.code(view.listItem(owners, 0))) : ""
        }
        return Ordering.Key(
            review: String(indexBytes: view.id),
            due: due.kind == PackedDate.none ? nil : CalendarDay(ordinal: Int(due.end)),
            status: action ? view.actionStatus(r) : view.recStatus(r), owner: owner)
    }

    /// One cell in CSV (as `CSVWriter.field`) or TSV (as `TSVWriter.field`), on bytes: every character those look at
    /// is ASCII, and UTF-8 never uses ASCII bytes inside other characters.
    @inline(__always) private static func field(_ cell: UnsafeRawBufferPointer, csv: Bool, _ out: OutputBuffer) {
        let n = cell.count
        guard n > 0, let base = cell.baseAddress else { return }
        let p = base.assumingMemoryBound(to: UInt8.self)
        func has(_ c: UInt8) -> Bool { memchr(base, Int32(c), n) != nil }
        /// Whether any byte is one of `mask`'s (bit b for byte b < 64): one pass for short cells, memchr for long.
        func any(_ mask: UInt64, _ chars: (UInt8, UInt8, UInt8, UInt8)) -> Bool {
            if n < 48 {
                for k in 0..<n {
                    let c = p[k]
                    if c < 64 && (mask >> UInt64(c)) & 1 != 0 { return true }
                }
                return false
            }
            return has(chars.0) || has(chars.1) || has(chars.2) || has(chars.3)
        }
        if csv {
            var first = 0
            while first < n && p[first] == UInt8(ascii: "'") { first += 1 }
            var prefix = false
            if first < n {
                switch p[first] {
                case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D:
                    prefix = !CSVWriter.isPlainNumber(cell)
                default: break
                }
            }
            let specials: UInt64 = 1 << 10 | 1 << 13 | 1 << 34 | 1 << 44  // LF, CR, '"', ','
            guard any(specials, (UInt8(ascii: "\""), UInt8(ascii: ","), 0x0A, 0x0D)) else {
                if prefix { out.byte(UInt8(ascii: "'")) }
                out.append(cell)
                return
            }
            out.byte(UInt8(ascii: "\""))
            if prefix { out.byte(UInt8(ascii: "'")) }
            if has(UInt8(ascii: "\"")) {
                // Double each quote: copy up to and including it, then write it again.
                var at = 0
                while at < n, let q = memchr(base + at, Int32(UInt8(ascii: "\"")), n - at) {
                    let end = UnsafeRawPointer(q) - base + 1
                    out.append(UnsafeRawBufferPointer(rebasing: cell[at..<end]))
                    out.byte(UInt8(ascii: "\""))
                    at = end
                }
                out.append(UnsafeRawBufferPointer(rebasing: cell[at..<n]))
            } else {
                out.append(cell)
            }
            out.byte(UInt8(ascii: "\""))
        } else {
            // Tab, LF, CR; and backslash (92), which is past the mask's 64 bits, checked on its own.
            guard any(1 << 9 | 1 << 10 | 1 << 13, (0x09, 0x0A, 0x0D, 0x09)) || has(UInt8(ascii: "\\")) else {
                out.append(cell)
                return
            }
            for k in 0..<n {
                switch p[k] {
                case 0x09: out.two(UInt8(ascii: "\\"), UInt8(ascii: "t"))
                case 0x0A: out.two(UInt8(ascii: "\\"), UInt8(ascii: "n"))
                case 0x0D: out.two(UInt8(ascii: "\\"), UInt8(ascii: "r"))
                case UInt8(ascii: "\\"): out.two(UInt8(ascii: "\\"), UInt8(ascii: "\\"))
                default: out.byte(p[k])
                }
            }
        }
    }
}

/// Chunks of a listing finished out of order, waiting to be written in order.
///
/// `@unchecked`: every property is read and written only while `lock` is held.
private final class Pipeline: @unchecked Sendable {
    let lock = NSLock()
    var ready: [Int: (OutputBuffer, Int)] = [:]
    var next = 0
    var count = 0
}

/// A column of the index listings, for a recommendation, an action or an overdue row (either).
struct IndexColumn {
    enum Field {
        case review, kind, id, level, owners, lead, themes, due, originalDue, slippedDays, status, assurance, rag
        case overdue, daysOverdue, daysOverdueOrZero, lastUpdate, outcomes, latestOutcome, links, reason, text
        case agency, respondsTo, completed, measure, evidence, owner
    }

    let name: String
    let field: Field
    /// Set for `action list` columns, whose rows carry plain record numbers.
    let isActionListing: Bool

    /// Every name `Listings` and `OverdueRow.listing` define has a field; another is a programming error, reported.
    init(name: String, kind: IndexListing.Kind) throws {
        self.name = name
        isActionListing = kind == .actions
        switch name {
        case "review": field = .review
        case "kind": field = .kind
        case "id": field = .id
        case "level": field = .level
        case "owners": field = .owners
        case "lead": field = .lead
        case "themes": field = .themes
        case "due": field = .due
        case "original_due": field = .originalDue
        case "slipped_days": field = .slippedDays
        case "status": field = .status
        case "assurance": field = .assurance
        case "rag": field = .rag
        case "overdue": field = .overdue
        case "days_overdue": field = kind == .overdue ? .daysOverdueOrZero : .daysOverdue
        case "last_update": field = .lastUpdate
        case "outcomes": field = .outcomes
        case "latest_outcome": field = .latestOutcome
        case "links": field = .links
        case "reason": field = .reason
        case "text": field = .text
        case "agency": field = .agency
        case "responds_to": field = .respondsTo
        case "completed": field = .completed
        case "measure": field = .measure
        case "evidence": field = .evidence
        case "owner": field = .owner
        default: throw CommandFailure(message: "the index cannot print column \"\(name)\"; run with RLT_NO_INDEX=1", code: ExitCode.failure)
        }
    }

    /// The cell's text, as the column of `Listings` (or `OverdueRow.listing`) prints it: a slice of the index, or
    /// built in `scratch`. Actions are rows with a negative record number (-1 - n) in overdue listings, or any row
    /// of an action listing.
    @inline(__always) func bytes(_ v: ReviewView, _ row: IndexRow, _ scratch: OutputBuffer) -> UnsafeRawBufferPointer {
        cell(v, row, action: isActionListing || row.record < 0, scratch)
    }

    private func cell(_ v: ReviewView, _ row: IndexRow, action: Bool, _ s: OutputBuffer) -> UnsafeRawBufferPointer {
        let r = Int(row.record < 0 ? -1 - row.record : row.record)
        s.reset()
        switch field {
        case .review: return v.id
        case .kind: s.text(action ? "action" : "recommendation")
        case .id: return action ? v.actionID(r) : v.recID(r)
        case .level: s.bytes(Codes.levelBytes[v.recLevel(r)])
        case .owners: s.codes(v, v.recOwners(r))
        case .owner:
            if action { return v.code(v.actionAgency(r)) }
            s.codes(v, v.recOwners(r))
        case .lead:
            let list = v.recOwners(r)
            if v.listCount(list) > 0 { return v.code(v.listItem(list, 0)) }
        case .themes: s.codes(v, v.recThemes(r))
        case .due: s.date(action ? v.actionDue(r) : v.recDue(r))
        case .originalDue: s.date(action ? v.actionOriginalDue(r) : v.recOriginalDue(r))
        case .slippedDays:
            let (due, original) = action ? (v.actionDue(r), v.actionOriginalDue(r)) : (v.recDue(r), v.recOriginalDue(r))
            if due.kind != PackedDate.none && original.kind != PackedDate.none { s.number(Int(due.end) - Int(original.end)) }
        case .status: s.bytes(action ? Codes.actionStatusBytes[v.actionStatus(r)] : Codes.recStatusBytes[v.recStatus(r)])
        case .assurance: s.bytes(Codes.assuranceBytes[v.recAssurance(r)])
        case .rag: s.text(row.rag.rawValue)
        case .overdue: s.text(row.daysOverdue >= 0 ? "yes" : "no")
        case .daysOverdue: if row.daysOverdue >= 0 { s.number(Int(row.daysOverdue)) }
        case .daysOverdueOrZero: s.number(max(0, Int(row.daysOverdue)))
        case .lastUpdate:
            if let day = action ? v.actionLastUpdate(r) : v.recLastUpdate(r) { s.date((PackedDate.day, day)) }
        case .outcomes: s.number(v.recOutcomeCount(r))
        case .latestOutcome: s.date(v.recLatestOutcome(r))
        case .links: s.strings(v, v.recLinks(r))
        case .reason: return (action ? v.actionExtra(r, 2) : v.recReason(r)) ?? s.view
        case .text: return action ? v.actionText(r) : v.recText(r)
        case .agency: return v.code(v.actionAgency(r))
        case .respondsTo: s.strings(v, v.actionRespondsTo(r))
        case .completed: s.date(v.actionCompleted(r))
        case .measure: return v.actionExtra(r, 0) ?? s.view
        case .evidence: return v.actionExtra(r, 1) ?? s.view
        }
        return s.view
    }
}

/// A growable byte buffer on manually managed memory (no copy-on-write checks on every byte), which can flush to
/// standard output.
///
/// `@unchecked`: a buffer has one owner at a time — the worker filling its chunk, then (handed over through the
/// pipeline's lock) the thread that writes chunks in order — never two threads at once.
final class OutputBuffer: @unchecked Sendable {
    private let invocation: Invocation?
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init(invocation: Invocation?, capacity: Int = 1 << 16) {
        self.invocation = invocation
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    deinit { base.deallocate() }

    var view: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

    func reset() { count = 0 }

    @inline(__always) private func reserve(_ n: Int) {
        guard count + n > capacity else { return }
        let bigger = max(capacity * 2, count + n)
        let new = UnsafeMutablePointer<UInt8>.allocate(capacity: bigger)
        new.update(from: base, count: count)
        base.deallocate()
        base = new
        capacity = bigger
    }

    @inline(__always) func byte(_ b: UInt8) {
        reserve(1)
        base[count] = b
        count += 1
    }

    @inline(__always) func two(_ a: UInt8, _ b: UInt8) {
        reserve(2)
        base[count] = a
        base[count + 1] = b
        count += 2
    }

    @inline(__always) func append(_ raw: UnsafeRawBufferPointer) {
        guard let source = raw.baseAddress, raw.count > 0 else { return }
        reserve(raw.count)
        (base + count).update(from: source.assumingMemoryBound(to: UInt8.self), count: raw.count)
        count += raw.count
    }

    func bytes(_ b: [UInt8]) { b.withUnsafeBytes { append($0) } }

    func text(_ s: StaticString) { append(UnsafeRawBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount)) }

    func text(_ s: String) {
        var s = s
        s.withUTF8 { append(UnsafeRawBufferPointer($0)) }
    }

    func number(_ n: Int) {
        var value = n.magnitude
        reserve(21)
        if n < 0 { byte(UInt8(ascii: "-")) }
        var digits = 1
        var scale: UInt = 1
        while value / scale >= 10 {
            scale *= 10
            digits += 1
        }
        for _ in 0..<digits {
            base[count] = UInt8(ascii: "0") + UInt8(value / scale)
            count += 1
            value %= scale
            scale /= 10
        }
    }

    /// A partial date as `PartialDate.description` prints it.
    func date(_ d: (kind: UInt8, end: Int32)) {
        guard d.kind != PackedDate.none else { return }
        let day = CalendarDay(ordinal: Int(d.end))
        reserve(10)
        four(day.year)
        switch d.kind {
        case PackedDate.year: return
        case PackedDate.quarter: three(UInt8(ascii: "-"), UInt8(ascii: "Q"), UInt8(ascii: "0") + UInt8((day.month - 1) / 3 + 1))
        case PackedDate.month:
            byte(UInt8(ascii: "-"))
            twoDigits(day.month)
        default:
            byte(UInt8(ascii: "-"))
            twoDigits(day.month)
            byte(UInt8(ascii: "-"))
            twoDigits(day.day)
        }
    }

    @inline(__always) private func three(_ a: UInt8, _ b: UInt8, _ c: UInt8) {
        two(a, b)
        byte(c)
    }

    @inline(__always) private func twoDigits(_ n: Int) {
        two(UInt8(ascii: "0") + UInt8(n / 10 % 10), UInt8(ascii: "0") + UInt8(n % 10))
    }

    private func four(_ year: Int) {
        guard (0...9999).contains(year) else {
            number(year)
            return
        }
        two(UInt8(ascii: "0") + UInt8(year / 1000), UInt8(ascii: "0") + UInt8(year / 100 % 10))
        twoDigits(year % 100)
    }

    /// Codes joined with "; " (`Listings.joined`).
    func codes(_ v: ReviewView, _ list: UInt32) {
        for k in 0..<v.listCount(list) {
            if k > 0 { two(UInt8(ascii: ";"), UInt8(ascii: " ")) }
            append(v.code(v.listItem(list, k)))
        }
    }

    func strings(_ v: ReviewView, _ list: UInt32) {
        for k in 0..<v.listCount(list) {
            if k > 0 { two(UInt8(ascii: ";"), UInt8(ascii: " ")) }
            append(v.string(v.listItem(list, k)))
        }
    }

    func flush() {
        guard count > 0, let invocation else { return }
        invocation.out(bytes: view)
        count = 0
    }
}
