import Foundation

/// One problem found by `rlt check`, printed as `path:line: message`.
package struct Problem: Equatable, Sendable, CustomStringConvertible {
    package var file: String
    package var line: Int?
    package var message: String

    package var description: String { "\(file)\(line.map { ":\($0)" } ?? ""): \(message)" }
}

/// Validates a whole store and reports every problem, not just the first.
package enum StoreChecker {
    /// The derived index compared with the files (`StoreIndex.verify`): entries that would give wrong answers are
    /// problems; damaged or leftover index files are notes.
    package static func checkIndex(_ store: Store, now: Date) -> (problems: [Problem], notes: [String]) {
        StoreIndex.verify(store, now: now)
    }

    /// Every problem in the store; `strict` adds the consistency rules of `StrictRules` (as of `asOf`).
    package static func check(_ store: Store, strict: Bool = false, asOf: CalendarDay = CalendarDay(ordinal: 0)) -> [Problem] {
        var problems: [Problem] = []
        // Each file is read once: its bytes serve the decoder, the unknown-field check and the strict rules.
        let tracker: Tracker
        do throws(StoreError) {
            guard let file = try read(Tracker.self, store.trackerPath) else { throw StoreError.notAStore(path: store.root) }
            tracker = file.value
            if tracker.schema > Store.schemaVersion {
                problems.append(problem(from: .newerSchema(file: store.trackerPath, found: tracker.schema), file: store.trackerPath))
            }
            if let unknown = unknownField(store.trackerPath, file) { problems.append(unknown) }
        } catch {
            return [problem(from: store.rootProblem() ?? error, file: store.trackerPath)]
        }
        var trackerReport = FileReport(file: store.trackerPath)
        checkTracker(tracker, into: &trackerReport)
        problems += trackerReport.problems

        if FileSystem.isSymlink(store.reviewsDirectory) {
            problems.append(Problem(file: store.reviewsDirectory, line: nil, message: StoreError.symlink(file: store.reviewsDirectory).description))
        }
        var loaded: [(file: String, review: Review, data: Data)] = []
        let ids: [String]
        do { ids = try store.reviewIDs() } catch { return problems + [problem(from: error, file: store.reviewsDirectory)] }
        for id in ids {
            do throws(StoreError) {
                guard let file = try read(Review.self, store.reviewPath(id)) else { continue }
                if file.value.schema > Store.schemaVersion {
                    throw StoreError.newerSchema(file: store.reviewPath(id), found: file.value.schema)
                }
                if let unknown = unknownField(store.reviewPath(id), file) {
                    problems.append(unknown)
                    continue
                }
                loaded.append((id, file.value, file.data))
            } catch {
                problems.append(problem(from: error, file: store.reviewPath(id)))
            }
        }
        // References resolve against the files present, so one unreadable review is reported once, not again at
        // every event or record that names it.
        let reviewIDs = Set(ids)
        let recordIDs = Dictionary(loaded.map { ($0.review.id, Set($0.review.childIDs)) }, uniquingKeysWith: { a, _ in a })
        let actionAndRecIDs = Dictionary(
            loaded.map { ($0.review.id, Set($0.review.recommendations.map(\.id) + $0.review.actions.map(\.id))) },
            uniquingKeysWith: { a, _ in a })
        var lowered: [String: String] = [:]
        for (file, review, data) in loaded {
            var report = FileReport(file: store.reviewPath(file))
            if review.id != file { report.add([.key("id")], "id \(printable(review.id)) does not match the file name") }
            if let twin = lowered[review.id.lowercased()] {
                report.add([.key("id")], "review id duplicates \(twin)")
            }
            lowered[review.id.lowercased()] = review.id
            ReviewRules(tracker: tracker, reviewIDs: reviewIDs, recordIDs: recordIDs).check(review, into: &report)
            if strict {
                StrictRules.check(review, file: store.reviewPath(file), data: data, asOf: asOf, into: &report)
            }
            problems += report.problems
        }
        do throws(StoreError) {
            let file = try read(EventsFile.self, store.eventsPath)
            let events = file?.value ?? EventsFile()
            if events.schema > Store.schemaVersion {
                throw StoreError.newerSchema(file: store.eventsPath, found: events.schema)
            }
            if let file, let unknown = unknownField(store.eventsPath, file) {
                problems.append(unknown)
            } else {
                var report = FileReport(file: store.eventsPath)
                checkEvents(events, reviewIDs: reviewIDs, served: actionAndRecIDs, into: &report)
                problems += report.problems
            }
        } catch {
            problems.append(problem(from: error, file: store.eventsPath))
        }
        for loose in store.loosePermissions() {
            problems.append(Problem(file: loose.path, line: nil, message: loose.message))
        }
        do {
            for stray in try store.strayFiles() {
                problems.append(
                    Problem(file: stray, line: nil, message: "stray temporary file left by an interrupted write; delete it"))
            }
        } catch {
            problems.append(problem(from: error, file: store.root))
        }
        return problems
    }

    /// A store file's bytes and what they decode to; nil when the file does not exist.
    private static func read<T: Decodable>(_ type: T.Type, _ path: String) throws(StoreError) -> (data: Data, value: T)? {
        guard let data = try FileSystem.read(path) else { return nil }
        return (data, try JSONCodec.decode(T.self, from: data, file: path))
    }

    /// The problem of a field in the file that the model would drop, with its line; nil when there is none.
    private static func unknownField(_ path: String, _ file: (data: Data, value: some Encodable)) -> Problem? {
        guard let field = JSONCodec.unknownFieldPath(in: file.data, decoded: file.value) else { return nil }
        return Problem(
            file: path, line: JSONLocator.line(of: field, in: file.data),
            message: "unknown field \(JSONCodec.name(field)) (a typo, or a newer rlt's): rlt ignores it and will not rewrite this file")
    }

    static func problem(from error: StoreError, file: String) -> Problem {
        if case .corrupt(let file, let line, let message) = error {
            return Problem(file: file, line: line, message: message)
        }
        if case .newerSchema(let file, let found) = error {
            return Problem(file: file, line: 1, message: "written by a newer rlt (schema \(found)); upgrade rlt")
        }
        return Problem(file: file, line: nil, message: error.description)
    }

    private static func checkTracker(_ tracker: Tracker, into report: inout FileReport) {
        var seen: Set<String> = []
        for (i, agency) in tracker.agencies.enumerated() {
            let path: [JSONPathComponent] = [.key("agencies"), .index(i), .key("code")]
            if !Identifiers.isSlug(agency.code) { report.add(path, "agency code is not a valid code") }
            if !seen.insert(agency.code.lowercased()).inserted {
                report.add(path, "duplicate agency code \(agency.code)")
            }
            if let contact = agency.contact, let problem = ContactRules.nameProblem(contact) {
                report.add([.key("agencies"), .index(i), .key("contact")], "agency \(agency.code): contact \(problem)")
            }
            if let email = agency.email, let problem = ContactRules.emailProblem(email) {
                report.add([.key("agencies"), .index(i), .key("email")], "agency \(agency.code): email \(problem)")
            }
        }
        seen = []
        for (i, theme) in tracker.themes.enumerated() {
            let path: [JSONPathComponent] = [.key("themes"), .index(i), .key("code")]
            if !Identifiers.isSlug(theme.code) { report.add(path, "theme code is not a valid code") }
            if !seen.insert(theme.code.lowercased()).inserted { report.add(path, "duplicate theme code \(theme.code)") }
        }
        if tracker.settings.fileMode != "0600" && tracker.settings.fileMode != "0640" {
            report.add([.key("settings"), .key("file_mode")], "file_mode must be \"0600\" or \"0640\"")
        }
        let depths = Settings.undoDepthRange
        if !depths.contains(tracker.settings.undoDepth) {
            report.add([.key("settings"), .key("undo_depth")], "undo_depth must be from \(depths.lowerBound) to \(depths.upperBound)")
        }
        let range = Settings.amberDaysRange
        if !range.contains(tracker.settings.amberDays) {
            report.add([.key("settings"), .key("amber_days")], "amber_days must be from \(range.lowerBound) to \(range.upperBound)")
        }
        var timed: Set<String> = []
        for (i, timescale) in (tracker.settings.timescales ?? []).enumerated() {
            let path: [JSONPathComponent] = [.key("settings"), .key("timescales"), .index(i)]
            let name = "timescale \(timescale.type.rawValue) \(timescale.stage.rawValue)"
            if let problem = timescale.problem { report.add(path, "\(name): \(problem)") }
            if !timed.insert("\(timescale.type.rawValue) \(timescale.stage.rawValue)").inserted {
                report.add(path, "\(name) is given twice; keep one ('rlt config set timescale.\(timescale.type.rawValue).\(timescale.stage.rawValue) RULE')")
            }
        }
        for (i, day) in tracker.settings.closureDays.enumerated() where day.day == nil {
            report.add([.key("settings"), .key("closure_days"), .index(i)], "closure day \(day) is not a whole day (YYYY-MM-DD)")
        }
    }

    /// `served`: the recommendation and action ids of each review that could be read.
    private static func checkEvents(
        _ file: EventsFile, reviewIDs: Set<String>, served: [String: Set<String>], into report: inout FileReport
    ) {
        var seen: Set<String> = []
        for (i, event) in file.events.enumerated() {
            let base: [JSONPathComponent] = [.key("events"), .index(i)]
            if !Identifiers.isRecordID(event.id) { report.add(base + [.key("id")], "event id is not a valid id") }
            if !seen.insert(event.id.lowercased()).inserted {
                report.add(base + [.key("id")], "duplicate event id \(event.id)")
            }
            for (j, review) in event.reviews.enumerated() where !reviewIDs.contains(review) {
                report.add(base + [.key("reviews"), .index(j)], "event \(event.id): no review \(printable(review))")
            }
            if let attendees = event.attendees, attendees < 0 {
                report.add(base + [.key("attendees")], "event \(event.id): attendees must not be negative")
            }
            if event.date.isUndated {
                report.add(base + [.key("date")], "event \(event.id): date cannot be \"undated\"; give the date it was held or planned for")
            }
            if let expected = event.expected, expected < 0 {
                report.add(base + [.key("expected")], "event \(event.id): expected must not be negative")
            }
            if let sessions = event.sessions, sessions < 1 {
                report.add(base + [.key("sessions")], "event \(event.id): sessions must be at least 1")
            }
            if event.status == .planned && event.attendees != nil {
                report.add(
                    base + [.key("attendees")],
                    "event \(event.id): a planned event has no attendees yet; record the forecast as expected")
            }
            for (j, target) in event.serves.enumerated() {
                let at = base + [.key("serves"), .index(j)]
                guard let ref = try? RecordReference(parsing: target) else {
                    report.add(at, "event \(event.id): serves \(printable(target)), which is not REVIEW/ID")
                    continue
                }
                if !reviewIDs.contains(ref.review) {
                    report.add(at, "event \(event.id): serves \(printable(target)), but there is no review \(printable(ref.review))")
                } else if let ids = served[ref.review], !ids.contains(ref.id) {
                    report.add(at, "event \(event.id): serves \(printable(target)), which is no recommendation or action of \(ref.review)")
                }
            }
        }
    }
}

/// Collects problems for one file, resolving each JSON path to a line only when a problem is found.
struct FileReport {
    let file: String
    private(set) var problems: [Problem] = []
    private var data: Data?

    init(file: String) {
        self.file = file
    }

    mutating func add(_ path: [JSONPathComponent], _ message: String) {
        if data == nil { data = (try? FileSystem.read(file)) ?? Data() }
        problems.append(Problem(file: file, line: data.flatMap { JSONLocator.line(of: path, in: $0) }, message: message))
    }
}
