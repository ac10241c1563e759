/// When a stage of a review of some type is due: a number of working days or months after an earlier stage
/// (`settings.timescales`). "15 working days after aware" is due on the 15th working day after the day the
/// partnership became aware; "6 months after decided" on the same day of the month six months later (the month's
/// last day when it has no such day: dates never roll over).
package struct Timescale: Codable, Equatable, Sendable {
    package var type: ReviewType
    package var stage: ReviewStage
    package var after: ReviewStage
    package var span: Span

    package enum Span: Equatable, Sendable {
        case workingDays(Int)
        case months(Int)
    }

    package init(_ type: ReviewType, _ stage: ReviewStage, _ span: Span, after: ReviewStage) {
        self.type = type
        self.stage = stage
        self.after = after
        self.span = span
    }

    enum CodingKeys: String, CodingKey {
        case type, stage, after, workingDays = "working_days", months
    }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        type = try c.decode(ReviewType.self, forKey: .type)
        stage = try c.decode(ReviewStage.self, forKey: .stage)
        after = try c.decode(ReviewStage.self, forKey: .after)
        switch (try c.decodeIfPresent(Int.self, forKey: .workingDays), try c.decodeIfPresent(Int.self, forKey: .months)) {
        case (let n?, nil): span = .workingDays(n)
        case (nil, let n?): span = .months(n)
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .workingDays, in: c, debugDescription: "a timescale needs exactly one of working_days and months")
        }
    }

    package func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(type, forKey: .type)
        try c.encode(stage, forKey: .stage)
        try c.encode(after, forKey: .after)
        switch span {
        case .workingDays(let n): try c.encode(n, forKey: .workingDays)
        case .months(let n): try c.encode(n, forKey: .months)
        }
    }

    /// The values a span may take: up to a year of working days, or ten years of months.
    package static let workingDaysRange = 1...260
    package static let monthsRange = 1...120

    /// `15 working days after aware`, as `config` takes and prints it.
    package var rule: String {
        switch span {
        case .workingDays(let n): "\(n) working day\(n == 1 ? "" : "s") after \(after.rawValue)"
        case .months(let n): "\(n) month\(n == 1 ? "" : "s") after \(after.rawValue)"
        }
    }

    /// The day it falls due when `after` happened on `start`.
    package func due(from start: CalendarDay, workingDays: WorkingDays) -> CalendarDay {
        switch span {
        case .workingDays(let n): workingDays.adding(n, to: start)
        case .months(let n): start.adding(months: n)
        }
    }

    /// What is wrong with it, if anything: a span out of range, or a stage due after one that comes no earlier.
    package var problem: String? {
        switch span {
        case .workingDays(let n) where !Timescale.workingDaysRange.contains(n):
            return "\(n) working days is out of range (\(Timescale.workingDaysRange.lowerBound) to \(Timescale.workingDaysRange.upperBound))"
        case .months(let n) where !Timescale.monthsRange.contains(n):
            return "\(n) months is out of range (\(Timescale.monthsRange.lowerBound) to \(Timescale.monthsRange.upperBound))"
        default: break
        }
        let order = ReviewStage.allCases
        guard let a = order.firstIndex(of: after), let s = order.firstIndex(of: stage), a < s else {
            return "\(stage.rawValue) cannot count from \(after.rawValue), which does not come before it; name an earlier stage"
        }
        return nil
    }
}

extension Timescale {
    /// Reads `15 working days after aware` or `6 months after decided` (singular or plural, any case).
    package init(parsing text: String, type: ReviewType, stage: ReviewStage) throws(TimescaleParseError) {
        let words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        let example = "e.g. \"15 working days after aware\" or \"6 months after decided\""
        guard words.count >= 4, let n = Int(words[0]), words[words.count - 2] == "after" else {
            throw TimescaleParseError(text: text, reason: "write N working days or N months after a stage, \(example)")
        }
        let unit = words[1..<(words.count - 2)].joined(separator: " ")
        let span: Span
        switch unit {
        case "working day", "working days": span = .workingDays(n)
        case "month", "months": span = .months(n)
        default: throw TimescaleParseError(text: text, reason: "\"\(unit)\" is not a unit; use working days or months, \(example)")
        }
        guard let after = ReviewStage.named(words[words.count - 1]) else {
            let names = ReviewStage.allCases.map(\.rawValue).joined(separator: ", ")
            throw TimescaleParseError(text: text, reason: "\"\(words[words.count - 1])\" is not a stage; use one of \(names)")
        }
        self.init(type, stage, span, after: after)
        if let problem { throw TimescaleParseError(text: text, reason: problem) }
    }
}

/// A timescale that cannot be read; says how to write one.
package struct TimescaleParseError: Error, Equatable, CustomStringConvertible {
    package let text: String
    package let reason: String
    package var description: String { "\"\(text)\" is not a timescale: \(reason)" }
}

extension CalendarDay {
    /// The same day `months` months later; the month's last day when it is shorter (31 January + 1 month is
    /// 28 or 29 February).
    package func adding(months: Int) -> CalendarDay {
        let total = year * 12 + (month - 1) + months
        let y = total / 12
        let m = total % 12 + 1
        let d = min(day, CalendarDay.daysIn(month: m, year: y))
        return CalendarDay(year: y, month: m, day: d) ?? self
    }
}

extension Timescale {
    /// A default timescale and where the statutory guidance sets it.
    package struct Default: Sendable {
        package let timescale: Timescale
        /// The document and the part of it that sets the figure.
        package let source: String
        /// The guidance's words, in short.
        package let words: String
    }

    private static let workingTogether = "Working Together to Safeguard Children 2023 (HM Government), chapter 5"
    private static let dhrGuidance =
        "Multi-agency Statutory Guidance for the Conduct of Domestic Homicide Reviews (Home Office, 2016), section 5, timescales"
    private static let careAct = "Care and support statutory guidance (Care Act 2014), chapter 14, safeguarding adults reviews"

    /// The timescales a store follows until it sets its own (`settings.timescales`). Only figures the guidance
    /// states are here; where it gives none (a joint or thematic review, the Home Office panel's own time, the report
    /// reaching the Panel "at least 7 working days before publication", which runs back from a date rather than on
    /// from one) there is no default. A rapid review is held to the child clocks; so is a CSPR entered without one.
    package static let defaults: [Default] = [
        Default(
            timescale: Timescale(.rapidReview, .notified, .workingDays(5), after: .aware), source: workingTogether + ", notifying the Child Safeguarding Practice Review Panel",
            words: "the local authority notifies the Panel within 5 working days of becoming aware of the incident"),
        Default(
            timescale: Timescale(.rapidReview, .decided, .workingDays(15), after: .aware), source: workingTogether + ", rapid reviews",
            words: "the rapid review is completed within 15 working days of becoming aware of the incident"),
        Default(
            timescale: Timescale(.cspr, .notified, .workingDays(5), after: .aware), source: workingTogether + ", notifying the Child Safeguarding Practice Review Panel",
            words: "the local authority notifies the Panel within 5 working days of becoming aware of the incident"),
        Default(
            timescale: Timescale(.cspr, .decided, .workingDays(15), after: .aware), source: workingTogether + ", rapid reviews",
            words: "the rapid review, which decides whether to review, within 15 working days of becoming aware"),
        Default(
            timescale: Timescale(.cspr, .completed, .months(6), after: .decided), source: workingTogether + ", local child safeguarding practice reviews",
            words: "the review completed within six months of the decision to initiate it"),
        Default(
            timescale: Timescale(.dhr, .decided, .months(1), after: .notified), source: dhrGuidance,
            words: "the decision whether to hold a review within one month of the homicide coming to the partnership's attention"),
        Default(
            timescale: Timescale(.dhr, .completed, .months(6), after: .decided), source: dhrGuidance,
            words: "the overview report completed within six months of the decision to proceed"),
        Default(
            timescale: Timescale(.sar, .completed, .months(6), after: .decided), source: careAct,
            words: "completed within a reasonable period and in any event within six months of initiating it, unless there are good reasons for longer"),
    ]
}
