/// What the index keeps of one review file: the fields queries filter, sort and print, with derived values
/// (last update, outcome count, latest outcome) computed once. Strings are byte slices of a source buffer (the
/// file itself) or of a scratch buffer (escaped strings, or a review encoded from a decoded `Review`).
///
/// The digest is built either by `ReviewScanner` straight from the file's bytes, or from a `Review` decoded by
/// `JSONCodec`; both must give the same digest, and so the same index bytes (a test checks it).
struct ReviewDigest {
    /// A string: `start >= 0` is an offset into the source; `start < 0` is `-start - 1` into the scratch buffer.
    struct Str: Equatable {
        var start: Int32
        var count: Int32
        static let empty = Str(start: 0, count: 0)
    }

    /// A run of `Str`s in `lists`.
    struct List: Equatable {
        var start: Int32 = 0
        var count: Int32 = 0
    }

    struct Date: Equatable {
        var kind: UInt8 = PackedDate.none
        var end: Int32 = 0
        init() {}
        init(_ date: PartialDate?) { (kind, end) = PackedDate.pack(date) }
    }

    struct FindingDigest: Equatable {
        var id = Str.empty
        var audience = Str.empty
        var text = Str.empty
        var themes = List()
        var details: [Detail] = []
    }

    /// A schema-2 field of a record as the cell text listings print (`RecordDetail`); only what is set.
    struct Detail: Equatable {
        var field: RecordDetail
        var text: Str
    }

    struct RecDigest: Equatable {
        var id = Str.empty
        var text = Str.empty
        var reason: Str?
        var level: UInt8 = Codes.index(RecommendationLevel.local, in: Codes.levels)
        var status: UInt8 = Codes.index(RecommendationStatus.open, in: Codes.recStatuses)
        var assurance: UInt8 = Codes.index(AssuranceLevel.notAssessed, in: Codes.assurances)
        var owners = List()
        var themes = List()
        var links = List()
        var due = Date()
        var originalDue = Date()
        /// Days since 1970 of the last history entry or outcome, or nil.
        var lastUpdate: Int32?
        var outcomeCount: Int32 = 0
        var latestOutcome = Date()
        /// The outcomes' texts, in order.
        var outcomeTexts = List()
        /// The current outcome (`Recommendation.currentOutcomePosition`): which one, its date, assurance level and by.
        var current = Current()
        var details: [Detail] = []
    }

    /// A recommendation's current outcome or an action's latest progress note: the latest date, the last of
    /// equals; the scanner finds it with `consider`, and a decoded review with the model's rule.
    struct Current: Equatable {
        var position: Int32 = -1
        var date = Date()
        var assurance: UInt8?
        var by: Str?

        /// Takes item `position` if it is dated no earlier than the one taken so far (`PartialDate`'s order: by
        /// last day, then by first day, which a later kind of date (year, quarter, month, day) has later).
        /// An undated item is taken only while nothing dated has been (`latestPosition`).
        mutating func consider(_ position: Int32, _ date: Date, assurance: UInt8?, by: Str?) {
            func rank(_ d: Date) -> (Int, Int32, UInt8) { (d.kind == PackedDate.undated ? 0 : 1, d.end, d.kind) }
            guard self.position < 0 || rank(date) >= rank(self.date) else { return }
            self = Current(position: position, date: date, assurance: assurance, by: by)
        }
    }

    struct ActionDigest: Equatable {
        var id = Str.empty
        var agency = Str.empty
        var text = Str.empty
        var respondsTo = List()
        var due = Date()
        var originalDue = Date()
        var status: UInt8 = Codes.index(ActionStatus.planned, in: Codes.actionStatuses)
        var completed = Date()
        var measure: Str?
        var evidence: Str?
        var reason: Str?
        var lastUpdate: Int32?
        /// The progress notes' texts, in order.
        var updateTexts = List()
        /// The latest progress note (`AgencyAction.latestUpdatePosition`): which one and its date.
        var latestUpdate = Current()
        var details: [Detail] = []
    }

    var id = Str.empty
    var title = Str.empty
    var type: UInt8 = 0
    var schema: Int32 = Int32(Store.schemaVersion)
    var status: UInt8 = Codes.index(ReviewStatus.inProgress, in: Codes.reviewStatuses)
    var partnerships = List()
    var themes = List()
    /// The stage dates, by `ReviewStage.slot`.
    var dates = [Date](repeating: Date(), count: ReviewStage.allCases.count)
    var convertedFrom: Str?
    var summary: Str?
    var source: Str?
    var findings: [FindingDigest] = []
    var recs: [RecDigest] = []
    var actions: [ActionDigest] = []
    var lists: [Str] = []
    var scratch: [UInt8] = []

    init() {}

    // MARK: From a decoded review

    /// The digest of a review decoded by the store's decoder (the reference the scanner must agree with).
    init(_ review: Review) {
        id = add(review.id)
        title = add(review.title)
        type = Codes.index(review.type, in: Codes.reviewTypes)
        schema = Int32(clamping: review.schema)
        status = Codes.index(review.status, in: Codes.reviewStatuses)
        partnerships = list(review.partnerships)
        themes = list(review.themes)
        for stage in ReviewStage.allCases { dates[stage.slot] = Date(review[keyPath: stage.keyPath]) }
        convertedFrom = review.convertedFrom.map { add($0) }
        summary = review.summary.map { add($0) }
        source = review.source.map { add($0) }
        for finding in review.findings {
            findings.append(
                FindingDigest(
                    id: add(finding.id), audience: add(finding.audience), text: add(finding.text), themes: list(finding.themes),
                    details: details(RecordDetail.cells(of: finding))))
        }
        for rec in review.recommendations {
            var d = RecDigest()
            d.id = add(rec.id)
            d.text = add(rec.text)
            d.reason = rec.reason.map { add($0) }
            d.level = Codes.index(rec.level, in: Codes.levels)
            d.status = Codes.index(rec.status, in: Codes.recStatuses)
            d.assurance = Codes.index(rec.assurance, in: Codes.assurances)
            d.owners = list(rec.owners)
            d.themes = list(rec.themes)
            d.links = list(rec.links)
            d.due = Date(rec.due)
            d.originalDue = Date(rec.originalDue)
            d.lastUpdate = rec.lastUpdate.map { Int32($0.ordinal) }
            d.outcomeCount = Int32(clamping: rec.outcomes.count)
            d.latestOutcome = Date(rec.outcomes.last?.date)
            d.outcomeTexts = list(rec.outcomes.map(\.text))
            if let k = rec.currentOutcomePosition {
                let outcome = rec.outcomes[k]
                d.current = Current(
                    position: Int32(k), date: Date(outcome.date),
                    assurance: outcome.assurance.map { Codes.index($0, in: Codes.assurances) }, by: outcome.by.map { add($0) })
            }
            d.details = details(RecordDetail.cells(of: rec))
            recs.append(d)
        }
        for action in review.actions {
            var d = ActionDigest()
            d.id = add(action.id)
            d.agency = add(action.agency)
            d.text = add(action.text)
            d.respondsTo = list(action.respondsTo)
            d.due = Date(action.due)
            d.originalDue = Date(action.originalDue)
            d.status = Codes.index(action.status, in: Codes.actionStatuses)
            d.completed = Date(action.completed)
            d.measure = action.measure.map { add($0) }
            d.evidence = action.evidence.map { add($0) }
            d.reason = action.reason.map { add($0) }
            d.lastUpdate = action.lastUpdate.map { Int32($0.ordinal) }
            d.updateTexts = list(action.updates.map(\.text))
            if let k = action.latestUpdatePosition {
                d.latestUpdate = Current(position: Int32(k), date: Date(action.updates[k].date))
            }
            d.details = details(RecordDetail.cells(of: action))
            actions.append(d)
        }
    }

    private mutating func details(_ cells: [(RecordDetail, String)]) -> [Detail] {
        cells.map { Detail(field: $0.0, text: add($0.1)) }
    }

    private mutating func add(_ text: String) -> Str {
        let start = scratch.count
        scratch.append(contentsOf: text.utf8)
        return Str(start: -Int32(start) - 1, count: Int32(scratch.count - start))
    }

    private mutating func list(_ values: [String]) -> List {
        let start = lists.count
        for value in values { lists.append(add(value)) }
        return List(start: Int32(start), count: Int32(values.count))
    }
}
