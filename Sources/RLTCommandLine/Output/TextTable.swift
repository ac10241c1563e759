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
    ///
    /// - Parameters:
    ///   - width: the terminal's width; when set, the widest columns are cut with `…` until the table fits.
    ///     Pipes get no width, so scripts never see truncated text.
    ///   - header: whether to print the header row.
    ///   - style: ANSI colour for a cell (column name, cell), applied after padding so alignment holds.
    func render(width: Int? = nil, header: Bool = true, style: ((String, String) -> String?)? = nil) -> String {
        var body = rows
        let head = columns.map { $0.uppercased() }
        var widths = [Int](repeating: 0, count: columns.count)
        for row in [head] + body {
            for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) }
        }
        if let width { widths = fitted(widths, into: width) }
        body = body.map { row in row.enumerated().map { i, cell in cut(cell, to: widths[i]) } }
        var out = ""
        for row in (header ? [head] : []) + body {
            var line = ""
            for (i, cell) in row.enumerated() {
                let isLast = i == row.count - 1
                let padding = isLast ? "" : String(repeating: " ", count: widths[i] - cell.count + 2)
                let isHeader = header && line.isEmpty && out.isEmpty
                if !isHeader, let code = style?(columns[i], cell) {
                    line += "\u{1B}[\(code)m\(cell)\u{1B}[0m" + padding
                } else {
                    line += cell + padding
                }
            }
            while line.hasSuffix(" ") { line.removeLast() }
            out += line + "\n"
        }
        return out
    }

    private func fitted(_ widths: [Int], into total: Int) -> [Int] {
        var widths = widths
        func sum() -> Int { widths.reduce(0, +) + 2 * max(0, widths.count - 1) }
        while sum() > total {
            guard let widest = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[widest] > 8 else { break }
            widths[widest] -= min(widths[widest] - 8, sum() - total)
        }
        return widths
    }

    private func cut(_ cell: String, to width: Int) -> String {
        cell.count <= width ? cell : String(cell.prefix(max(0, width - 1))) + "…"
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
