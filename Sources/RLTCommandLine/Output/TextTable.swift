import ReviewLearning

/// An aligned plain-text table that fits the terminal; every cell is sanitised so record text cannot drive it.
///
/// In a pipe (no width) it prints every cell whole. On a terminal it chooses one of two layouts:
/// - a **table** when every column fits, the free-text columns (`text`, `owners`, `title`…) cut with `…`, evenly
///   from the widest, but to no fewer than 12 cells; other columns (ids, dates, statuses, counts) are never cut;
/// - otherwise **blocks**, one record per block: the short fields as `label: value` pairs flowed across lines, then
///   each free-text field on a line of its own, blocks separated by a blank line.
///
/// Widths are display cells (`DisplayWidth`), so wide characters, emoji and combining accents line up.
struct TextTable {
    var columns: [String]
    /// For each column, whether it holds free text (see `freeText`).
    var isFreeText: [Bool]
    var rows: [[String]] = []

    /// A table of these columns, each free text or not as its name says (`freeText`) unless `freeText` is given.
    init(_ columns: [String], freeText: [Bool]? = nil) {
        self.columns = columns
        isFreeText = freeText ?? columns.map(Self.freeText.contains)
    }

    mutating func add(_ cells: [String]) { rows.append(cells.map(TerminalText.sanitized)) }

    /// Names of columns that hold free text or lists: these are cut (or wrapped) to fit; the others are kept whole.
    static let freeText: Set<String> = [
        "text", "title", "owners", "owner", "themes", "partnerships", "responds_to", "for", "links", "reason",
        "measure", "evidence", "source", "name", "label", "change", "feedback", "reviews", "oldest_overdue", "value",
        "by", "author", "contact", "with", "assurance_by", "engage", "date_note", "audience", "serves", "location",
    ]

    /// A free-text column is never cut below this many cells in a table; below it, blocks are more readable.
    static let minimumFreeText = 12

    /// What the renderer needs beyond the cells.
    struct Style {
        /// The terminal's width; nil for a pipe or file, which then sees every cell whole.
        var width: Int?
        var header = true
        /// ANSI colour for a cell (column name, cell), applied around the cell's text so alignment holds.
        var colour: ((String, String) -> String?)?
        /// Wrap free text onto more lines instead of cutting it (for `show`, where the text is the point).
        var wrap = false
    }

    /// The table laid out: the header lines, then each row's lines.
    struct Layout {
        var header: [String]
        var rows: [[String]]
        /// Blocks are set apart by a blank line; table rows are not.
        var separated = false

        var text: String {
            let lines = separated ? rows.enumerated().flatMap { $0.offset > 0 ? [""] + $0.element : $0.element } : rows.flatMap { $0 }
            return (header + lines).map { $0 + "\n" }.joined()
        }
    }

    /// The whole table as text (see `layout`).
    func render(width: Int? = nil, header: Bool = true, wrap: Bool = false, colour: ((String, String) -> String?)? = nil)
        -> String
    {
        layout(Style(width: width, header: header, colour: colour, wrap: wrap)).text
    }

    /// Chooses the table or block layout for `style.width` and lays every row out.
    func layout(_ style: Style) -> Layout {
        var natural = [Int](repeating: 0, count: columns.count)
        TextTable.widen(&natural, rows)
        let plan = plan(natural, style)
        return Layout(header: header(plan, style), rows: rows.map { lines($0, plan, style) }, separated: plan.isBlocks)
    }

    /// How rows are laid out: a table with these column widths, or blocks this wide.
    enum Plan {
        case table([Int])
        case blocks(Int)

        var isBlocks: Bool {
            if case .blocks = self { return true }
            return false
        }
    }

    /// `natural` (the widest cell of each column so far) widened by these rows' sanitised cells.
    static func widen(_ natural: inout [Int], _ rows: [[String]]) {
        for row in rows {
            for (i, cell) in row.enumerated() where i < natural.count { natural[i] = max(natural[i], DisplayWidth.of(cell)) }
        }
    }

    /// The layout for rows whose widest cells are `natural`: a table when every column fits `style.width` with only
    /// free text cut (always in a pipe), else blocks.
    func plan(_ natural: [Int], _ style: Style) -> Plan {
        var natural = natural
        if style.header {
            for (i, head) in columns.enumerated() { natural[i] = max(natural[i], DisplayWidth.of(head.uppercased())) }
        }
        guard let width = style.width else { return .table(natural) }
        if let widths = fitted(natural, into: width) { return .table(widths) }
        return .blocks(width)
    }

    /// The header's lines (none for blocks or without a header).
    func header(_ plan: Plan, _ style: Style) -> [String] {
        guard style.header, case .table(let widths) = plan else { return [] }
        return tableLines(columns.map { $0.uppercased() }, widths: widths, isHeader: true, style)
    }

    /// One row's lines (its sanitised cells).
    func lines(_ row: [String], _ plan: Plan, _ style: Style) -> [String] {
        switch plan {
        case .table(let widths): return tableLines(row, widths: widths, isHeader: false, style)
        case .blocks(let width): return block(row, width: width, style)
        }
    }

    /// Column widths that fit `total` cells with only free-text columns cut, or nil when none do.
    private func fitted(_ natural: [Int], into total: Int) -> [Int]? {
        let gaps = 2 * max(0, columns.count - 1)
        guard natural.reduce(0, +) + gaps > total else { return natural }
        let flexible = columns.indices.filter { isFreeText[$0] }
        let fixed = columns.indices.filter { !isFreeText[$0] }.map { natural[$0] }.reduce(0, +)
        var room = total - gaps - fixed
        let floors = flexible.map { min(natural[$0], Self.minimumFreeText) }
        guard !flexible.isEmpty, room >= floors.reduce(0, +) else { return nil }
        // Evenly from the widest: the largest cap every free-text column can be held to.
        var widths = natural
        var cap = flexible.map { natural[$0] }.max() ?? 0
        while cap > Self.minimumFreeText && flexible.map({ min(natural[$0], cap) }).reduce(0, +) > room { cap -= 1 }
        for i in flexible { widths[i] = min(natural[i], cap) }
        room -= flexible.map { widths[$0] }.reduce(0, +)
        // Cells left over go to the leftmost columns that were cut.
        for i in flexible where widths[i] < natural[i] && room > 0 {
            let extra = min(room, natural[i] - widths[i])
            widths[i] += extra
            room -= extra
        }
        return widths
    }

    /// One row's lines in a table: cells cut (or the last one wrapped) to their widths, columns two cells apart.
    private func tableLines(_ cells: [String], widths: [Int], isHeader: Bool, _ style: Style) -> [String] {
        let last = columns.count - 1
        if isHeader || !style.wrap { return [singleLine(cells, widths: widths, isHeader: isHeader, style)] }
        var pieces: [[(text: String, cells: Int)]] = []
        for (i, cell) in cells.enumerated() where i <= last {
            let measured = DisplayWidth.of(cell)
            if measured <= widths[i] {
                pieces.append([(cell, measured)])
            } else if style.wrap && i == last && !isHeader && isFreeText[i] {
                pieces.append(DisplayWidth.wrap(cell, width: widths[i]).map { ($0, DisplayWidth.of($0)) })
            } else {
                let cut = DisplayWidth.cut(cell, to: widths[i])
                pieces.append([(cut, DisplayWidth.of(cut))])
            }
        }
        let height = pieces.map(\.count).max() ?? 1
        return (0..<height).map { k in
            var line = ""
            for (i, piece) in pieces.enumerated() {
                let (cell, used) = k < piece.count ? piece[k] : ("", 0)
                line += isHeader || cell.isEmpty ? cell : painted(cell, style.colour?(columns[i], cells[i]))
                if i < pieces.count - 1 { line += String(repeating: " ", count: max(0, widths[i] - used) + 2) }
            }
            return trimmed(line)
        }
    }

    /// A row that takes one line (nothing wraps): each cell cut to its width, padded only before the next cell
    /// that has text, so a long listing builds each line once.
    private func singleLine(_ cells: [String], widths: [Int], isHeader: Bool, _ style: Style) -> String {
        var line = ""
        var padding = 0
        for (i, cell) in cells.enumerated() where i < columns.count {
            let measured = DisplayWidth.of(cell)
            let text = measured <= widths[i] ? cell : DisplayWidth.cut(cell, to: widths[i])
            if !text.isEmpty {
                if padding > 0 { line += Self.spaces(padding) }
                line += isHeader ? text : painted(text, style.colour?(columns[i], cells[i]))
                padding = 0
            }
            padding += max(0, widths[i] - (measured <= widths[i] ? measured : DisplayWidth.of(text))) + 2
        }
        return trimmed(line)
    }

    private static let paddings = (0...256).map { String(repeating: " ", count: $0) }

    /// `count` spaces, without a new string for each cell.
    private static func spaces(_ count: Int) -> String {
        count < paddings.count ? paddings[count] : String(repeating: " ", count: count)
    }

    /// One block a record: short fields flowed as `label: value`, free text on its own lines, a blank line between.
    private func block(_ row: [String], width: Int, _ style: Style) -> [String] {
        var lines: [String] = []
        var line = ""
        var used = 0
        func flush() {
            if used > 0 { lines.append(line) }
            line = ""
            used = 0
        }
        var freeText: [String] = []
        for (i, cell) in row.enumerated() where i < columns.count {
            let label = columns[i] + ":"
            let colour = cell.isEmpty ? nil : style.colour?(columns[i], cell)
            if isFreeText[i] {
                freeText += freeTextLines(label, cell, width: width, wrap: style.wrap).map { label, value in
                    value.isEmpty ? label : label + " " + painted(value, colour)
                }
                continue
            }
            let room = width - DisplayWidth.of(label) - 1
            let value = room >= 1 ? DisplayWidth.cut(cell, to: room) : ""
            let cells = DisplayWidth.of(label) + (value.isEmpty ? 0 : 1 + DisplayWidth.of(value))
            if used > 0 && used + 2 + cells > width { flush() }
            if used > 0 {
                line += "  "
                used += 2
            }
            line += value.isEmpty ? DisplayWidth.cut(label, to: width) : label + " " + painted(value, colour)
            used += min(cells, width)
        }
        flush()
        return lines + freeText
    }

    /// A free-text field in a block: `label: value` cut to the width, or wrapped under its label.
    private func freeTextLines(_ label: String, _ value: String, width: Int, wrap: Bool) -> [(String, String)] {
        let labelCells = DisplayWidth.of(label)
        if value.isEmpty { return [(DisplayWidth.cut(label, to: width), "")] }
        if !wrap {
            guard width - labelCells - 1 >= 4 else {
                return [(DisplayWidth.cut(label, to: width), ""), ("", DisplayWidth.cut(value, to: width - 1))]
            }
            return [(label, DisplayWidth.cut(value, to: width - labelCells - 1))]
        }
        // Wrapped text starts on the label's line and continues indented by two cells.
        guard width - labelCells - 1 >= 10 else {
            return [(DisplayWidth.cut(label, to: width), "")]
                + DisplayWidth.wrap(value, width: width - 2).map { ("", " " + $0) }
        }
        let lines = DisplayWidth.wrap(value, width: width - labelCells - 1, then: width - 2)
        return [(label, lines[0])] + lines.dropFirst().map { ("", " " + $0) }
    }
}

/// `text` in an ANSI colour, or as it is.
private func painted(_ text: String, _ colour: String?) -> String {
    colour.map { "\u{1B}[\($0)m\(text)\u{1B}[0m" } ?? text
}

/// A line without the spaces padding its last cell.
private func trimmed(_ line: String) -> String {
    var line = line
    while line.hasSuffix(" ") { line.removeLast() }
    return line
}

/// Label-value lines for `show`: `Status:     implemented`, long values wrapped under themselves on a terminal.
struct Details {
    private var lines: [(String, String)] = []

    mutating func add(_ label: String, _ value: String?) {
        guard let value, !value.isEmpty else { return }
        lines.append((label, TerminalText.sanitized(value)))
    }

    /// With a `width`, values wrap at it, continuing under the value column (or under the label when the terminal
    /// is too narrow for both side by side).
    func render(width: Int? = nil) -> String {
        let labelWidth = (lines.map { DisplayWidth.of($0.0) }.max() ?? 0) + 2
        var out = ""
        for (label, value) in lines {
            let head = DisplayWidth.pad("\(label):", to: labelWidth)
            guard let width else {
                out += head + value + "\n"
                continue
            }
            if width - labelWidth >= 20 {
                let wrapped = DisplayWidth.wrap(value, width: width - labelWidth)
                out += head + wrapped[0] + "\n"
                for line in wrapped.dropFirst() { out += String(repeating: " ", count: labelWidth) + line + "\n" }
            } else {
                out += DisplayWidth.cut("\(label):", to: width) + "\n"
                for line in DisplayWidth.wrap(value, width: width - 2) { out += "  " + line + "\n" }
            }
        }
        return out
    }
}
