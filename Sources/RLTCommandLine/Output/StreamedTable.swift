import ReviewLearning

/// A table of many rows printed without holding them (issue 16): a first pass over the rows measures the columns,
/// a second lays them out a chunk at a time, so memory holds one chunk of cells whatever the number of rows. The
/// text is exactly `TextTable.layout`'s for the same rows.
struct StreamedTable {
    let count: Int
    private let table: TextTable
    private let style: TextTable.Style
    private let plan: TextTable.Plan
    private let cells: (Range<Int>) -> [[String]]
    static let chunk = 1024

    /// `cells(range)` gives the cells of those rows, in the columns' order; it is called twice for each row.
    init(
        columns: [String], freeText: [Bool], count: Int, style: TextTable.Style, cells: @escaping (Range<Int>) -> [[String]]
    ) {
        table = TextTable(columns, freeText: freeText)
        self.count = count
        self.style = style
        self.cells = { range in cells(range).map { $0.map(TerminalText.sanitized) } }
        var natural = [Int](repeating: 0, count: columns.count)
        for start in stride(from: 0, to: count, by: Self.chunk) {
            TextTable.widen(&natural, self.cells(start..<min(count, start + Self.chunk)))
        }
        plan = table.plan(natural, style)
    }

    var header: [String] { table.header(plan, style) }

    /// Blocks are set apart by a blank line; table rows are not.
    var separated: Bool { plan.isBlocks }

    /// The lines of each row of `range`.
    func lines(_ range: Range<Int>) -> [[String]] { cells(range).map { table.lines($0, plan, style) } }

    /// The whole table, a chunk of rows at a time.
    func write(_ out: (String) -> Void) {
        out(header.map { $0 + "\n" }.joined())
        for start in stride(from: 0, to: count, by: Self.chunk) {
            var text = ""
            for (k, row) in lines(start..<min(count, start + Self.chunk)).enumerated() {
                if separated && start + k > 0 { text += "\n" }
                for line in row {
                    text += line
                    text += "\n"
                }
            }
            out(text)
        }
    }
}
