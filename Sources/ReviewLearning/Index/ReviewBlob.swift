/// One review in the index: a position-independent "hot" blob (fixed-size rows for findings, recommendations and
/// actions, code lists, short strings) and two text regions: texts of open records ("active") and of terminal ones
/// ("cold"), so that `overdue`, which only prints open records, never touches most of the text.
///
/// Hot blob, all little-endian, offsets relative to the blob's start:
///
///     header (128 bytes)   u8 type, u8 status, 2 × 0, u32 id, u32 title, u32 codeCount, u32 codes,
///                         u32 findingCount, u32 findings, u32 recCount, u32 recs, u32 actionCount, u32 actions,
///                         i32 schema, u32 partnerships (list of strings), u32 themes (list of codes),
///                         u32 converted_from (string or none), u32 summary, u32 source (cold texts or none),
///                         i32 × 10 last days and u8 × 10 kinds of the stage dates (`ReviewStage.slot`: incident,
///                         notified, commissioned, completed, published, aware, decided, submitted, approved, closed),
///                         10 × 0
///     empty list          u32 0 (at offset 128: every empty list points here)
///     codes               u32 string offset × codeCount (agency and theme codes used by the review, deduplicated)
///     findings            20 bytes each: u32 id, u32 themes (list of code indices), u32 audience (code index),
///                         u32 text (cold), u32 details (cold)
///     recommendations     76 bytes each (`Rec`)
///     actions             60 bytes each (`Action`)
///     lists               u32 count, then u32 × count (code indices, or string offsets for links and responds_to)
///     strings             u32 length, then UTF-8 (each record id once)
///
/// A text in a text region is `u32 length` then UTF-8; rows hold its offset in the region of their record. An
/// action's measure, evidence and reason are three such offsets (or none) at its `extras` offset in the region;
/// a recommendation's outcome texts and an action's update texts are lists of such offsets; the current outcome (its
/// position, date, assurance and by) and the latest progress note (position and date) are in the rows, so a report
/// prints them without the files. Review and finding texts
/// are cold: only `search` and the review and finding listings read them. A record's schema-2 fields
/// (`RecordDetail`) are a `details` offset (or none) into its region: u32 count, then count × (u32 field, u32 text
/// offset), the texts being the cells listings print.
enum BlobLayout {
    static let headerSize = 128
    static let emptyList = 128
    static let findingSize = 20
    static let recSize = 76
    static let actionSize = 60
    static let findingDetails = 16
    static let none: UInt32 = 0xFFFF_FFFF
    static let noDay = Int32.min
    /// No assurance level given (an outcome's is optional).
    static let noLevel: UInt8 = 0xFF
    static let active: UInt8 = 1
    static let cold: UInt8 = 2

    enum Header {
        static let type = 0, status = 1, id = 4, title = 8, partnerships = 48, themes = 52, convertedFrom = 56
        static let summary = 60, source = 64, dateEnds = 68, dateKinds = 108
    }

    enum Rec {
        static let id = 0, owners = 4, themes = 8, links = 12, text = 16, reason = 20, dueEnd = 24
        static let originalDueEnd = 28, lastUpdate = 32, latestOutcomeEnd = 36, outcomeCount = 40, level = 44
        static let status = 45, assurance = 46, dueKind = 47, originalDueKind = 48, latestOutcomeKind = 49
        static let region = 50, outcomeTexts = 52, currentPosition = 56, currentBy = 60, currentEnd = 64
        static let currentKind = 68, currentAssurance = 69, details = 72
    }

    enum Action {
        static let id = 0, agency = 4, respondsTo = 8, text = 12, extras = 16, dueEnd = 20, originalDueEnd = 24
        static let completedEnd = 28, lastUpdate = 32, status = 36, dueKind = 37, originalDueKind = 38
        static let completedKind = 39, region = 40, latestUpdateKind = 41, updateTexts = 44, latestUpdatePosition = 48
        static let latestUpdateEnd = 52, details = 56
    }
}

/// Serialises a digest into a hot blob and two text regions; the same digest always gives the same bytes.
struct BlobBuilder {
    var hot = ByteWriter()
    var active = ByteWriter()
    var cold = ByteWriter()

    init(_ digest: ReviewDigest, source: UnsafeRawBufferPointer) {
        digest.scratch.withUnsafeBytes { scratch in
            build(digest, source: source, scratch: scratch)
        }
    }

    private mutating func build(_ d: ReviewDigest, source: UnsafeRawBufferPointer, scratch: UnsafeRawBufferPointer) {
        func bytes(_ s: ReviewDigest.Str) -> UnsafeRawBufferPointer {
            s.start >= 0 ? source.slice(Int(s.start), Int(s.count)) : scratch.slice(Int(-s.start - 1), Int(s.count))
        }
        // Codes: owners, themes and agencies, in first-use order.
        var codes: [UnsafeRawBufferPointer] = []
        func code(_ s: ReviewDigest.Str) -> UInt32 {
            let b = bytes(s)
            for (n, known) in codes.enumerated() where equalRaw(known, b) {
                return UInt32(n)
            }
            codes.append(b)
            return UInt32(codes.count - 1)
        }
        func codeList(_ list: ReviewDigest.List) -> [UInt32] {
            (0..<Int(list.count)).map { code(d.lists[Int(list.start) + $0]) }
        }
        let findingThemes = d.findings.map { codeList($0.themes) }
        let recOwners = d.recs.map { codeList($0.owners) }
        let recThemes = d.recs.map { codeList($0.themes) }
        let actionAgencies = d.actions.map { code($0.agency) }
        let reviewThemes = codeList(d.themes)
        let findingAudiences = d.findings.map { code($0.audience) }

        let codesAt = BlobLayout.headerSize + 4
        let findingsAt = codesAt + 4 * codes.count
        let recsAt = findingsAt + BlobLayout.findingSize * d.findings.count
        let actionsAt = recsAt + BlobLayout.recSize * d.recs.count
        let variableAt = actionsAt + BlobLayout.actionSize * d.actions.count

        // The variable part: lists and strings, addressed from `variableAt`.
        var variable = ByteWriter()
        // Record ids are written once; links and responds_to lists point at the same strings.
        var ids: [(bytes: UnsafeRawBufferPointer, at: UInt32)] = []
        func string(_ b: UnsafeRawBufferPointer) -> UInt32 {
            let at = variableAt + variable.count
            variable.u32(UInt32(b.count))
            variable.append(b)
            return UInt32(at)
        }
        func id(_ b: UnsafeRawBufferPointer) -> UInt32 {
            for known in ids where equalRaw(known.bytes, b) {
                return known.at
            }
            let at = string(b)
            ids.append((b, at))
            return at
        }
        func numbers(_ values: [UInt32]) -> UInt32 {
            guard !values.isEmpty else { return UInt32(BlobLayout.emptyList) }
            let at = variableAt + variable.count
            variable.u32(UInt32(values.count))
            for v in values { variable.u32(v) }
            return UInt32(at)
        }
        func idList(_ list: ReviewDigest.List) -> UInt32 {
            let offsets = (0..<Int(list.count)).map { id(bytes(d.lists[Int(list.start) + $0])) }
            return numbers(offsets)
        }
        func text(_ s: ReviewDigest.Str, _ region: UInt8) -> UInt32 {
            let b = bytes(s)
            if region == BlobLayout.active {
                let at = active.count
                active.u32(UInt32(b.count))
                active.append(b)
                return UInt32(at)
            }
            let at = cold.count
            cold.u32(UInt32(b.count))
            cold.append(b)
            return UInt32(at)
        }
        func optionalText(_ s: ReviewDigest.Str?, _ region: UInt8) -> UInt32 {
            s.map { text($0, region) } ?? BlobLayout.none
        }
        func textList(_ list: ReviewDigest.List, _ region: UInt8) -> UInt32 {
            numbers((0..<Int(list.count)).map { text(d.lists[Int(list.start) + $0], region) })
        }
        func details(_ details: [ReviewDigest.Detail], _ region: UInt8) -> UInt32 {
            guard !details.isEmpty else { return BlobLayout.none }
            let pairs = details.map { ($0.field.rawValue, text($0.text, region)) }
            let at: Int
            if region == BlobLayout.active {
                at = active.count
                active.u32(UInt32(pairs.count))
                for (field, offset) in pairs { active.u32(field); active.u32(offset) }
            } else {
                at = cold.count
                cold.u32(UInt32(pairs.count))
                for (field, offset) in pairs { cold.u32(field); cold.u32(offset) }
            }
            return UInt32(at)
        }

        let idAt = string(bytes(d.id))
        let titleAt = string(bytes(d.title))
        let codeOffsets = codes.map { string($0) }
        let partnershipsAt = idList(d.partnerships)
        let themesAt = numbers(reviewThemes)
        let convertedFromAt = d.convertedFrom.map { string(bytes($0)) } ?? BlobLayout.none
        let summaryAt = optionalText(d.summary, BlobLayout.cold)
        let sourceAt = optionalText(d.source, BlobLayout.cold)

        var rows = ByteWriter(capacity: variableAt)
        // Header.
        rows.u8(d.type)
        rows.u8(d.status)
        rows.zeros(2)
        rows.u32(idAt)
        rows.u32(titleAt)
        rows.u32(UInt32(codes.count))
        rows.u32(UInt32(codesAt))
        rows.u32(UInt32(d.findings.count))
        rows.u32(UInt32(findingsAt))
        rows.u32(UInt32(d.recs.count))
        rows.u32(UInt32(recsAt))
        rows.u32(UInt32(d.actions.count))
        rows.u32(UInt32(actionsAt))
        rows.i32(d.schema)
        rows.u32(partnershipsAt)
        rows.u32(themesAt)
        rows.u32(convertedFromAt)
        rows.u32(summaryAt)
        rows.u32(sourceAt)
        for date in d.dates { rows.i32(date.end) }
        for date in d.dates { rows.u8(date.kind) }
        rows.zeros(10)
        rows.u32(0)  // the empty list
        for offset in codeOffsets { rows.u32(offset) }
        for (n, finding) in d.findings.enumerated() {
            rows.u32(id(bytes(finding.id)))
            rows.u32(numbers(findingThemes[n]))
            rows.u32(findingAudiences[n])
            rows.u32(text(finding.text, BlobLayout.cold))
            rows.u32(details(finding.details, BlobLayout.cold))
        }
        for (n, rec) in d.recs.enumerated() {
            let region = Codes.recTerminal[Int(rec.status)] ? BlobLayout.cold : BlobLayout.active
            rows.u32(id(bytes(rec.id)))
            rows.u32(numbers(recOwners[n]))
            rows.u32(numbers(recThemes[n]))
            rows.u32(idList(rec.links))
            rows.u32(text(rec.text, region))
            rows.u32(optionalText(rec.reason, region))
            rows.i32(rec.due.end)
            rows.i32(rec.originalDue.end)
            rows.i32(rec.lastUpdate ?? BlobLayout.noDay)
            rows.i32(rec.latestOutcome.end)
            rows.u32(UInt32(bitPattern: rec.outcomeCount))
            rows.u8(rec.level)
            rows.u8(rec.status)
            rows.u8(rec.assurance)
            rows.u8(rec.due.kind)
            rows.u8(rec.originalDue.kind)
            rows.u8(rec.latestOutcome.kind)
            rows.u8(region)
            rows.u8(0)
            rows.u32(textList(rec.outcomeTexts, region))
            rows.u32(rec.current.position < 0 ? BlobLayout.none : UInt32(rec.current.position))
            rows.u32(rec.current.by.map { id(bytes($0)) } ?? BlobLayout.none)
            rows.i32(rec.current.date.end)
            rows.u8(rec.current.date.kind)
            rows.u8(rec.current.assurance ?? BlobLayout.noLevel)
            rows.zeros(2)
            rows.u32(details(rec.details, region))
        }
        for (n, action) in d.actions.enumerated() {
            let region = Codes.actionTerminal[Int(action.status)] ? BlobLayout.cold : BlobLayout.active
            rows.u32(id(bytes(action.id)))
            rows.u32(actionAgencies[n])
            rows.u32(idList(action.respondsTo))
            rows.u32(text(action.text, region))
            if action.measure == nil && action.evidence == nil && action.reason == nil {
                rows.u32(BlobLayout.none)
            } else {
                // Measure, evidence and reason: three text offsets, kept in the text region with the texts.
                let extras = [
                    optionalText(action.measure, region), optionalText(action.evidence, region),
                    optionalText(action.reason, region),
                ]
                if region == BlobLayout.active {
                    rows.u32(UInt32(active.count))
                    for e in extras { active.u32(e) }
                } else {
                    rows.u32(UInt32(cold.count))
                    for e in extras { cold.u32(e) }
                }
            }
            rows.i32(action.due.end)
            rows.i32(action.originalDue.end)
            rows.i32(action.completed.end)
            rows.i32(action.lastUpdate ?? BlobLayout.noDay)
            rows.u8(action.status)
            rows.u8(action.due.kind)
            rows.u8(action.originalDue.kind)
            rows.u8(action.completed.kind)
            rows.u8(region)
            rows.u8(action.latestUpdate.date.kind)
            rows.zeros(2)
            rows.u32(textList(action.updateTexts, region))
            rows.u32(action.latestUpdate.position < 0 ? BlobLayout.none : UInt32(action.latestUpdate.position))
            rows.i32(action.latestUpdate.date.end)
            rows.u32(details(action.details, region))
        }
        precondition(rows.count == variableAt, "blob layout")
        hot = rows
        hot.bytes.append(contentsOf: variable.bytes)
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
