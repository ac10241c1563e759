import Foundation
import Testing

@testable import ReviewLearning
@testable import SyntheticStore

/// The generator's seeded random numbers (SplitMix64), so every run tests the same cases and a failure names its seed;
/// with the two helpers these tests use.
extension SeededRandom {
    /// True with probability `percent` / 100.
    mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }

    /// A random subset, in the original order.
    mutating func subset<T>(_ items: [T], upTo limit: Int) -> [T] {
        guard !items.isEmpty, limit > 0 else { return [] }
        let count = int(0...min(limit, items.count))
        var chosen = Set<Int>()
        while chosen.count < count { chosen.insert(int(0...(items.count - 1))) }
        return chosen.sorted().map { items[$0] }
    }
}

/// Builds stores full of what breaks CSV: commas, quotes, CR/LF/CRLF, formula triggers, combining marks, emoji, NFD.
struct RecordGenerator {
    var rng: SeededRandom
    /// The history timestamp of every generated record: the same day the import runs, so `last_update` agrees.
    let timestamp: String
    let salt: String

    static let pieces: [String] = [
        ",", "\"", "\"\"", "\r\n", "\n", "\r", "'", "=", "+", "-", "@", "\t", ";", "; ", " ", "  ", "e\u{301}",
        "\u{301}", "\u{E9}", "\u{1F600}", "\u{1F469}\u{200D}\u{1F469}\u{200D}\u{1F467}", "\u{1F1EC}\u{1F1E7}",
        "\u{65E5}\u{672C}", "\u{3A9}", "\u{FEFF}", "\u{200B}", ",\"", "\"\u{301}", ",\u{301}", "\r\u{301}",
        "A\u{30A}ngstr\u{F6}m", "a", "word", "Lincolnshire Police", "0", "1.5", "x", "\\", "=SUM(A1:A9)", "'=", "%",
        "\u{D55C}\u{AE00}", "n\u{303}", "\u{00A0}", "<b>", "}",
    ]
    static let leads: [String] = ["=", "+", "-", "@", "\t", "\r", "'=", "''+", "'", "'-", "\r\n", "\n", "\"", ",", " ", "\u{301}"]

    init(seed: UInt64, timestamp: String) {
        rng = SeededRandom(seed: seed)
        self.timestamp = timestamp
        salt = String(seed % 1000)
    }

    /// Non-blank text (a blank cell means "leave unchanged" on import), often starting with a formula trigger.
    mutating func text() -> String {
        var s = rng.chance(35) ? rng.pick(Self.leads) : ""
        for _ in 0..<rng.int(1...10) { s += rng.pick(Self.pieces) }
        if rng.chance(3) {
            var long = ""
            for _ in 0..<rng.int(200...800) { long += rng.pick(Self.pieces) }
            s += long
        }
        if !s.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) { s += "x" }
        return s
    }

    mutating func optionalText() -> String? { rng.chance(60) ? text() : nil }

    mutating func slug(_ prefix: String) -> String {
        var s = prefix
        for _ in 0..<rng.int(0...3) { s += "-" + rng.pick(["a", "b2", "x", "lincs", "0", "scp", "9z"]) }
        return s
    }

    mutating func date() -> PartialDate {
        let year = rng.int(1999...2031)
        switch rng.int(0...3) {
        case 0: return .year(year)
        case 1: return .month(year: year, month: rng.int(1...12))
        case 2: return .quarter(year: year, quarter: rng.int(1...4))
        default:
            let month = rng.int(1...12)
            return .day(CalendarDay(year: year, month: month, day: rng.int(1...CalendarDay.daysIn(month: month, year: year)))!)
        }
    }

    mutating func optionalDate() -> PartialDate? { rng.chance(60) ? date() : nil }

    /// A date that is not in the future on the import's as-of day (completions, outcomes, progress notes, review
    /// stages): any form, including a year or quarter that started before it and ends after it.
    mutating func pastDate() -> PartialDate {
        while true {
            let candidate = date()
            if !ChangeRules.isInFuture(candidate, asOf: CSVRoundTripTests.context.asOf) { return candidate }
        }
    }

    func history() -> [HistoryEntry] { [HistoryEntry(at: timestamp, by: "generator", change: "added")] }

    /// A tracker with the default themes (one relabelled), extra themes and agencies.
    mutating func tracker() -> Tracker {
        var tracker = Tracker(name: "generated")
        if rng.chance(50) {
            let index = rng.int(0...(tracker.themes.count - 1))
            tracker.themes[index].label = text()
        }
        for i in 0..<rng.int(0...4) {
            tracker.themes.append(Theme(code: slug("t\(salt)x\(i)"), label: text()))
        }
        for i in 0..<rng.int(2...6) {
            tracker.agencies.append(Agency(code: slug("ag\(i)"), name: text(), sector: rng.pick(Sector.allCases)))
        }
        return tracker
    }

    /// Reviews sorted by id (as a store lists them), each with findings, recommendations, actions and outcomes.
    mutating func reviews(count: Int, tracker: Tracker) -> [Review] {
        let agencies = tracker.agencies.map(\.code)
        let themes = tracker.themes.map(\.code)
        let ids = (0..<count).map { "r\(salt)-\($0)" + (rng.chance(30) ? "-" + slug("x") : "") }.sorted()
        var reviews: [Review] = []
        for id in ids {
            var review = Review(id: id, type: rng.pick(ReviewType.allCases), title: text())
            review.status = rng.pick(ReviewStatus.allCases)
            review.partnerships = rng.subset(agencies, upTo: 2)
            // Stage dates record what happened: never after the import's as-of day.
            for stage in ReviewStage.allCases { review[keyPath: stage.keyPath] = rng.chance(60) ? pastDate() : nil }
            if !reviews.isEmpty && rng.chance(20) { review.convertedFrom = rng.pick(reviews.map(\.id)) }
            review.themes = rng.subset(themes, upTo: 3)
            review.summary = optionalText()
            review.source = optionalText()
            review.history = history()

            for n in 1...max(1, rng.int(0...3)) {
                let audience = rng.chance(50) ? rng.pick(agencies) : rng.pick(Sector.allCases).rawValue
                var finding = Finding(id: "F\(n)", audience: audience, text: text(), themes: rng.subset(themes, upTo: 2))
                finding.history = history()
                review.findings.append(finding)
            }
            for n in 1...max(1, rng.int(0...5)) {
                review.recommendations.append(recommendation(n, earlier: review.recommendations.map(\.id), agencies, themes))
            }
            for n in 1...max(1, rng.int(0...4)) {
                review.actions.append(action(n, targets: review.recommendations.map(\.id) + review.findings.map(\.id), agencies))
            }
            reviews.append(review)
        }
        return reviews
    }

    mutating func recommendation(_ n: Int, earlier: [String], _ agencies: [String], _ themes: [String]) -> Recommendation {
        let id = "\(n)" + rng.pick(["", "i", "ii", ".1", "(a)", "-b", "A"])
        var rec = Recommendation(id: id, text: text())
        rec.level = rng.pick(RecommendationLevel.allCases)
        rec.owners = rng.subset(agencies, upTo: 3)
        rec.themes = rng.subset(themes, upTo: 2)
        rec.due = optionalDate()
        if rec.due != nil && rng.chance(30) { rec.originalDue = date() }
        rec.status = rng.pick(RecommendationStatus.allCases)
        rec.links = rng.subset(earlier, upTo: 2)
        if rec.status == .superseded && rec.links.isEmpty { rec.status = .inProgress }
        rec.reason = [.notAccepted, .alreadyInPlace].contains(rec.status) ? text() : optionalText()
        rec.assurance = rng.pick(AssuranceLevel.allCases)
        var outcomes: [Outcome] = []
        for _ in 0..<rng.int(0...3) {
            let outcome = Outcome(
                date: pastDate(), text: text(), author: text(),
                assurance: rng.chance(50) ? rng.pick(AssuranceLevel.allCases) : nil,
                by: rng.chance(50) ? rng.pick(agencies) : nil)
            // Import keys an outcome by its date and text, so a generated duplicate would be a different test.
            if !outcomes.contains(where: { $0.date == outcome.date && $0.text == outcome.text }) { outcomes.insertByDate(outcome) }
        }
        rec.outcomes = outcomes
        // The latest outcome with an assurance is the recommendation's assurance.
        if let latest = outcomes.last(where: { $0.assurance != nil })?.assurance { rec.assurance = latest }
        rec.history = history()
        return rec
    }

    mutating func action(_ n: Int, targets: [String], _ agencies: [String]) -> AgencyAction {
        var action = AgencyAction(id: "A\(n)" + rng.pick(["", ".1", "(b)"]), agency: rng.pick(agencies), text: text())
        action.respondsTo = rng.subset(targets, upTo: 2)
        action.due = optionalDate()
        if action.due != nil && rng.chance(30) { action.originalDue = date() }
        action.status = rng.pick(ActionStatus.allCases)
        action.completed = rng.chance(30) ? pastDate() : nil
        action.measure = optionalText()
        action.evidence = optionalText()
        action.reason = action.status == .dropped ? text() : optionalText()
        var updates: [ProgressNote] = []
        for _ in 0..<rng.int(0...3) {
            let note = ProgressNote(date: pastDate(), text: text(), author: text())
            // Import keys a progress note by its date and text, like an outcome.
            if !updates.contains(where: { $0.date == note.date && $0.text == note.text }) { updates.insertByDate(note) }
        }
        action.updates = updates
        action.history = history()
        return action
    }

    mutating func events(reviews: [Review]) -> [DisseminationEvent] {
        (1...rng.int(1...4)).map { n in
            var event = DisseminationEvent(id: "E\(n)", kind: rng.pick(EventKind.allCases), title: text(), date: date())
            event.audience = optionalText()
            event.attendees = rng.chance(50) ? rng.int(0...500) : nil
            event.reviews = rng.subset(reviews.map(\.id), upTo: 3)
            event.feedback = optionalText()
            event.history = history()
            return event
        }
    }
}

@Suite("CSV round trip on generated records")
struct CSVRoundTripTests {
    static let timestamp = "2024-03-01T09:30:00Z"
    /// With `force`: restoring a whole store puts records into its closed reviews, as `rlt import --force` does.
    static let context = ImportContext(
        asOf: CalendarDay(year: 2024, month: 3, day: 1)!, author: "importer", timestamp: timestamp, force: true)
    static let query = Query(filter: RecordFilter(), asOf: CalendarDay(year: 2024, month: 3, day: 1)!, amberDays: 30)

    /// Every table as CSV text.
    static func export(_ source: ExportSource) -> [ExportTable: String] {
        var tables: [ExportTable: String] = [:]
        for table in ExportTable.dependencyOrder {
            tables[table] = Delimited.csv.render(header: table.columns, rows: Exporter.rows(table, from: source))
        }
        return tables
    }

    static func source(_ state: ImportState) -> ExportSource {
        ExportSource(
            tracker: state.tracker, reviews: state.reviews.values.sorted { $0.id < $1.id }, events: state.events.events,
            query: query)
    }

    /// Imports every table in dependency order, carrying the state forward; nil (with the issue recorded) on failure.
    static func importAll(
        _ tables: [ExportTable: String], into start: ImportState, seed: UInt64
    ) -> (state: ImportState, added: Int, changed: Int)? {
        var state = start
        var added = 0
        var changed = 0
        for table in ExportTable.dependencyOrder {
            switch Importer.plan(table, bytes: Array((tables[table] ?? "").utf8), state: state, context: context) {
            case .success(let plan):
                state = plan.state
                added += plan.added.count
                changed += plan.changed.count
            case .failure(let failure):
                let problems = failure.problems.prefix(5).map { $0.description(file: "\(table.rawValue).csv") }
                Issue.record("seed \(seed): import of \(table.rawValue) refused:\n\(problems.joined(separator: "\n"))")
                return nil
            }
        }
        return (state, added, changed)
    }

    /// The first differing line of two CSV texts, compared as bytes.
    static func firstDifference(_ a: String, _ b: String) -> String {
        let left = a.split(separator: "\r\n", omittingEmptySubsequences: false)
        let right = b.split(separator: "\r\n", omittingEmptySubsequences: false)
        for (index, pair) in zip(left, right).enumerated() where Array(pair.0.utf8) != Array(pair.1.utf8) {
            return "line \(index + 1):\n  before: \(String(pair.0).debugDescription)\n  after:  \(String(pair.1).debugDescription)"
        }
        return "\(left.count) lines before, \(right.count) after"
    }

    /// Counts of cells with each troublesome feature, to prove the generator really produced them.
    struct Coverage {
        var cells = 0
        var formula = 0
        var apostropheFormula = 0
        var comma = 0
        var quote = 0
        var crlf = 0
        var lone = 0
        var combiningAfterDelimiter = 0
        var nfd = 0
        var emoji = 0
        var long = 0

        mutating func count(_ rows: [[String]]) {
            for value in rows.joined() {
                let scalars = Array(value.unicodeScalars)
                cells += 1
                if let first = scalars.first, "=+-@\t\r".unicodeScalars.contains(first) { formula += 1 }
                if value.utf8.starts(with: Array("'=".utf8)) || value.utf8.starts(with: Array("''+".utf8)) { apostropheFormula += 1 }
                if scalars.contains(",") { comma += 1 }
                if scalars.contains("\"") { quote += 1 }
                if zip(scalars, scalars.dropFirst()).contains(where: { $0.0 == "\r" && $0.1 == "\n" }) { crlf += 1 }
                if zip(scalars, scalars.dropFirst()).contains(where: { ($0.0 == "\r" && $0.1 != "\n") || ($0.0 != "\r" && $0.1 == "\n") }) {
                    lone += 1
                }
                if zip(scalars, scalars.dropFirst()).contains(where: { ($0.0 == "," || $0.0 == "\"") && $0.1 == "\u{301}" }) {
                    combiningAfterDelimiter += 1
                }
                if zip(scalars, scalars.dropFirst()).contains(where: { $0.0 == "e" && $0.1 == "\u{301}" }) { nfd += 1 }
                if scalars.contains(where: { $0.properties.isEmojiPresentation }) { emoji += 1 }
                if scalars.count > 1000 { long += 1 }
            }
        }
    }

    static let seeds: [UInt64] = [1, 0x5EED, 20_240_301, 0xC5F_0DD_BA11, 0xDEAD_BEEF, 7_777_777, 42, 0xFEED_FACE]
    static let iterationsPerSeed = 35
    static let reviewsPerIteration = 8

    @Test("export → import into an empty store → export is byte-identical", arguments: seeds)
    func roundTrip(seed: UInt64) throws {
        var generator = RecordGenerator(seed: seed, timestamp: "2024-03-01T08:00:00Z")
        var coverage = Coverage()
        var records = 0
        for iteration in 0..<Self.iterationsPerSeed {
            let tracker = generator.tracker()
            let reviews = generator.reviews(count: Self.reviewsPerIteration, tracker: tracker)
            let events = generator.events(reviews: reviews)
            let original = ExportSource(tracker: tracker, reviews: reviews, events: events, query: Self.query)
            let before = Self.export(original)
            for table in ExportTable.dependencyOrder {
                let rows = Exporter.rows(table, from: original)
                coverage.count(rows)
                records += rows.count
            }

            let empty = ImportState(tracker: Tracker(name: "imported"), reviews: [:], events: EventsFile())
            guard let imported = Self.importAll(before, into: empty, seed: seed) else { return }
            #expect(imported.added > 0)
            let after = Self.export(Self.source(imported.state))
            var identical = true
            for table in ExportTable.dependencyOrder {
                let a = before[table] ?? "", b = after[table] ?? ""
                guard Array(a.utf8) != Array(b.utf8) else { continue }
                identical = false
                Issue.record("seed \(seed) iteration \(iteration) table \(table.rawValue): \(Self.firstDifference(a, b))")
            }
            // One failing iteration says enough; the rest would repeat it.
            guard identical else { return }

            // Text survives byte for byte in the model too, not just in the CSV.
            for review in reviews {
                let copy = try #require(imported.state.reviews[review.id])
                #expect(Array(copy.title.utf8) == Array(review.title.utf8))
                #expect(copy.recommendations.map { Array($0.text.utf8) } == review.recommendations.map { Array($0.text.utf8) })
                #expect(copy.actions.map { Array($0.text.utf8) } == review.actions.map { Array($0.text.utf8) })
            }

            // Importing the same files again changes nothing.
            guard let again = Self.importAll(before, into: imported.state, seed: seed) else { return }
            #expect(again.added == 0 && again.changed == 0, "seed \(seed) iteration \(iteration): re-import added \(again.added), changed \(again.changed)")
        }
        #expect(records > 1000)
        // The generator must really produce the hard cases, or the round trip proves little.
        #expect(coverage.formula > 50, "\(coverage)")
        #expect(coverage.apostropheFormula > 5, "\(coverage)")
        #expect(coverage.comma > 50 && coverage.quote > 50, "\(coverage)")
        #expect(coverage.crlf > 20 && coverage.lone > 20, "\(coverage)")
        #expect(coverage.combiningAfterDelimiter > 5 && coverage.nfd > 20, "\(coverage)")
        #expect(coverage.emoji > 20, "\(coverage)")
        #expect(coverage.long > 0, "\(coverage)")
    }

    @Test("the generator is deterministic")
    func deterministic() {
        var a = RecordGenerator(seed: 99, timestamp: Self.timestamp)
        var b = RecordGenerator(seed: 99, timestamp: Self.timestamp)
        let first = Self.export(ExportSource(tracker: a.tracker(), reviews: [], events: [], query: Self.query))
        let second = Self.export(ExportSource(tracker: b.tracker(), reviews: [], events: [], query: Self.query))
        #expect(first.mapValues { Array($0.utf8) } == second.mapValues { Array($0.utf8) })
        var rng = SeededRandom(seed: 0)
        #expect(rng.next() == 0xE220_A839_7B1D_CDAF)
    }
}
