/// Decodes a review file straight from its bytes into a `Review`, many times faster than `JSONLocator` +
/// `JSONDecoder`, which at national scale is the difference between seconds and half a minute for every command that
/// reads whole records (`export`, `report`, `log`, `search`, JSON listings).
///
/// Like `ReviewScanner`, it is narrower than the store's decoder: strict JSON with exactly the keys and types of a
/// review as rlt writes it (no `null`s, no unknown keys, dates in their stored forms) and nothing else. On anything
/// else it gives up (nil) and `Store.loadReview` decodes the file with `JSONCodec`, which accepts it or reports the
/// problem as before. So whenever it answers, its answer equals the decoder's: tests check that on generated stores
/// and on damaged copies, and a fuzz target on arbitrary bytes.
struct ReviewReader: StrictJSONReader {
    let b: UnsafeRawBufferPointer
    let n: Int
    var i = 0
    var scratch: [UInt8] = []

    private init(_ bytes: UnsafeRawBufferPointer) {
        b = bytes
        n = bytes.count
    }

    /// The review in these bytes, or nil when the reader is not sure and the decoder must decide.
    static func review(from bytes: UnsafeRawBufferPointer) -> Review? {
        guard bytes.count > 0 else { return nil }
        var reader = ReviewReader(bytes)
        do {
            let review = try reader.review()
            reader.ws()
            return reader.i == reader.n ? review : nil
        } catch {
            return nil
        }
    }

    // MARK: Records

    private mutating func review() throws(JSONBail) -> Review {
        var review = Review(id: "", type: .dhr, title: "")
        var required = 0
        try object(ReviewFields.reviewKeys) { (s: inout ReviewReader, key: Int) throws(JSONBail) in
            switch key {
            case 0: review.schema = Int(try s.int32())
            case 1:
                review.id = try s.text()
                required += 1
            case 2:
                review.type = Codes.reviewTypes[Int(try s.choice(ReviewFields.reviewTypes))]
                required += 1
            case 3: review.title = try s.text()
            case 4: review.partnerships = try s.strings()
            case 5: review.incident = try s.canonicalDate()
            case 6: review.notified = try s.canonicalDate()
            case 7: review.commissioned = try s.canonicalDate()
            case 8: review.completed = try s.canonicalDate()
            case 9: review.published = try s.canonicalDate()
            case 10: review.status = Codes.reviewStatuses[Int(try s.choice(ReviewFields.reviewStatuses))]
            case 11: review.convertedFrom = try s.text()
            case 12: review.themes = try s.strings()
            case 13: review.summary = try s.text()
            case 14: review.source = try s.text()
            case 15: review.findings = try s.list { (s: inout ReviewReader) throws(JSONBail) in try s.finding() }
            case 16: review.recommendations = try s.list { (s: inout ReviewReader) throws(JSONBail) in try s.recommendation() }
            case 17: review.actions = try s.list { (s: inout ReviewReader) throws(JSONBail) in try s.action() }
            case 18: review.history = try s.history()
            case 19: review.aware = try s.canonicalDate()
            case 20: review.decided = try s.canonicalDate()
            case 21: review.submitted = try s.canonicalDate()
            case 22: review.approved = try s.canonicalDate()
            default: review.closed = try s.canonicalDate()
            }
        }
        guard required == 2 else { throw JSONBail() }
        return review
    }

    private mutating func finding() throws(JSONBail) -> Finding {
        var finding = Finding(id: "", audience: "", text: "")
        var required = 0
        try object(ReviewFields.findingKeys) { (s: inout ReviewReader, key: Int) throws(JSONBail) in
            switch key {
            case 0:
                finding.id = try s.text()
                required += 1
            case 1:
                finding.audience = try s.text()
                required += 1
            case 2: finding.text = try s.text()
            case 3: finding.themes = try s.strings()
            case 4: finding.history = try s.history()
            case 5: finding.with = try s.strings()
            case 6: finding.kind = FindingKind.allCases[Int(try s.choice(ReviewFields.findingKinds))]
            default: finding.para = try s.text()
            }
        }
        guard required == 2 else { throw JSONBail() }
        return finding
    }

    private mutating func recommendation() throws(JSONBail) -> Recommendation {
        var rec = Recommendation(id: "", text: "")
        var hasID = false
        try object(ReviewFields.recKeys) { (s: inout ReviewReader, key: Int) throws(JSONBail) in
            switch key {
            case 0:
                rec.id = try s.text()
                hasID = true
            case 1: rec.text = try s.text()
            case 2: rec.level = Codes.levels[Int(try s.choice(ReviewFields.levels))]
            case 3: rec.owners = try s.strings()
            case 4: rec.themes = try s.strings()
            case 5: rec.due = try s.canonicalDate()
            case 6: rec.originalDue = try s.canonicalDate()
            case 7: rec.status = Codes.recStatuses[Int(try s.choice(ReviewFields.recStatuses))]
            case 8: rec.assurance = Codes.assurances[Int(try s.choice(ReviewFields.assurances))]
            case 9: rec.reason = try s.text()
            case 10: rec.outcomes = try s.list { (s: inout ReviewReader) throws(JSONBail) in try s.outcome() }
            case 11: rec.links = try s.strings()
            case 12: rec.history = try s.history()
            case 13: rec.assuranceBy = try s.strings()
            case 14: rec.engage = try s.strings()
            case 15: rec.issuedBy = try s.text()
            default: try s.timing(key - 16, into: &rec.timing)
            }
        }
        guard hasID else { throw JSONBail() }
        return rec
    }

    private mutating func action() throws(JSONBail) -> AgencyAction {
        var action = AgencyAction(id: "", agency: "", text: "")
        var required = 0
        try object(ReviewFields.actionKeys) { (s: inout ReviewReader, key: Int) throws(JSONBail) in
            switch key {
            case 0:
                action.id = try s.text()
                required += 1
            case 1:
                action.agency = try s.text()
                required += 1
            case 2: action.text = try s.text()
            case 3: action.respondsTo = try s.strings()
            case 4: action.due = try s.canonicalDate()
            case 5: action.originalDue = try s.canonicalDate()
            case 6: action.status = Codes.actionStatuses[Int(try s.choice(ReviewFields.actionStatuses))]
            case 7: action.completed = try s.canonicalDateOrUndated()
            case 8: action.measure = try s.text()
            case 9: action.evidence = try s.text()
            case 10: action.reason = try s.text()
            case 11: action.updates = try s.list { (s: inout ReviewReader) throws(JSONBail) in try s.note() }
            case 12: action.history = try s.history()
            case 13: action.with = try s.strings()
            default: try s.timing(key - 14, into: &action.timing)
            }
        }
        guard required == 2 else { throw JSONBail() }
        return action
    }

    private mutating func outcome() throws(JSONBail) -> Outcome {
        var outcome = Outcome(date: .year(1), text: "", author: "")
        var required = 0
        try object(ReviewFields.outcomeKeys) { (s: inout ReviewReader, key: Int) throws(JSONBail) in
            switch key {
            case 0:
                outcome.date = try s.canonicalDateOrUndated()
                required += 1
            case 1:
                outcome.text = try s.text()
                required += 1
            case 2:
                outcome.author = try s.text()
                required += 1
            case 3: outcome.assurance = Codes.assurances[Int(try s.choice(ReviewFields.assurances))]
            case 4: outcome.by = try s.text()
            default: outcome.with = try s.strings()
            }
        }
        guard required == 3 else { throw JSONBail() }
        return outcome
    }

    /// Timing's keys (`from`, `through`, `approximate`, `date_note`), at `key` of 0…3.
    private mutating func timing(_ key: Int, into timing: inout Timing) throws(JSONBail) {
        switch key {
        case 0: timing.from = try canonicalDate()
        case 1: timing.through = try canonicalDate()
        case 2: timing.approximate = try bool()
        default: timing.note = try text()
        }
    }

    private mutating func note() throws(JSONBail) -> ProgressNote {
        var note = ProgressNote(date: .year(1), text: "", author: "")
        var required = 0
        try object(ReviewFields.noteKeys) { (s: inout ReviewReader, key: Int) throws(JSONBail) in
            switch key {
            case 0: note.date = try s.canonicalDate()
            case 1: note.text = try s.text()
            default: note.author = try s.text()
            }
            required += 1
        }
        guard required == 3 else { throw JSONBail() }
        return note
    }

    private mutating func history() throws(JSONBail) -> [HistoryEntry] {
        try list { (s: inout ReviewReader) throws(JSONBail) in
            var entry = HistoryEntry(at: "", by: "", change: "")
            var required = 0
            try s.object(ReviewFields.historyKeys) { (s: inout ReviewReader, key: Int) throws(JSONBail) in
                switch key {
                case 0: entry.at = try s.text()
                case 1: entry.by = try s.text()
                case 2: entry.change = try s.text()
                default:
                    entry.on = try s.canonicalDate()
                    return
                }
                required += 1
            }
            guard required == 3 else { throw JSONBail() }
            return entry
        }
    }

    // MARK: Values

    /// The next value, a JSON string, as a `String`.
    private mutating func text() throws(JSONBail) -> String {
        let place: ReviewDigest.Str = try string()
        let value = text(place)
        // Escaped strings are unescaped into the scratch buffer; it is only needed until the text is made.
        if place.start < 0 { scratch.removeAll(keepingCapacity: true) }
        return value
    }

    private mutating func strings() throws(JSONBail) -> [String] {
        try list { (s: inout ReviewReader) throws(JSONBail) in try s.text() }
    }

    /// `[ value, … ]` as an array, `element` reading each value.
    private mutating func list<T>(_ element: (inout ReviewReader) throws(JSONBail) -> T) throws(JSONBail) -> [T] {
        var values: [T] = []
        try array { (s: inout ReviewReader) throws(JSONBail) in values.append(try element(&s)) }
        return values
    }
}
