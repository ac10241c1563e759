/// A calendar day with no time zone: the proleptic Gregorian year, month and day.
package struct CalendarDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    package let year: Int
    package let month: Int
    package let day: Int

    /// Creates a day, returning nil when the day does not exist (no rolling over).
    package init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...CalendarDay.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    private init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Days since 1970-01-01 (negative before); the basis for differences between days.
    package var ordinal: Int {
        // Howard Hinnant's days_from_civil: exact integer arithmetic, no calendar or time zone involved.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// The day with the given ordinal (days since 1970-01-01).
    package init(ordinal: Int) {
        let z = ordinal + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(unchecked: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// The UTC day of a number of seconds since 1970-01-01T00:00:00Z.
    package init(secondsSince1970 seconds: Double) {
        self.init(ordinal: Int((seconds / 86400).rounded(.down)))
    }

    /// Days from `self` to `other` (positive when `other` is later).
    package func days(to other: CalendarDay) -> Int { other.ordinal - ordinal }

    package func adding(days: Int) -> CalendarDay { CalendarDay(ordinal: ordinal + days) }

    package static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool { lhs.ordinal < rhs.ordinal }

    package var description: String { "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))" }

    static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// A date as reviews give them: a year, a month, a quarter or a day.
///
/// Stored as `2024`, `2024-06`, `2024-Q2` or `2024-06-30`; input also accepts the UK form `30/06/2024`.
/// Parsing is strict: nothing rolls over (`2024-02-30` is an error) and nothing depends on the time zone.
///
/// `undated` (stored as the word) is for a past event the document gives no date for — an outcome, or when a done
/// action was completed — so no placeholder year is invented. It sorts after every date and counts as no update;
/// only those two fields accept it (`ReviewRules`).
package enum PartialDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    case year(Int)
    case month(year: Int, month: Int)
    case quarter(year: Int, quarter: Int)
    case day(CalendarDay)
    case undated

    /// The stored and typed spelling of `undated`.
    package static let undatedWord = "undated"

    /// Parses the accepted forms, throwing an error that names the value and the forms allowed; `undated` only
    /// when `allowingUndated` (a completion or outcome date).
    package init(parsing text: String, allowingUndated: Bool) throws(DateParseError) {
        if allowingUndated && text.lowercased() == PartialDate.undatedWord {
            self = .undated
            return
        }
        do {
            self = try PartialDate(parsing: text)
        } catch {
            throw DateParseError(text: text, reason: allowingUndated && error.reason == .notADate ? .notADateOrUndated : error.reason)
        }
    }

    /// Parses the accepted forms, throwing an error that names the value and the forms allowed.
    package init(parsing text: String) throws(DateParseError) {
        let scalars = Array(text.unicodeScalars)
        guard scalars.allSatisfy({ $0.isASCII }) else { throw DateParseError(text: text, reason: .notADate) }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        if text.contains("/") {
            let uk = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            guard uk.count == 3, uk[0].count == 2, uk[1].count == 2, uk[2].count == 4,
                let d = digits(uk[0]), let m = digits(uk[1]), let y = digits(uk[2])
            else { throw DateParseError(text: text, reason: .notADate) }
            self = .day(try PartialDate.day(y, m, d, text))
            return
        }
        guard let yearText = parts.first, yearText.count == 4, let year = digits(yearText), year >= 1 else {
            throw DateParseError(text: text, reason: .notADate)
        }
        switch parts.count {
        case 1:
            self = .year(year)
        case 2 where parts[1].count == 2 && parts[1].first == "Q":
            guard let q = digits(String(parts[1].dropFirst())), (1...4).contains(q) else {
                throw DateParseError(text: text, reason: .noSuchQuarter)
            }
            self = .quarter(year: year, quarter: q)
        case 2:
            guard parts[1].count == 2, let m = digits(parts[1]) else {
                throw DateParseError(text: text, reason: .notADate)
            }
            guard (1...12).contains(m) else { throw DateParseError(text: text, reason: .noSuchMonth) }
            self = .month(year: year, month: m)
        case 3:
            guard parts[1].count == 2, parts[2].count == 2, let m = digits(parts[1]), let d = digits(parts[2]) else {
                throw DateParseError(text: text, reason: .notADate)
            }
            self = .day(try PartialDate.day(year, m, d, text))
        default:
            throw DateParseError(text: text, reason: .notADate)
        }
    }

    private static func day(_ y: Int, _ m: Int, _ d: Int, _ text: String) throws(DateParseError) -> CalendarDay {
        guard (1...12).contains(m) else { throw DateParseError(text: text, reason: .noSuchMonth) }
        guard let day = CalendarDay(year: y, month: m, day: d) else {
            throw DateParseError(text: text, reason: .noSuchDay)
        }
        return day
    }

    /// The first day of the period.
    package var start: CalendarDay {
        switch self {
        case .year(let y): return PartialDate.firstDay(y, 1)
        case .month(let y, let m): return PartialDate.firstDay(y, m)
        case .quarter(let y, let q): return PartialDate.firstDay(y, q * 3 - 2)
        case .day(let d): return d
        case .undated: return PartialDate.lastDay(9999, 12)
        }
    }

    /// Whether this is `undated`.
    package var isUndated: Bool { self == .undated }

    /// The day, when the date is a whole day.
    package var day: CalendarDay? {
        if case .day(let day) = self { return day }
        return nil
    }

    /// The last day of the period: when a partial due date falls due.
    package var end: CalendarDay {
        switch self {
        case .year(let y): return PartialDate.lastDay(y, 12)
        case .month(let y, let m): return PartialDate.lastDay(y, m)
        case .quarter(let y, let q): return PartialDate.lastDay(y, q * 3)
        case .day(let d): return d
        case .undated: return PartialDate.lastDay(9999, 12)
        }
    }

    private static func firstDay(_ y: Int, _ m: Int) -> CalendarDay {
        CalendarDay(year: y, month: m, day: 1) ?? CalendarDay(ordinal: 0)
    }

    private static func lastDay(_ y: Int, _ m: Int) -> CalendarDay {
        CalendarDay(year: y, month: m, day: CalendarDay.daysIn(month: m, year: y)) ?? CalendarDay(ordinal: 0)
    }

    /// The canonical stored form.
    package var description: String {
        switch self {
        case .year(let y): return pad(y, 4)
        case .month(let y, let m): return "\(pad(y, 4))-\(pad(m, 2))"
        case .quarter(let y, let q): return "\(pad(y, 4))-Q\(q)"
        case .day(let d): return d.description
        case .undated: return PartialDate.undatedWord
        }
    }

    /// Orders by the end of the period, then by the start, so sorting by due date is natural.
    package static func < (lhs: PartialDate, rhs: PartialDate) -> Bool {
        (lhs.end, lhs.start) < (rhs.end, rhs.start)
    }
}

extension PartialDate: Codable {
    package init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            // `undated` reads anywhere; `ReviewRules` says where it may stand.
            self = try PartialDate(parsing: text, allowingUndated: true)
        } catch {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: error.reason.description))
        }
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// Why a date could not be read.
package struct DateParseError: Error, Equatable, Sendable, CustomStringConvertible {
    package enum Reason: Equatable, Sendable, CustomStringConvertible {
        case notADate, notADateOrUndated, noSuchMonth, noSuchDay, noSuchQuarter

        package var description: String {
            switch self {
            case .notADate:
                return "use YYYY, YYYY-MM, YYYY-Qn, YYYY-MM-DD or DD/MM/YYYY"
            case .notADateOrUndated:
                return "use YYYY, YYYY-MM, YYYY-Qn, YYYY-MM-DD, DD/MM/YYYY or \"undated\" (the document gives no date)"
            case .noSuchMonth: return "there is no such month; months run 01 to 12"
            case .noSuchDay: return "there is no such day in that month"
            case .noSuchQuarter: return "there is no such quarter; use Q1 to Q4"
            }
        }
    }

    package let text: String
    package let reason: Reason

    package var description: String { "\"\(text)\" is not a valid date: \(reason)" }
}

private func digits(_ s: String) -> Int? {
    guard !s.isEmpty, s.utf8.allSatisfy({ (48...57).contains($0) }) else { return nil }
    return Int(s)
}

func pad(_ n: Int, _ width: Int) -> String {
    let s = String(n)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}
