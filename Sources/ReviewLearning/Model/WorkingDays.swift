/// Bank holidays in England and Wales, computed by rule, with the one-off changes kept as data.
///
/// The rules (Banking and Financial Dealings Act 1971 and the yearly proclamations): New Year's Day, Good Friday and
/// Easter Monday (Easter by the Gregorian computus), the first and last Mondays of May, the last Monday of August,
/// Christmas Day and Boxing Day; a holiday on a Saturday or Sunday moves to the next weekday that is not already one.
/// The changes that no rule gives — a holiday moved for a jubilee or an anniversary, a day added for a royal
/// occasion — are `moved` and `added`.
package enum BankHolidays {
    /// A bank holiday: its day and its name as GOV.UK gives it.
    package struct Holiday: Equatable, Sendable {
        package let day: CalendarDay
        package let title: String
    }

    /// Holidays a proclamation moved: (year, the rule's name, the day it fell on instead, its name that year).
    static let moved: [(year: Int, title: String, to: (month: Int, day: Int), as: String?)] = [
        (1995, "Early May bank holiday", (5, 8), "Early May bank holiday (VE Day)"),  // VE Day's 50th anniversary
        (2002, "Spring bank holiday", (6, 4), nil),  // the Golden Jubilee
        (2012, "Spring bank holiday", (6, 4), nil),  // the Diamond Jubilee
        (2020, "Early May bank holiday", (5, 8), "Early May bank holiday (VE Day)"),  // VE Day's 75th anniversary
        (2022, "Spring bank holiday", (6, 2), nil),  // the Platinum Jubilee
    ]

    /// Days added once by proclamation.
    static let added: [(year: Int, month: Int, day: Int, title: String)] = [
        (1999, 12, 31, "Millennium celebrations"),
        (2002, 6, 3, "Queen's Golden Jubilee"),
        (2011, 4, 29, "Royal wedding"),
        (2012, 6, 5, "Queen's Diamond Jubilee"),
        (2022, 6, 3, "Platinum Jubilee bank holiday"),
        (2022, 9, 19, "Bank Holiday for the State Funeral of Queen Elizabeth II"),
        (2023, 5, 8, "Bank holiday for the coronation of King Charles III"),
    ]

    /// The bank holidays of `year` in date order. The rules date from 1971; earlier years get the same rules.
    package static func englandAndWales(_ year: Int) -> [Holiday] {
        func day(_ month: Int, _ d: Int) -> CalendarDay { CalendarDay(year: year, month: month, day: d) ?? CalendarDay(ordinal: 0) }
        func rule(_ title: String, _ fallback: CalendarDay) -> Holiday {
            guard let change = moved.first(where: { $0.year == year && $0.title == title }) else {
                return Holiday(day: fallback, title: title)
            }
            return Holiday(day: day(change.to.month, change.to.day), title: change.as ?? title)
        }
        let easter = easterSunday(year)
        var holidays: [Holiday] = []
        // New Year's Day, then Christmas and Boxing Day, each moved off a weekend to a day not already taken.
        let newYear = day(1, 1)
        holidays.append(substitute(Holiday(day: newYear, title: "New Year's Day"), taken: []))
        holidays.append(Holiday(day: easter.adding(days: -2), title: "Good Friday"))
        holidays.append(Holiday(day: easter.adding(days: 1), title: "Easter Monday"))
        holidays.append(rule("Early May bank holiday", monday(onOrAfter: day(5, 1))))
        holidays.append(rule("Spring bank holiday", monday(onOrAfter: day(5, 25))))
        holidays.append(rule("Summer bank holiday", monday(onOrAfter: day(8, 25))))
        // Christmas on a Sunday moves past Boxing Day (a Monday); Boxing Day moves past Christmas's day off.
        let boxingDay = day(12, 26)
        let christmas = substitute(Holiday(day: day(12, 25), title: "Christmas Day"), taken: boxingDay.isWeekend ? [] : [boxingDay])
        let boxing = substitute(Holiday(day: boxingDay, title: "Boxing Day"), taken: [christmas.day])
        holidays += [christmas, boxing]
        for extra in added where extra.year == year {
            holidays.append(Holiday(day: day(extra.month, extra.day), title: extra.title))
        }
        return holidays.sorted { $0.day < $1.day }
    }

    /// `holiday` itself on a weekday; else the next weekday not in `taken`, named "(substitute day)".
    private static func substitute(_ holiday: Holiday, taken: [CalendarDay]) -> Holiday {
        guard holiday.day.isWeekend else { return holiday }
        var day = holiday.day.adding(days: 1)
        while day.isWeekend || taken.contains(day) { day = day.adding(days: 1) }
        return Holiday(day: day, title: holiday.title + " (substitute day)")
    }

    private static func monday(onOrAfter day: CalendarDay) -> CalendarDay {
        day.adding(days: (7 - day.weekday + 1) % 7)
    }

    /// Easter Sunday of `year` by the anonymous Gregorian computus (Meeus/Jones/Butcher).
    package static func easterSunday(_ year: Int) -> CalendarDay {
        let a = year % 19, b = year / 100, c = year % 100
        let d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return CalendarDay(year: year, month: month, day: day) ?? CalendarDay(ordinal: 0)
    }
}

extension CalendarDay {
    /// ISO weekday: 1 is Monday, 7 is Sunday (1970-01-01 was a Thursday).
    package var weekday: Int { ((ordinal % 7) + 7 + 3) % 7 + 1 }

    package var isWeekend: Bool { weekday >= 6 }
}

/// Days when work is done: not a weekend, not a bank holiday in England and Wales, not one of the store's own
/// closure days. Statutory timescales in "working days" count these.
package struct WorkingDays: Sendable {
    /// Days the partnership's offices are closed besides bank holidays (`settings.closure_days`).
    package let closures: Set<CalendarDay>

    package init(closures: Set<CalendarDay> = []) {
        self.closures = closures
    }

    package func isWorkingDay(_ day: CalendarDay) -> Bool {
        guard !day.isWeekend, !closures.contains(day) else { return false }
        if WorkingDays.knownYears.contains(day.year) { return !WorkingDays.knownHolidays.contains(day) }
        return !BankHolidays.englandAndWales(day.year).contains { $0.day == day }
    }

    /// Bank holidays worked out once for the years reviews fall in, so counting across thousands of reviews does
    /// not redo Easter for every day (an immutable table, computed on first use).
    private static let knownYears = 1990...2100
    private static let knownHolidays = Set(knownYears.flatMap { BankHolidays.englandAndWales($0).map(\.day) })

    /// The day `count` working days after `start` (`start` itself is day 0, as "within 15 working days of the
    /// notification" counts from the day after it); a negative count goes back.
    package func adding(_ count: Int, to start: CalendarDay) -> CalendarDay {
        var day = start
        var left = abs(count)
        let step = count < 0 ? -1 : 1
        while left > 0 {
            day = day.adding(days: step)
            if isWorkingDay(day) { left -= 1 }
        }
        return day
    }

    /// Working days after `start` up to and including `end` (0 when `end` is not after `start`).
    package func count(from start: CalendarDay, to end: CalendarDay) -> Int {
        guard end > start else { return 0 }
        var n = 0
        var day = start.adding(days: 1)
        while day <= end {
            if isWorkingDay(day) { n += 1 }
            day = day.adding(days: 1)
        }
        return n
    }
}
