/// What a record listing lists.
package enum RecordKind: Sendable {
    /// `rec list`.
    case recommendations
    /// `action list`.
    case actions
    /// `overdue`: recommendations and actions together.
    case overdue
}

/// A column of the record listings (`rec list`, `action list`, `overdue`): its name, as in `--columns`, CSV headers
/// and JSON keys, and how its cell is written for a matched row. The one place a listing column is defined,
/// whichever source the records come from (`RecordSet`) and whichever format prints them.
package struct RecordColumn: Sendable, Equatable {
    enum Field: Sendable, Equatable {
        case review, kind, id, level, owners, lead, themes, due, originalDue, slippedDays, status, assurance, rag
        case overdue, daysOverdue, lastUpdate, outcomes, latestOutcome, links, reason, text
        case agency, respondsTo, completed, measure, evidence, owner
        /// A schema-2 field, as the index keeps it (`RecordDetail`).
        case detail(RecordDetail)
    }

    package let name: String
    let field: Field

    private init(_ name: String, _ field: Field) {
        self.name = name
        self.field = field
    }

    /// Every column of a listing, in the order `rlt help formats` gives them.
    package static func all(_ kind: RecordKind) -> [RecordColumn] {
        switch kind {
        case .recommendations:
            return [
                review, id, .init("level", .level), .init("owners", .owners), .init("lead", .lead), .init("themes", .themes),
                due, originalDue, slippedDays, status, .init("assurance", .assurance), rag, overdue, daysOverdue, lastUpdate,
                .init("outcomes", .outcomes), .init("latest_outcome", .latestOutcome), .init("links", .links), reason, text,
                from, through, approximate, dateNote, .init("assurance_by", .detail(.assuranceBy)),
                .init("engage", .detail(.engage)), .init("issued_by", .detail(.issuedBy)),
            ]
        case .actions:
            return [
                review, id, .init("agency", .agency), .init("responds_to", .respondsTo), due, originalDue, slippedDays, status,
                .init("completed", .completed), rag, overdue, daysOverdue, lastUpdate, .init("measure", .measure),
                .init("evidence", .evidence), reason, text, .init("with", .detail(.with)), from, through, approximate,
                dateNote,
            ]
        case .overdue:
            return [review, .init("kind", .kind), id, due, daysOverdue, .init("owner", .owner), status, lastUpdate, text]
        }
    }

    /// The columns a listing prints without `--columns`.
    package static func defaults(_ kind: RecordKind) -> [String] {
        switch kind {
        case .recommendations: return ["review", "id", "status", "assurance", "rag", "due", "owners", "text"]
        case .actions: return ["review", "id", "agency", "status", "rag", "due", "responds_to", "text"]
        case .overdue: return all(.overdue).map(\.name)
        }
    }

    private static let review = RecordColumn("review", .review), id = RecordColumn("id", .id)
    private static let due = RecordColumn("due", .due), originalDue = RecordColumn("original_due", .originalDue)
    private static let slippedDays = RecordColumn("slipped_days", .slippedDays), status = RecordColumn("status", .status)
    private static let rag = RecordColumn("rag", .rag), overdue = RecordColumn("overdue", .overdue)
    private static let daysOverdue = RecordColumn("days_overdue", .daysOverdue)
    private static let lastUpdate = RecordColumn("last_update", .lastUpdate)
    private static let reason = RecordColumn("reason", .reason), text = RecordColumn("text", .text)
    private static let from = RecordColumn("from", .detail(.from)), through = RecordColumn("through", .detail(.through))
    private static let approximate = RecordColumn("approximate", .detail(.approximate))
    private static let dateNote = RecordColumn("date_note", .detail(.dateNote))

    /// The cell's text (UTF-8): a slice of the packed review, or built in `s`. Dates print as
    /// `PartialDate.description`, lists joined with "; ".
    @inline(__always) func bytes(_ v: ReviewView, _ row: MatchedRow, _ s: ByteBuffer) -> UnsafeRawBufferPointer {
        let r = Int(row.record)
        let action = row.isAction
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
        case .detail(let field): return (action ? v.actionDetail(r, field) : v.recDetail(r, field)) ?? s.view
        }
        return s.view
    }
}
