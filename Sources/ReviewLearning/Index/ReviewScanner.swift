/// Reads the indexed fields of a review file straight from its bytes, about ten times faster than
/// `JSONLocator` + `JSONDecoder`.
///
/// It is deliberately narrower than the store's decoder: it accepts only what it fully understands — strict JSON
/// (RFC 8259, valid UTF-8, no duplicate keys) with exactly the keys and types of a review as rlt writes it, no
/// `null`s, no unknown keys, integers only where an `Int` is expected — and gives up (returns nil) on anything else.
/// The caller then decodes the file with `JSONCodec`, which either succeeds (and the digest is built from the
/// decoded review) or reports the problem exactly as the full-decode path does. So whenever the scanner answers,
/// its answer is the one the decoder would give: a test checks that on generated stores and on damaged copies.
struct ReviewScanner {
    struct Bail: Error {}

    private let b: UnsafeRawBufferPointer
    private let n: Int
    private var i = 0
    private var d = ReviewDigest()

    private init(_ bytes: UnsafeRawBufferPointer) {
        b = bytes
        n = bytes.count
    }

    /// The digest of a review file, or nil when the scanner is not sure and the decoder must decide.
    static func digest(of bytes: UnsafeRawBufferPointer) -> ReviewDigest? {
        guard bytes.count > 0 else { return nil }
        var scanner = ReviewScanner(bytes)
        do {
            try scanner.review()
            scanner.ws()
            guard scanner.i == scanner.n else { return nil }
            return scanner.d
        } catch {
            return nil
        }
    }

    // MARK: Records

    private static let reviewKeys = keys(
        "schema", "id", "type", "title", "partnerships", "incident", "notified", "commissioned", "completed",
        "published", "status", "converted_from", "themes", "summary", "source", "findings", "recommendations",
        "actions", "history")
    private static let findingKeys = keys("id", "audience", "text", "themes", "history")
    private static let recKeys = keys(
        "id", "text", "level", "owners", "themes", "due", "original_due", "status", "assurance", "reason",
        "outcomes", "links", "history")
    private static let actionKeys = keys(
        "id", "agency", "text", "responds_to", "due", "original_due", "status", "completed", "measure", "evidence",
        "reason", "updates", "history")
    private static let outcomeKeys = keys("date", "text", "author", "assurance", "by")
    private static let noteKeys = keys("date", "text", "author")
    private static let historyKeys = keys("at", "by", "change")

    private static let reviewTypes = Codes.reviewTypes.map { Array($0.rawValue.utf8) }
    private static let reviewStatuses = Codes.reviewStatuses.map { Array($0.rawValue.utf8) }
    private static let recStatuses = Codes.recStatuses.map { Array($0.rawValue.utf8) }
    private static let actionStatuses = Codes.actionStatuses.map { Array($0.rawValue.utf8) }
    private static let levels = Codes.levels.map { Array($0.rawValue.utf8) }
    private static let assurances = Codes.assurances.map { Array($0.rawValue.utf8) }

    private mutating func review() throws(Bail) {
        var hasID = false
        var hasType = false
        try object(Self.reviewKeys) { (s: inout ReviewScanner, key: Int) throws(Bail) in
            switch key {
            case 0: s.d.schema = try s.int32()
            case 1:
                s.d.id = try s.string()
                hasID = true
            case 2:
                s.d.type = try s.choice(Self.reviewTypes)
                hasType = true
            case 3: s.d.title = try s.string()
            case 4, 12: try s.skipStrings()
            case 5, 6, 7, 8, 9: _ = try s.date()
            case 10: _ = try s.choice(Self.reviewStatuses)
            case 11, 13, 14: _ = try s.string()
            case 15: try s.array { (s: inout ReviewScanner) throws(Bail) in try s.finding() }
            case 16: try s.array { (s: inout ReviewScanner) throws(Bail) in try s.recommendation() }
            case 17: try s.array { (s: inout ReviewScanner) throws(Bail) in try s.action() }
            default: _ = try s.history()
            }
        }
        guard hasID, hasType else { throw Bail() }
    }

    private mutating func finding() throws(Bail) {
        var f = ReviewDigest.FindingDigest()
        var required = 0
        try object(Self.findingKeys) { (s: inout ReviewScanner, key: Int) throws(Bail) in
            switch key {
            case 0:
                f.id = try s.string()
                required += 1
            case 1:
                _ = try s.string()
                required += 1
            case 2: _ = try s.string()
            case 3: f.themes = try s.strings()
            default: _ = try s.history()
            }
        }
        guard required == 2 else { throw Bail() }
        d.findings.append(f)
    }

    private mutating func recommendation() throws(Bail) {
        var r = ReviewDigest.RecDigest()
        var hasID = false
        var historyDay: Int32?
        var outcomesDay: Int32?
        try object(Self.recKeys) { (s: inout ReviewScanner, key: Int) throws(Bail) in
            switch key {
            case 0:
                r.id = try s.string()
                hasID = true
            case 1: r.text = try s.string()
            case 2: r.level = try s.choice(Self.levels)
            case 3: r.owners = try s.strings()
            case 4: r.themes = try s.strings()
            case 5: r.due = try s.date()
            case 6: r.originalDue = try s.date()
            case 7: r.status = try s.choice(Self.recStatuses)
            case 8: r.assurance = try s.choice(Self.assurances)
            case 9: r.reason = try s.string()
            case 10:
                try s.array { (s: inout ReviewScanner) throws(Bail) in
                    let date = try s.outcome()
                    r.outcomeCount += 1
                    r.latestOutcome = date
                    outcomesDay = max(outcomesDay ?? date.end, date.end)
                }
            case 11: r.links = try s.strings()
            default: historyDay = try s.history()
            }
        }
        guard hasID else { throw Bail() }
        r.lastUpdate = latest(historyDay, outcomesDay)
        d.recs.append(r)
    }

    private mutating func action() throws(Bail) {
        var a = ReviewDigest.ActionDigest()
        var required = 0
        var historyDay: Int32?
        var updatesDay: Int32?
        try object(Self.actionKeys) { (s: inout ReviewScanner, key: Int) throws(Bail) in
            switch key {
            case 0:
                a.id = try s.string()
                required += 1
            case 1:
                a.agency = try s.string()
                required += 1
            case 2: a.text = try s.string()
            case 3: a.respondsTo = try s.strings()
            case 4: a.due = try s.date()
            case 5: a.originalDue = try s.date()
            case 6: a.status = try s.choice(Self.actionStatuses)
            case 7: a.completed = try s.date()
            case 8: a.measure = try s.string()
            case 9: a.evidence = try s.string()
            case 10: a.reason = try s.string()
            case 11:
                try s.array { (s: inout ReviewScanner) throws(Bail) in
                    let end = try s.note()
                    updatesDay = max(updatesDay ?? end, end)
                }
            default: historyDay = try s.history()
            }
        }
        guard required == 2 else { throw Bail() }
        a.lastUpdate = latest(historyDay, updatesDay)
        d.actions.append(a)
    }

    private func latest(_ a: Int32?, _ b: Int32?) -> Int32? {
        switch (a, b) {
        case (let x?, let y?): return max(x, y)
        case (let x?, nil): return x
        case (nil, let y?): return y
        default: return nil
        }
    }

    /// An outcome; returns its date.
    private mutating func outcome() throws(Bail) -> ReviewDigest.Date {
        var date = ReviewDigest.Date()
        var required = 0
        try object(Self.outcomeKeys) { (s: inout ReviewScanner, key: Int) throws(Bail) in
            switch key {
            case 0:
                date = try s.date()
                required += 1
            case 1, 2:
                _ = try s.string()
                required += 1
            case 3: _ = try s.choice(Self.assurances)
            default: _ = try s.string()
            }
        }
        guard required == 3 else { throw Bail() }
        return date
    }

    /// A progress note; returns the last day of its date.
    private mutating func note() throws(Bail) -> Int32 {
        var end: Int32 = 0
        var required = 0
        try object(Self.noteKeys) { (s: inout ReviewScanner, key: Int) throws(Bail) in
            if key == 0 { end = try s.date().end } else { _ = try s.string() }
            required += 1
        }
        guard required == 3 else { throw Bail() }
        return end
    }

    /// A history list; returns its latest day (`HistoryEntry.day`), if any.
    private mutating func history() throws(Bail) -> Int32? {
        var latest: Int32?
        try array { (s: inout ReviewScanner) throws(Bail) in
            var required = 0
            try s.object(Self.historyKeys) { (s: inout ReviewScanner, key: Int) throws(Bail) in
                let value = try s.string()
                required += 1
                if key == 0, let day = try s.historyDay(value) { latest = max(latest ?? day, day) }
            }
            guard required == 3 else { throw Bail() }
        }
        return latest
    }

    /// `HistoryEntry.day` of a timestamp: its first ten characters as a whole day, or nil.
    private func historyDay(_ s: ReviewDigest.Str) throws(Bail) -> Int32? {
        // Escaped or non-ASCII timestamps are never rlt's; the decoder applies the general rule to them.
        guard s.start >= 0 else { throw Bail() }
        let start = Int(s.start)
        let count = Int(s.count)
        guard count >= 10 else { return nil }
        // Ten ASCII bytes followed by an ASCII byte (or the end) are exactly ten characters: a string holds no raw
        // CR or LF, the only ASCII pair that forms one character.
        for k in start..<start + min(count, 11) where b[k] >= 0x80 { throw Bail() }
        if let day = canonicalDay(start) { return day }
        guard case .day(let day)? = try? PartialDate(parsing: String(decoding: b.slice(start, 10), as: UTF8.self)) else {
            return nil
        }
        return Int32(day.ordinal)
    }

    // MARK: JSON

    private static func keys(_ names: StaticString...) -> [[UInt8]] {
        names.map { name in Array(UnsafeRawBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)) }
    }

    @inline(__always) private mutating func ws() {
        while i < n {
            let c = b[i]
            if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 { i += 1 } else { return }
        }
    }

    @inline(__always) private mutating func expect(_ c: UInt8) throws(Bail) {
        ws()
        guard i < n, b[i] == c else { throw Bail() }
        i += 1
    }

    /// `{ "key": value, … }` with keys from `names` (each at most once); `body` reads the value of key number k.
    private mutating func object(
        _ names: [[UInt8]], _ body: (inout ReviewScanner, Int) throws(Bail) -> Void
    ) throws(Bail) {
        try expect(UInt8(ascii: "{"))
        ws()
        guard i < n else { throw Bail() }
        if b[i] == UInt8(ascii: "}") {
            i += 1
            return
        }
        var seen: UInt32 = 0
        while true {
            ws()
            guard i < n, b[i] == UInt8(ascii: "\"") else { throw Bail() }
            let start = i + 1
            var end = start
            while end < n && b[end] != UInt8(ascii: "\"") {
                // Escaped or non-ASCII keys are never rlt's: let the decoder judge them.
                if b[end] == UInt8(ascii: "\\") || b[end] >= 0x80 || b[end] < 0x20 { throw Bail() }
                end += 1
            }
            guard end < n else { throw Bail() }
            let length = end - start
            var key = -1
            for (k, name) in names.enumerated() where name.count == length {
                if name.withUnsafeBytes({ memcmp($0.baseAddress!, b.baseAddress! + start, length) == 0 }) {
                    key = k
                    break
                }
            }
            guard key >= 0, seen & (1 << UInt32(key)) == 0 else { throw Bail() }
            seen |= 1 << UInt32(key)
            i = end + 1
            try expect(UInt8(ascii: ":"))
            ws()
            try body(&self, key)
            ws()
            guard i < n else { throw Bail() }
            if b[i] == UInt8(ascii: ",") {
                i += 1
            } else if b[i] == UInt8(ascii: "}") {
                i += 1
                return
            } else {
                throw Bail()
            }
        }
    }

    /// `[ value, … ]`, `body` reading each value.
    private mutating func array(_ body: (inout ReviewScanner) throws(Bail) -> Void) throws(Bail) {
        try expect(UInt8(ascii: "["))
        ws()
        guard i < n else { throw Bail() }
        if b[i] == UInt8(ascii: "]") {
            i += 1
            return
        }
        while true {
            ws()
            try body(&self)
            ws()
            guard i < n else { throw Bail() }
            if b[i] == UInt8(ascii: ",") {
                i += 1
            } else if b[i] == UInt8(ascii: "]") {
                i += 1
                return
            } else {
                throw Bail()
            }
        }
    }

    private mutating func strings() throws(Bail) -> ReviewDigest.List {
        let start = d.lists.count
        try array { (s: inout ReviewScanner) throws(Bail) in s.d.lists.append(try s.string()) }
        return ReviewDigest.List(start: Int32(start), count: Int32(d.lists.count - start))
    }

    private mutating func skipStrings() throws(Bail) {
        try array { (s: inout ReviewScanner) throws(Bail) in _ = try s.string() }
    }

    /// A JSON string, validated (UTF-8, no raw control characters) and unescaped into the scratch buffer if needed.
    private mutating func string() throws(Bail) -> ReviewDigest.Str {
        guard i < n, b[i] == UInt8(ascii: "\"") else { throw Bail() }
        let start = i + 1
        var k = start
        while k < n {
            let c = b[k]
            if c == UInt8(ascii: "\"") {
                i = k + 1
                return ReviewDigest.Str(start: Int32(start), count: Int32(k - start))
            }
            if c == UInt8(ascii: "\\") { break }
            if c < 0x20 { throw Bail() }
            if c >= 0x80 {
                let length = b.utf8SequenceLength(at: k)
                guard length > 0 else { throw Bail() }
                k += length
            } else {
                k += 1
            }
        }
        guard k < n else { throw Bail() }
        // Escapes: copy what was read, then decode the rest into the scratch buffer.
        let scratchStart = d.scratch.count
        d.scratch.append(contentsOf: b.slice(start, k - start))
        while k < n {
            let c = b[k]
            if c == UInt8(ascii: "\"") {
                i = k + 1
                return ReviewDigest.Str(start: -Int32(scratchStart) - 1, count: Int32(d.scratch.count - scratchStart))
            }
            if c == UInt8(ascii: "\\") {
                guard k + 1 < n else { throw Bail() }
                let e = b[k + 1]
                k += 2
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): d.scratch.append(e)
                case UInt8(ascii: "b"): d.scratch.append(0x08)
                case UInt8(ascii: "f"): d.scratch.append(0x0C)
                case UInt8(ascii: "n"): d.scratch.append(0x0A)
                case UInt8(ascii: "r"): d.scratch.append(0x0D)
                case UInt8(ascii: "t"): d.scratch.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4(at: k)
                    k += 4
                    if scalar >= 0xD800 && scalar <= 0xDBFF {
                        guard k + 6 <= n, b[k] == UInt8(ascii: "\\"), b[k + 1] == UInt8(ascii: "u") else { throw Bail() }
                        let low = try hex4(at: k + 2)
                        guard low >= 0xDC00 && low <= 0xDFFF else { throw Bail() }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        k += 6
                    } else if scalar >= 0xDC00 && scalar <= 0xDFFF {
                        throw Bail()
                    }
                    guard scalar != 0, let u = Unicode.Scalar(scalar) else { throw Bail() }
                    d.scratch.append(contentsOf: UTF8.encode(u)!)
                default: throw Bail()
                }
                continue
            }
            if c < 0x20 { throw Bail() }
            if c >= 0x80 {
                let length = b.utf8SequenceLength(at: k)
                guard length > 0 else { throw Bail() }
                d.scratch.append(contentsOf: b.slice(k, length))
                k += length
            } else {
                d.scratch.append(c)
                k += 1
            }
        }
        throw Bail()
    }

    private func hex4(at k: Int) throws(Bail) -> UInt32 {
        guard k + 4 <= n else { throw Bail() }
        var value: UInt32 = 0
        for j in k..<k + 4 {
            guard let digit = hexDigitValue(b[j]) else { throw Bail() }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    /// One of a closed vocabulary, spelt exactly as its raw value.
    private mutating func choice(_ values: [[UInt8]]) throws(Bail) -> UInt8 {
        let s = try string()
        guard s.start >= 0 else { throw Bail() }
        for (k, value) in values.enumerated() where value.count == Int(s.count) {
            if value.withUnsafeBytes({ memcmp($0.baseAddress!, b.baseAddress! + Int(s.start), Int(s.count)) == 0 }) {
                return UInt8(k)
            }
        }
        throw Bail()
    }

    /// A plain integer (no fraction or exponent) that fits in 32 bits.
    private mutating func int32() throws(Bail) -> Int32 {
        var negative = false
        if i < n && b[i] == UInt8(ascii: "-") {
            negative = true
            i += 1
        }
        let start = i
        var value: Int64 = 0
        while i < n, b[i] >= UInt8(ascii: "0"), b[i] <= UInt8(ascii: "9") {
            value = value * 10 + Int64(b[i] - UInt8(ascii: "0"))
            guard value <= Int64(Int32.max) else { throw Bail() }
            i += 1
        }
        guard i > start, !(b[start] == UInt8(ascii: "0") && i - start > 1) else { throw Bail() }
        if i < n && (b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E")) {
            throw Bail()
        }
        if negative && value == 0 { throw Bail() }
        return Int32(negative ? -value : value)
    }

    /// A partial date in one of rlt's stored forms (`2024`, `2024-Q2`, `2024-06`, `2024-06-30`); anything else, such
    /// as the UK form, is left to the decoder.
    private mutating func date() throws(Bail) -> ReviewDigest.Date {
        let s = try string()
        guard s.start >= 0 else { throw Bail() }
        let p = Int(s.start)
        var date = ReviewDigest.Date()
        guard s.count == 4 || s.count == 7 || s.count == 10, let year = number(p, 4), year >= 1 else { throw Bail() }
        switch s.count {
        case 4:
            date.kind = PackedDate.year
            date.end = Int32(PartialDate.year(year).end.ordinal)
        case 7 where b[p + 4] == UInt8(ascii: "-") && b[p + 5] == UInt8(ascii: "Q"):
            guard let q = number(p + 6, 1), (1...4).contains(q) else { throw Bail() }
            date.kind = PackedDate.quarter
            date.end = Int32(PartialDate.quarter(year: year, quarter: q).end.ordinal)
        case 7 where b[p + 4] == UInt8(ascii: "-"):
            guard let m = number(p + 5, 2), (1...12).contains(m) else { throw Bail() }
            date.kind = PackedDate.month
            date.end = Int32(PartialDate.month(year: year, month: m).end.ordinal)
        case 10:
            guard let day = canonicalDay(p) else { throw Bail() }
            date.kind = PackedDate.day
            date.end = day
        default:
            throw Bail()
        }
        return date
    }

    /// `YYYY-MM-DD` at `p` as days since 1970, or nil if it is not a real day in that form.
    private func canonicalDay(_ p: Int) -> Int32? {
        guard b[p + 4] == UInt8(ascii: "-"), b[p + 7] == UInt8(ascii: "-"), let y = number(p, 4), y >= 1,
            let m = number(p + 5, 2), let dd = number(p + 8, 2), let day = CalendarDay(year: y, month: m, day: dd)
        else { return nil }
        return Int32(day.ordinal)
    }

    private func number(_ p: Int, _ width: Int) -> Int? {
        var value = 0
        for k in p..<p + width {
            let c = b[k]
            guard c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(c - UInt8(ascii: "0"))
        }
        return value
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
