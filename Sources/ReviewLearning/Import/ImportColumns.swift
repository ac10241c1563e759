/// Which field each column of an import file feeds, from its header, our export names and common synonyms.
struct ImportColumns {
    /// Field name per column index; nil for ignored columns.
    let fields: [String?]
    /// Header cells that fed nothing (reported as a note, not an error).
    let ignored: [String]

    /// Fields each table understands, with the header spellings that mean them (compared without case or punctuation).
    static func synonyms(_ table: ExportTable) -> [String: [String]] {
        let review = ["review", "reviewid", "review_id"]
        let due = ["due", "duedate", "targetdate", "target", "deadline", "timescale", "datedue", "completionby"]
        let note = ["note", "progressupdate", "progress", "update", "latestupdate", "notes", "comments", "commentary"]
        switch table {
        case .agencies:
            return [
                "code": ["code", "agencycode"], "name": ["name", "agency", "agencyname"], "sector": ["sector"],
                "contact": ["contact", "contactname"], "email": ["email", "emailaddress", "contactemail"],
            ]
        case .themes: return ["code": ["code", "theme", "themecode"], "label": ["label", "name", "description"]]
        case .reviews:
            return [
                "id": review + ["id"], "type": ["type", "reviewtype"], "title": ["title", "name"], "status": ["status"],
                "partnerships": ["partnerships", "partnership", "commissionedby"], "incident": ["incident", "incidentdate"],
                "notified": ["notified", "referred"], "commissioned": ["commissioned"], "completed": ["completed"],
                "published": ["published", "publicationdate"], "aware": ["aware", "awaredate", "becameaware"],
                "decided": ["decided", "decision", "decisiondate", "rapidreview"], "submitted": ["submitted"],
                "approved": ["approved"], "closed": ["closed", "closeddate"], "converted_from": ["convertedfrom"], "themes": ["themes", "theme"],
                "summary": ["summary"], "source": ["source", "document", "url"],
            ]
        case .findings:
            return [
                "review": review, "id": ["findingid", "id", "ref"], "audience": ["audience", "agency", "sector"],
                "themes": ["themes", "theme"], "text": ["text", "finding", "learning", "lesson"],
                "with": ["with", "alsoto", "otheraudiences"], "kind": ["kind", "findingkind"],
                "para": ["para", "paragraph", "section", "sourceparagraph"],
            ]
        case .recommendations:
            return [
                "review": review,
                "id": ["recid", "id", "ref", "reference", "no", "number", "recno", "recommendationno", "recommendationnumber", "recommendationref"],
                "text": ["text", "recommendation", "recommendationtext", "description"], "level": ["level"],
                "owners": ["owners", "owner", "leadagency", "lead", "responsible", "responsibleagency", "agency", "agencies"],
                "themes": ["themes", "theme"], "due": due, "original_due": ["originaldue"], "status": ["status", "progressstatus"],
                "assurance": ["assurance", "assurancelevel"], "reason": ["reason"], "links": ["links", "linkedto", "linked"],
                "note": note, "from": ["from", "start", "startdate", "starts"], "through": ["through", "until", "enddate"],
                "approximate": ["approximate", "approx"], "date_note": ["datenote", "timing", "timingnote"],
                "assurance_by": ["assuranceby", "assurer", "assurancefrom"], "engage": ["engage", "engagewith"],
                "issued_by": ["issuedby", "issuer"],
            ]
        case .actions:
            return [
                "review": review, "id": ["actionid", "id", "actionref", "ref", "actionno"],
                "agency": ["agency", "leadagency", "owner", "lead", "responsible", "responsibleagency"],
                "responds_to": ["respondsto", "for", "recommendation", "recid", "recommendationno", "learning"],
                "text": ["text", "action", "actiontext", "description", "agreedaction"], "due": due,
                "original_due": ["originaldue"], "status": ["status"], "completed": ["completed", "completiondate", "datecompleted"],
                "measure": ["measure", "measureofsuccess", "successmeasure", "measuresofsuccess", "outcomemeasure"],
                "evidence": ["evidence"], "reason": ["reason"], "note": note, "with": ["with", "jointwith", "partners"],
                "from": ["from", "start", "startdate", "starts"], "through": ["through", "until", "enddate"],
                "approximate": ["approximate", "approx"], "date_note": ["datenote", "timing", "timingnote"],
            ]
        case .outcomes:
            return [
                "review": review, "rec": ["recid", "recommendation", "rec"], "date": ["date"], "assurance": ["assurance", "assurancelevel"],
                "by": ["by", "assuredby", "givenby"], "author": ["author", "recordedby"], "text": ["text", "outcome"],
                "with": ["with", "alsoby"],
            ]
        case .updates:
            return [
                "review": review, "action": ["actionid", "action", "actionref", "actionno"],
                "date": ["date", "updated", "dateofupdate"], "author": ["author", "by", "recordedby", "updatedby"],
                "text": ["text", "update", "progressupdate", "progress", "note", "notes"],
            ]
        case .events:
            return [
                "id": ["eventid", "id"], "kind": ["kind", "type"], "title": ["title", "event"], "date": ["date"],
                "audience": ["audience"], "attendees": ["attendees", "attendance"], "reviews": ["reviews", "review"],
                "feedback": ["feedback"], "status": ["status"], "expected": ["expected", "expectedattendance", "forecast"],
                "sessions": ["sessions"], "location": ["location", "venue", "place"], "serves": ["serves", "records"],
            ]
        }
    }

    static func normalise(_ header: String) -> String {
        String(String.UnicodeScalarView(header.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }))
    }

    /// Maps the header; `mapping` (from `--map COLUMN=field`) wins over the built-in names.
    static func resolve(
        header: [String], table: ExportTable, mapping: [String: String]
    ) -> Result<ImportColumns, ImportFailure> {
        let synonyms = synonyms(table)
        let normalisedMapping = Dictionary(mapping.map { (normalise($0.key), $0.value) }, uniquingKeysWith: { $1 })
        var fields: [String?] = []
        var ignored: [String] = []
        var seen: [String: String] = [:]
        for cell in header {
            let key = normalise(cell)
            var field: String?
            if let mapped = normalisedMapping[key] {
                guard synonyms[mapped] != nil else {
                    return .failure(ImportFailure(problems: [
                        ImportProblem(
                            line: 1, column: cell,
                            message: "--map names no field \"\(mapped)\"; fields of \(table.rawValue): \(synonyms.keys.sorted().joined(separator: ", "))")]))
                }
                field = mapped
            } else if !ExportTable.derivedColumns.contains(cell) {
                field = synonyms.first { $0.value.contains(key) }?.key
            }
            if let f = field {
                if let earlier = seen[f] {
                    return .failure(ImportFailure(problems: [
                        ImportProblem(line: 1, column: cell, message: "feeds the same field (\(f)) as column \"\(earlier)\"; use --map to say which")]))
                }
                seen[f] = cell
            } else if !ExportTable.derivedColumns.contains(cell) {
                ignored.append(cell)
            }
            fields.append(field)
        }
        return .success(ImportColumns(fields: fields, ignored: ignored))
    }
}
