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

    private func split(_ ref: String) -> (String, String) {
        let parts = ref.split(separator: "/", maxSplits: 1).map(String.init)
        return (parts[0], parts.count > 1 ? parts[1] : "")
    }

    // MARK: - The store as a whole

    @Test("rlt check finds no problems in data/")
    func checkIsClean() {
        let problems = StoreChecker.check(store)
        #expect(problems.isEmpty, "\(problems.map(\.description).joined(separator: "\n"))")
    }

    @Test("the five reviews, with their types, partnerships, dates and status")
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
        #expect(reviews.allSatisfy { $0.status == .published })
        #expect(reviews.allSatisfy { $0.source?.isEmpty == false && $0.summary?.isEmpty == false })
        #expect(reviews.allSatisfy { !$0.themes.isEmpty })

        #expect(try review("darren-bethany").title == "Darren & Bethany")
        #expect(try review("darren-bethany").partnerships == ["slp", "lscp"])
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
        ("child-g", 0, 29, 62, 0),
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
        #expect(reviews.reduce(0) { $0 + $1.findings.count } == 63)
        #expect(reviews.reduce(0) { $0 + $1.actions.count } == 64)
        #expect(events.count == 9)
        #expect(tracker.agencies.count == 37)
        #expect(tracker.themes.count == 26)
        #expect(Tracker.defaultThemes.allSatisfy { tracker.theme($0.code) != nil })
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
        var testDescription: String { ref }
    }

    static let namedRecommendations: [ExpectedRecommendation] = [
        .init(
            ref: "darren-bethany/1", owners: ["slp", "ldap", "lscp", "lincs-police"], level: .local, due: nil,
            status: .implemented),
        .init(
            ref: "darren-bethany/2", owners: ["ldap", "lscp"], level: .local, due: nil, status: .assured,
            assurance: .substantial),
        .init(
            ref: "darren-bethany/3i", owners: ["lscp", "lincs-csc"], level: .local, due: nil, status: .implemented,
            assurance: .reasonable),
        .init(
            ref: "darren-bethany/3ii", owners: ["slp", "ldap"], level: .local, due: nil, status: .inProgress,
            assurance: .limited, links: ["3i"]),
        .init(ref: "darren-bethany/4i", owners: ["ldap"], level: .local, due: "2024", status: .inProgress),
        .init(
            ref: "darren-bethany/4ii", owners: ["ldap"], level: .local, due: "2025-03", status: .inProgress,
            links: ["4i"]),
        .init(
            ref: "darren-bethany/5i", owners: ["lscp", "ldap", "lincs-lcjb"], level: .local, due: "2024-04",
            status: .inProgress),
        .init(
            ref: "darren-bethany/5ii", owners: ["lscp", "ldap", "lincs-lfjb"], level: .local, due: "2024-06",
            status: .inProgress),
        .init(ref: "darren-bethany/6", owners: ["slp", "lscp"], level: .local, due: nil, status: .implemented),
        .init(ref: "louise/1", owners: ["home-office", "da-commissioner"], level: .national, due: nil, status: .open),
        .init(ref: "louise/2", owners: ["home-office", "da-commissioner"], level: .national, due: nil, status: .open),
        .init(ref: "louise/3", owners: ["home-office"], level: .national, due: nil, status: .open),
        .init(ref: "louise/4", owners: ["sefton-dap-board"], level: .local, due: nil, status: .open),
        .init(
            ref: "louise/7", owners: ["sefton-dap-board", "sefton-idva", "swaca", "sefton-csc"], level: .local,
            due: nil, status: .open),
        .init(
            ref: "louise/10", owners: ["sefton-dap-board", "sefton-gps"], level: .local, due: nil,
            status: .inProgress),
        .init(
            ref: "louise/11", owners: ["sefton-dap-board", "sefton-gps", "sefton-marac", "sefton-csc"],
            level: .local, due: nil, status: .open),
        .init(ref: "louise/13", owners: ["sefton-dap-board"], level: .local, due: nil, status: .open),
        .init(
            ref: "panel-da-briefing-2022/1", owners: ["safeguarding-partners"], level: .national, due: nil,
            status: .open),
        .init(
            ref: "panel-da-briefing-2022/2", owners: ["safeguarding-partners", "local-da-partnerships"],
            level: .national, due: nil, status: .open),
        .init(
            ref: "panel-da-briefing-2022/7", owners: ["safeguarding-partners"], level: .national, due: nil,
            status: .open),
        .init(
            ref: "panel-da-briefing-2022/7i", owners: ["safeguarding-partners"], level: .national, due: nil,
            status: .open, links: ["7"]),
        .init(
            ref: "panel-da-briefing-2022/7ii", owners: ["safeguarding-partners"], level: .national, due: nil,
            status: .open, links: ["7"]),
        .init(
            ref: "panel-da-briefing-2022/7iii", owners: ["safeguarding-partners"], level: .national, due: nil,
            status: .open, links: ["7"]),
    ]

    @Test("owners (lead first), level, due, status, assurance and links", arguments: namedRecommendations)
    func recommendationDetails(expected: ExpectedRecommendation) throws {
        let rec = try recommendation(expected.ref)
        #expect(rec.owners == expected.owners)
        #expect(rec.level == expected.level)
        #expect(rec.due?.description == expected.due)
        #expect(rec.originalDue == nil)
        #expect(rec.status == expected.status)
        #expect(rec.assurance == expected.assurance)
        #expect(rec.links == expected.links)
        #expect(!rec.text.isEmpty)
    }

    @Test("levels: Louise 1-3 national and 4-13 local; every Panel recommendation national")
    func levels() throws {
        let louise = try review("louise").recommendations
        #expect(louise.filter { $0.level == .national }.map(\.id) == ["1", "2", "3"])
        #expect(louise.filter { $0.level == .local }.map(\.id) == (4...13).map(String.init))
        #expect(try review("panel-da-briefing-2022").recommendations.allSatisfy { $0.level == .national })
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

    @Test("Darren & Bethany outcomes: dates, assurance and who gave it")
    func outcomes() throws {
        let darrenBethany = try review("darren-bethany")
        for rec in darrenBethany.recommendations {
            let latest = try #require(rec.outcomes.last, "\(rec.id) has no outcome")
            #expect(latest.date.description == "2024-Q1", "\(rec.id)")
            #expect(rec.assurance == (latest.assurance ?? .notAssessed), "\(rec.id)")
        }
        let threeTwo = try recommendation("darren-bethany/3ii").outcomes
        #expect(threeTwo.map(\.date.description) == ["2022", "2024-Q1"])
        #expect(threeTwo.last?.by == "lpft")
        #expect(try recommendation("darren-bethany/3i").outcomes.last?.by == "lincs-csc")
        let two = try #require(try recommendation("darren-bethany/2").outcomes.last)
        #expect(two.assurance == .substantial)
        #expect(two.by == nil)
        #expect(two.text.contains("All partner agencies gave positive assurance"))
        #expect(try recommendation("darren-bethany/4i").outcomes.last?.text.contains("50%") == true)
        #expect(try review("louise").recommendations.allSatisfy(\.outcomes.isEmpty))
        #expect(try review("panel-da-briefing-2022").recommendations.allSatisfy(\.outcomes.isEmpty))
    }

    // MARK: - Findings

    @Test("Child G learning by audience, in the document's order")
    func childGFindings() throws {
        let findings = try review("child-g").findings
        #expect(findings.map(\.id) == (1...29).map { "F\($0)" })
        let audiences = findings.map(\.audience)
        #expect(audiences[0..<10].allSatisfy { $0 == "ps-yath" })
        #expect(audiences[10..<14].allSatisfy { $0 == "south-yorkshire-police" })
        #expect(audiences[14..<19].allSatisfy { $0 == "dcst" })
        #expect(audiences[19..<26].allSatisfy { $0 == "doncaster-scp" })
        #expect(Array(audiences[26...]) == ["education", "health", "doncaster-council-lei"])
        #expect(try review("child-g").finding("F26")?.text.contains("Clare's Law") == true)
    }

    @Test("other reviews' findings: ids and audiences")
    func otherFindings() throws {
        let kent = try review("kent-dhr-lessons-2014").findings
        #expect(kent.map(\.id) == (1...7).map { "F\($0)" })
        #expect(
            kent.map(\.audience) == ["kent-csp", "health", "kent-csp", "kent-csp", "kent-csp", "kent-csp", "kent-csp"])
        #expect(kent.enumerated().allSatisfy { $1.text.hasPrefix("(2.\($0 + 1) ") })

        let louise = try review("louise").findings
        #expect(louise.map(\.id) == (1...8).map { "F\($0)" })
        #expect(louise[7].audience == "sefton-idva")
        #expect(louise[4].audience == "sefton-marac")

        let panel = try review("panel-da-briefing-2022").findings
        #expect(panel.map(\.id) == (1...19).map { "F\($0)" })
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
        var testDescription: String { ref }
    }

    static let namedActions: [ExpectedAction] = [
        .init(
            ref: "child-g/A1", agency: "ps-yath", due: nil, status: .done, completed: "2021", respondsTo: ["F1", "F8"]),
        .init(
            ref: "child-g/A4", agency: "ps-yath", due: "2022", status: .inProgress, measure: "Evaluation of the pilot"),
        .init(ref: "child-g/A5", agency: "ps-yath", due: "2022-03", status: .planned, respondsTo: ["F2"]),
        .init(ref: "child-g/A10", agency: "ps-yath", due: "2022-03", status: .inProgress, respondsTo: ["F5", "F6"]),
        .init(ref: "child-g/A12", agency: "ps-yath", due: "2022", status: .inProgress, respondsTo: ["F1"]),
        .init(ref: "child-g/A16", agency: "ps-yath", due: "2021-11", status: .planned, respondsTo: ["F23", "F24"]),
        .init(ref: "child-g/A17", agency: "ps-yath", due: "2021-06-12", status: .planned, respondsTo: ["F20", "F23"]),
        .init(
            ref: "child-g/A19", agency: "national-mappa-team", due: nil, status: .inProgress,
            respondsTo: ["F23", "F24"]),
        .init(
            ref: "child-g/A21", agency: "south-yorkshire-police", due: "2021-11", status: .inProgress,
            measure: "Number of officers/staff receiving the training", respondsTo: ["F11", "F13"]),
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
        .init(ref: "child-g/A35", agency: "dcst", due: "2021-12", status: .inProgress, respondsTo: ["F17"]),
        .init(ref: "child-g/A37", agency: "dcst", due: nil, status: .done, completed: "2021-08"),
        .init(
            ref: "child-g/A46", agency: "doncaster-council-lei", due: "2021-05", status: .inProgress,
            respondsTo: ["F29"]),
        .init(
            ref: "child-g/A49", agency: "rdash", due: "2021-05", status: .inProgress, measure: "dip-sample audit",
            respondsTo: ["F28"]),
        .init(ref: "child-g/A50", agency: "rdash", due: nil, status: .done, completed: "2021-03", respondsTo: ["F28"]),
        .init(
            ref: "child-g/A51", agency: "rdash", due: "2021-06", status: .done, completed: "2021", respondsTo: ["F28"]),
        .init(ref: "child-g/A52", agency: "rdash", due: nil, status: .done, completed: "2021-09", respondsTo: ["F28"]),
        .init(
            ref: "child-g/A53", agency: "doncaster-da-services", due: "2021-12-01", status: .inProgress,
            respondsTo: ["F19"]),
        .init(
            ref: "child-g/A58", agency: "doncaster-da-services", due: "2021-11", status: .inProgress,
            respondsTo: ["F23", "F26"]),
        .init(ref: "child-g/A60", agency: "doncaster-scp", due: nil, status: .inProgress),
        .init(ref: "child-g/A62", agency: "doncaster-scp", due: nil, status: .planned),
        .init(ref: "kent-dhr-lessons-2014/A1", agency: "kent-csp", due: nil, status: .done, completed: "2014-03-18"),
        .init(ref: "kent-dhr-lessons-2014/A2", agency: "kent-medway-dhr-steering-group", due: "2014", status: .planned),
    ]

    @Test("agency, due, status, completion, measure and what it answers", arguments: namedActions)
    func actionDetails(expected: ExpectedAction) throws {
        let subject = try action(expected.ref)
        #expect(subject.agency == expected.agency)
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

    @Test("Child G actions: ids in order, agencies in the order of Appendix 1, every done action dated")
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
        #expect(actions.filter { $0.status == .done }.count == 27)
        #expect(actions.filter { $0.status == .done }.allSatisfy { $0.completed != nil })
        #expect(actions.allSatisfy { $0.status != .dropped && $0.status != .blocked })
        let findingIDs = Set(try review("child-g").findings.map(\.id))
        #expect(actions.allSatisfy { $0.respondsTo.allSatisfy(findingIDs.contains) })
        #expect(try action("child-g/A21").updates.map(\.date.description) == ["2020-10-14"])
        #expect(try action("child-g/A54").updates.map(\.date.description) == ["2021-10-29"])
    }

    // MARK: - Dissemination events

    @Test("events: kind, date, attendees and the reviews they share")
    func disseminationEvents() throws {
        let rows = events.map {
            "\($0.id) \($0.kind.rawValue) \($0.date) \($0.attendees.map(String.init) ?? "-") \($0.reviews)"
        }
        #expect(
            rows == [
                #"E1 seminar 2014-Q1 360 ["kent-dhr-lessons-2014"]"#,
                #"E2 briefing 2014-03-18 - ["kent-dhr-lessons-2014"]"#,
                #"E3 training 2020-10-14 - ["child-g"]"#,
                #"E4 training 2021-09 - ["child-g"]"#,
                #"E5 briefing 2021-10-29 - ["child-g"]"#,
                #"E6 e-learning 2022 - ["darren-bethany"]"#,
                #"E7 briefing 2022-09 - ["panel-da-briefing-2022"]"#,
                #"E8 case-study 2024-04 - ["darren-bethany"]"#,
                #"E9 conference 2024-06 - ["darren-bethany"]"#,
            ])
        let seminars = try #require(events.first)
        #expect(seminars.feedback?.contains("questionnaire") == true)
        #expect(seminars.title.contains("Lessons Learned Seminars"))
        let reviewIDs = Set(reviews.map(\.id))
        #expect(events.allSatisfy { !$0.reviews.isEmpty && $0.reviews.allSatisfy(reviewIDs.contains) })
    }

    // MARK: - Directory and vocabulary

    @Test("every owner, agency, partnership and assurer is in the directory; audiences are codes or sectors")
    func directoryCoversEveryCode() throws {
        let codes = Set(tracker.agencies.map(\.code))
        let sectors = Set(Sector.allCases.map(\.rawValue))
        let themes = Set(tracker.themes.map(\.code))
        for review in reviews {
            for code in review.partnerships { #expect(codes.contains(code), "\(review.id) partnership \(code)") }
            for theme in review.themes { #expect(themes.contains(theme), "\(review.id) theme \(theme)") }
            for rec in review.recommendations {
                #expect(!rec.owners.isEmpty, "\(review.id)/\(rec.id) has no owner")
                for code in rec.owners { #expect(codes.contains(code), "\(review.id)/\(rec.id) owner \(code)") }
                for code in rec.outcomes.compactMap(\.by) {
                    #expect(codes.contains(code), "\(review.id)/\(rec.id) by \(code)")
                }
                for theme in rec.themes { #expect(themes.contains(theme), "\(review.id)/\(rec.id) theme \(theme)") }
            }
            for action in review.actions {
                #expect(codes.contains(action.agency), "\(review.id)/\(action.id) agency \(action.agency)")
            }
            for finding in review.findings {
                #expect(
                    codes.contains(finding.audience) || sectors.contains(finding.audience),
                    "\(review.id)/\(finding.id) audience \(finding.audience)")
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

    @Test("text fields are short summaries, not pasted paragraphs")
    func textsAreShort() {
        var texts: [(String, String)] = []
        for review in reviews {
            texts += review.findings.map { ("\(review.id)/\($0.id)", $0.text) }
            texts += review.recommendations.map { ("\(review.id)/\($0.id)", $0.text) }
            texts += review.recommendations.flatMap { rec in
                rec.outcomes.map { ("\(review.id)/\(rec.id) outcome", $0.text) }
            }
            texts += review.actions.map { ("\(review.id)/\($0.id)", $0.text) }
            texts += review.actions.compactMap { action in
                action.measure.map { ("\(review.id)/\(action.id) measure", $0) }
            }
            texts += review.actions.compactMap { action in
                action.evidence.map { ("\(review.id)/\(action.id) evidence", $0) }
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
        "child-g/A16", "child-g/A17", "child-g/A21", "child-g/A34", "child-g/A35", "child-g/A46", "child-g/A49",
        "child-g/A53", "child-g/A58", "kent-dhr-lessons-2014/A2",
    ]

    @Test("overdue as of 2022-01-01: nine Child G actions and Kent's further seminars, no recommendations")
    func overdueAtStartOf2022() throws {
        let day = try #require(CalendarDay(year: 2022, month: 1, day: 1))
        let found = overdue(asOf: day)
        #expect(found.recommendations == [])
        #expect(found.actions == Self.overdueIn2022.sorted())
    }

    @Test("overdue as of 2026-11-23: the 2022 Child G targets and Darren & Bethany 4i-5ii join the list")
    func overdueInLate2026() throws {
        let day = try #require(CalendarDay(year: 2026, month: 11, day: 23))
        let found = overdue(asOf: day)
        #expect(
            found.recommendations == [
                "darren-bethany/4i", "darren-bethany/4ii", "darren-bethany/5i", "darren-bethany/5ii",
            ])
        let later = ["child-g/A4", "child-g/A5", "child-g/A10", "child-g/A12"]
        #expect(found.actions == (Self.overdueIn2022 + later).sorted())
    }

    @Test("nothing is overdue before the earliest due date")
    func nothingOverdueEarly() throws {
        let day = try #require(CalendarDay(year: 2014, month: 1, day: 1))
        let found = overdue(asOf: day)
        #expect(found.recommendations.isEmpty && found.actions.isEmpty)
    }
}
