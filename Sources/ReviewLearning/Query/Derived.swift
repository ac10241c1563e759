/// Red-amber-green status as of a day (DESIGN §3 "Derived views").
package enum RAG: String, Vocabulary {
    /// Terminal: nothing more to do.
    case blue
    /// Overdue.
    case red
    /// Due within the store's amber window.
    case amber
    /// Due later.
    case green
    /// No due date.
    case grey
    package static let noun = "RAG rating"
}

/// The derived views of a record with a due date and a status, computed as of a day and never stored: overdue as of
/// D means it has a due date, its period ended before D, and its status is not terminal (`RecordQuery.state`, the
/// one place that computes them).
package struct DueState: Equatable, Sendable {
    package let rag: RAG
    /// Days since the period ended, when overdue.
    package let daysOverdue: Int?

    package var isOverdue: Bool { daysOverdue != nil }

    package init(rag: RAG, daysOverdue: Int?) {
        self.rag = rag
        self.daysOverdue = daysOverdue
    }
}

extension HistoryEntry {
    /// The UTC day of `at`, or nil when the timestamp is not in rlt's format.
    package var day: CalendarDay? {
        // rlt's own timestamps ("2024-06-30T…") without Foundation or a `String` per entry: ten ASCII bytes followed
        // by an ASCII byte (or the end) are exactly the ten characters the general rule reads.
        if let quick = at.utf8.withContiguousStorageIfAvailable(HistoryEntry.canonicalDay), let quick { return quick }
        guard at.utf8.count >= 10, let date = try? PartialDate(parsing: String(at.prefix(10))),
            case .day(let day) = date
        else { return nil }
        return day
    }

    private static func canonicalDay(_ b: UnsafeBufferPointer<UInt8>) -> CalendarDay? {
        guard b.count >= 10, b.count == 10 || b[10] < 0x80, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else {
            return nil
        }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for k in range {
                guard b[k] >= UInt8(ascii: "0"), b[k] <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(b[k] - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), year >= 1, let month = number(5..<7), let day = number(8..<10) else { return nil }
        return CalendarDay(year: year, month: month, day: day)
    }
}

extension HistoryEntry {
    /// The day the change happened or was reported: the end of `on`, else the day it was recorded.
    package var reportedDay: CalendarDay? { on?.end ?? day }
}

extension Recommendation {
    /// The last day anything happened to it, as reported: a history entry or an outcome.
    package var lastUpdate: CalendarDay? {
        (history.compactMap(\.reportedDay) + outcomes.lazy.filter { !$0.date.isUndated }.map(\.date.end)).max()
    }
}

extension AgencyAction {
    /// The last day anything happened to it, as reported: a history entry or a progress update.
    package var lastUpdate: CalendarDay? {
        (history.compactMap(\.reportedDay) + updates.map(\.date.end)).max()
    }

    /// The position of the latest progress note: the latest date, and the last recorded of equal dates.
    package var latestUpdatePosition: Int? { latestPosition(updates.map(\.date)) }
}

extension Recommendation {
    /// The position of the current outcome (what the report shows as where things stand): the latest date, and the
    /// last recorded of equal dates.
    package var currentOutcomePosition: Int? { latestPosition(outcomes.map(\.date)) }
}

extension Recommendation {
    /// For each history entry, the text of the outcome it added ("outcome added (DATE)"), if any.
    package var historyTexts: [String?] { addedTexts(history, "outcome added", outcomes.map { ($0.date, $0.author, $0.text) }) }
}

extension AgencyAction {
    /// For each history entry, the text of the progress note it added ("update added (DATE)"), if any.
    package var historyTexts: [String?] { addedTexts(history, "update added", updates.map { ($0.date, $0.author, $0.text) }) }
}

/// Pairs each history entry that says it added a dated entry with that entry: the first not yet paired with the date
/// the change names and the same author. History does not copy record text, so this is how `log` shows it.
private func addedTexts(
    _ history: [HistoryEntry], _ verb: String, _ added: [(date: PartialDate, author: String, text: String)]
) -> [String?] {
    guard !added.isEmpty else { return [String?](repeating: nil, count: history.count) }
    var used = [Bool](repeating: false, count: added.count)
    return history.map { entry in
        for part in entry.change.split(separator: ";") {
            let part = part.drop { $0 == " " }
            guard part.hasPrefix(verb + " ("), part.hasSuffix(")") else { continue }
            let date = part.dropFirst(verb.count + 2).dropLast()
            guard let k = added.indices.first(where: { !used[$0] && added[$0].date.description == date && added[$0].author == entry.by })
            else { continue }
            used[k] = true
            return added[k].text
        }
        return nil
    }
}

/// The position of the latest date, the last of equals; nil for none. An undated entry is the latest only when
/// nothing is dated: it sorts last in the list, but a dated entry says more about where things stand now.
private func latestPosition(_ dates: [PartialDate]) -> Int? {
    dates.indices.max { a, b in (dates[a].isUndated ? 0 : 1, dates[a], a) < (dates[b].isUndated ? 0 : 1, dates[b], b) }
}

/// Stale: not terminal and nothing recorded for at least `days` days before `asOf`.
package func isStale(lastUpdate: CalendarDay?, isTerminal: Bool, asOf: CalendarDay, days: Int) -> Bool {
    guard !isTerminal else { return false }
    guard let lastUpdate else { return true }
    return lastUpdate.days(to: asOf) >= days
}
