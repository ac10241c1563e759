import ReviewLearning

/// An aligned plain-text table; every cell is sanitised so record text cannot drive the terminal.
struct TextTable {
    var columns: [String]
    var rows: [[String]] = []

    init(_ columns: [String]) {
        self.columns = columns
    }

    mutating func add(_ cells: [String]) { rows.append(cells.map(TerminalText.sanitized)) }

    /// Columns separated by two spaces, the last one unpadded; headers in upper case.
    func render() -> String {
        let all = [columns.map { $0.uppercased() }] + rows
        var widths = [Int](repeating: 0, count: columns.count)
        for row in all {
            for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) }
        }
        var out = ""
        for row in all {
            var line = ""
            for (i, cell) in row.enumerated() {
                let isLast = i == row.count - 1
                line += isLast ? cell : cell + String(repeating: " ", count: widths[i] - cell.count + 2)
            }
            while line.hasSuffix(" ") { line.removeLast() }
            out += line + "\n"
        }
        return out
    }
}

/// Label-value lines for `show`: `Status:     implemented`.
struct Details {
    private var lines: [(String, String)] = []

    mutating func add(_ label: String, _ value: String?) {
        guard let value, !value.isEmpty else { return }
        lines.append((label, TerminalText.sanitized(value)))
    }

    func render() -> String {
        let width = (lines.map(\.0.count).max() ?? 0) + 2
        return lines.map { label, value in
            let head = "\(label):"
            return head + String(repeating: " ", count: width - head.count) + value
        }.joined(separator: "\n") + (lines.isEmpty ? "" : "\n")
    }
}
