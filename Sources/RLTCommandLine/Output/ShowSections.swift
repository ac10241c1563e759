import ReviewLearning

/// A titled part of `show`: `Outcomes:` and its table indented under it, free text wrapped to the terminal.
func section(_ title: String, _ table: TextTable, width: Int?) -> String {
    let body = table.render(width: width.map { $0 - 2 }, wrap: true)
    return "\n\(title):\n" + body.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        .map { $0.isEmpty ? "\n" : "  \($0)\n" }.joined()
}

/// A record's history: when, by whom, what changed.
func historyTable(_ history: [HistoryEntry]) -> TextTable {
    var table = TextTable(["at", "by", "change"])
    for entry in history { table.add([entry.at, entry.by, entry.change]) }
    return table
}
