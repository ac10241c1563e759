/// One import row: typed access to its cells, each problem recorded with the line and the column's header.
struct Row {
    let values: RowApplier.Values
    let line: Int
    var problems: [ImportProblem] = []

    init(values: RowApplier.Values, line: Int, applier: RowApplier) {
        self.values = values
        self.line = line
    }

    func column(_ field: String) -> String? { values[field]?.column }

    /// A bad cell as an error may show it: short, single-word values (a date, a code) are quoted so the user can
    /// find them; anything longer may be record text from a shifted column and is only described.
    func shown(_ value: String) -> String {
        let scalars = value.unicodeScalars
        if scalars.count <= 24 && !scalars.contains(where: { $0.properties.isWhitespace }) {
            return "\"\(printable(value))\""
        }
        return "the value (\(value.count) characters)"
    }

    mutating func fail(_ column: String?, _ message: String) {
        problems.append(ImportProblem(line: line, column: column, message: message))
    }

    /// A non-empty cell, exactly as written (text is never trimmed or normalised).
    func text(_ field: String) -> String? {
        guard let value = values[field]?.value, !value.trimmingWhitespace.isEmpty else { return nil }
        return value
    }

    /// A code-like cell, trimmed.
    func code(_ field: String) -> String? { text(field)?.trimmingWhitespace }

    mutating func slug(_ field: String, kind: String) -> String? {
        guard let value = code(field) else {
            fail(column(field) ?? field, "is empty")
            return nil
        }
        guard Identifiers.isSlug(value) else {
            fail(column(field), "\(shown(value)) is not a valid \(kind) code (lower-case letters, digits and '-')")
            return nil
        }
        return value
    }

    /// An agency's contact name or e-mail address (`ContactRules`), trimmed; nil when empty or refused.
    mutating func contact(_ field: String, _ problem: (String) -> String?) -> String? {
        guard let value = code(field) else { return nil }
        if let message = problem(value) {
            fail(column(field), message.hasPrefix("\"") ? message : "\(shown(value)) \(message)")
            return nil
        }
        return value
    }

    mutating func optionalSlug(_ field: String, kind: String) -> String? {
        guard code(field) != nil else { return nil }
        return slug(field, kind: kind)
    }

    mutating func recordID(_ field: String, kind: String) -> String? {
        guard let value = code(field) else { return nil }
        guard Identifiers.isRecordID(value) else {
            fail(column(field), "\(shown(value)) is not a valid \(kind) id")
            return nil
        }
        return value
    }

    /// A date; `undated` too where `allowingUndated` (a completion or an outcome the document gives no date for).
    mutating func date(_ field: String, allowingUndated: Bool = false) -> PartialDate? {
        guard let value = code(field) else { return nil }
        do {
            return try PartialDate(parsing: value, allowingUndated: allowingUndated)
        } catch {
            fail(column(field), "\(shown(value)) is not a date (\(error.reason))")
            return nil
        }
    }

    /// A vocabulary value, matched ignoring case and with spaces or underscores read as '-'.
    mutating func choice<V: Vocabulary>(_ field: String, _ type: V.Type) -> V? {
        guard let value = code(field) else { return nil }
        let normalised = String(String.UnicodeScalarView(value.lowercased().unicodeScalars.map { $0 == " " || $0 == "_" ? "-" : $0 }))
        guard let result = V(rawValue: normalised) else {
            let error = InvalidValue(noun: V.noun, value: value, allowed: V.allowedValues, suggestion: V.suggestion(for: value))
            fail(column(field), error.description(showing: shown(value)))
            return nil
        }
        return result
    }

    /// Records a broken rule of the store against this row, naming the column (or `--force`) that fixes it.
    mutating func obey(_ field: String?, _ rule: () throws(RuleViolation) -> Void) {
        do {
            try rule()
        } catch {
            fail(field.flatMap(column), error.message(input: Row.input))
        }
    }

    /// How import names what supplies a field: its column, or `--force`.
    static func input(_ field: String) -> String {
        switch field {
        case "force": return "--force"
        case "links": return "a link (the links column)"
        default: return "\(withArticle(field)) (the \(field) column)"
        }
    }

    /// A yes/no cell (`yes`, `no`, `true`, `false`, `y`, `n`, `1`, `0`), as export writes `approximate`.
    mutating func flag(_ field: String) -> Bool? {
        guard let value = code(field) else { return nil }
        switch value.lowercased() {
        case "yes", "y", "true", "1": return true
        case "no", "n", "false", "0": return false
        default:
            fail(column(field), "\(shown(value)) is not yes or no")
            return nil
        }
    }

    /// Who gives assurance: agency codes or names, or `all-partners`.
    mutating func assurers(_ values: [String], _ field: String, tracker: Tracker) -> [String] {
        values.flatMap { value in
            value == Tracker.allPartners ? [value] : agencies([value], field, tracker: tracker)
        }
    }

    mutating func integer(_ field: String) -> Int? {
        guard let value = code(field) else { return nil }
        guard let number = Int(value), number >= 0 else {
            fail(column(field), "\(shown(value)) is not a whole number")
            return nil
        }
        return number
    }

    /// A list cell: items separated by ';'.
    func list(_ field: String) -> [String]? {
        guard let value = text(field) else { return nil }
        return value.split(separator: ";").map { String($0).trimmingWhitespace }.filter { !$0.isEmpty }
    }

    /// Agency codes, or agency names as a spreadsheet spells them ("Lincolnshire Police"), resolved to codes.
    @discardableResult
    mutating func agencies(_ values: [String], _ field: String, tracker: Tracker) -> [String] {
        values.compactMap { value in
            if tracker.agency(value) != nil { return value }
            if let match = tracker.agencies.first(where: { $0.name.lowercased() == value.lowercased() }) { return match.code }
            let near = nearestMatches(to: value, in: tracker.agencies.map(\.code), limit: 1)
            fail(
                column(field),
                "\(shown(value)) is not a known agency code or name\(near.isEmpty ? "" : "; did you mean \"\(near[0])\"?"); add it with 'rlt agency add'")
            return nil
        }
    }

    mutating func themes(_ codes: [String], _ field: String, tracker: Tracker) {
        for code in codes where tracker.theme(code) == nil {
            fail(column(field), "\(shown(code)) is not a theme; add it with 'rlt theme add'")
        }
    }
}

extension String {
    var trimmingWhitespace: String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[start...end])
    }
}
