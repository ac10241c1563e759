import Foundation
import Testing

@testable import ReviewLearning

/// `Tests/Fixtures/bank-holidays`: the published bank holidays of England and Wales, 2012–2027.
private let published: [(day: String, title: String)] = {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/bank-holidays/england-and-wales-2012-2027.tsv").path
    let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    return text.split(separator: "\n").dropFirst().map { line in
        let cells = line.split(separator: "\t", maxSplits: 1).map(String.init)
        return (cells[0], cells.count > 1 ? cells[1] : "")
    }
}()

private func day(_ text: String) -> CalendarDay {
    guard case .day(let d) = try? PartialDate(parsing: text) else { return CalendarDay(ordinal: 0) }
    return d
}

@Suite("Working days: bank holidays of England and Wales by rule, and counting")
struct WorkingDaysTests {
    @Test("every year 2012-2027 matches the published list, day and name", arguments: 2012...2027)
    func publishedYear(_ year: Int) {
        let expected = published.filter { $0.day.hasPrefix("\(year)-") }
        #expect(expected.count >= 8)
        let computed = BankHolidays.englandAndWales(year)
        #expect(computed.map(\.day.description) == expected.map(\.day), "\(year)")
        #expect(computed.map(\.title) == expected.map(\.title), "\(year)")
    }

    @Test(
        "Easter Sunday by the computus",
        arguments: [(2012, "2012-04-08"), (2019, "2019-04-21"), (2024, "2024-03-31"), (2025, "2025-04-20"), (2038, "2038-04-25"), (2285, "2285-03-22")])
    func easter(_ year: Int, _ expected: String) {
        #expect(BankHolidays.easterSunday(year).description == expected)
    }

    @Test("weekdays: 1970-01-01 was a Thursday, 2024-03-31 a Sunday")
    func weekdays() {
        #expect(CalendarDay(ordinal: 0).weekday == 4)
        #expect(day("2024-03-31").weekday == 7 && day("2024-03-31").isWeekend)
        #expect(day("1969-12-29").weekday == 1)
    }

    @Test(
        "adding working days skips weekends, Easter, Christmas with its substitute days, and the one-off holidays",
        arguments: [
            // Thursday before Easter 2024 + 1 → Tuesday after Easter Monday.
            ("2024-03-28", 1, "2024-04-02"),
            // 15 working days from a Friday notification, over no holiday.
            ("2024-02-02", 15, "2024-02-23"),
            // Christmas 2022: Sunday 25th, Boxing Day Monday 26th, Christmas substitute Tuesday 27th.
            ("2022-12-23", 1, "2022-12-28"),
            // The Platinum Jubilee: Thursday 2 and Friday 3 June 2022.
            ("2022-06-01", 1, "2022-06-06"),
            // The State Funeral, Monday 19 September 2022.
            ("2022-09-16", 1, "2022-09-20"),
            // The coronation, Monday 8 May 2023, a week after the early May holiday.
            ("2023-04-28", 5, "2023-05-09"),
            // VE Day, Friday 8 May 2020 (the early May holiday moved from Monday 4th).
            ("2020-05-01", 1, "2020-05-04"),
            ("2020-05-07", 1, "2020-05-11"),
            // Backwards.
            ("2024-04-02", -1, "2024-03-28"),
            ("2024-02-23", 0, "2024-02-23"),
        ])
    func adding(_ start: String, _ count: Int, _ expected: String) {
        #expect(WorkingDays().adding(count, to: day(start)).description == expected)
    }

    @Test("counting working days between two days, and a store's own closure days")
    func counting() {
        let days = WorkingDays()
        #expect(days.count(from: day("2024-03-28"), to: day("2024-04-02")) == 1)
        #expect(days.count(from: day("2024-02-02"), to: day("2024-02-23")) == 15)
        #expect(days.count(from: day("2024-02-23"), to: day("2024-02-02")) == 0)
        let closed = WorkingDays(closures: [day("2024-02-05")])
        #expect(!closed.isWorkingDay(day("2024-02-05")))
        #expect(closed.adding(1, to: day("2024-02-02")).description == "2024-02-06")
        #expect(closed.count(from: day("2024-02-02"), to: day("2024-02-23")) == 14)
    }
}
