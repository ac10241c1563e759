/// A reporting year, 1 April to 31 March, as safeguarding boards and partnerships report: `2024-25`.
package struct ReportingYear: Equatable, Sendable, CustomStringConvertible {
    /// The year it starts in (2024 for 2024-25).
    package let startYear: Int

    package init(startYear: Int) {
        self.startYear = startYear
    }

    /// Reads `2024-25`, `2024/25` or `2024-2025`; the second year must follow the first.
    package init(parsing text: String) throws(ReportingYearError) {
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == "/" }).map(String.init)
        guard parts.count == 2, parts[0].count == 4, let first = Int(parts[0]), (1900...9998).contains(first),
            parts[1].count == 2 || parts[1].count == 4, let second = Int(parts[1])
        else { throw ReportingYearError(text: text, reason: "write the year as 2024-25 (1 April 2024 to 31 March 2025)") }
        let next = parts[1].count == 2 ? (first + 1) % 100 : first + 1
        guard second == next else {
            throw ReportingYearError(
                text: text,
                reason: "a reporting year runs April to March, so \(first) is followed by "
                    + (parts[1].count == 2 ? pad((first + 1) % 100, 2) : String(first + 1)))
        }
        startYear = first
    }

    package var first: CalendarDay { CalendarDay(year: startYear, month: 4, day: 1) ?? CalendarDay(ordinal: 0) }
    package var last: CalendarDay { CalendarDay(year: startYear + 1, month: 3, day: 31) ?? CalendarDay(ordinal: 0) }

    /// Whether a date falls in the year, by its last day (as due dates fall due at their end): `2024` is in
    /// 2024-25, `2025-Q1` too, `2025-04` is not. An undated date is in no year.
    package func contains(_ date: PartialDate) -> Bool { !date.isUndated && contains(date.end) }
    package func contains(_ day: CalendarDay) -> Bool { first <= day && day <= last }

    /// `2024-25`.
    package var description: String { "\(startYear)-\(pad((startYear + 1) % 100, 2))" }
}

/// A reporting year that cannot be read.
package struct ReportingYearError: Error, Equatable, CustomStringConvertible {
    package let text: String
    package let reason: String
    package var description: String { "\"\(text)\" is not a reporting year: \(reason)" }
}
