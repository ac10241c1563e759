import Foundation
import Testing

@testable import ReviewLearning
@testable import SyntheticStore

private func d(_ text: String) -> CalendarDay {
    guard case .day(let day) = try? PartialDate(parsing: text) else { return CalendarDay(ordinal: 0) }
    return day
}

private func date(_ text: String) -> PartialDate? { try? PartialDate(parsing: text) }

/// A review of `type` with the given stage dates.
private func review(_ type: ReviewType, status: ReviewStatus = .inProgress, _ dates: [ReviewStage: String]) -> Review {
    var review = Review(id: "r", type: type, title: "R")
    review.status = status
    for (stage, text) in dates { review[keyPath: stage.keyPath] = date(text) }
    return review
}

private func timing(_ review: Review, _ stage: ReviewStage, asOf: String, settings: Settings = Settings()) -> StageTiming? {
    ReviewClock(settings: settings).timeline(review, asOf: d(asOf)).first { $0.stage == stage }
}

@Suite("Review timescales: the defaults, due days in working days and months, late as of a day")
struct TimescaleTests {
    @Test(
        "each default timescale falls due where the guidance says",
        arguments: [
            // Friday before Christmas: Christmas Day, Boxing Day and New Year's Day are skipped.
            (ReviewType.rapidReview, ReviewStage.notified, ReviewStage.aware, "2024-12-20", "2024-12-31"),
            (.rapidReview, .decided, .aware, "2024-12-20", "2025-01-15"),
            (.cspr, .notified, .aware, "2024-12-20", "2024-12-31"),
            (.cspr, .decided, .aware, "2024-12-20", "2025-01-15"),
            (.cspr, .completed, .decided, "2024-08-31", "2025-02-28"),
            (.dhr, .decided, .notified, "2024-01-31", "2024-02-29"),
            (.dhr, .completed, .decided, "2023-03-15", "2023-09-15"),
            (.sar, .completed, .decided, "2023-03-31", "2023-09-30"),
        ])
    func defaults(_ type: ReviewType, _ stage: ReviewStage, _ after: ReviewStage, _ start: String, _ due: String) throws {
        let entry = try #require(Timescale.defaults.first { $0.timescale.type == type && $0.timescale.stage == stage })
        #expect(entry.timescale.after == after)
        #expect(!entry.source.isEmpty && !entry.words.isEmpty)
        let t = timing(review(type, [after: start]), stage, asOf: start)
        #expect(t?.due?.description == due)
    }

    @Test("every default is tested above, and no type without a figure in the guidance has one")
    func defaultsAreTheKnownOnes() {
        #expect(Timescale.defaults.count == 8)
        let untimed: [ReviewType] = [.joint, .scr, .thematic, .other]
        #expect(!Timescale.defaults.contains { untimed.contains($0.timescale.type) })
        #expect(Timescale.defaults.allSatisfy { $0.timescale.problem == nil })
    }

    @Test("working days across Easter: Good Friday and Easter Monday are skipped")
    func easter() {
        // Wednesday 27 March 2024; Easter was 31 March.
        #expect(timing(review(.cspr, [.aware: "2024-03-27"]), .notified, asOf: "2024-03-27")?.due == d("2024-04-05"))
    }

    @Test("the one-off bank holidays count: the coronation Monday, 2023-05-08")
    func coronation() {
        // Friday 5 May 2023; Monday 8 May was the coronation holiday.
        #expect(timing(review(.cspr, [.aware: "2023-05-05"]), .notified, asOf: "2023-05-05")?.due == d("2023-05-15"))
    }

    @Test("a store's closure days count like bank holidays")
    func closures() {
        var settings = Settings()
        settings.closureDays = [.day(d("2024-12-27")), .day(d("2025-01-02"))]
        #expect(timing(review(.cspr, [.aware: "2024-12-20"]), .notified, asOf: "2024-12-20", settings: settings)?.due == d("2025-01-03"))
    }

    @Test(
        "late as of a chosen day: not on the due day, by one working day after it",
        arguments: [
            ("2025-01-14", "pending amber", false), ("2025-01-15", "pending amber", false), ("2025-01-16", "late by 1 working day", true),
            // Saturday and Sunday are not working days: still two working days late on the Sunday.
            ("2025-01-17", "late by 2 working days", true), ("2025-01-19", "late by 2 working days", true),
            ("2025-01-20", "late by 3 working days", true),
        ])
    func lateAsOf(_ asOf: String, _ expected: String, _ isLate: Bool) throws {
        let t = try #require(timing(review(.cspr, [.aware: "2024-12-20"]), .decided, asOf: asOf))
        #expect(t.isLate == isLate)
        let text = switch t.state {
        case .late(let slip): "late by \(slip.text)"
        case .pending(let rag): "pending \(rag.rawValue)"
        default: "\(t.state)"
        }
        #expect(text == expected)
        #expect(t.rag == (isLate ? .red : .amber))
    }

    @Test("a working-day timescale is late only once a working day has passed: not on the weekend after a Friday")
    func weekendAfterDue() throws {
        // Aware Friday 2025-01-10: notified due Friday 2025-01-17.
        let friday = review(.cspr, [.aware: "2025-01-10"])
        #expect(timing(friday, .notified, asOf: "2025-01-17")?.due == d("2025-01-17"))
        #expect(timing(friday, .notified, asOf: "2025-01-19")?.isLate == false)
        #expect(timing(friday, .notified, asOf: "2025-01-20")?.standing == "late by 1 working day")
        // Done on the Saturday: on time.
        let done = try #require(timing(review(.cspr, [.aware: "2025-01-10", .notified: "2025-01-18"]), .notified, asOf: "2025-02-01"))
        #expect(done.state == .onTime)
    }

    @Test("an entry check would report is not used: a span out of range gives no due day")
    func invalidEntryIgnored() {
        var settings = Settings()
        settings.timescales = [Timescale(.sar, .completed, .months(100_000_000), after: .decided)]
        #expect(timing(review(.sar, [.decided: "2020-01-01"]), .completed, asOf: "2024-06-01", settings: settings)?.state == .untimed)
    }

    @Test("done late says by how much; done on time is blue")
    func doneLate() throws {
        let late = try #require(timing(review(.dhr, [.notified: "2024-01-31", .decided: "2024-03-05"]), .decided, asOf: "2024-06-01"))
        #expect(late.standing == "done 5 days late" && late.rag == .blue)
        let onTime = try #require(timing(review(.dhr, [.notified: "2024-01-31", .decided: "2024-02-29"]), .decided, asOf: "2024-06-01"))
        #expect(onTime.state == .onTime)
        // Dated by year or month: late only if the whole period is after the due day (2024-07-15), by at least that.
        #expect(timing(review(.sar, [.decided: "2024-01-15", .completed: "2024"]), .completed, asOf: "2025-01-01")?.state == .onTime)
        #expect(timing(review(.sar, [.decided: "2024-01-15", .completed: "2024-08"]), .completed, asOf: "2025-01-01")?.standing == "done 17 days late")
    }

    @Test("a missing stage is passed, never late, once a later stage has a date or the status says the review got further")
    func passed() throws {
        let later = review(.cspr, [.aware: "2024-01-02", .commissioned: "2024-03-01"])
        #expect(timing(later, .decided, asOf: "2024-06-01")?.state == .passed)
        let published = review(.dhr, status: .published, [.notified: "2020-01-01"])
        #expect(timing(published, .decided, asOf: "2024-06-01")?.state == .passed)
        #expect(timing(published, .completed, asOf: "2024-06-01")?.state == .passed)
        let closed = review(.sar, status: .closed, [.decided: "2020-01-01"])
        #expect(timing(closed, .completed, asOf: "2024-06-01")?.isLate == false)
        let open = review(.sar, [.decided: "2020-01-01"])
        #expect(timing(open, .completed, asOf: "2024-06-01")?.isLate == true)
    }

    @Test("a partial date counts from its last day: a month-only decision gives the latest due day")
    func partialStart() {
        #expect(timing(review(.dhr, [.decided: "2024-03"]), .completed, asOf: "2024-03-31")?.due == d("2024-09-30"))
    }

    @Test("no timescale: no due day, nothing late; a store's own table replaces the defaults")
    func ownTable() {
        let joint = review(.joint, [.decided: "2020-01-01"])
        #expect(timing(joint, .completed, asOf: "2024-06-01")?.state == .untimed)
        var settings = Settings()
        settings.timescales = [Timescale(.joint, .completed, .months(9), after: .decided)]
        #expect(timing(joint, .completed, asOf: "2024-06-01", settings: settings)?.isLate == true)
        // The store's table is the whole table: the default for a DHR no longer applies.
        #expect(timing(review(.dhr, [.decided: "2020-01-01"]), .completed, asOf: "2024-06-01", settings: settings)?.state == .untimed)
    }

    @Test(
        "timescale rules parse, or say what is wrong",
        arguments: [
            ("15 working days after aware", "15 working days after aware"), ("1 Working Day after notified", "1 working day after notified"),
            ("6 months after decided", "6 months after decided"), ("1 month after notified", "1 month after notified"),
            ("3 weeks after decided", "\"weeks\" is not a unit"), ("six months after decided", "write N working days"),
            ("6 months after published", "which does not come before it"), ("0 months after decided", "out of range"),
            ("6 months after nowhere", "\"nowhere\" is not a stage"), ("6 months decided", "write N working days"),
        ])
    func parsing(_ text: String, _ expected: String) {
        do {
            let timescale = try Timescale(parsing: text, type: .dhr, stage: .completed)
            #expect(timescale.rule == expected)
        } catch {
            #expect(error.description.contains(expected), "\(error)")
        }
    }

    @Test("adding months never rolls over: the month's last day when it is shorter")
    func months() {
        #expect(d("2024-01-31").adding(months: 1) == d("2024-02-29"))
        #expect(d("2023-01-31").adding(months: 1) == d("2023-02-28"))
        #expect(d("2024-08-31").adding(months: 6) == d("2025-02-28"))
        #expect(d("2024-11-15").adding(months: 2) == d("2025-01-15"))
    }

    @Test(
        "reporting years read April to March",
        arguments: [
            ("2024-25", "2024-25"), ("2024/25", "2024-25"), ("2024-2025", "2024-25"), ("1999-00", "1999-00"),
            ("2024-26", "followed by 25"), ("2024", "write the year as 2024-25"), ("24-25", "write the year as"),
        ])
    func reportingYears(_ text: String, _ expected: String) {
        do {
            let year = try ReportingYear(parsing: text)
            #expect(year.description == expected)
        } catch {
            #expect(error.description.contains(expected), "\(error)")
        }
    }

    @Test("a reporting year holds a partial date by its last day")
    func yearContains() throws {
        let year = try ReportingYear(parsing: "2024-25")
        #expect(year.first == d("2024-04-01") && year.last == d("2025-03-31"))
        #expect(year.contains(PartialDate.year(2024)) && year.contains(PartialDate.quarter(year: 2025, quarter: 1)))
        #expect(!year.contains(PartialDate.month(year: 2025, month: 4)) && !year.contains(.undated))
    }
}

@Suite("Review clock: the late-stage shortcut agrees with the whole timeline")
struct ReviewClockTests {
    @Test(
        "on generated reviews (with stage dates), as of several days, with the defaults and with a table of every type",
        arguments: ["2019-01-01", "2022-06-30", "2025-06-30"])
    func lateStagesAgree(_ asOf: String) throws {
        let generator = SyntheticStore(recommendations: 3000, seed: 11)
        let reviews = (0..<generator.reviewCount).map(generator.review)
        let records = RecordSet(reviews)
        var everyType = Settings()
        everyType.timescales = ReviewType.allCases.flatMap { type in
            [
                Timescale(type, .decided, .workingDays(20), after: .aware), Timescale(type, .completed, .months(9), after: .commissioned),
                Timescale(type, .published, .months(3), after: .approved), Timescale(type, .closed, .months(24), after: .published),
            ]
        }
        var late = 0
        for settings in [Settings(), everyType] {
            let clock = ReviewClock(settings: settings)
            for (n, review) in reviews.enumerated() {
                let whole = clock.timeline(review, asOf: d(asOf)).filter(\.isLate)
                #expect(clock.lateStages(records, n, asOf: d(asOf)) == whole, "\(review.id)")
                late += whole.count
            }
        }
        #expect(late > 0 || asOf == "2019-01-01")
    }
}
