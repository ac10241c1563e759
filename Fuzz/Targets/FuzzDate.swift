// libFuzzer target: the date parser, PartialDate(parsing:).
//
// Besides "never crashes", checks that every accepted date prints in its canonical form, reads back as the same
// date, and covers a non-empty period whose days survive the ordinal round trip.

@testable import ReviewLearning

public func fuzzDate(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: fuzzBytes(data, size), as: UTF8.self)
    guard let date = try? PartialDate(parsing: text) else { return 0 }
    let canonical = date.description
    let again = try? PartialDate(parsing: canonical)
    fuzzRequire(again == date, "\(text) → \(canonical) does not read back")
    fuzzRequire(date.start <= date.end, "\(text): start after end")
    fuzzRequire(CalendarDay(ordinal: date.start.ordinal) == date.start, "\(text): ordinal round trip of start")
    fuzzRequire(CalendarDay(ordinal: date.end.ordinal) == date.end, "\(text): ordinal round trip of end")
    fuzzRequire(date.start.days(to: date.end) < 366, "\(text): period longer than a year")
    return 0
}
