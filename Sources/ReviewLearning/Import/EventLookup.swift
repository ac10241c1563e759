/// An import's lookups into the events file, as `ReviewLookup` is for a review: by id, by title and date (rows
/// without an id), and the next free `E` number, kept up to date row by row so an events import stays linear.
final class EventLookup {
    private var ids: [String: Int] = [:]
    private var highest: Int?
    private var byTitle: [Key: [Int]] = [:]

    /// The title compared scalar by scalar (as `sameScalars` does), with the date.
    private struct Key: Hashable {
        var title: [UInt8]
        var date: PartialDate

        init(_ event: DisseminationEvent) { self.init(event.title, event.date) }

        init(_ title: String, _ date: PartialDate) {
            self.title = Array(title.utf8)
            self.date = date
        }
    }

    init(_ events: [DisseminationEvent]) {
        for (index, event) in events.enumerated() { added(event, at: index) }
    }

    func event(_ id: String) -> Int? { ids[id] }
    func event(title: String, date: PartialDate) -> Int? { byTitle[Key(title, date)]?.first }
    func nextID() -> String { Identifiers.next(prefix: "E", afterNumber: highest) }

    func added(_ event: DisseminationEvent, at index: Int) {
        if ids[event.id] == nil { ids[event.id] = index }
        if let number = Identifiers.number(of: event.id, prefix: "E") { highest = Swift.max(highest ?? number, number) }
        byTitle[Key(event), default: []].append(index)
    }

    /// The event at `index` changed (its id never does; title and date may).
    func changed(_ old: DisseminationEvent, to new: DisseminationEvent, at index: Int) {
        let (from, to) = (Key(old), Key(new))
        guard from != to else { return }
        byTitle[from]?.removeAll { $0 == index }
        if byTitle[from]?.isEmpty == true { byTitle[from] = nil }
        var positions = byTitle[to, default: []]
        positions.insert(index, at: positions.firstIndex { $0 > index } ?? positions.endIndex)
        byTitle[to] = positions
    }
}
