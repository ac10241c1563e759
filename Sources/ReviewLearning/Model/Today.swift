import Foundation

extension CalendarDay {
    /// The calendar day it is at `date` on a clock in `timeZone`: what a coordinator calls "today". (The UTC day is
    /// yesterday's date between midnight and 01:00 in British Summer Time.)
    package static func today(at date: Date, in timeZone: TimeZone) -> CalendarDay {
        CalendarDay(secondsSince1970: date.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: date)))
    }
}
