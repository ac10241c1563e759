/// Gave up: the bytes are not JSON the fast readers fully understand; the store's decoder decides.
struct JSONBail: Error {}

/// The JSON primitives shared by the store's two fast readers, `ReviewScanner` (the index's digest) and
/// `ReviewReader` (whole reviews). They accept strict JSON only (RFC 8259, valid UTF-8, no duplicate keys, no
/// escaped or unknown keys) and give up (`JSONBail`) on anything else, leaving it to `JSONCodec`, so whatever they
/// do read is read exactly as the decoder would read it.
/// The keys of each object of a review file, and the spellings of its closed vocabularies, in the order the
/// readers number them (a key's number is its position; a value's is its position in `Codes`).
enum ReviewFields {
    static let reviewKeys = ReviewScanner.keys(
        "schema", "id", "type", "title", "partnerships", "incident", "notified", "commissioned", "completed",
        "published", "status", "converted_from", "themes", "summary", "source", "findings", "recommendations",
        "actions", "history", "aware", "decided", "submitted", "approved", "closed")
    // Schema 2's keys come after schema 1's, so the positions of the older keys never change.
    static let findingKeys = ReviewScanner.keys("id", "audience", "text", "themes", "history", "with", "kind", "para")
    static let recKeys = ReviewScanner.keys(
        "id", "text", "level", "owners", "themes", "due", "original_due", "status", "assurance", "reason",
        "outcomes", "links", "history", "assurance_by", "engage", "issued_by", "from", "through", "approximate",
        "date_note")
    static let actionKeys = ReviewScanner.keys(
        "id", "agency", "text", "responds_to", "due", "original_due", "status", "completed", "measure", "evidence",
        "reason", "updates", "history", "with", "from", "through", "approximate", "date_note")
    static let outcomeKeys = ReviewScanner.keys("date", "text", "author", "assurance", "by", "with")
    static let noteKeys = ReviewScanner.keys("date", "text", "author")
    static let historyKeys = ReviewScanner.keys("at", "by", "change", "on")

    static let reviewTypes = Codes.reviewTypes.map { Array($0.rawValue.utf8) }
    static let reviewStatuses = Codes.reviewStatuses.map { Array($0.rawValue.utf8) }
    static let recStatuses = Codes.recStatuses.map { Array($0.rawValue.utf8) }
    static let actionStatuses = Codes.actionStatuses.map { Array($0.rawValue.utf8) }
    static let levels = Codes.levels.map { Array($0.rawValue.utf8) }
    static let assurances = Codes.assurances.map { Array($0.rawValue.utf8) }
    static let findingKinds = FindingKind.allCases.map { Array($0.rawValue.utf8) }
}

protocol StrictJSONReader {
    /// The bytes being read, their count, and the position of the next byte.
    var b: UnsafeRawBufferPointer { get }
    var n: Int { get }
    var i: Int { get set }
    /// Strings that held escapes, unescaped (`ReviewDigest.Str` with a negative start points here).
    var scratch: [UInt8] { get set }
}

extension StrictJSONReader {
    static func keys(_ names: StaticString...) -> [[UInt8]] {
        names.map { name in Array(UnsafeRawBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)) }
    }

    @inline(__always) mutating func ws() {
        while i < n {
            let c = b[i]
            if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 { i += 1 } else { return }
        }
    }

    @inline(__always) mutating func expect(_ c: UInt8) throws(JSONBail) {
        ws()
        guard i < n, b[i] == c else { throw JSONBail() }
        i += 1
    }

    /// `{ "key": value, … }` with keys from `names` (each at most once); `body` reads the value of key number k.
    mutating func object(
        _ names: [[UInt8]], _ body: (inout Self, Int) throws(JSONBail) -> Void
    ) throws(JSONBail) {
        try expect(UInt8(ascii: "{"))
        ws()
        guard i < n else { throw JSONBail() }
        if b[i] == UInt8(ascii: "}") {
            i += 1
            return
        }
        var seen: UInt32 = 0
        while true {
            ws()
            guard i < n, b[i] == UInt8(ascii: "\"") else { throw JSONBail() }
            let start = i + 1
            var end = start
            while end < n && b[end] != UInt8(ascii: "\"") {
                // Escaped or non-ASCII keys are never rlt's: let the decoder judge them.
                if b[end] == UInt8(ascii: "\\") || b[end] >= 0x80 || b[end] < 0x20 { throw JSONBail() }
                end += 1
            }
            guard end < n else { throw JSONBail() }
            let length = end - start
            var key = -1
            for (k, name) in names.enumerated() where name.count == length {
                if name.withUnsafeBytes({ memcmp($0.baseAddress!, b.baseAddress! + start, length) == 0 }) {
                    key = k
                    break
                }
            }
            guard key >= 0, seen & (1 << UInt32(key)) == 0 else { throw JSONBail() }
            seen |= 1 << UInt32(key)
            i = end + 1
            try expect(UInt8(ascii: ":"))
            ws()
            try body(&self, key)
            ws()
            guard i < n else { throw JSONBail() }
            if b[i] == UInt8(ascii: ",") {
                i += 1
            } else if b[i] == UInt8(ascii: "}") {
                i += 1
                return
            } else {
                throw JSONBail()
            }
        }
    }

    /// `[ value, … ]`, `body` reading each value.
    mutating func array(_ body: (inout Self) throws(JSONBail) -> Void) throws(JSONBail) {
        try expect(UInt8(ascii: "["))
        ws()
        guard i < n else { throw JSONBail() }
        if b[i] == UInt8(ascii: "]") {
            i += 1
            return
        }
        while true {
            ws()
            try body(&self)
            ws()
            guard i < n else { throw JSONBail() }
            if b[i] == UInt8(ascii: ",") {
                i += 1
            } else if b[i] == UInt8(ascii: "]") {
                i += 1
                return
            } else {
                throw JSONBail()
            }
        }
    }

    /// A JSON string, validated (UTF-8, no raw control characters) and unescaped into the scratch buffer if needed.
    mutating func string() throws(JSONBail) -> ReviewDigest.Str {
        guard i < n, b[i] == UInt8(ascii: "\"") else { throw JSONBail() }
        let start = i + 1
        var k = start
        while k < n {
            let c = b[k]
            if c == UInt8(ascii: "\"") {
                i = k + 1
                return ReviewDigest.Str(start: Int32(start), count: Int32(k - start))
            }
            if c == UInt8(ascii: "\\") { break }
            if c < 0x20 { throw JSONBail() }
            if c >= 0x80 {
                let length = b.utf8SequenceLength(at: k)
                guard length > 0 else { throw JSONBail() }
                k += length
            } else {
                k += 1
            }
        }
        guard k < n else { throw JSONBail() }
        // Escapes: copy what was read, then decode the rest into the scratch buffer.
        let scratchStart = scratch.count
        scratch.append(contentsOf: b.slice(start, k - start))
        while k < n {
            let c = b[k]
            if c == UInt8(ascii: "\"") {
                i = k + 1
                return ReviewDigest.Str(start: -Int32(scratchStart) - 1, count: Int32(scratch.count - scratchStart))
            }
            if c == UInt8(ascii: "\\") {
                guard k + 1 < n else { throw JSONBail() }
                let e = b[k + 1]
                k += 2
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(e)
                case UInt8(ascii: "b"): scratch.append(0x08)
                case UInt8(ascii: "f"): scratch.append(0x0C)
                case UInt8(ascii: "n"): scratch.append(0x0A)
                case UInt8(ascii: "r"): scratch.append(0x0D)
                case UInt8(ascii: "t"): scratch.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4(at: k)
                    k += 4
                    if scalar >= 0xD800 && scalar <= 0xDBFF {
                        guard k + 6 <= n, b[k] == UInt8(ascii: "\\"), b[k + 1] == UInt8(ascii: "u") else { throw JSONBail() }
                        let low = try hex4(at: k + 2)
                        guard low >= 0xDC00 && low <= 0xDFFF else { throw JSONBail() }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        k += 6
                    } else if scalar >= 0xDC00 && scalar <= 0xDFFF {
                        throw JSONBail()
                    }
                    guard scalar != 0, let u = Unicode.Scalar(scalar) else { throw JSONBail() }
                    scratch.append(contentsOf: UTF8.encode(u)!)
                default: throw JSONBail()
                }
                continue
            }
            if c < 0x20 { throw JSONBail() }
            if c >= 0x80 {
                let length = b.utf8SequenceLength(at: k)
                guard length > 0 else { throw JSONBail() }
                scratch.append(contentsOf: b.slice(k, length))
                k += length
            } else {
                scratch.append(c)
                k += 1
            }
        }
        throw JSONBail()
    }

    func hex4(at k: Int) throws(JSONBail) -> UInt32 {
        guard k + 4 <= n else { throw JSONBail() }
        var value: UInt32 = 0
        for j in k..<k + 4 {
            guard let digit = hexDigitValue(b[j]) else { throw JSONBail() }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    /// One of a closed vocabulary, spelt exactly as its raw value.
    mutating func choice(_ values: [[UInt8]]) throws(JSONBail) -> UInt8 { try choicePlace(values).index }

    /// `choice`, with where the word is in the source.
    mutating func choicePlace(_ values: [[UInt8]]) throws(JSONBail) -> (index: UInt8, place: ReviewDigest.Str) {
        let s = try string()
        guard s.start >= 0 else { throw JSONBail() }
        for (k, value) in values.enumerated() where value.count == Int(s.count) {
            if value.withUnsafeBytes({ memcmp($0.baseAddress!, b.baseAddress! + Int(s.start), Int(s.count)) == 0 }) {
                return (UInt8(k), s)
            }
        }
        throw JSONBail()
    }

    /// `true` or `false`.
    mutating func bool() throws(JSONBail) -> Bool {
        for (word, value) in [(Array("true".utf8), true), (Array("false".utf8), false)]
        where i + word.count <= n && b[i..<i + word.count].elementsEqual(word) {
            i += word.count
            return value
        }
        throw JSONBail()
    }

    /// A plain integer (no fraction or exponent) that fits in 32 bits.
    mutating func int32() throws(JSONBail) -> Int32 {
        var negative = false
        if i < n && b[i] == UInt8(ascii: "-") {
            negative = true
            i += 1
        }
        let start = i
        var value: Int64 = 0
        while i < n, b[i] >= UInt8(ascii: "0"), b[i] <= UInt8(ascii: "9") {
            value = value * 10 + Int64(b[i] - UInt8(ascii: "0"))
            guard value <= Int64(Int32.max) else { throw JSONBail() }
            i += 1
        }
        guard i > start, !(b[start] == UInt8(ascii: "0") && i - start > 1) else { throw JSONBail() }
        if i < n && (b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E")) {
            throw JSONBail()
        }
        if negative && value == 0 { throw JSONBail() }
        return Int32(negative ? -value : value)
    }


    /// `YYYY-MM-DD` at `p` as days since 1970, or nil if it is not a real day in that form.
    func canonicalDay(_ p: Int) -> Int32? {
        guard b[p + 4] == UInt8(ascii: "-"), b[p + 7] == UInt8(ascii: "-"), let y = number(p, 4), y >= 1,
            let m = number(p + 5, 2), let dd = number(p + 8, 2), let day = CalendarDay(year: y, month: m, day: dd)
        else { return nil }
        return Int32(day.ordinal)
    }

    func number(_ p: Int, _ width: Int) -> Int? {
        var value = 0
        for k in p..<p + width {
            let c = b[k]
            guard c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(c - UInt8(ascii: "0"))
        }
        return value
    }

    /// A partial date in one of rlt's stored forms (`2024`, `2024-Q2`, `2024-06`, `2024-06-30`); anything else, such
    /// as the UK form, is left to the decoder.
    mutating func canonicalDate() throws(JSONBail) -> PartialDate { try canonicalDatePlace().date }

    /// `canonicalDate`, with where its text is in the source (never escaped).
    mutating func canonicalDatePlace() throws(JSONBail) -> (date: PartialDate, place: ReviewDigest.Str) {
        let s = try string()
        return (try canonicalDate(s), s)
    }

    /// `canonicalDate`, or `undated` (an outcome's date, a completion).
    mutating func canonicalDateOrUndated() throws(JSONBail) -> PartialDate {
        let s = try string()
        let word = PartialDate.undatedWord.utf8
        if s.start >= 0, Int(s.count) == word.count, b.slice(Int(s.start), Int(s.count)).elementsEqual(word) {
            return .undated
        }
        return try canonicalDate(s)
    }

    private func canonicalDate(_ s: ReviewDigest.Str) throws(JSONBail) -> PartialDate {
        guard s.start >= 0 else { throw JSONBail() }
        let p = Int(s.start)
        guard s.count == 4 || s.count == 7 || s.count == 10, let year = number(p, 4), year >= 1 else { throw JSONBail() }
        switch s.count {
        case 4:
            return .year(year)
        case 7 where b[p + 4] == UInt8(ascii: "-") && b[p + 5] == UInt8(ascii: "Q"):
            guard let q = number(p + 6, 1), (1...4).contains(q) else { throw JSONBail() }
            return .quarter(year: year, quarter: q)
        case 7 where b[p + 4] == UInt8(ascii: "-"):
            guard let m = number(p + 5, 2), (1...12).contains(m) else { throw JSONBail() }
            return .month(year: year, month: m)
        case 10:
            guard b[p + 4] == UInt8(ascii: "-"), b[p + 7] == UInt8(ascii: "-"), let m = number(p + 5, 2),
                let dd = number(p + 8, 2), let day = CalendarDay(year: year, month: m, day: dd)
            else { throw JSONBail() }
            return .day(day)
        default:
            throw JSONBail()
        }
    }

    /// The text of a string read by `string()`.
    func text(_ s: ReviewDigest.Str) -> String {
        if s.start >= 0 { return String(decoding: b.slice(Int(s.start), Int(s.count)), as: UTF8.self) }
        return scratch.withUnsafeBytes { String(decoding: $0.slice(Int(-s.start - 1), Int(s.count)), as: UTF8.self) }
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
