import Foundation
import Testing

@testable import ReviewLearning

/// The repo's own `data/` store: three levels up from this file is the package root.
private let sampleStoreRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent()
    .appendingPathComponent("data")
    .path

/// The five seed documents as `Scripts/build-sample-store.sh` records them (see `data/README.md`).
/// These tests fail if the store is broken, truncated or drifts from the documents.
@Suite("Sample store (data/) matches the seed documents")
struct SampleStoreTests {
    let store: Store
    let tracker: Tracker
    let reviews: [Review]
    let events: [DisseminationEvent]

    init() throws {
        store = Store(root: sampleStoreRoot)
        tracker = try store.loadTracker()
        reviews = try store.loadAllReviews()
        events = try store.loadEvents().events
    }

    func review(_ id: String) throws -> Review {
        try #require(reviews.first { $0.id == id }, "no review \(id) in data/")
    }

    func recommendation(_ ref: String) throws -> Recommendation {
        let (reviewID, id) = split(ref)
        return try #require(try review(reviewID).recommendation(id), "no recommendation \(ref)")
    }

    func action(_ ref: String) throws -> AgencyAction {
        let (reviewID, id) = split(ref)
        return try #require(try review(reviewID).action(id), "no action \(ref)")
    }

    func finding(_ ref: String) throws -> Finding {
        let (reviewID, id) = split(ref)
        return try #require(try review(reviewID).finding(id), "no finding \(ref)")
    }

    private func split(_ ref: String) -> (String, String) {
        let parts = ref.split(separator: "/", maxSplits: 1).map(String.init)
        return (parts[0], parts.count > 1 ? parts[1] : "")
    }

    /// The day each document's records are dated as of (`--as-of` in the script; data/README.md explains each).
    static let documentDays: [String: String] = [
        "darren-bethany": "2024-03-31",
        "child-g": "2021-11-30",
        "kent-dhr-lessons-2014": "2014-03-18",
        "louise": "2024-03-31",
        "panel-da-briefing-2022": "2022-09-30",
    ]

    // MARK: - The store as a whole

    @Test("rlt check finds no problems in data/")
    func checkIsClean() {
        let problems = StoreChecker.check(store)
        #expect(problems.isEmpty, "\(problems.map(\.description).joined(separator: "\n"))")
    }

    @Test("rlt check --strict is silent on data/, as of the latest document's day and as of today")
    func strictCheckIsSilent() throws {
        let latest = try #require(CalendarDay(year: 2024, month: 3, day: 31))
        for day in [latest, CalendarDay.today(at: Date(), in: .current)] {
            let problems = StoreChecker.check(store, strict: true, asOf: day)
            #expect(problems.isEmpty, "as of \(day):\n\(problems.map(\.description).joined(separator: "\n"))")
        }
    }

    @Test("the five reviews, with their types, partnerships, dates and status as of each document")
    func reviewsAndTypes() throws {
        let types = Dictionary(uniqueKeysWithValues: reviews.map { ($0.id, $0.type) })
        #expect(
            types == [
                "darren-bethany": .joint,
                "child-g": .cspr,
                "kent-dhr-lessons-2014": .thematic,
                "louise": .dhr,
                "panel-da-briefing-2022": .thematic,
            ])
        let statuses = Dictionary(uniqueKeysWithValues: reviews.map { ($0.id, $0.status) })
        #expect(
            statuses == [
                "darren-bethany": .completed,
                "child-g": .published,
                "kent-dhr-lessons-2014": .published,
                "louise": .published,
                "panel-da-briefing-2022": .published,
            ])
        #expect(reviews.allSatisfy { $0.source?.isEmpty == false && $0.summary?.isEmpty == false })
        #expect(reviews.allSatisfy { !$0.themes.isEmpty })

        #expect(try review("darren-bethany").title == "Darren & Bethany")
        #expect(try review("darren-bethany").partnerships == ["slp", "lscp"])
        #expect(try review("darren-bethany").published == nil)
        #expect(try review("child-g").partnerships == ["doncaster-scp"])
        #expect(try review("child-g").incident?.description == "2020-01-09")
        #expect(try review("kent-dhr-lessons-2014").partnerships == ["kent-csp"])
        #expect(try review("kent-dhr-lessons-2014").published?.description == "2014-03-18")
        #expect(try review("louise").partnerships == ["safer-sefton-together"])
        #expect(try review("panel-da-briefing-2022").partnerships == ["csprp"])
        #expect(try review("panel-da-briefing-2022").published?.description == "2022-09")
    }

    static let counts: [(review: String, recommendations: Int, findings: Int, actions: Int, outcomes: Int)] = [
        ("darren-bethany", 9, 0, 0, 10),
        ("child-g", 0, 27, 62, 0),
        ("kent-dhr-lessons-2014", 0, 7, 2, 0),
        ("louise", 13, 8, 0, 0),
        ("panel-da-briefing-2022", 10, 19, 0, 0),
    ]

    @Test("record counts per review", arguments: counts)
    func recordCounts(expected: (review: String, recommendations: Int, findings: Int, actions: Int, outcomes: Int))
        throws
    {
        let subject = try review(expected.review)
        #expect(subject.recommendations.count == expected.recommendations)
        #expect(subject.findings.count == expected.findings)
        #expect(subject.actions.count == expected.actions)
        #expect(subject.recommendations.reduce(0) { $0 + $1.outcomes.count } == expected.outcomes)
    }

    @Test("store-wide totals: directory, themes and events")
    func totals() {
        #expect(reviews.count == 5)
        #expect(reviews.reduce(0) { $0 + $1.recommendations.count } == 32)
        #expect(reviews.reduce(0) { $0 + $1.findings.count } == 61)
        #expect(reviews.reduce(0) { $0 + $1.actions.count } == 64)
        #expect(events.count == 9)
        #expect(tracker.agencies.count == 37)
        #expect(tracker.themes.count == 26)
        #expect(Tracker.defaultThemes.allSatisfy { tracker.theme($0.code) != nil })
    }

    @Test("history is dated as of the documents' time, not the day the store was built")
    func historyCarriesTheDocumentsDates() throws {
        // Progress notes carry the day they report (--on): Child G A21 and A54.
        let noteDays: [String: Set<String>] = ["child-g": ["2020-10-14", "2021-10-29"]]
        for review in reviews {
            let day = try #require(Self.documentDays[review.id], "no document day for \(review.id)")
            let entries =
                review.history + review.findings.flatMap(\.history) + review.recommendations.flatMap(\.history)
                + review.actions.flatMap(\.history)
            #expect(!entries.isEmpty)
            #expect(entries.allSatisfy { $0.on != nil }, "\(review.id): a history entry has no on date")
            let days = Set(entries.compactMap { $0.on?.description })
            #expect(days == Set([day]).union(noteDays[review.id] ?? []), "\(review.id): \(days.sorted())")
            #expect(review.history.first?.on?.description == day)
        }
        #expect(try action("child-g/A21").history.compactMap { $0.on?.description } == ["2021-11-30", "2020-10-14"])
        let eventDays = [
            "E1": "2014-03-18", "E2": "2014-03-18", "E3": "2021-11-30", "E4": "2021-11-30", "E5": "2021-11-30",
            "E6": "2024-03-31", "E7": "2022-09-30", "E8": "2024-03-31", "E9": "2024-03-31",
        ]
        for event in events {
            for entry in event.history {
                #expect(entry.on?.description == eventDays[event.id], "\(event.id) history \(entry.change)")
            }
        }
    }

    // MARK: - Recommendations

    static let recommendationIDs: [(review: String, ids: [String])] = [
        ("darren-bethany", ["1", "2", "3i", "3ii", "4i", "4ii", "5i", "5ii", "6"]),
        ("child-g", []),
        ("kent-dhr-lessons-2014", []),
        ("louise", (1...13).map(String.init)),
        ("panel-da-briefing-2022", ["1", "2", "3", "4", "5", "6", "7", "7i", "7ii", "7iii"]),
    ]

    @Test("recommendation ids as numbered in each document, in order", arguments: recommendationIDs)
    func recommendationIDsInOrder(expected: (review: String, ids: [String])) throws {
        #expect(try review(expected.review).recommendations.map(\.id) == expected.ids)
    }

    struct ExpectedRecommendation: Sendable, CustomTestStringConvertible {
        var ref: String
        var owners: [String]
        var level: RecommendationLevel
        var due: String?
        var status: RecommendationStatus
        var assurance: AssuranceLevel = .notAssessed
        var links: [String] = []
        var engage: [String] = []
        var assuranceBy: [String] = []
        var testDescription: String { ref }
    }

    static let namedRecommendations: [ExpectedRecommendation] = [
        .init(
            ref: "darren-bethany/1", owners: ["slp", "ldap", "lscp", "lincs-police"], level: .local, due: nil,
            status: .implemented),
        .init(
            ref: "darren-bethany/2", owners: ["ldap", "lscp"], level: .local, due: nil, status: .implemented,
            assuranceBy: ["all-partners"]),
        .init(
            ref: "darren-bethany/3i", owners: ["lscp", "lincs-csc"], level: .local, due: nil, status: .implemented,
            assuranceBy: ["lincs-csc"]),
        .init(
            ref: "darren-bethany/3ii", owners: ["slp", "ldap"], level: .local, due: nil, status: .inProgress,
            links: ["3i"], assuranceBy: ["all-partners"]),
        .init(ref: "darren-bethany/4i", owners: ["ldap"], level: .local, due: "2024", status: .inProgress),
        .init(ref: "darren-bethany/4ii", owners: ["ldap"], level: .local, due: nil, status: .inProgress, links: ["4i"]),
        .init(
            ref: "darren-bethany/5i", owners: ["lscp", "ldap"], level: .local, due: "2024-04", status: .inProgress,
            engage: ["lincs-lcjb"]),
        .init(
            ref: "darren-bethany/5ii", owners: ["lscp", "ldap"], level: .local, due: "2024-06", status: .inProgress,
            engage: ["lincs-lfjb"]),
        .init(
            ref: "darren-bethany/6", owners: ["slp", "lscp"], level: .local, due: nil, status: .implemented,
            assuranceBy: ["all-partners"]),
        .init(ref: "louise/1", owners: ["home-office", "da-commissioner"], level: .national, due: nil, status: .open),
        .init(ref: "louise/2", owners: ["home-office", "da-commissioner"], level: .national, due: nil, status: .open),
        .init(ref: "louise/3", owners: ["home-office"], level: .national, due: nil, status: .open),
        .init(ref: "louise/4", owners: ["sefton-dap-board"], level: .local, due: nil, status: .open),
        .init(
            ref: "louise/7", owners: ["sefton-dap-board"], level: .local, due: nil, status: .open,
            engage: ["sefton-idva", "swaca", "sefton-csc"]),
        .init(
            ref: "louise/10", owners: ["sefton-dap-board"], level: .local, due: nil, status: .open,
            engage: ["sefton-gps"]),
        .init(
            ref: "louise/11", owners: ["sefton-dap-board"], level: .local, due: nil, status: .open,
            engage: ["sefton-gps", "sefton-marac", "sefton-csc"]),
        .init(ref: "louise/13", owners: ["sefton-dap-board"], level: .local, due: nil, status: .open),
        .init(ref: "panel-da-briefing-2022/1", owners: ["safeguarding-partners"], level: .local, due: nil, status: .open),
        .init(
            ref: "panel-da-briefing-2022/2", owners: ["safeguarding-partners", "local-da-partnerships"],
            level: .local, due: nil, status: .open),
        .init(ref: "panel-da-briefing-2022/7", owners: ["safeguarding-partners"], level: .local, due: nil, status: .open),
        .init(
            ref: "panel-da-briefing-2022/7i", owners: ["safeguarding-partners"], level: .local, due: nil,
            status: .open, links: ["7"]),
        .init(
            ref: "panel-da-briefing-2022/7ii", owners: ["safeguarding-partners"], level: .local, due: nil,
            status: .open, links: ["7"]),
        .init(
            ref: "panel-da-briefing-2022/7iii", owners: ["safeguarding-partners"], level: .local, due: nil,
            status: .open, links: ["7"]),
    ]

    @Test(
        "owners (lead first), level, due, status, assurance, links, bodies to engage and assurers",
        arguments: namedRecommendations)
    func recommendationDetails(expected: ExpectedRecommendation) throws {
        let rec = try recommendation(expected.ref)
        #expect(rec.owners == expected.owners)
        #expect(rec.level == expected.level)
        #expect(rec.due?.description == expected.due)
        #expect(rec.originalDue == nil)
        #expect(rec.status == expected.status)
        #expect(rec.assurance == expected.assurance)
        #expect(rec.links == expected.links)
        #expect(rec.engage == expected.engage)
        #expect(rec.assuranceBy == expected.assuranceBy)
        #expect(!rec.text.isEmpty)
    }

    @Test("levels: Louise 1-3 national and 4-13 local; the Panel's recommendations and Darren & Bethany's local")
    func levels() throws {
        let louise = try review("louise").recommendations
        #expect(louise.filter { $0.level == .national }.map(\.id) == ["1", "2", "3"])
        #expect(louise.filter { $0.level == .local }.map(\.id) == (4...13).map(String.init))
        #expect(try review("panel-da-briefing-2022").recommendations.allSatisfy { $0.level == .local })
        #expect(try review("darren-bethany").recommendations.allSatisfy { $0.level == .local })
    }

    @Test("links are exactly the ones the documents state, and each names a recommendation of its review")
    func links() throws {
        var linked: [String] = []
        for review in reviews {
            for rec in review.recommendations where !rec.links.isEmpty {
                linked.append("\(review.id)/\(rec.id)")
                for link in rec.links {
                    #expect(review.recommendation(link) != nil, "\(review.id)/\(rec.id) links missing \(link)")
                }
            }
        }
        #expect(
            linked.sorted()
                == [
                    "darren-bethany/3ii", "darren-bethany/4ii", "panel-da-briefing-2022/7i",
                    "panel-da-briefing-2022/7ii", "panel-da-briefing-2022/7iii",
                ])
    }

    @Test("Darren & Bethany outcomes: undated as in the document, no grade, and who gave assurance only where stated")
    func outcomes() throws {
        let darrenBethany = try review("darren-bethany")
        for rec in darrenBethany.recommendations {
            let latest = try #require(rec.outcomes.last, "\(rec.id) has no outcome")
            #expect(latest.date == .undated, "\(rec.id)")
            #expect(latest.date.description == "undated", "\(rec.id)")
            #expect(rec.outcomes.allSatisfy { $0.assurance == nil }, "\(rec.id)")
            #expect(rec.assurance == .notAssessed, "\(rec.id)")
        }
        let threeTwo = try recommendation("darren-bethany/3ii").outcomes
        #expect(threeTwo.map(\.date.description) == ["2022", "undated"])
        #expect(threeTwo.allSatisfy { $0.by == nil })
        #expect(try recommendation("darren-bethany/3i").outcomes.last?.by == "lincs-csc")
        #expect(try recommendation("darren-bethany/2").outcomes.last?.by == "all-partners")
        #expect(try recommendation("darren-bethany/4i").outcomes.last?.text.contains("50%") == true)
        #expect(try review("louise").recommendations.allSatisfy(\.outcomes.isEmpty))
        #expect(try review("panel-da-briefing-2022").recommendations.allSatisfy(\.outcomes.isEmpty))
    }

    // MARK: - Corrections: Darren & Bethany

    @Test("darren-bethany 3i asks for consideration of records of meetings, not that meetings are minuted")
    func threeIRecordsNotMinutes() throws {
        let text = try recommendation("darren-bethany/3i").text
        #expect(!text.contains("minuted"))
        #expect(text.contains("considering that the meetings have records taken"))
    }

    @Test("darren-bethany: no assurance grade the document never gives; positive assurance is quoted, not graded")
    func noInventedAssuranceGrades() throws {
        for id in ["3i", "3ii"] {
            let rec = try recommendation("darren-bethany/\(id)")
            #expect(rec.assurance == .notAssessed, "\(id)")
            #expect(rec.outcomes.allSatisfy { $0.assurance == nil && $0.by != "lpft" }, "\(id)")
        }
        let two = try recommendation("darren-bethany/2")
        let positive = try #require(two.outcomes.last)
        let words = "All partner agencies provided positive assurance in response to this recommendation"
        #expect(positive.text.contains(words))
        #expect(positive.assurance == nil)
        #expect(positive.by == "all-partners")
        #expect(two.assurance == .notAssessed)
        #expect(two.status == .implemented)
        let darrenBethany = try review("darren-bethany")
        #expect(darrenBethany.recommendations.allSatisfy { $0.assurance == .notAssessed })
        #expect(darrenBethany.recommendations.flatMap(\.outcomes).allSatisfy { $0.by != "lpft" })
    }

    @Test("darren-bethany 5i/5ii: the LCJB and LFJB are bodies to engage, never owners of a red recommendation")
    func justiceBoardsAreEngagedNotOwners() throws {
        #expect(try recommendation("darren-bethany/5i").engage == ["lincs-lcjb"])
        #expect(try recommendation("darren-bethany/5ii").engage == ["lincs-lfjb"])
        let boards: Set<String> = ["lincs-lcjb", "lincs-lfjb"]
        for review in reviews {
            for rec in review.recommendations {
                #expect(boards.isDisjoint(with: rec.owners), "\(review.id)/\(rec.id) owners \(rec.owners)")
            }
        }
        let day = try #require(CalendarDay(year: 2026, month: 11, day: 23))
        let red = Query(filter: RecordFilter(), asOf: day, amberDays: 30).recommendations(in: RecordSet(reviews))
            .filter { $0.state.isOverdue }
        #expect(!red.isEmpty)
        #expect(red.allSatisfy { boards.isDisjoint(with: $0.recommendation.owners) })
    }

    @Test("darren-bethany due dates: taken from planned steps, and the record says so; the review is not yet published")
    func derivedDueDatesAreVisible() throws {
        let derived: [(id: String, due: String, words: String)] = [
            ("4i", "2024", "implementation in 2024"),
            ("5i", "2024-04", "in April 2024"),
            ("5ii", "2024-06", "June 2024"),
        ]
        for (id, due, words) in derived {
            let rec = try recommendation("darren-bethany/\(id)")
            #expect(rec.due?.description == due, "\(id)")
            let note = try #require(rec.timing.note, "\(id) has no date note")
            #expect(note.contains("Due date taken from"), "\(id): \(note)")
            #expect(note.contains("no deadline"), "\(id): \(note)")
            #expect(note.contains(words), "\(id): \(note)")
        }
        let fourTwo = try recommendation("darren-bethany/4ii")
        #expect(fourTwo.due == nil)
        #expect(fourTwo.timing.from?.description == "2024")
        #expect(fourTwo.timing.through?.description == "2025")
        #expect(fourTwo.timing.note?.contains("24/25 training plan") == true)
        for id in ["1", "2", "3i", "3ii", "6"] {
            let rec = try recommendation("darren-bethany/\(id)")
            #expect(rec.due == nil && rec.timing == Timing(), "\(id)")
        }
        let darrenBethany = try review("darren-bethany")
        #expect(darrenBethany.status == .completed)
        #expect(try recommendation("darren-bethany/5i").outcomes.last?.text.contains("post publication") == true)
    }

    // MARK: - Corrections: Child G, Kent, Louise, the Panel

    @Test("child-g: 'From May 2021' (A49) and 'through 2021-2022' (A10) are periods of work, not deadlines")
    func startsAndPeriodsAreNotDeadlines() throws {
        let a49 = try action("child-g/A49")
        #expect(a49.due == nil)
        #expect(a49.timing.from?.description == "2021-05")
        #expect(a49.timing.note?.contains("From May 2021") == true)
        let a10 = try action("child-g/A10")
        #expect(a10.due == nil)
        #expect(a10.timing.from?.description == "2021")
        #expect(a10.timing.through?.description == "2022")
        let a21 = try action("child-g/A21")
        #expect(a21.timing.from?.description == "2020-10-14")
        #expect(a21.due?.description == "2021-11")
    }

    @Test("child-g: what the text says 'will' happen is planned (A57 'will be picked up as part of her role')")
    func willIsPlanned() throws {
        for id in ["A10", "A20", "A35", "A49", "A57"] {
            #expect(try action("child-g/\(id)").status == .planned, "\(id)")
        }
        #expect(try action("child-g/A57").text.contains("will be picked up as part of her role"))
    }

    @Test("child-g A17: the meeting on '12.06.21' is a reading, and the record notes the ambiguity")
    func a17DateIsAmbiguous() throws {
        let a17 = try action("child-g/A17")
        #expect(a17.due?.description == "2021-06-12")
        let note = try #require(a17.timing.note)
        #expect(note.contains("12.06.21"))
        #expect(note.contains("6th October 2021"))
        #expect(note.contains("6 December 2021"))
        #expect(note.contains("no deadline"))
    }

    @Test("child-g and Kent: readings of the documents' dates are marked in the record")
    func datedReadingsAreMarked() throws {
        for id in ["A16", "A46"] {
            let action = try action("child-g/\(id)")
            #expect(action.timing.approximate, "\(id)")
            #expect(action.timing.note?.isEmpty == false, "\(id)")
        }
        for id in ["A52", "A54", "A58"] {
            #expect(try action("child-g/\(id)").timing.note?.contains("read as 2021") == true, "\(id)")
        }
        #expect(try action("child-g/A5").timing.note?.contains("this business year") == true)
        #expect(try action("kent-dhr-lessons-2014/A2").timing.note?.contains("during 2014") == true)
    }

    static let undatedCompletions = [
        "A1", "A3", "A9", "A11", "A13", "A14", "A23", "A31", "A33", "A36", "A38", "A39", "A40", "A42", "A43", "A44",
        "A45", "A47", "A48", "A51",
    ]

    @Test("done actions are dated as the document dates them, or explicitly undated, never a placeholder year")
    func doneActionsNeverCarryPlaceholders() throws {
        let childG = try review("child-g").actions
        let done = childG.filter { $0.status == .done }
        #expect(done.count == 27)
        #expect(done.allSatisfy { $0.completed != nil })
        #expect(done.filter { $0.completed?.description == "undated" }.map(\.id) == Self.undatedCompletions)
        let dated = done.filter { $0.completed?.description != "undated" }
        #expect(
            dated.map { "\($0.id) \($0.completed?.description ?? "-")" } == [
                "A25 2020-12-18", "A26 2021-02-16", "A27 2021-03-25", "A28 2021-06-10", "A37 2021-08", "A50 2021-03",
                "A52 2021-09",
            ])
        #expect(try action("child-g/A36").completed?.description == "undated")
        #expect(try action("kent-dhr-lessons-2014/A1").completed?.description == "undated")
        for review in reviews {
            for action in review.actions where action.status == .done {
                if let completed = action.completed, case .year = completed {
                    Issue.record("\(review.id)/\(action.id) is completed in a bare year, a placeholder")
                }
            }
        }
    }

    @Test("kent E1: the 360 is the paper's forecast for three pooled seminars, not a count")
    func kentSeminarsAreAForecast() throws {
        let seminars = try #require(events.first { $0.id == "E1" })
        #expect(seminars.attendees == nil)
        #expect(seminars.expected == 360)
        #expect(seminars.sessions == 3)
        #expect(seminars.location?.contains("Kent and Medway") == true)
        #expect(seminars.feedback?.contains("a forecast, not a count") == true)
        #expect(events.allSatisfy { $0.attendees == nil }, "no document gives an attendance count")
    }

    @Test("louise 1 names no actor for amending the DASH; 10 rests on the Board alone and is open")
    func louiseActorsAndIRIS() throws {
        let one = try recommendation("louise/1")
        #expect(!one.text.contains("to amend"))
        #expect(one.text.contains("that the DASH risk assessment be amended"))
        let ten = try recommendation("louise/10")
        #expect(ten.owners == ["sefton-dap-board"])
        #expect(ten.status == .open)
        #expect(ten.text.contains("It is noted that IRIS is being introduced in Sefton"))
        #expect(try review("louise").recommendations.allSatisfy { $0.status == .open })
    }

    @Test("panel: F1-F12 are key findings, F13-F15 come from 'Practice and interventions', F16-F19 are principles")
    func panelFindingKinds() throws {
        let panel = try review("panel-da-briefing-2022").findings
        #expect(panel.map(\.id) == (1...19).map { "F\($0)" })
        func inSection(_ section: String) -> (Finding) -> Bool { { $0.para?.hasPrefix(section + ": ") == true } }
        #expect(panel[0..<12].allSatisfy { $0.kind == .keyFinding && inSection("Key findings")($0) })
        #expect(panel[12..<15].allSatisfy { $0.kind == .learning && inSection("Practice and interventions")($0) })
        #expect(panel[15...].allSatisfy { $0.kind == .practicePrinciple && inSection("Four core practice principles")($0) })
        #expect(try finding("panel-da-briefing-2022/F14").para == "Practice and interventions: Operation Encompass")
    }

    @Test("panel: the recommendations are the Panel's, addressed to local partners")
    func panelRecommendationsAreLocal() throws {
        let recs = try review("panel-da-briefing-2022").recommendations
        #expect(recs.allSatisfy { $0.level == .local && $0.issuedBy == "csprp" })
        #expect(recs.allSatisfy { $0.owners.first == "safeguarding-partners" })
        let others = reviews.filter { $0.id != "panel-da-briefing-2022" }.flatMap(\.recommendations)
        #expect(others.allSatisfy { $0.issuedBy == nil })
    }

    @Test("wording follows the documents: 'must make best efforts', 'violence and domestic abuse', 'they', new employees")
    func wordingFollowsTheDocuments() throws {
        let f12 = try finding("child-g/F12").text
        #expect(f12.contains("must make best efforts"))
        #expect(!f12.contains("every effort"))
        #expect(try finding("child-g/F17").text.contains("violence and domestic abuse"))
        #expect(try finding("child-g/F8").text.contains("must review case notes"))
        let louise = try finding("louise/F1").text
        #expect(louise.contains("the support they need"))
        #expect(!louise.contains(" she "))
        let a23 = try action("child-g/A23")
        let newEmployees = "New employees (including officers) continue to receive domestic abuse input"
        #expect(a23.evidence?.contains(newEmployees) == true)
    }

    // MARK: - Findings

    @Test("Child G learning by audience, in the document's order; the shared point once, with three audiences")
    func childGFindings() throws {
        let findings = try review("child-g").findings
        #expect(findings.map(\.id) == (1...27).map { "F\($0)" })
        let audiences = findings.map(\.audience)
        #expect(audiences[0..<10].allSatisfy { $0 == "ps-yath" })
        #expect(audiences[10..<14].allSatisfy { $0 == "south-yorkshire-police" })
        #expect(audiences[14..<19].allSatisfy { $0 == "dcst" })
        #expect(audiences[19..<26].allSatisfy { $0 == "doncaster-scp" })
        let shared = try finding("child-g/F27")
        #expect(shared.audience == "education")
        #expect(shared.with == ["health", "doncaster-council-lei"])
        #expect(findings.allSatisfy { $0.kind == .learning })
        #expect(findings.filter { !$0.with.isEmpty }.map(\.id) == ["F27"])
        #expect(try finding("child-g/F26").text.contains("Clare's Law"))
    }

    @Test("other reviews' findings: ids, audiences and paragraphs")
    func otherFindings() throws {
        let kent = try review("kent-dhr-lessons-2014").findings
        #expect(kent.map(\.id) == (1...7).map { "F\($0)" })
        #expect(
            kent.map(\.audience) == ["kent-csp", "health", "kent-csp", "kent-csp", "kent-csp", "kent-csp", "kent-csp"])
        #expect(kent.map { $0.para ?? "-" } == (1...7).map { "2.\($0)" })
        #expect(kent[0].text.hasPrefix("Awareness raising and communication: "))

        let louise = try review("louise").findings
        #expect(louise.map(\.id) == (1...8).map { "F\($0)" })
        #expect(louise[7].audience == "sefton-idva")
        #expect(louise[4].audience == "sefton-marac")
        #expect(louise[4].with == ["sefton-csc", "sefton-gps"])

        let panel = try review("panel-da-briefing-2022").findings
        #expect(panel.filter { $0.audience != "safeguarding-partners" }.map(\.id) == ["F14"])
        #expect(panel[13].audience == "education")
        #expect(panel[2].text.contains("13 of 72"))
    }

    // MARK: - Agency actions

    struct ExpectedAction: Sendable, CustomTestStringConvertible {
        var ref: String
        var agency: String
        var due: String?
        var status: ActionStatus
        var completed: String? = nil
        var measure: String? = nil
        var respondsTo: [String] = []
        var with: [String] = []
        var testDescription: String { ref }
    }

    static let namedActions: [ExpectedAction] = [
        .init(
            ref: "child-g/A1", agency: "ps-yath", due: nil, status: .done, completed: "undated",
            respondsTo: ["F1", "F8"]),
        .init(
            ref: "child-g/A4", agency: "ps-yath", due: "2022", status: .inProgress, measure: "Evaluation of the pilot"),
        .init(ref: "child-g/A5", agency: "ps-yath", due: "2022-03", status: .planned, respondsTo: ["F2"]),
        .init(ref: "child-g/A10", agency: "ps-yath", due: nil, status: .planned, respondsTo: ["F5", "F6"]),
        .init(ref: "child-g/A12", agency: "ps-yath", due: "2022", status: .inProgress, respondsTo: ["F1"]),
        .init(ref: "child-g/A16", agency: "ps-yath", due: "2021-11", status: .planned, respondsTo: ["F23", "F24"]),
        .init(ref: "child-g/A17", agency: "ps-yath", due: "2021-06-12", status: .planned, respondsTo: ["F20", "F23"]),
        .init(
            ref: "child-g/A19", agency: "national-mappa-team", due: nil, status: .inProgress,
            respondsTo: ["F23", "F24"]),
        .init(ref: "child-g/A20", agency: "ps-yath", due: nil, status: .planned, respondsTo: ["F9"]),
        .init(
            ref: "child-g/A21", agency: "south-yorkshire-police", due: "2021-11", status: .inProgress,
            measure: "Number of officers/staff receiving the training", respondsTo: ["F11", "F13"]),
        .init(
            ref: "child-g/A23", agency: "south-yorkshire-police", due: nil, status: .done, completed: "undated",
            respondsTo: ["F13"]),
        .init(
            ref: "child-g/A24", agency: "south-yorkshire-police", due: nil, status: .inProgress,
            measure: "Monthly DASH failure figures", respondsTo: ["F11", "F12"]),
        .init(ref: "child-g/A25", agency: "south-yorkshire-police", due: nil, status: .done, completed: "2020-12-18"),
        .init(ref: "child-g/A26", agency: "south-yorkshire-police", due: nil, status: .done, completed: "2021-02-16"),
        .init(
            ref: "child-g/A27", agency: "south-yorkshire-police", due: nil, status: .done, completed: "2021-03-25",
            respondsTo: ["F12"]),
        .init(
            ref: "child-g/A28", agency: "south-yorkshire-police", due: nil, status: .done, completed: "2021-06-10",
            respondsTo: ["F11"]),
        .init(ref: "child-g/A34", agency: "dcst", due: "2021-12", status: .inProgress),
        .init(ref: "child-g/A35", agency: "dcst", due: "2021-12", status: .planned, respondsTo: ["F17"]),
        .init(ref: "child-g/A36", agency: "dcst", due: nil, status: .done, completed: "undated", respondsTo: ["F16"]),
        .init(ref: "child-g/A37", agency: "dcst", due: nil, status: .done, completed: "2021-08"),
        .init(
            ref: "child-g/A39", agency: "doncaster-council-lei", due: nil, status: .done, completed: "undated",
            respondsTo: ["F27"], with: ["dcst"]),
        .init(
            ref: "child-g/A46", agency: "doncaster-council-lei", due: "2021-05", status: .inProgress,
            respondsTo: ["F27"]),
        .init(
            ref: "child-g/A49", agency: "rdash", due: nil, status: .planned, measure: "dip-sample audit",
            respondsTo: ["F27"]),
        .init(ref: "child-g/A50", agency: "rdash", due: nil, status: .done, completed: "2021-03", respondsTo: ["F27"]),
        .init(
            ref: "child-g/A51", agency: "rdash", due: "2021-06", status: .done, completed: "undated",
            respondsTo: ["F27"]),
        .init(ref: "child-g/A52", agency: "rdash", due: nil, status: .done, completed: "2021-09", respondsTo: ["F27"]),
        .init(
            ref: "child-g/A53", agency: "doncaster-da-services", due: "2021-12-01", status: .inProgress,
            respondsTo: ["F19"], with: ["dcst", "doncaster-council-lei"]),
        .init(ref: "child-g/A57", agency: "doncaster-da-services", due: nil, status: .planned, respondsTo: ["F26"]),
        .init(
            ref: "child-g/A58", agency: "doncaster-da-services", due: "2021-11", status: .inProgress,
            respondsTo: ["F23", "F26"]),
        .init(ref: "child-g/A60", agency: "doncaster-scp", due: nil, status: .inProgress),
        .init(ref: "child-g/A62", agency: "doncaster-scp", due: nil, status: .planned),
        .init(ref: "kent-dhr-lessons-2014/A1", agency: "kent-csp", due: nil, status: .done, completed: "undated"),
        .init(ref: "kent-dhr-lessons-2014/A2", agency: "kent-medway-dhr-steering-group", due: "2014", status: .planned),
    ]

    @Test("agency, joint agencies, due, status, completion, measure and what it answers", arguments: namedActions)
    func actionDetails(expected: ExpectedAction) throws {
        let subject = try action(expected.ref)
        #expect(subject.agency == expected.agency)
        #expect(subject.with == expected.with)
        #expect(subject.due?.description == expected.due)
        #expect(subject.originalDue == nil)
        #expect(subject.status == expected.status)
        #expect(subject.completed?.description == expected.completed)
        if let measure = expected.measure {
            #expect(subject.measure?.contains(measure) == true, "measure: \(subject.measure ?? "none")")
        }
        #expect(subject.respondsTo == expected.respondsTo)
        #expect(!subject.text.isEmpty)
    }

    @Test("Child G actions: ids in order, agencies in the order of Appendix 1, links to its own findings, dated notes")
    func childGActions() throws {
        let actions = try review("child-g").actions
        #expect(actions.map(\.id) == (1...62).map { "A\($0)" })
        var agencyRuns: [String] = []
        for action in actions where agencyRuns.last != action.agency {
            agencyRuns.append(action.agency)
        }
        #expect(
            agencyRuns == [
                "ps-yath", "national-mappa-team", "ps-yath", "south-yorkshire-police", "dcst",
                "doncaster-council-lei", "rdash", "doncaster-da-services", "doncaster-scp",
            ])
        #expect(actions.allSatisfy { $0.status != .dropped && $0.status != .blocked })
        let findingIDs = Set(try review("child-g").findings.map(\.id))
        #expect(actions.allSatisfy { $0.respondsTo.allSatisfy(findingIDs.contains) })
        #expect(try action("child-g/A21").updates.map(\.date.description) == ["2020-10-14"])
        #expect(try action("child-g/A54").updates.map(\.date.description) == ["2021-10-29"])
    }

    // MARK: - Dissemination events

    @Test("events: kind, date, status, expected attendance, sessions and the reviews and records they serve")
    func disseminationEvents() throws {
        let rows = events.map {
            "\($0.id) \($0.kind.rawValue) \($0.date) \($0.status.rawValue) \($0.expected.map(String.init) ?? "-") "
                + "\($0.sessions.map(String.init) ?? "-") \($0.reviews) \($0.serves)"
        }
        #expect(
            rows == [
                #"E1 seminar 2014-Q1 held 360 3 ["kent-dhr-lessons-2014"] []"#,
                #"E2 briefing 2014-03-18 held - - ["kent-dhr-lessons-2014"] []"#,
                #"E3 training 2020-10-14 held - - ["child-g"] ["child-g/A21"]"#,
                #"E4 training 2021-09 held - - ["child-g"] ["child-g/A52"]"#,
                #"E5 briefing 2021-10-29 held - - ["child-g"] ["child-g/A54"]"#,
                #"E6 e-learning 2022 held - - ["darren-bethany"] ["darren-bethany/3ii"]"#,
                #"E7 briefing 2022-09 held - - ["panel-da-briefing-2022"] []"#,
                #"E8 case-study 2024-04 planned - - ["darren-bethany"] ["darren-bethany/5i"]"#,
                #"E9 conference 2024-06 planned - - ["darren-bethany"] ["darren-bethany/5ii"]"#,
            ])
        let seminars = try #require(events.first)
        #expect(seminars.feedback?.contains("questionnaire") == true)
        #expect(seminars.title.contains("Lessons Learned Seminars"))
        let reviewIDs = Set(reviews.map(\.id))
        #expect(events.allSatisfy { !$0.reviews.isEmpty && $0.reviews.allSatisfy(reviewIDs.contains) })
        for event in events {
            for ref in event.serves {
                let (reviewID, id) = split(ref)
                let target = try review(reviewID)
                #expect(target.recommendation(id) != nil || target.action(id) != nil, "\(event.id) serves \(ref)")
                #expect(event.reviews.contains(reviewID), "\(event.id) serves \(ref) outside its reviews")
            }
        }
    }

    // MARK: - Directory and vocabulary

    @Test("every code a record names is in the directory (or all-partners where allowed); audiences are codes or sectors")
    func directoryCoversEveryCode() throws {
        let codes = Set(tracker.agencies.map(\.code))
        let assurers = codes.union(["all-partners"])
        let sectors = Set(Sector.allCases.map(\.rawValue))
        let themes = Set(tracker.themes.map(\.code))
        for review in reviews {
            for code in review.partnerships { #expect(codes.contains(code), "\(review.id) partnership \(code)") }
            for theme in review.themes { #expect(themes.contains(theme), "\(review.id) theme \(theme)") }
            for rec in review.recommendations {
                let name = "\(review.id)/\(rec.id)"
                #expect(!rec.owners.isEmpty, "\(name) has no owner")
                for code in rec.owners { #expect(codes.contains(code), "\(name) owner \(code)") }
                for code in rec.engage { #expect(codes.contains(code), "\(name) engage \(code)") }
                #expect(Set(rec.engage).isDisjoint(with: rec.owners), "\(name) engages an owner")
                for code in rec.assuranceBy { #expect(assurers.contains(code), "\(name) assurance by \(code)") }
                if let issuer = rec.issuedBy { #expect(codes.contains(issuer), "\(name) issued by \(issuer)") }
                for outcome in rec.outcomes {
                    if let by = outcome.by { #expect(assurers.contains(by), "\(name) by \(by)") }
                    for code in outcome.with { #expect(codes.contains(code), "\(name) outcome with \(code)") }
                }
                for theme in rec.themes { #expect(themes.contains(theme), "\(name) theme \(theme)") }
            }
            for action in review.actions {
                #expect(codes.contains(action.agency), "\(review.id)/\(action.id) agency \(action.agency)")
                for code in action.with { #expect(codes.contains(code), "\(review.id)/\(action.id) with \(code)") }
            }
            for finding in review.findings {
                for audience in [finding.audience] + finding.with {
                    #expect(
                        codes.contains(audience) || sectors.contains(audience),
                        "\(review.id)/\(finding.id) audience \(audience)")
                }
            }
        }
        #expect(tracker.agency("ps-yath")?.sector == .probation)
        #expect(tracker.agency("home-office")?.sector == .national)
        #expect(tracker.agency("south-yorkshire-police")?.sector == .police)
        #expect(tracker.agency("dcst")?.sector == .childrensSocialCare)
        #expect(tracker.agency("rdash")?.sector == .health)
        #expect(tracker.agency("csprp")?.sector == .national)
        #expect(tracker.agency("sefton-dap-board")?.sector == .partnership)
    }

    @Test("text fields and date notes are short summaries, not pasted paragraphs")
    func textsAreShort() {
        var texts: [(String, String)] = []
        for review in reviews {
            texts += review.findings.map { ("\(review.id)/\($0.id)", $0.text) }
            texts += review.recommendations.map { ("\(review.id)/\($0.id)", $0.text) }
            texts += review.recommendations.flatMap { rec in
                rec.outcomes.map { ("\(review.id)/\(rec.id) outcome", $0.text) }
            }
            texts += review.recommendations.compactMap { rec in
                rec.timing.note.map { ("\(review.id)/\(rec.id) date note", $0) }
            }
            texts += review.actions.map { ("\(review.id)/\($0.id)", $0.text) }
            texts += review.actions.compactMap { action in
                action.measure.map { ("\(review.id)/\(action.id) measure", $0) }
            }
            texts += review.actions.compactMap { action in
                action.evidence.map { ("\(review.id)/\(action.id) evidence", $0) }
            }
            texts += review.actions.compactMap { action in
                action.timing.note.map { ("\(review.id)/\(action.id) date note", $0) }
            }
            #expect((review.summary?.count ?? 0) <= 1_000, "\(review.id) summary")
        }
        for (ref, text) in texts {
            #expect(!text.isEmpty && text.count <= 400, "\(ref) text is \(text.count) characters")
        }
    }

    // MARK: - Overdue, through the query API

    func overdue(asOf day: CalendarDay) -> (recommendations: [String], actions: [String]) {
        let query = Query(filter: RecordFilter(), asOf: day, amberDays: 30)
        let recs = query.recommendations(in: RecordSet(reviews)).filter { $0.state.isOverdue }
            .map { "\($0.review.id)/\($0.recommendation.id)" }
        let actions = query.actions(in: RecordSet(reviews)).filter { $0.state.isOverdue }
            .map { "\($0.review.id)/\($0.action.id)" }
        return (recs.sorted(), actions.sorted())
    }

    static let overdueIn2022 = [
        "child-g/A16", "child-g/A17", "child-g/A21", "child-g/A34", "child-g/A35", "child-g/A46", "child-g/A53",
        "child-g/A58", "kent-dhr-lessons-2014/A2",
    ]

    @Test("overdue as of 2022-01-01: eight Child G actions and Kent's further seminars, no recommendations")
    func overdueAtStartOf2022() throws {
        let day = try #require(CalendarDay(year: 2022, month: 1, day: 1))
        let found = overdue(asOf: day)
        #expect(found.recommendations == [])
        #expect(found.actions == Self.overdueIn2022.sorted())
    }

    @Test("overdue as of 2026-11-23: the 2022 Child G targets and Darren & Bethany 4i, 5i and 5ii join the list")
    func overdueInLate2026() throws {
        let day = try #require(CalendarDay(year: 2026, month: 11, day: 23))
        let found = overdue(asOf: day)
        #expect(found.recommendations == ["darren-bethany/4i", "darren-bethany/5i", "darren-bethany/5ii"])
        let later = ["child-g/A4", "child-g/A5", "child-g/A12"]
        #expect(found.actions == (Self.overdueIn2022 + later).sorted())
    }

    @Test("nothing is overdue before the earliest due date")
    func nothingOverdueEarly() throws {
        let day = try #require(CalendarDay(year: 2014, month: 1, day: 1))
        let found = overdue(asOf: day)
        #expect(found.recommendations.isEmpty && found.actions.isEmpty)
    }
}
