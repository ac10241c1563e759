import Dispatch
import Foundation
import ReviewLearning

#if canImport(Glibc)
    import Glibc
#endif

/// A deterministic, realistic synthetic store at any scale, for benchmarks and tests (issue 7).
///
/// The same seed and sizes always give byte-identical files, whatever the number of threads: review `i` is made
/// from its own random stream. Files are encoded with the store's own encoder, so they are exactly what `rlt`
/// writes. Everything is consistent enough for `rlt check` to pass: known codes, unique ids, links and references
/// that resolve, reasons where a status needs one, outcomes in date order, nothing dated after `asOf`.
package struct SyntheticStore: Sendable {
    /// About this many recommendations in all (about 10 per review, about 3 actions per recommendation).
    package var recommendations: Int
    package var seed: UInt64
    /// "Today" for the generated history: records age relative to it, nothing happens after it.
    package var asOf: CalendarDay

    package init(recommendations: Int, seed: UInt64 = 1, asOf: CalendarDay = CalendarDay(year: 2025, month: 6, day: 30)!) {
        self.recommendations = recommendations
        self.seed = seed
        self.asOf = asOf
    }

    package var reviewCount: Int { max(1, (recommendations + 5) / 10) }

    /// Counts of what was written.
    package struct Totals: Sendable, Equatable {
        package var reviews = 0
        package var findings = 0
        package var recommendations = 0
        package var actions = 0
        package var outcomes = 0
        package var bytes = 0
    }

    // MARK: Whole store

    /// Writes `tracker.json`, `events.json` and every `reviews/<id>.json` into `root` (created if needed).
    @discardableResult
    package func write(to root: String) throws -> Totals {
        // Written in place with rlt's modes but no fsync: a benchmark fixture, not a store update.
        try FileSystem.makeDirectory(root)
        try FileSystem.makeDirectory(root + "/reviews")
        try FileSystem.writeInPlace(JSONCodec.encode(tracker()), to: root + "/tracker.json")
        try FileSystem.writeInPlace(JSONCodec.encode(events()), to: root + "/events.json")
        let count = reviewCount
        let lock = NSLock()
        // Both are touched only inside `lock.withLock`, and read after concurrentPerform has returned.
        nonisolated(unsafe) var totals = Totals()
        nonisolated(unsafe) var failure: (any Error)?
        DispatchQueue.concurrentPerform(iterations: count) { index in
            do {
                let review = self.review(index)
                let data = try JSONCodec.encode(review)
                try FileSystem.writeInPlace(data, to: "\(root)/reviews/\(review.id).json")
                lock.withLock {
                    totals.reviews += 1
                    totals.findings += review.findings.count
                    totals.recommendations += review.recommendations.count
                    totals.actions += review.actions.count
                    totals.outcomes += review.recommendations.reduce(0) { $0 + $1.outcomes.count }
                    totals.bytes += data.count
                }
            } catch {
                lock.withLock { failure = error }
            }
        }
        if let failure { throw failure }
        return totals
    }

    package func tracker() -> Tracker {
        var tracker = Tracker(name: "National review-learning picture (synthetic, seed \(seed))")
        for area in Bank.areas {
            for agency in Bank.localAgencies {
                tracker.agencies.append(
                    Agency(
                        code: "\(area.code)-\(agency.suffix)",
                        name: agency.name.replacingOccurrences(of: "%", with: area.name), sector: agency.sector))
            }
        }
        for agency in Bank.nationalAgencies {
            tracker.agencies.append(Agency(code: agency.code, name: agency.name, sector: agency.sector))
        }
        tracker.themes += Bank.extraThemes.map { Theme(code: $0.0, label: $0.1) }
        tracker.history = [HistoryEntry(at: timestamp(asOf.adding(days: -4000), 9, 0), by: "rlt-generate", change: "created the store")]
        return tracker
    }

    package func events() -> EventsFile {
        var rng = SeededRandom(seed: seed, stream: -1)
        var file = EventsFile()
        for n in 1...max(1, reviewCount / 20) {
            let day = CalendarDay(ordinal: rng.int(start.ordinal...asOf.ordinal))
            let kind = rng.pick(EventKind.allCases.filter { $0 != .board })
            var event = DisseminationEvent(
                id: "E\(n)", kind: kind, title: "Lessons from reviews: \(rng.pick(Bank.objects))",
                date: rng.chance(0.6) ? .day(day) : .month(year: day.year, month: day.month))
            event.attendees = rng.chance(0.8) ? rng.int(8...400) : nil
            event.audience = rng.chance(0.5) ? "Frontline practitioners across the partnership" : nil
            event.reviews = (0..<rng.int(1...3)).map { _ in header(rng.int(0...(reviewCount - 1))).id }
            event.reviews = event.reviews.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
            event.feedback = rng.chance(0.3) ? "Follow-up questionnaire: most attendees reported greater confidence." : nil
            event.history = [HistoryEntry(at: timestamp(day, 16, 0), by: rng.pick(Bank.authors), change: "added")]
            file.events.append(event)
        }
        return file
    }

    // MARK: One review

    struct Header {
        var type: ReviewType
        var area: (code: String, name: String)
        var incident: CalendarDay
        var id: String
    }

    private var start: CalendarDay { CalendarDay(year: 2012, month: 1, day: 1)! }

    /// The first draws of review `index`'s stream: enough to name it, so other reviews can refer to it.
    func header(_ index: Int) -> Header {
        var rng = SeededRandom(seed: seed, stream: index)
        return header(index, &rng)
    }

    /// The header drawn from `rng`, which then continues where the rest of the review starts.
    private func header(_ index: Int, _ rng: inout SeededRandom) -> Header {
        let type = rng.weighted([
            (ReviewType.dhr, 0.35), (.cspr, 0.22), (.rapidReview, 0.08), (.sar, 0.22), (.joint, 0.05), (.scr, 0.04),
            (.thematic, 0.03), (.other, 0.01),
        ])
        let area = Bank.areas[rng.skewed(Bank.areas.count)]
        let incident = CalendarDay(ordinal: rng.int(start.ordinal...(asOf.ordinal - 120)))
        let number = String(index + 1)
        let id = "\(type.rawValue)-\(area.code)-\(incident.year)-\(String(repeating: "0", count: max(0, 5 - number.count)))\(number)"
        return Header(type: type, area: area, incident: incident, id: id)
    }

    package func review(_ index: Int) -> Review {
        var rng = SeededRandom(seed: seed, stream: index)
        let head = header(index, &rng)
        var maker = ReviewMaker(store: self, head: head, rng: rng)
        var review = maker.make(index: index)
        DocumentDetails.add(to: &review, seed: seed, index: index)
        StageDates.add(to: &review, seed: seed, index: index, asOf: asOf)
        return review
    }

    func timestamp(_ day: CalendarDay, _ hour: Int, _ minute: Int, _ second: Int = 0) -> String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(day)T\(two(hour)):\(two(minute)):\(two(second))Z"
    }
}

/// Builds one review from its random stream.
private struct ReviewMaker {
    let store: SyntheticStore
    let head: SyntheticStore.Header
    var rng: SeededRandom

    var asOf: CalendarDay { store.asOf }
    var localCodes: [String] { Bank.localAgencies.map { "\(head.area.code)-\($0.suffix)" } }
    static let themeCodes = Tracker.defaultThemes.map(\.code) + Bank.extraThemes.map(\.0)

    mutating func make(index: Int) -> Review {
        var review = Review(id: head.id, type: head.type, title: title())
        review.partnerships = partnerships()
        // The life of a review: notified, commissioned, completed, published; later stages may not have happened yet.
        let incident = head.incident
        let notified = incident.adding(days: rng.int(3...60))
        let commissioned = notified.adding(days: rng.int(20...120))
        let completed = commissioned.adding(days: rng.int(180...720))
        let published = completed.adding(days: rng.int(30...200))
        review.incident = rng.chance(0.9) ? date(incident, day: 0.6, month: 0.3, quarter: 0, year: 0.1) : nil
        review.notified = notified <= asOf ? .day(notified) : nil
        review.commissioned = commissioned <= asOf ? date(commissioned, day: 0.5, month: 0.5, quarter: 0, year: 0) : nil
        review.completed = completed <= asOf ? date(completed, day: 0.3, month: 0.4, quarter: 0.3, year: 0) : nil
        review.published = published <= asOf && rng.chance(0.95) ? date(published, day: 0.4, month: 0.45, quarter: 0.05, year: 0.1) : nil
        if published <= asOf {
            review.status = asOf.ordinal - published.ordinal > 900 && rng.chance(0.5) ? .closed : .published
        } else if completed <= asOf {
            review.status = rng.pick([.completed, .submitted])
        } else {
            review.status = commissioned <= asOf ? .inProgress : .notified
        }
        if head.type == .cspr && rng.chance(0.25) {
            for j in stride(from: index - 1, through: max(0, index - 40), by: -1) where store.header(j).type == .rapidReview {
                review.convertedFrom = store.header(j).id
                break
            }
        }
        let themeCount = rng.int(1...4)
        review.themes = rng.distinct(themeCount, from: Self.themeCodes)
        review.summary = rng.chance(0.4) ? text(150...400) : nil
        review.source = rng.chance(0.7)
            ? "https://www.\(head.area.code).gov.uk/downloads/\(head.type.rawValue)-\(head.id.suffix(5))-overview-report.pdf"
            : nil
        let reportDay = published <= asOf ? published : min(completed, asOf.adding(days: -1))
        review.history = [HistoryEntry(at: time(min(notified, asOf)), by: rng.pick(Bank.authors), change: "added")]
        if published <= asOf {
            review.history.append(HistoryEntry(at: time(published), by: rng.pick(Bank.authors), change: "status: completed → published"))
        }

        let findingCount = rng.weighted([(0, 0.25), (2, 0.2), (4, 0.25), (6, 0.2), (9, 0.1)])
        for n in 0..<findingCount {
            var finding = Finding(
                id: "F\(n + 1)", audience: rng.chance(0.7) ? rng.pick(localCodes) : rng.pick(Sector.allCases.map(\.rawValue)),
                text: rng.pick(Bank.findingTexts) + " " + text(60...220))
            let themeCount = rng.int(0...2)
            finding.themes = rng.distinct(themeCount, from: Self.themeCodes)
            finding.history = [HistoryEntry(at: time(reportDay), by: rng.pick(Bank.authors), change: "added")]
            review.findings.append(finding)
        }

        let ids = recommendationIDs(rng.int(4...16))
        for id in ids {
            review.recommendations.append(recommendation(id, siblings: ids, reportDay: reportDay))
        }
        var actionNumber = 0
        for rec in review.recommendations {
            let count = rng.weighted([(0, 0.05), (1, 0.12), (2, 0.22), (3, 0.28), (4, 0.18), (5, 0.15)])
            for _ in 0..<count {
                actionNumber += 1
                review.actions.append(action("A\(actionNumber)", for: rec, in: review, reportDay: reportDay))
            }
        }
        for finding in review.findings where rng.chance(0.5) {
            actionNumber += 1
            review.actions.append(action("A\(actionNumber)", forFinding: finding, reportDay: reportDay))
        }
        return review
    }

    // MARK: Parts

    mutating func title() -> String {
        let letter = rng.pick(Bank.letters)
        switch head.type {
        case .dhr: return rng.chance(0.6) ? rng.pick(Bank.names) : "Adult \(letter)"
        case .cspr, .rapidReview, .scr: return rng.chance(0.8) ? "Child \(letter)" : "Children \(letter) and \(rng.pick(Bank.letters))"
        case .sar: return rng.chance(0.5) ? "Adult \(letter)" : rng.pick(Bank.names)
        case .joint: return "\(rng.pick(Bank.names)) & \(rng.pick(Bank.names))"
        case .thematic: return "Thematic review: \(rng.pick(Bank.objects))"
        case .other: return "Learning review: \(rng.pick(Bank.names))"
        }
    }

    mutating func partnerships() -> [String] {
        let area = head.area.code
        switch head.type {
        case .dhr, .other: return ["\(area)-csp"]
        case .cspr, .rapidReview, .scr: return ["\(area)-scp"]
        case .sar: return ["\(area)-sab"]
        case .joint: return ["\(area)-csp", "\(area)-scp"]
        case .thematic: return rng.chance(0.5) ? ["cspr-panel"] : ["\(area)-scp"]
        }
    }

    /// Ids as reports number them: `1, 2, 3…`, `1, 2, 3i, 3ii…`, `4.1, 4.2…`, `R1, R2…` or `1(a), 1(b)…`.
    mutating func recommendationIDs(_ count: Int) -> [String] {
        let style = rng.int(0...4)
        let romans = ["i", "ii", "iii", "iv"]
        var ids: [String] = []
        var number = 1
        while ids.count < count {
            switch style {
            case 1 where rng.chance(0.3):
                for r in romans.prefix(rng.int(2...3)) where ids.count < count { ids.append("\(number)\(r)") }
            case 2:
                for s in 1...rng.int(1...4) where ids.count < count { ids.append("\(number).\(s)") }
            case 3: ids.append("R\(number)")
            case 4 where rng.chance(0.4):
                for s in ["a", "b", "c"].prefix(rng.int(2...3)) where ids.count < count { ids.append("\(number)(\(s))") }
            default: ids.append("\(number)")
            }
            number += 1
        }
        return ids
    }

    mutating func recommendation(_ id: String, siblings: [String], reportDay: CalendarDay) -> Recommendation {
        var rec = Recommendation(id: id, text: recommendationText())
        rec.level = rng.weighted([(.local, 0.55), (.agency, 0.25), (.regional, 0.08), (.national, 0.12)])
        let ownerCount = rng.weighted([(1, 0.5), (2, 0.35), (3, 0.15)])
        if rec.level == .national {
            let national = Bank.nationalAgencies.map(\.code)
            rec.owners = rng.distinct(ownerCount, from: national)
        } else {
            rec.owners = rng.distinct(ownerCount, from: localCodes)
            if rng.chance(0.08) { rec.owners.append(rng.pick(Bank.nationalAgencies).code) }
        }
        rec.themes = (0..<rng.int(1...3)).map { _ in Self.themeCodes[rng.skewed(Self.themeCodes.count)] }
            .reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
        let added = min(reportDay, asOf)
        var history = [entry(added, "added")]
        var due: CalendarDay? = rng.chance(0.93) ? reportDay.adding(days: rng.int(60...720)) : nil
        if let target = due, rng.chance(0.25) {
            let moved = target.adding(days: rng.int(30...240))
            let original = date(target, day: 0.35, month: 0.4, quarter: 0.2, year: 0.05)
            rec.originalDue = original
            due = moved
            let movedOn = CalendarDay(ordinal: rng.int(added.ordinal...max(added.ordinal, min(target, asOf).ordinal)))
            let newDue = date(moved, day: 0.35, month: 0.4, quarter: 0.2, year: 0.05)
            rec.due = newDue
            if newDue == original { rec.originalDue = nil } else {
                history.append(entry(movedOn, "due: \(original) → \(newDue)"))
            }
        } else if let target = due {
            rec.due = date(target, day: 0.35, month: 0.4, quarter: 0.2, year: 0.05)
        }
        let unpublished = reportDay >= asOf.adding(days: -1)
        let status: RecommendationStatus
        if unpublished {
            status = .open
        } else if let end = rec.due?.end, end >= asOf {
            status = rng.weighted([(.open, 0.3), (.inProgress, 0.5), (.implemented, 0.15), (.assured, 0.05)])
        } else {
            let yearsPast = Double(asOf.ordinal - (rec.due?.end ?? reportDay).ordinal) / 365
            if rng.chance(min(0.9, 0.55 + 0.12 * yearsPast)) {
                var terminal = rng.weighted([
                    (RecommendationStatus.assured, 0.62), (.alreadyInPlace, 0.14), (.notAccepted, 0.12), (.superseded, 0.12),
                ])
                if terminal == .superseded && siblings.count < 2 { terminal = .assured }
                status = terminal
            } else {
                status = rng.weighted([(.open, 0.2), (.inProgress, 0.45), (.implemented, 0.35)])
            }
        }
        rec.status = status
        switch status {
        case .assured: rec.assurance = rng.pick([.reasonable, .reasonable, .substantial])
        case .implemented: rec.assurance = rng.pick([.notAssessed, .limited, .reasonable])
        case .notAccepted: rec.assurance = rng.pick([.notAssessed, .none])
        case .inProgress: rec.assurance = rng.chance(0.2) ? .limited : .notAssessed
        default: rec.assurance = .notAssessed
        }
        if status == .notAccepted || status == .alreadyInPlace { rec.reason = rng.pick(Bank.reasons) }
        let others = siblings.filter { $0 != id }
        if status == .superseded || (!others.isEmpty && rng.chance(0.1)) {
            rec.links = [rng.pick(others)]
        }
        if status != .open {
            let changed = CalendarDay(ordinal: rng.int(added.ordinal...asOf.ordinal))
            history.append(entry(changed, "status: open → \(status.rawValue)"))
        }
        let outcomeCount: Int
        switch status {
        case .open: outcomeCount = unpublished ? 0 : rng.weighted([(0, 0.85), (1, 0.15)])
        case .inProgress: outcomeCount = rng.int(0...2)
        case .implemented, .assured: outcomeCount = rng.int(1...3)
        default: outcomeCount = rng.int(0...1)
        }
        for n in 0..<outcomeCount {
            let day = CalendarDay(ordinal: rng.int(added.ordinal...asOf.ordinal))
            let last = n == outcomeCount - 1
            // A month still running on `asOf` would be a date in the future: that outcome is dated by its day.
            let month = PartialDate.month(year: day.year, month: day.month)
            let outcome = Outcome(
                date: rng.chance(0.8) || month.end > asOf ? .day(day) : month,
                text: rng.pick(Bank.outcomeTexts) + (rng.chance(0.5) ? " " + text(40...160) : ""),
                author: rng.pick(Bank.authors),
                assurance: last && rec.assurance != .notAssessed ? rec.assurance : (rng.chance(0.3) ? .limited : nil),
                by: rng.chance(0.6) ? rec.owners.first : nil)
            rec.outcomes.insertByDate(outcome)
        }
        // `rlt check --strict`: an assurance level needs an outcome as its evidence.
        if rec.outcomes.isEmpty && status != .assured { rec.assurance = .notAssessed }
        if rng.chance(0.15) {
            history.append(entry(CalendarDay(ordinal: rng.int(added.ordinal...asOf.ordinal)), "owners changed"))
        }
        rec.history = history.sorted { $0.at < $1.at }
        return rec
    }

    mutating func action(_ id: String, for rec: Recommendation, in review: Review, reportDay: CalendarDay) -> AgencyAction {
        let agency = rng.chance(0.7) ? rng.pick(rec.owners) : rng.pick(localCodes)
        var action = AgencyAction(id: id, agency: agency, text: actionText())
        action.respondsTo = rng.chance(0.04) ? [] : [rec.id]
        if rng.chance(0.08), let other = review.recommendations.last(where: { $0.id != rec.id }) {
            action.respondsTo.append(other.id)
        }
        fill(&action, around: rec.due?.end ?? reportDay.adding(days: 365), reportDay: reportDay)
        return action
    }

    mutating func action(_ id: String, forFinding finding: Finding, reportDay: CalendarDay) -> AgencyAction {
        let agency = localCodes.contains(finding.audience) ? finding.audience : rng.pick(localCodes)
        var action = AgencyAction(id: id, agency: agency, text: actionText())
        action.respondsTo = [finding.id]
        fill(&action, around: reportDay.adding(days: rng.int(90...540)), reportDay: reportDay)
        return action
    }

    mutating func fill(_ action: inout AgencyAction, around target: CalendarDay, reportDay: CalendarDay) {
        let added = min(reportDay, asOf)
        var history = [entry(added, "added")]
        if rng.chance(0.95) {
            let dueDay = target.adding(days: -rng.int(0...180))
            action.due = date(dueDay, day: 0.45, month: 0.4, quarter: 0.12, year: 0.03)
            if rng.chance(0.2) {
                let moved = dueDay.adding(days: rng.int(30...200))
                let newDue = date(moved, day: 0.45, month: 0.4, quarter: 0.12, year: 0.03)
                if let old = action.due, newDue != old {
                    action.originalDue = old
                    history.append(entry(CalendarDay(ordinal: rng.int(added.ordinal...asOf.ordinal)), "due: \(old) → \(newDue)"))
                }
                action.due = newDue
            }
        }
        action.measure = rng.chance(0.6) ? rng.pick(Bank.measures) : nil
        let unpublished = reportDay >= asOf.adding(days: -1)
        let status: ActionStatus
        if unpublished {
            status = .planned
        } else if let end = action.due?.end, end >= asOf {
            status = rng.weighted([(.planned, 0.35), (.inProgress, 0.5), (.blocked, 0.05), (.done, 0.1)])
        } else {
            let yearsPast = Double(asOf.ordinal - (action.due?.end ?? reportDay).ordinal) / 365
            if rng.chance(min(0.92, 0.6 + 0.12 * yearsPast)) {
                status = rng.chance(0.85) ? .done : .dropped
            } else {
                status = rng.weighted([(.planned, 0.25), (.inProgress, 0.55), (.blocked, 0.2)])
            }
        }
        action.status = status
        if status != .planned {
            let day = CalendarDay(ordinal: rng.int(added.ordinal...asOf.ordinal))
            history.append(entry(day, "status: planned → \(status.rawValue)"))
            if status == .done {
                let month = PartialDate.month(year: day.year, month: day.month)
                action.completed = rng.chance(0.75) || month.end > asOf ? .day(day) : month
                action.evidence = rng.chance(0.5) ? rng.pick(Bank.evidence) : nil
            }
            if status == .dropped { action.reason = rng.pick(Bank.reasons) }
        }
        for _ in 0..<(status == .planned ? 0 : rng.weighted([(0, 0.5), (1, 0.35), (2, 0.15)])) {
            let day = CalendarDay(ordinal: rng.int(added.ordinal...asOf.ordinal))
            action.updates.append(ProgressNote(date: .day(day), text: rng.pick(Bank.outcomeTexts), author: rng.pick(Bank.authors)))
        }
        action.updates.sort { $0.date < $1.date }
        action.history = history.sorted { $0.at < $1.at }
    }

    // MARK: Text and dates

    /// A partial date in one of the four forms, with the given weights.
    mutating func date(_ day: CalendarDay, day d: Double, month m: Double, quarter q: Double, year y: Double) -> PartialDate {
        switch rng.weighted([(0, d), (1, m), (2, q), (3, y)]) {
        case 0: return .day(day)
        case 1: return .month(year: day.year, month: day.month)
        case 2: return .quarter(year: day.year, quarter: (day.month - 1) / 3 + 1)
        default: return .year(day.year)
        }
    }

    mutating func time(_ day: CalendarDay) -> String {
        store.timestamp(day, rng.int(8...18), rng.int(0...59), rng.int(0...59))
    }

    mutating func entry(_ day: CalendarDay, _ change: String) -> HistoryEntry {
        HistoryEntry(at: time(min(day, asOf)), by: rng.pick(Bank.authors), change: change)
    }

    mutating func recommendationText() -> String {
        var text = "\(rng.pick(Bank.recOpeners)) \(rng.pick(Bank.verbs)) \(rng.pick(Bank.objects)) \(rng.pick(Bank.qualifiers))."
        text = extend(text, to: rng.int(150...400))
        return decorate(text)
    }

    mutating func actionText() -> String {
        var text = "\(rng.pick(Bank.actionOpeners)) \(rng.pick(Bank.objects)) \(rng.pick(Bank.qualifiers))."
        text = extend(text, to: rng.int(150...400))
        return decorate(text)
    }

    mutating func text(_ range: ClosedRange<Int>) -> String {
        extend("", to: rng.int(range))
    }

    /// Adds sentences until the text is about `length` characters, then cuts it back at a word.
    mutating func extend(_ start: String, to length: Int) -> String {
        var text = start
        while text.count < length {
            let sentence: String
            switch rng.int(0...3) {
            case 0: sentence = "This responds to the finding that \(rng.pick(Bank.findingTexts).lowercased())"
            case 1: sentence = "Agencies should \(rng.pick(Bank.verbs)) \(rng.pick(Bank.objects)) \(rng.pick(Bank.qualifiers))."
            case 2: sentence = "Progress will be reported to the board, \(rng.pick(Bank.qualifiers))."
            default: sentence = "In \(rng.pick(Bank.names))'s case, \(rng.pick(Bank.objects)) was not followed."
            }
            text += (text.isEmpty ? "" : " ") + sentence
        }
        if text.count > length, let cut = text.prefix(length).lastIndex(of: " ") {
            text = String(text[..<cut])
            while let last = text.last, ",;:.".contains(last) { text.removeLast() }
            text += "."
        }
        return text
    }

    /// Now and then, what real documents contain: quotes, a line break, a leading dash, an en dash.
    mutating func decorate(_ text: String) -> String {
        switch rng.int(0...99) {
        case 0: return text.replacingOccurrences(of: ". ", with: ".\n", options: [], range: nil)
        case 1, 2: return "\"" + text + "\""
        case 3: return "- " + text
        case 4...6: return text.replacingOccurrences(of: ", ", with: " – ")
        default: return text
        }
    }
}
