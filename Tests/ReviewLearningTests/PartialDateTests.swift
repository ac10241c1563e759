import Testing

@testable import ReviewLearning

@Suite("Partial dates")
struct PartialDateTests {
    @Test(
        "accepted forms parse to their canonical text",
        arguments: [
            ("2024", "2024"), ("2024-06", "2024-06"), ("2024-Q2", "2024-Q2"), ("2024-06-30", "2024-06-30"),
            ("30/06/2024", "2024-06-30"), ("2024-02-29", "2024-02-29"), ("2000-02-29", "2000-02-29"),
            ("29/02/2024", "2024-02-29")
        ])
    func accepted(input: String, canonical: String) throws {
        #expect(try PartialDate(parsing: input).description == canonical)
    }

    @Test(
        "impossible or ambiguous dates are refused, never rolled over",
        arguments: [
            "2024-02-30", "2023-02-29", "1900-02-29", "06/15/2024", "2024-6-5", "2024-6", "2024-13", "2024-00",
            "2024-Q5", "2024-Q0", "24", "", "2024-06-31", "31/04/2024", "2024/06/30", "1/6/2024", "2024-06-30T00:00",
            " 2024", "2024 ", "２０２４", "0000", "+2024", "-2024", "2024-06-", "2024--06", "2024-q3",
        ])
    func refused(input: String) {
        #expect(throws: DateParseError.self) { try PartialDate(parsing: input) }
    }

    @Test(
        "a partial date falls due at the end of its period",
        arguments: [
            ("2024", "2024-01-01", "2024-12-31"), ("2024-02", "2024-02-01", "2024-02-29"),
            ("2023-02", "2023-02-01", "2023-02-28"), ("2024-Q2", "2024-04-01", "2024-06-30"),
            ("2024-Q4", "2024-10-01", "2024-12-31"), ("2024-06-15", "2024-06-15", "2024-06-15"),
        ])
    func periods(input: String, start: String, end: String) throws {
        let date = try PartialDate(parsing: input)
        #expect(date.start.description == start)
        #expect(date.end.description == end)
    }

    @Test("the error names the value and the fix")
    func message() {
        #expect(throws: DateParseError(text: "2024-02-30", reason: .noSuchDay)) { try PartialDate(parsing: "2024-02-30") }
        let error = DateParseError(text: "06/15/2024", reason: .noSuchMonth)
        #expect(error.description.contains("06/15/2024"))
    }

    @Test("day ordinals round-trip across centuries and leap years")
    func ordinals() throws {
        for ordinal in stride(from: -719_000, through: 2_900_000, by: 997) {
            let day = CalendarDay(ordinal: ordinal)
            #expect(day.ordinal == ordinal)
            #expect(CalendarDay(year: day.year, month: day.month, day: day.day) == day)
        }
        #expect(CalendarDay(ordinal: 0).description == "1970-01-01")
        #expect(try PartialDate(parsing: "2024-03-01").start.ordinal - PartialDate(parsing: "2024-02-28").start.ordinal == 2)
    }

    @Test("ordering compares the end of each period")
    func ordering() throws {
        let month = try PartialDate(parsing: "2024-06")
        let day = try PartialDate(parsing: "2024-06-30")
        let quarter = try PartialDate(parsing: "2024-Q2")
        #expect(month < day)
        #expect(quarter < month)
        #expect(try PartialDate(parsing: "2024-05") < month)
    }

    /// `HistoryEntry.day` reads rlt's timestamps byte by byte; anything else goes to the general rule, which the
    /// reference below restates: the first ten characters as a day.
    @Test("a history entry's day: the quick reading and the general rule agree", arguments: [
        "2024-06-30T12:00:00Z", "2024-06-30", "2024-02-29T00:00:00Z", "2023-02-29T00:00:00Z", "2024-13-01T00:00:00Z",
        "2024-06-3", "2024-06-30\u{301}T12:00Z", "0000-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "2024/06/30T12",
        "30/06/2024T12", "2024-6-30T12:00:00Z", "２024-06-30T12:00:00Z", "2024-06-30é", "", "2024-Q2-01T00",
    ])
    func historyDay(_ at: String) {
        let reference: CalendarDay? = {
            guard at.utf8.count >= 10, case .day(let day)? = try? PartialDate(parsing: String(at.prefix(10))) else { return nil }
            return day
        }()
        #expect(HistoryEntry(at: at, by: "x", change: "y").day == reference, "\(at.debugDescription)")
    }
}
