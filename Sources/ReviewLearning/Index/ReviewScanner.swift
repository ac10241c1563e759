/// Reads the indexed fields of a review file straight from its bytes, about ten times faster than
/// `JSONLocator` + `JSONDecoder`.
///
/// It is deliberately narrower than the store's decoder: it accepts only what it fully understands — strict JSON
/// (RFC 8259, valid UTF-8, no duplicate keys) with exactly the keys and types of a review as rlt writes it, no
/// `null`s, no unknown keys, integers only where an `Int` is expected — and gives up (returns nil) on anything else.
/// The caller then decodes the file with `JSONCodec`, which either succeeds (and the digest is built from the
/// decoded review) or reports the problem exactly as the full-decode path does. So whenever the scanner answers,
/// its answer is the one the decoder would give: a test checks that on generated stores and on damaged copies.
struct ReviewScanner: StrictJSONReader {
    typealias Bail = JSONBail

    let b: UnsafeRawBufferPointer
    let n: Int
    var i = 0
    var scratch: [UInt8] = []
    private var d = ReviewDigest()
    private var yesPlace: ReviewDigest.Str?

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
            scanner.d.scratch = scanner.scratch
            return scanner.d
        } catch {
            return nil
        }
    }

    // MARK: Records

    private mutating func review() throws(Bail) {
        var hasID = false
        var hasType = false
        try object(ReviewFields.reviewKeys) { (s: inout ReviewScanner, key: Int) throws(Bail) in
            switch key {
            case 0: s.d.schema = try s.int32()
            case 1:
                s.d.id = try s.string()
                hasID = true
            case 2:
                s.d.type = try s.choice(ReviewFields.reviewTypes)
                hasType = true
            case 3: s.d.title = try s.string()
            case 4: s.d.partnerships = try s.strings()
            case 12: s.d.themes = try s.strings()
            case 5, 6, 7, 8, 9: s.d.dates[key - 5] = try s.date()
            case 10: s.d.status = try s.choice(ReviewFields.reviewStatuses)
            case 11: s.d.convertedFrom = try s.string()
            case 13: s.d.summary = try s.string()
            case 14: s.d.source = try s.string()
            case 15: try s.array { (s: inout ReviewScanner) throws(Bail) in try s.finding() }
            case 16: try s.array { (s: inout ReviewScanner) throws(Bail) in try s.recommendation() }
            case 17: try s.array { (s: inout ReviewScanner) throws(Bail) in try s.action() }
            case 18: _ = try s.history()
            // Schema 3's stage dates: slots 5 to 9 (`ReviewStage.slot`).
            default: s.d.dates[key - 14] = try s.date()
            }
        }
        guard hasID, hasType else { throw Bail() }
    }

    private mutating func finding() throws(Bail) {
        var f = ReviewDigest.FindingDigest()
        var required = 0
        var details = Details()
        try object(ReviewFields.findingKeys) { (s: inout ReviewScanner, key: Int) throws(Bail) in
            switch key {
            case 0:
                f.id = try s.string()
                required += 1
            case 1:
                f.audience = try s.string()
                required += 1
            case 2: f.text = try s.string()
            case 3: f.themes = try s.strings()
            case 4: _ = try s.history()
            case 5: details.add(.with, s.joined(try s.nonEmptyStrings()))
            case 6:
                let kind = try s.choicePlace(ReviewFields.findingKinds)
                // `learning` is the default, which rlt never writes: a file that has it is the decoder's to judge.
                guard FindingKind.allCases[Int(kind.index)] != .learning else { throw Bail() }
                details.add(.kind, kind.place)
            default: details.add(.para, try s.string())
            }
        }
        guard required == 2 else { throw Bail() }
        f.details = details.sorted
        d.findings.append(f)
    }

    /// A record's schema-2 details as the scanner meets them (in key order), for `ReviewDigest.Detail`s in field
    /// order, as the decoded digest lists them; empty values are left out, as there.
    private struct Details {
        var found: [ReviewDigest.Detail] = []

        mutating func add(_ field: RecordDetail, _ text: ReviewDigest.Str) {
            if text.count > 0 { found.append(ReviewDigest.Detail(field: field, text: text)) }
        }

        var sorted: [ReviewDigest.Detail] { found.sorted { $0.field.rawValue < $1.field.rawValue } }
    }

    /// A list of schema 2, which rlt leaves out when empty: an empty one is the decoder's to judge (it would be
    /// dropped on the next write).
    private mutating func nonEmptyStrings() throws(Bail) -> ReviewDigest.List {
        let list = try strings()
        guard list.count > 0 else { throw Bail() }
        return list
    }

    /// The items of a list joined with "; " (a listing's cell), in the scratch buffer.
    private mutating func joined(_ list: ReviewDigest.List) -> ReviewDigest.Str {
        guard list.count > 0 else { return .empty }
        var bytes: [UInt8] = []
        for k in 0..<Int(list.count) {
            if k > 0 { bytes += [UInt8(ascii: ";"), UInt8(ascii: " ")] }
            let item = d.lists[Int(list.start) + k]
            if item.start >= 0 {
                bytes += b.slice(Int(item.start), Int(item.count))
            } else {
                let at = Int(-item.start - 1)
                bytes += scratch[at..<at + Int(item.count)]
            }
        }
        let start = scratch.count
        scratch += bytes
        return ReviewDigest.Str(start: -Int32(start) - 1, count: Int32(bytes.count))
    }

    /// Timing's keys (`from`, `through`, `approximate`, `date_note`), at `key` of 0…3.
    private mutating func timing(_ key: Int, into details: inout Details) throws(Bail) {
        switch key {
        case 0: details.add(.from, try canonicalDatePlace().place)
        case 1: details.add(.through, try canonicalDatePlace().place)
        case 2:
            // rlt writes `approximate` only when true.
            guard try bool() else { throw Bail() }
            details.add(.approximate, yes)
        default: details.add(.dateNote, try string())
        }
    }

    /// "yes" (an `approximate` cell) in the scratch buffer, written once per file.
    private var yes: ReviewDigest.Str {
        mutating get {
            if let yesPlace { return yesPlace }
            let start = scratch.count
            scratch += Array("yes".utf8)
            let place = ReviewDigest.Str(start: -Int32(start) - 1, count: 3)
            yesPlace = place
            return place
        }
    }

    private mutating func recommendation() throws(Bail) {
        var r = ReviewDigest.RecDigest()
        var hasID = false
        var historyDay: Int32?
        var outcomesDay: Int32?
        var outcomeTexts: [ReviewDigest.Str] = []
        var details = Details()
        try object(ReviewFields.recKeys) { (s: inout ReviewScanner, key: Int) throws(Bail) in
            switch key {
            case 0:
                r.id = try s.string()
                hasID = true
            case 1: r.text = try s.string()
            case 2: r.level = try s.choice(ReviewFields.levels)
            case 3: r.owners = try s.strings()
            case 4: r.themes = try s.strings()
            case 5: r.due = try s.date()
            case 6: r.originalDue = try s.date()
            case 7: r.status = try s.choice(ReviewFields.recStatuses)
            case 8: r.assurance = try s.choice(ReviewFields.assurances)
            case 9: r.reason = try s.string()
            case 10:
                try s.array { (s: inout ReviewScanner) throws(Bail) in
                    let (date, text, assurance, by) = try s.outcome()
                    outcomeTexts.append(text)
                    r.current.consider(r.outcomeCount, date, assurance: assurance, by: by)
                    r.outcomeCount += 1
                    r.latestOutcome = date
                    // An undated outcome is no update (`Recommendation.lastUpdate`).
                    if date.kind != PackedDate.undated { outcomesDay = max(outcomesDay ?? date.end, date.end) }
                }
            case 11: r.links = try s.strings()
            case 12: historyDay = try s.history()
            case 13: details.add(.assuranceBy, s.joined(try s.nonEmptyStrings()))
            case 14: details.add(.engage, s.joined(try s.nonEmptyStrings()))
            case 15: details.add(.issuedBy, try s.string())
            default: try s.timing(key - 16, into: &details)
            }
        }
        guard hasID else { throw Bail() }
        r.details = details.sorted
        r.lastUpdate = latest(historyDay, outcomesDay)
        r.outcomeTexts = list(outcomeTexts)
        d.recs.append(r)
    }

    private mutating func action() throws(Bail) {
        var a = ReviewDigest.ActionDigest()
        var required = 0
        var historyDay: Int32?
        var updatesDay: Int32?
        var updateTexts: [ReviewDigest.Str] = []
        var details = Details()
        try object(ReviewFields.actionKeys) { (s: inout ReviewScanner, key: Int) throws(Bail) in
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
            case 6: a.status = try s.choice(ReviewFields.actionStatuses)
            case 7: a.completed = ReviewDigest.Date(try s.canonicalDateOrUndated())
            case 8: a.measure = try s.string()
            case 9: a.evidence = try s.string()
            case 10: a.reason = try s.string()
            case 11:
                try s.array { (s: inout ReviewScanner) throws(Bail) in
                    let (date, text) = try s.note()
                    a.latestUpdate.consider(Int32(updateTexts.count), date, assurance: nil, by: nil)
                    updateTexts.append(text)
                    updatesDay = max(updatesDay ?? date.end, date.end)
                }
            case 12: historyDay = try s.history()
            case 13: details.add(.with, s.joined(try s.nonEmptyStrings()))
            default: try s.timing(key - 14, into: &details)
            }
        }
        guard required == 2 else { throw Bail() }
        a.details = details.sorted
        a.lastUpdate = latest(historyDay, updatesDay)
        a.updateTexts = list(updateTexts)
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

    /// An outcome; returns its date, text, assurance level and by.
    private mutating func outcome() throws(Bail) -> (ReviewDigest.Date, ReviewDigest.Str, UInt8?, ReviewDigest.Str?) {
        var date = ReviewDigest.Date()
        var text = ReviewDigest.Str.empty
        var assurance: UInt8?
        var by: ReviewDigest.Str?
        var required = 0
        try object(ReviewFields.outcomeKeys) { (s: inout ReviewScanner, key: Int) throws(Bail) in
            switch key {
            case 0:
                date = ReviewDigest.Date(try s.canonicalDateOrUndated())
                required += 1
            case 1:
                text = try s.string()
                required += 1
            case 2:
                _ = try s.string()
                required += 1
            case 3: assurance = try s.choice(ReviewFields.assurances)
            case 4: by = try s.string()
            default: _ = try s.nonEmptyStrings()
            }
        }
        guard required == 3 else { throw Bail() }
        return (date, text, assurance, by)
    }

    /// A progress note; returns its date and its text.
    private mutating func note() throws(Bail) -> (ReviewDigest.Date, ReviewDigest.Str) {
        var date = ReviewDigest.Date()
        var text = ReviewDigest.Str.empty
        var required = 0
        try object(ReviewFields.noteKeys) { (s: inout ReviewScanner, key: Int) throws(Bail) in
            switch key {
            case 0: date = try s.date()
            case 1: text = try s.string()
            default: _ = try s.string()
            }
            required += 1
        }
        guard required == 3 else { throw Bail() }
        return (date, text)
    }

    /// A history list; returns its latest day (`HistoryEntry.reportedDay`), if any.
    private mutating func history() throws(Bail) -> Int32? {
        var latest: Int32?
        try array { (s: inout ReviewScanner) throws(Bail) in
            var required = 0
            var recorded: Int32?
            var reported: Int32?
            try s.object(ReviewFields.historyKeys) { (s: inout ReviewScanner, key: Int) throws(Bail) in
                if key == 3 {
                    reported = Int32(try s.canonicalDate().end.ordinal)
                    return
                }
                let value = try s.string()
                required += 1
                if key == 0 { recorded = try s.historyDay(value) }
            }
            guard required == 3 else { throw Bail() }
            if let day = reported ?? recorded { latest = max(latest ?? day, day) }
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


    /// Strings already read, as a list.
    private mutating func list(_ values: [ReviewDigest.Str]) -> ReviewDigest.List {
        let start = d.lists.count
        d.lists.append(contentsOf: values)
        return ReviewDigest.List(start: Int32(start), count: Int32(values.count))
    }

    private mutating func strings() throws(Bail) -> ReviewDigest.List {
        let start = d.lists.count
        try array { (s: inout ReviewScanner) throws(Bail) in s.d.lists.append(try s.string()) }
        return ReviewDigest.List(start: Int32(start), count: Int32(d.lists.count - start))
    }

    /// A partial date in one of rlt's stored forms, packed.
    private mutating func date() throws(Bail) -> ReviewDigest.Date { ReviewDigest.Date(try canonicalDate()) }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
