/// Applies import rows of one table to the plan's copy of the store, collecting problems with line and column.
struct RowApplier {
    typealias Values = [String: (column: String, value: String)]

    let table: ExportTable
    let context: ImportContext
    var plan: ImportPlan
    let header: [String]
    var problems: [ImportProblem] = []
    /// Links to other reviews' records, checked when the whole file is in (the target may come later).
    private var pendingLinks: [(at: ImportProblem, ref: RecordReference)] = []
    /// First line of each key, to refuse a record given twice in one file.
    private var seenKeys: [String: Int] = [:]
    /// Each review's lookups, built when a row first needs them.
    private var lookups: [String: ReviewLookup] = [:]
    private var eventLookup: EventLookup?

    init(table: ExportTable, context: ImportContext, plan: ImportPlan, header: [String]) {
        self.table = table
        self.context = context
        self.plan = plan
        self.header = header
    }

    func requireColumns(_ columns: ImportColumns) -> ImportProblem? {
        let present = Set(columns.fields.compactMap { $0 })
        var required: [String]
        switch table {
        case .agencies: required = ["code", "name", "sector"]
        case .themes: required = ["code", "label"]
        case .reviews: required = ["id", "type", "title"]
        case .findings: required = ["audience", "text"]
        case .recommendations: required = ["id"]
        case .actions: required = ["agency", "text"]
        case .outcomes: required = ["rec", "date", "text"]
        case .updates: required = ["action", "date", "text"]
        case .events: required = ["kind", "title", "date"]
        }
        if [.findings, .recommendations, .actions, .outcomes, .updates].contains(table) && context.review == nil {
            required.append("review")
        }
        let missing = required.filter { !present.contains($0) }
        guard !missing.isEmpty else { return nil }
        let hints = missing.map { field in
            field == "review" ? "review (a review_id column, or --review ID)" : field
        }
        return ImportProblem(
            line: 1, column: nil,
            message: "the header has no column for \(hints.joined(separator: ", ")); name the columns as 'rlt export' does, or use --map COLUMN=field")
    }

    mutating func apply(_ values: Values, line: Int) {
        var row = Row(values: values, line: line, applier: self)
        switch table {
        case .agencies: applyAgency(&row)
        case .themes: applyTheme(&row)
        case .reviews: applyReview(&row)
        case .findings: applyFinding(&row)
        case .recommendations: applyRecommendation(&row)
        case .actions: applyAction(&row)
        case .outcomes: applyOutcome(&row)
        case .updates: applyUpdate(&row)
        case .events: applyEvent(&row)
        }
        problems += row.problems
    }

    /// Refuses a second row for the same record.
    private mutating func claim(_ key: String, _ row: inout Row) -> Bool {
        if let first = seenKeys[key] {
            row.fail(nil, "\(key) is also on line \(first); give each record once")
            return false
        }
        seenKeys[key] = row.line
        return true
    }

    private func history(_ change: String) -> HistoryEntry {
        HistoryEntry(at: context.timestamp, by: context.author, change: change, on: .day(context.asOf))
    }

    private mutating func record(added reference: String) { plan.added.append(reference) }

    private mutating func record(_ reference: String, _ changes: ChangeLog) {
        plan.changed.append((reference, changes.summary))
    }

    // MARK: Directory

    private mutating func applyAgency(_ row: inout Row) {
        guard let code = row.slug("code", kind: "agency"), let name = row.text("name"),
            let sector = row.choice("sector", Sector.self), claim(code, &row)
        else { return }
        let contact = row.contact("contact", ContactRules.nameProblem)
        let email = row.contact("email", ContactRules.emailProblem)
        guard row.problems.isEmpty else { return }
        if let index = plan.state.tracker.agencies.firstIndex(where: { $0.code == code }) {
            var changes = ChangeLog()
            var agency = plan.state.tracker.agencies[index]
            changes.note("name", agency.name, name, text: true)
            changes.note("sector", agency.sector.rawValue, sector.rawValue)
            // An empty cell leaves a contact field as it is, as for every field.
            if let contact { changes.note("contact", agency.contact, contact, text: true) }
            if let email { changes.note("email", agency.email, email) }
            guard !changes.isEmpty else { return }
            agency.name = name
            agency.sector = sector
            agency.contact = contact ?? agency.contact
            agency.email = email ?? agency.email
            plan.state.tracker.agencies[index] = agency
            plan.state.tracker.history.append(history("imported agency \(code): \(changes.summary)"))
            record("agency \(code)", changes)
        } else {
            var agency = Agency(code: code, name: name, sector: sector)
            agency.contact = contact
            agency.email = email
            plan.state.tracker.agencies.append(agency)
            plan.state.tracker.history.append(history("imported agency \(code)"))
            record(added: "agency \(code)")
        }
        plan.trackerChanged = true
    }

    private mutating func applyTheme(_ row: inout Row) {
        guard let code = row.slug("code", kind: "theme"), let label = row.text("label"), claim(code, &row),
            row.problems.isEmpty
        else { return }
        if let index = plan.state.tracker.themes.firstIndex(where: { $0.code == code }) {
            guard !sameScalars(plan.state.tracker.themes[index].label, label) else { return }
            plan.state.tracker.themes[index].label = label
            plan.state.tracker.history.append(history("imported theme \(code): label changed"))
            record("theme \(code)", ChangeLog(["label changed"]))
        } else {
            plan.state.tracker.themes.append(Theme(code: code, label: label))
            plan.state.tracker.history.append(history("imported theme \(code)"))
            record(added: "theme \(code)")
        }
        plan.trackerChanged = true
    }

    // MARK: Reviews

    private mutating func applyReview(_ row: inout Row) {
        guard let id = row.slug("id", kind: "review"), claim(id, &row) else { return }
        let type = row.choice("type", ReviewType.self)
        let title = row.text("title")
        var review = plan.state.reviews[id] ?? Review(id: id, type: type ?? .other, title: title ?? "")
        let isNew = plan.state.reviews[id] == nil
        var changes = ChangeLog()
        if let type { changes.set(&review.type, type, "type") }
        if let title { changes.set(&review.title, title, "title", text: true) }
        let before = review.status
        if let status = row.choice("status", ReviewStatus.self) { changes.setStatus(&review.status, status) }
        let force = context.force
        row.obey("status") { () throws(RuleViolation) in
            if let note = try ChangeRules.requireClosable(review, from: before, force: force) { changes.append(note) }
        }
        if let codes = row.list("partnerships") {
            row.agencies(codes, "partnerships", tracker: plan.state.tracker)
            changes.setList(&review.partnerships, codes, "partnerships")
        }
        let asOf = context.asOf
        for stage in ReviewStage.allCases {
            guard let date = row.date(stage.rawValue) else { continue }
            row.obey(stage.rawValue) { () throws(RuleViolation) in
                try ChangeRules.requirePast(date, .stage, reference: "\(id) \(stage.rawValue)", asOf: asOf)
            }
            changes.setOptional(&review[keyPath: stage.keyPath], date, stage.rawValue)
        }
        if let source = row.optionalSlug("converted_from", kind: "review") {
            if source == id || plan.state.reviews[source] == nil {
                row.fail("converted_from", "no review \(source)")
            }
            changes.setOptional(&review.convertedFrom, source, "converted_from")
        }
        if let themes = row.list("themes") {
            row.themes(themes, "themes", tracker: plan.state.tracker)
            changes.setList(&review.themes, themes, "themes")
        }
        if let summary = row.text("summary") { changes.setOptional(&review.summary, summary, "summary", text: true) }
        if let source = row.text("source") { changes.setOptional(&review.source, source, "source", text: true) }
        guard row.problems.isEmpty else { return }
        save(review, id: id, isNew: isNew, changes: changes, reference: id) { review, entry in review.history.append(entry) }
    }

    private mutating func save(
        _ review: Review, id: String, isNew: Bool, changes: ChangeLog, reference: String,
        addHistory: (inout Review, HistoryEntry) -> Void
    ) {
        var review = review
        if isNew {
            addHistory(&review, history("imported"))
            record(added: reference)
        } else if !changes.isEmpty {
            addHistory(&review, history("imported: \(changes.summary)"))
            record(reference, changes)
        } else {
            return
        }
        plan.state.reviews[id] = review
        plan.changedReviews.insert(id)
    }

    /// The review a row belongs to, from its column or `--review`.
    private func review(_ row: inout Row) -> Review? {
        guard let id = row.optionalSlug("review", kind: "review") ?? context.review else {
            row.fail(nil, "no review; fill the review_id column or pass --review ID")
            return nil
        }
        guard let review = plan.state.reviews[id] else {
            row.fail(row.column("review"), "no review \(id); import or add the review first")
            return nil
        }
        return review
    }

    // MARK: Records inside reviews

    private mutating func applyFinding(_ row: inout Row) {
        guard var review = review(&row) else { return }
        let audience = row.code("audience")
        let text = row.text("text")
        let themes = row.list("themes")
        let lookup = lookup(review)
        var id = row.recordID("id", kind: "finding")
        if id == nil, let text {
            id = lookup.finding(text: text, audience: audience).map { review.findings[$0].id } ?? lookup.nextFindingID()
        }
        guard let id, claim("\(review.id)/\(id)", &row) else { return }
        if let audience, plan.state.tracker.agency(audience) == nil && Sector(rawValue: audience) == nil {
            row.fail(row.column("audience"), "\"\(audience)\" is not a known agency code or sector")
        }
        if let themes { row.themes(themes, "themes", tracker: plan.state.tracker) }
        let with = row.list("with")
        for code in with ?? [] where plan.state.tracker.agency(code) == nil && Sector(rawValue: code) == nil {
            row.fail(row.column("with"), "\"\(code)\" is not a known agency code or sector")
        }
        let kind = row.choice("kind", FindingKind.self)
        let para = row.text("para")
        let index = lookup.finding(id)
        if index == nil, lookup.isUsed(id) {
            row.fail(row.column("id"), "\(review.id)/\(id) is already used by another record")
        }
        if index == nil { requireOpen(review, &row) }
        guard row.problems.isEmpty else { return }
        var finding = index.map { review.findings[$0] } ?? Finding(id: id, audience: audience ?? "", text: text ?? "")
        var changes = ChangeLog()
        if let audience { changes.set(&finding.audience, audience, "audience") }
        if let text { changes.set(&finding.text, text, "text", text: true) }
        if let themes { changes.setList(&finding.themes, themes, "themes") }
        if let with = with { changes.setList(&finding.with, with, "with") }
        if let kind { changes.set(&finding.kind, kind, "kind") }
        if let para { changes.setOptional(&finding.para, para, "para") }
        commit(finding, at: index, in: &review, \.findings, id: id, changes, changed: lookup.changed, added: lookup.added)
    }

    private mutating func applyRecommendation(_ row: inout Row) {
        guard var review = review(&row), let id = row.recordID("id", kind: "recommendation") else {
            if row.problems.isEmpty { row.fail(row.column("id"), "is empty; every recommendation needs its number") }
            return
        }
        guard claim("\(review.id)/\(id)", &row) else { return }
        let lookup = lookup(review)
        let index = lookup.recommendation(id)
        if index == nil, lookup.isUsed(id) {
            row.fail(row.column("id"), "\(review.id)/\(id) is already used by another record")
        }
        if index == nil { requireOpen(review, &row) }
        let text = row.text("text")
        if index == nil && text == nil { row.fail(row.column("text") ?? "text", "a new recommendation needs its text") }
        var rec = index.map { review.recommendations[$0] } ?? Recommendation(id: id, text: text ?? "")
        var edit = RecommendationEdit()
        edit.text = text
        edit.level = row.choice("level", RecommendationLevel.self)
        edit.owners = row.list("owners").map { row.agencies($0, "owners", tracker: plan.state.tracker) }
        edit.themes = row.list("themes")
        if let themes = edit.themes { row.themes(themes, "themes", tracker: plan.state.tracker) }
        edit.originalDue = row.date("original_due")
        edit.due = row.date("due")
        edit.status = row.choice("status", RecommendationStatus.self)
        edit.assurance = row.choice("assurance", AssuranceLevel.self)
        edit.reason = row.text("reason")
        edit.links = row.list("links")
        for link in edit.links ?? [] {
            if let problem = linkProblem(link, from: id, lookup: lookup) { row.fail(row.column("links"), problem) }
            if case .otherReview(let ref) = RecordLink(link) {
                pendingLinks.append((ImportProblem(line: row.line, column: row.column("links"), message: ""), ref))
            }
        }
        edit.timing = timing(&row)
        let tracker = plan.state.tracker
        edit.assuranceBy = row.list("assurance_by").map { row.assurers($0, "assurance_by", tracker: tracker) }
        edit.engage = row.list("engage").map { row.agencies($0, "engage", tracker: tracker) }
        edit.issuedBy = row.code("issued_by").map { row.agencies([$0], "issued_by", tracker: tracker).first }
        // A note already recorded (the same sheet imported again) is not added twice.
        if let note = row.text("note"), !rec.outcomes.contains(where: { sameScalars($0.text, note) }) {
            edit.note = Outcome(date: .day(context.asOf), text: note, author: context.author)
        }
        let (before, reasonBefore) = (rec.status, rec.reason)
        let reference = "\(review.id)/\(id)"
        var changes = ChangeLog()
        row.obey("through") { () throws(RuleViolation) in changes = try edit.apply(to: &rec, reference: reference) }
        let reasonGiven = Self.givesReason(row, old: reasonBefore)
        row.obey("status") { () throws(RuleViolation) in
            try rec.requireValid(
                from: before, reasonGiven: reasonGiven, reference: reference, in: review, force: context.force)
        }
        guard row.problems.isEmpty else { return }
        commit(rec, at: index, in: &review, \.recommendations, id: id, changes, changed: { _, _, _ in }, added: lookup.added)
    }

    private mutating func applyAction(_ row: inout Row) {
        guard var review = review(&row) else { return }
        let agencyText = row.code("agency")
        let agency = agencyText.flatMap { row.agencies([$0], "agency", tracker: plan.state.tracker).first }
        let text = row.text("text")
        let lookup = lookup(review)
        var id = row.recordID("id", kind: "action")
        if id == nil, let text {
            id = lookup.action(text: text, agency: agency).map { review.actions[$0].id } ?? lookup.nextActionID()
        }
        guard let id, claim("\(review.id)/\(id)", &row) else { return }
        let index = lookup.action(id)
        if index == nil, lookup.isUsed(id) {
            row.fail(row.column("id"), "\(review.id)/\(id) is already used by another record")
        }
        if index == nil { requireOpen(review, &row) }
        let reference = "\(review.id)/\(id)"
        var action = index.map { review.actions[$0] } ?? AgencyAction(id: id, agency: agency ?? "", text: text ?? "")
        var edit = ActionEdit()
        (edit.agency, edit.text) = (agency, text)
        edit.respondsTo = row.list("responds_to")
        for target in edit.respondsTo ?? [] where lookup.recommendation(target) == nil && lookup.finding(target) == nil {
            row.fail(row.column("responds_to"), "no recommendation or finding \(review.id)/\(target)")
        }
        edit.originalDue = row.date("original_due")
        edit.due = row.date("due")
        let (before, reasonBefore) = (action.status, action.reason)
        // A new action is taken as the row has it (no completed date is made up for it), and a cell that repeats
        // the stored status is no change; a status the row changes follows the rules `rlt action update` does.
        edit.status = row.choice("status", ActionStatus.self)
        if let given = edit.status, index == nil || given == action.status {
            action.status = given
            edit.status = nil
        }
        edit.completed = row.date("completed", allowingUndated: true)
        edit.with = row.list("with").map { row.agencies($0, "with", tracker: plan.state.tracker) }
        if let with = edit.with, with.contains(edit.agency ?? action.agency) {
            row.fail(row.column("with"), "names the lead agency; list only the agencies that share the action")
        }
        edit.timing = timing(&row)
        edit.measure = row.text("measure")
        edit.evidence = row.text("evidence")
        edit.reason = row.text("reason")
        if let note = row.text("note"), !action.updates.contains(where: { sameScalars($0.text, note) }) {
            edit.note = ProgressNote(date: .day(context.asOf), text: note, author: context.author)
        }
        var changes = ChangeLog()
        let asOf = context.asOf
        row.obey("completed") { () throws(RuleViolation) in
            changes = try edit.apply(to: &action, asOf: asOf, reference: reference)
        }
        let reasonGiven = Self.givesReason(row, old: reasonBefore)
        row.obey("status") { () throws(RuleViolation) in
            try action.requireValid(
                from: before, reasonGiven: reasonGiven, reference: reference, in: review, force: context.force)
        }
        guard row.problems.isEmpty else { return }
        commit(action, at: index, in: &review, \.actions, id: id, changes, changed: lookup.changed, added: lookup.added)
    }

    private mutating func applyOutcome(_ row: inout Row) {
        guard var review = review(&row), let recID = row.recordID("rec", kind: "recommendation"),
            let date = row.date("date", allowingUndated: true), let text = row.text("text")
        else { return }
        guard let index = lookup(review).recommendation(recID) else {
            row.fail(row.column("rec"), "no recommendation \(review.id)/\(recID)")
            return
        }
        let assurance = row.choice("assurance", AssuranceLevel.self)
        let by = row.code("by").flatMap { row.assurers([$0], "by", tracker: plan.state.tracker).first }
        let with = row.list("with").map { row.agencies($0, "with", tracker: plan.state.tracker) } ?? []
        let asOf = context.asOf
        row.obey("date") { () throws(RuleViolation) in
            try ChangeRules.requirePast(date, .outcome, reference: "\(review.id)/\(recID)", asOf: asOf)
        }
        guard row.problems.isEmpty else { return }
        var rec = review.recommendations[index]
        let outcome = Outcome(
            date: date, text: text, author: row.text("author") ?? context.author, assurance: assurance, by: by, with: with)
        guard !rec.outcomes.contains(where: { $0.date == date && sameScalars($0.text, text) }) else { return }
        _ = claim("\(review.id)/\(recID) \(date) \(rec.outcomes.count)", &row)
        rec.outcomes.insertByDate(outcome)
        var change = "imported outcome (\(date))"
        if let assurance, rec.outcomes.last == outcome, assurance != rec.assurance {
            change += "; assurance: \(rec.assurance.rawValue) → \(assurance.rawValue)"
            rec.assurance = assurance
        }
        rec.history.append(history(change))
        unshare(review)
        review.recommendations[index] = rec
        record(added: "outcome on \(review.id)/\(recID) (\(date))")
        store(review)
    }

    private mutating func applyUpdate(_ row: inout Row) {
        guard var review = review(&row), let actionID = row.recordID("action", kind: "action"),
            let date = row.date("date"), let text = row.text("text")
        else { return }
        guard let index = lookup(review).action(actionID) else {
            row.fail(row.column("action"), "no action \(review.id)/\(actionID)")
            return
        }
        let asOf = context.asOf
        row.obey("date") { () throws(RuleViolation) in
            try ChangeRules.requirePast(date, .progressNote, reference: "\(review.id)/\(actionID)", asOf: asOf)
        }
        guard row.problems.isEmpty else { return }
        var action = review.actions[index]
        guard !action.updates.contains(where: { $0.date == date && sameScalars($0.text, text) }) else { return }
        _ = claim("\(review.id)/\(actionID) \(date) \(action.updates.count)", &row)
        action.updates.insertByDate(ProgressNote(date: date, text: text, author: row.text("author") ?? context.author))
        action.history.append(history("imported update (\(date))"))
        unshare(review)
        review.actions[index] = action
        record(added: "update on \(review.id)/\(actionID) (\(date))")
        store(review)
    }

    private mutating func applyEvent(_ row: inout Row) {
        let kind = row.choice("kind", EventKind.self)
        let title = row.text("title")
        let date = row.date("date")
        let lookup = eventLookup ?? EventLookup(plan.state.events.events)
        eventLookup = lookup
        var id = row.recordID("id", kind: "event")
        if id == nil, let title, let date {
            id = lookup.event(title: title, date: date).map { plan.state.events.events[$0].id } ?? lookup.nextID()
        }
        guard let id, claim(id, &row) else { return }
        let attendees = row.integer("attendees")
        let reviews = row.list("reviews")
        for review in reviews ?? [] where plan.state.reviews[review] == nil {
            row.fail(row.column("reviews"), "no review \(review)")
        }
        let status = row.choice("status", EventStatus.self)
        let expected = row.integer("expected")
        let sessions = row.integer("sessions")
        if sessions == 0 { row.fail(row.column("sessions"), "must be at least 1") }
        let serves = row.list("serves")
        for target in serves ?? [] {
            if let problem = servesProblem(target) { row.fail(row.column("serves"), problem) }
        }
        guard row.problems.isEmpty else { return }
        let index = lookup.event(id)
        guard index != nil || (kind != nil && title != nil && date != nil) else {
            row.fail(nil, "a new event needs kind, title and date")
            return
        }
        var event = index.map { plan.state.events.events[$0] }
            ?? DisseminationEvent(id: id, kind: kind ?? .seminar, title: title ?? "", date: date ?? .year(2000))
        var changes = ChangeLog()
        if let kind { changes.set(&event.kind, kind, "kind") }
        if let title { changes.set(&event.title, title, "title", text: true) }
        if let date { changes.set(&event.date, date, "date") }
        if let audience = row.text("audience") { changes.setOptional(&event.audience, audience, "audience", text: true) }
        if let attendees { changes.setOptional(&event.attendees, attendees, "attendees") }
        if let reviews { changes.setList(&event.reviews, reviews, "reviews") }
        if let feedback = row.text("feedback") { changes.setOptional(&event.feedback, feedback, "feedback", text: true) }
        if let status { changes.set(&event.status, status, "status") }
        if let expected { changes.setOptional(&event.expected, expected, "expected") }
        if let sessions { changes.setOptional(&event.sessions, sessions, "sessions") }
        if let location = row.text("location") { changes.setOptional(&event.location, location, "location", text: true) }
        if let serves { changes.setList(&event.serves, serves, "serves") }
        if event.status == .planned && event.attendees != nil {
            row.fail(row.column("attendees") ?? row.column("status"), "a planned event has no attendees yet; put the forecast in expected")
            return
        }
        if let index {
            guard !changes.isEmpty else { return }
            event.history.append(history("imported: \(changes.summary)"))
            lookup.changed(plan.state.events.events[index], to: event, at: index)
            plan.state.events.events[index] = event
            record(id, changes)
        } else {
            event.history.append(history("imported"))
            lookup.added(event, at: plan.state.events.events.count)
            plan.state.events.events.append(event)
            record(added: id)
        }
        plan.eventsChanged = true
    }

    /// The timing columns of a recommendation or action row.
    private func timing(_ row: inout Row) -> TimingEdit {
        var edit = TimingEdit()
        edit.from = row.date("from").map { .some($0) }
        edit.through = row.date("through").map { .some($0) }
        edit.approximate = row.flag("approximate")
        edit.note = row.text("date_note").map { .some($0) }
        return edit
    }

    /// What is wrong with a link of recommendation `id`: same-review links name an earlier recommendation, links to
    /// other reviews a record of a review in the store.
    private func linkProblem(_ link: String, from id: String, lookup: ReviewLookup) -> String? {
        switch RecordLink(link) {
        case .sameReview(let target):
            if target == id { return "a recommendation cannot link to itself" }
            return lookup.recommendation(target) == nil ? "links to missing recommendation \(target) (put it on an earlier line)" : nil
        case .otherReview(let ref):
            // The record itself may come on a later line; `checkPendingLinks` looks for it once every row is in.
            return plan.state.reviews[ref.review] == nil ? "links to \(link), but there is no review \(ref.review)" : nil
        case nil:
            return "link \"\(link)\" is neither an id nor REVIEW/ID"
        }
    }

    /// Reports each link to another review's record that no row of the file (nor the store) supplied.
    mutating func checkPendingLinks() {
        for (at, ref) in pendingLinks {
            guard let review = plan.state.reviews[ref.review], !review.childIDs.contains(ref.id) else { continue }
            problems.append(
                ImportProblem(line: at.line, column: at.column, message: "links to \(ref), but review \(ref.review) has no record \(ref.id)"))
        }
        pendingLinks = []
    }

    /// What is wrong with an event's `serves` entry: it names a recommendation or action of a review in the store.
    private func servesProblem(_ target: String) -> String? {
        guard let ref = try? RecordReference(parsing: target) else { return "\"\(target)\" is not REVIEW/ID" }
        guard let review = plan.state.reviews[ref.review] else { return "no review \(ref.review)" }
        guard review.recommendation(ref.id) != nil || review.action(ref.id) != nil else {
            return "no recommendation or action \(target)"
        }
        return nil
    }

    /// Whether the row gives a reason with its change: an exported sheet repeats the stored reason, which is not one.
    private static func givesReason(_ row: Row, old: String?) -> Bool {
        !sameScalars(row.text("reason") ?? old, old)
    }

    /// New findings, recommendations and actions go only into a review that is not closed (unless `--force`).
    private func requireOpen(_ review: Review, _ row: inout Row) {
        guard !context.force else { return }
        row.obey("review") { () throws(RuleViolation) in try ChangeRules.requireOpen(review) }
    }

    /// The lookups of `review`, built on first use.
    private mutating func lookup(_ review: Review) -> ReviewLookup {
        if let lookup = lookups[review.id] { return lookup }
        let lookup = ReviewLookup(review)
        lookups[review.id] = lookup
        return lookup
    }

    /// Drops the plan's copy of `review` before a row changes the caller's copy, so that its arrays are no longer
    /// shared and change in place; `store` puts it back. (Copying them on every row made imports quadratic.)
    /// Saves an imported record: a change to record `index` of `review`'s `list` (nothing when nothing changed), or
    /// a new one appended; with its history entry, noted in the plan, and told to the lookup (`changed`, `added`).
    private mutating func commit<Record: Tracked>(
        _ record: Record, at index: Int?, in review: inout Review, _ list: WritableKeyPath<Review, [Record]>, id: String,
        _ changes: ChangeLog, changed: (Record, Record, Int) -> Void, added: (Record, Int) -> Void
    ) {
        var record = record
        if let index {
            guard !changes.isEmpty else { return }
            record.history.append(history("imported: \(changes.summary)"))
            unshare(review)
            changed(review[keyPath: list][index], record, index)
            review[keyPath: list][index] = record
            self.record("\(review.id)/\(id)", changes)
        } else {
            record.history.append(history("imported"))
            unshare(review)
            added(record, review[keyPath: list].count)
            review[keyPath: list].append(record)
            self.record(added: "\(review.id)/\(id)")
        }
        store(review)
    }

    private mutating func unshare(_ review: Review) {
        plan.state.reviews[review.id] = nil
    }

    private mutating func store(_ review: Review) {
        plan.state.reviews[review.id] = review
        plan.changedReviews.insert(review.id)
    }
}

/// A record with a change trail, which import saves the same way whatever its kind (`RowApplier.commit`).
protocol Tracked {
    var history: [HistoryEntry] { get set }
}

extension Finding: Tracked {}
extension Recommendation: Tracked {}
extension AgencyAction: Tracked {}
