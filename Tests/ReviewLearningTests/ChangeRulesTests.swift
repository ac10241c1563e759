import Foundation
import Testing

@testable import ReviewLearning

private let asOf = CalendarDay(year: 2024, month: 3, day: 1) ?? CalendarDay(ordinal: 0)
private let open = Review(id: "r", type: .dhr, title: "R")

@Suite("Change rules (issue 13 §5)")
struct ChangeRulesTests {
    @Test(
        "a date is in the future only when its period starts after the as-of day",
        arguments: [
            ("2024-03-01", false), ("2024-03-02", true), ("2024-03", false), ("2024-04", true), ("2024-Q1", false),
            ("2024-Q2", true), ("2024", false), ("2025", true), ("1999-06", false), ("01/03/2024", false),
            ("02/03/2024", true),
        ])
    func future(text: String, inFuture: Bool) throws {
        #expect(ChangeRules.isInFuture(try PartialDate(parsing: text), asOf: asOf) == inFuture)
    }

    @Test("a date in the future is refused with the date and the rule")
    func requirePast() throws {
        let error = try #require(throws: RuleViolation.self) {
            try ChangeRules.requirePast(.month(year: 2024, month: 4), .completed, reference: "r/A1", asOf: asOf)
        }
        #expect(error.description == "r/A1: completed date 2024-04 starts after the as-of day 2024-03-01; completions, outcomes, progress notes, review stages and reported changes cannot be dated in the future")
        let day = try #require(throws: RuleViolation.self) {
            try ChangeRules.requirePast(try PartialDate(parsing: "2024-03-02"), .outcome, reference: "r/1", asOf: asOf)
        }
        #expect(day.description.hasPrefix("r/1: outcome date 2024-03-02 is after the as-of day 2024-03-01;"))
        try ChangeRules.requirePast(.year(2024), .progressNote, reference: "r/A1", asOf: asOf)
    }

    @Test("reopening a terminal recommendation or action needs a reason given with the change")
    func reopen() throws {
        let error = try #require(throws: RuleViolation.self) {
            try ChangeRules.requireReason(
                reopening: RecommendationStatus.assured, to: .open, reasonGiven: false, reference: "r/3i", in: open)
        }
        #expect(error.description == "r/3i: assured → open reopens it, which needs --reason saying why")
        #expect(error.message(input: { "a \($0) column" }).hasSuffix("which needs a reason column saying why"))
        try ChangeRules.requireReason(reopening: RecommendationStatus.assured, to: .open, reasonGiven: true, reference: "r/3i", in: open)
        try ChangeRules.requireReason(reopening: RecommendationStatus.open, to: .assured, reasonGiven: false, reference: "r/3i", in: open)
        try ChangeRules.requireReason(reopening: RecommendationStatus.assured, to: .notAccepted, reasonGiven: false, reference: "r/3i", in: open)
        #expect(throws: RuleViolation.self) {
            try ChangeRules.requireReason(reopening: ActionStatus.done, to: .inProgress, reasonGiven: false, reference: "r/A1", in: open)
        }
        #expect(throws: RuleViolation.self) {
            try ChangeRules.requireReason(reopening: ActionStatus.dropped, to: .planned, reasonGiven: false, reference: "r/A1", in: open)
        }
    }

    @Test("nothing in a closed review is reopened: the review is reopened first (import --force aside)")
    func reopenInClosedReview() throws {
        var closed = open
        closed.status = .closed
        let error = try #require(throws: RuleViolation.self) {
            try ChangeRules.requireReason(
                reopening: RecommendationStatus.assured, to: .open, reasonGiven: true, reference: "r/3i", in: closed)
        }
        #expect(error.description == "r/3i: review r is closed, so its records cannot be reopened; reopen the review first with 'rlt review update r --status published'")
        try ChangeRules.requireReason(
            reopening: RecommendationStatus.assured, to: .open, reasonGiven: true, reference: "r/3i", in: closed,
            force: true)
        try ChangeRules.requireReason(
            reopening: ActionStatus.inProgress, to: .done, reasonGiven: false, reference: "r/A1", in: closed)
    }

    @Test("history says (reopened); a reopened action loses its completed date, named in the change; done fills it")
    func reopenedHistory() throws {
        var changes = ChangeLog()
        var status = RecommendationStatus.assured
        changes.setStatus(&status, .open)
        #expect(changes.summary == "status: assured → open (reopened)")
        var action = AgencyAction(id: "A1", agency: "p", text: "secret text")
        action.status = .done
        action.completed = .month(year: 2024, month: 1)
        var actionChanges = ChangeLog()
        let asOf = try #require(CalendarDay(year: 2024, month: 3, day: 1))
        try action.changeStatus(to: .inProgress, completed: nil, asOf: asOf, reference: "A1", &actionChanges)
        #expect(actionChanges.summary == "status: done → in-progress (reopened); completed: 2024-01 → (none)")
        #expect(action.completed == nil)
        var forward = ChangeLog()
        try action.changeStatus(to: .done, completed: nil, asOf: asOf, reference: "A1", &forward)
        #expect(forward.summary == "status: in-progress → done; completed: (none) → 2024-03-01")
        var dated = ChangeLog()
        action.status = .inProgress
        action.completed = nil
        try action.changeStatus(to: .done, completed: .month(year: 2024, month: 2), asOf: asOf, reference: "A1", &dated)
        #expect(dated.summary == "status: in-progress → done; completed: (none) → 2024-02")
        let future = PartialDate.month(year: 2024, month: 4)
        #expect(throws: RuleViolation.self) {
            try action.changeStatus(to: nil, completed: future, asOf: asOf, reference: "A1", &dated)
        }
    }

    @Test("nothing is added to a closed review; the message says how to reopen it")
    func closedReview() throws {
        var review = Review(id: "child-g", type: .cspr, title: "Child G")
        try ChangeRules.requireOpen(review)
        review.status = .closed
        let error = try #require(throws: RuleViolation.self) { try ChangeRules.requireOpen(review) }
        #expect(error.description.contains("review child-g is closed"))
        #expect(error.description.contains("'rlt review update child-g --status published'"))
    }

    @Test("a review closes only when its recommendations and actions are finished, or with force")
    func closing() throws {
        var review = Review(id: "r", type: .dhr, title: "R")
        review.recommendations = [Recommendation(id: "1", text: "a"), Recommendation(id: "2", text: "b")]
        review.recommendations[1].status = .assured
        review.actions = [AgencyAction(id: "A1", agency: "p", text: "c"), AgencyAction(id: "A2", agency: "p", text: "d")]
        #expect(ChangeRules.openRecords(in: review) == (1, 2))
        review.status = .closed
        let error = try #require(throws: RuleViolation.self) {
            try ChangeRules.requireClosable(review, from: .published, force: false)
        }
        #expect(error.description.contains("review r still has 1 open recommendation and 2 open actions"))
        #expect(error.description.contains("--force"))
        try ChangeRules.requireClosable(review, from: .published, force: true)
        try ChangeRules.requireClosable(review, from: .closed, force: false)
        review.recommendations[0].status = .notAccepted
        review.actions[0].status = .done
        review.actions[1].status = .dropped
        try ChangeRules.requireClosable(review, from: .published, force: false)
    }

    @Test("terminal decisions say why, named in each caller's terms")
    func complete() throws {
        var rec = Recommendation(id: "3i", text: "t")
        rec.status = .notAccepted
        let error = try #require(throws: RuleViolation.self) { try ChangeRules.requireComplete(rec, reference: "r/3i") }
        #expect(error.description == "r/3i: status not-accepted needs --reason (the board must give reasons)")
        rec.status = .superseded
        let link = try #require(throws: RuleViolation.self) { try ChangeRules.requireComplete(rec, reference: "r/3i") }
        #expect(link.description == "r/3i: status superseded needs --link to the replacing recommendation")
        rec.links = ["6"]
        try ChangeRules.requireComplete(rec, reference: "r/3i")
        #expect(rec.statusText == "superseded by 6")
        var action = AgencyAction(id: "A1", agency: "p", text: "t")
        action.status = .dropped
        #expect(throws: RuleViolation.self) { try ChangeRules.requireComplete(action, reference: "r/A1") }
    }
}

@Suite("Import obeys the change rules")
struct ImportRulesTests {
    static let context = ImportContext(asOf: asOf, author: "t", timestamp: "2024-03-01T09:30:00Z")

    static func state(closed: Bool = false) -> ImportState {
        var tracker = Tracker(name: "t")
        tracker.agencies = [Agency(code: "police", name: "Police", sector: .police)]
        var review = Review(id: "r", type: .dhr, title: "R")
        var rec = Recommendation(id: "1", text: "Secret recommendation text")
        rec.status = .assured
        review.recommendations = [rec, Recommendation(id: "2", text: "Another")]
        var action = AgencyAction(id: "A1", agency: "police", text: "Secret action text")
        action.status = .done
        action.completed = .month(year: 2024, month: 1)
        review.actions = [action]
        if closed {
            review.recommendations[1].status = .assured
            review.status = .closed
        }
        return ImportState(tracker: tracker, reviews: ["r": review], events: EventsFile())
    }

    func problems(_ table: ExportTable, _ csv: String, _ state: ImportState, force: Bool = false) -> [String] {
        var context = Self.context
        context.force = force
        switch Importer.plan(table, bytes: Array(csv.utf8), state: state, context: context) {
        case .success: return []
        case .failure(let failure): return failure.problems.map { $0.description(file: "f.csv") }
        }
    }

    func plan(_ table: ExportTable, _ csv: String, _ state: ImportState, force: Bool = false) throws -> ImportPlan {
        var context = Self.context
        context.force = force
        return try Importer.plan(table, bytes: Array(csv.utf8), state: state, context: context).get()
    }

    @Test(
        "dates in the future are refused: outcomes, progress notes, completed",
        arguments: [
            (ExportTable.outcomes, "review_id,rec_id,date,text\nr,1,2024-04,Later\n", "outcome date 2024-04 starts after"),
            (.updates, "review_id,action_id,date,text\nr,A1,2024-03-02,Later\n", "progress note date 2024-03-02 is after"),
            (.actions, "review_id,action_id,agency,text,completed\nr,A1,,,2025\n", "completed date 2025 starts after"),
        ])
    func futureDates(table: ExportTable, csv: String, message: String) {
        let found = problems(table, csv, Self.state())
        #expect(found.count == 1)
        #expect(found.first?.contains(message) == true, "\(found)")
        #expect(found.first?.contains("cannot be dated in the future") == true)
    }

    @Test("dates long before the import are normal")
    func pastDates() throws {
        let plan = try plan(.outcomes, "review_id,rec_id,date,text\nr,1,2003,Old evidence\nr,1,2024-Q1,This quarter\n", Self.state())
        #expect(plan.added.count == 2)
    }

    @Test(
        "new findings, recommendations and actions are refused in a closed review; --force lets a restore through",
        arguments: [
            (ExportTable.findings, "review_id,audience,text\nr,police,New learning\n"),
            (.recommendations, "review_id,rec_id,text\nr,9,New recommendation\n"),
            (.actions, "review_id,agency,text\nr,police,New action\n"),
        ])
    func closedReview(table: ExportTable, csv: String) throws {
        let found = problems(table, csv, Self.state(closed: true))
        #expect(found.count == 1)
        #expect(found.first?.contains("review r is closed") == true, "\(found)")
        #expect(found.first?.contains("rlt review update r --status published") == true)
        #expect(found.allSatisfy { !$0.contains("New ") })
        #expect(try plan(table, csv, Self.state(closed: true), force: true).added.count == 1)
    }

    @Test("records already in a closed review may still be updated")
    func updateInClosedReview() throws {
        let plan = try plan(.recommendations, "review_id,rec_id,due\nr,2,2024-06\n", Self.state(closed: true))
        #expect(plan.changed.count == 1)
    }

    @Test("closing a review with open records is refused, unless --force")
    func closing() throws {
        let found = problems(.reviews, "id,type,title,status\nr,dhr,R,closed\n", Self.state())
        #expect(found == ["f.csv:2: column \"status\": review r still has 1 open recommendation; finish, drop or supersede them before closing it, or give --force to close it anyway"])
        let plan = try plan(.reviews, "id,type,title,status\nr,dhr,R,closed\n", Self.state(), force: true)
        #expect(plan.state.reviews["r"]?.status == .closed)
    }

    @Test("a reopen needs a reason in the row; history says (reopened) and copies no text")
    func reopen() throws {
        let found = problems(.recommendations, "review_id,rec_id,status\nr,1,open\n", Self.state())
        #expect(found == ["f.csv:2: column \"status\": r/1: assured → open reopens it, which needs a reason (the reason column) saying why"])
        let recs = try plan(.recommendations, "review_id,rec_id,status,reason\nr,1,open,New concerns raised\n", Self.state())
        let rec = try #require(recs.state.reviews["r"]?.recommendations.first)
        #expect(rec.status == .open)
        #expect(rec.reason == "New concerns raised")
        #expect(rec.history.last?.change == "imported: status: assured → open (reopened); reason changed")
        let actions = try plan(.actions, "review_id,action_id,agency,text,status,reason\nr,A1,,,in-progress,Not embedded\n", Self.state())
        let action = try #require(actions.state.reviews["r"]?.actions.first)
        #expect(action.completed == nil)
        #expect(action.history.last?.change == "imported: status: done → in-progress (reopened); completed: 2024-01 → (none); reason changed")
    }

    @Test("an unknown status in a sheet suggests the value meant")
    func synonymInSheet() {
        let found = problems(.actions, "review_id,action_id,agency,text,status\nr,A1,,,Completed\n", Self.state())
        #expect(found.first?.contains("\"Completed\" is not an action status; did you mean \"done\"?") == true, "\(found)")
    }
}
