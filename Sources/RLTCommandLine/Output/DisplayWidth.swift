/// How many terminal cells text takes: what a table aligns and cuts by, not `Character`s or bytes.
///
/// `東京` takes four cells, `é` written as `e` plus a combining accent one, an emoji two, a zero-width joiner none.
/// The rules are those of `wcwidth` (East Asian Wide and Fullwidth characters take two cells, combining marks and
/// format characters none) applied to whole grapheme clusters, with emoji presentation taking two cells as modern
/// terminals draw it. A test compares them with glibc's `wcwidth`.
enum DisplayWidth {
    /// Cells of a whole string.
    static func of(_ text: some StringProtocol) -> Int {
        // Most cells are ASCII or Latin text with common punctuation (’ – …): one cell a printable scalar, and
        // no grapheme breaking needed, since nothing in these ranges joins with its neighbours.
        var cells = 0
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x20...0x7E, 0xA0...0x2FF, 0x2010...0x2027, 0x2030...0x205E, 0x20AC: cells += 1
            case 0x00...0x1F, 0x7F...0x9F: break
            default: return text.reduce(0) { $0 + of($1) }
            }
        }
        return cells
    }

    /// Cells of one grapheme cluster: its first scalar's, or two when it asks for emoji presentation.
    static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if first.isASCII { return first.value < 0x20 || first.value == 0x7F ? 0 : 1 }
        if scalars.count > 1 {
            // A variation selector 16, a skin tone or a second regional indicator makes an emoji picture.
            if scalars.contains(where: { $0.value == 0xFE0F || (0x1F3FB...0x1F3FF).contains($0.value) }) { return 2 }
            if isRegionalIndicator(first) { return 2 }
        }
        return of(first)
    }

    /// Cells of one scalar on its own.
    static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x7F { return value < 0x20 ? 0 : 1 }
        if value < 0xA0 { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .control: return 0
        case .format: return value == 0x00AD || prependedMarks.contains(value) ? 1 : 0
        default: break
        }
        if value == 0x200B || (0x1160...0x11FF).contains(value) || (0xD7B0...0xD7FF).contains(value) { return 0 }
        // A regional indicator on its own is a letter in a box; two of them make a flag (see `of(_: Character)`).
        if isRegionalIndicator(scalar) { return 1 }
        if scalar.properties.isEmojiPresentation || isWide(value) { return 2 }
        return 1
    }

    /// Format characters drawn as a sign that spans the number after them (Prepended_Concatenation_Mark).
    private static let prependedMarks: Set<UInt32> = [
        0x0600, 0x0601, 0x0602, 0x0603, 0x0604, 0x0605, 0x06DD, 0x070F, 0x0890, 0x0891, 0x08E2, 0x110BD, 0x110CD,
    ]

    private static func isRegionalIndicator(_ scalar: Unicode.Scalar) -> Bool {
        (0x1F1E6...0x1F1FF).contains(scalar.value)
    }

    /// East Asian Wide (W) and Fullwidth (F) ranges of Unicode's EastAsianWidth.txt.
    private static func isWide(_ value: UInt32) -> Bool {
        for range in wide where range.contains(value) { return true }
        return false
    }

    private static let wide: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DFF, 0x4E00...0x9FFF,
        0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
        0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x16FF0...0x16FF1, 0x17000...0x18DFF, 0x1AFF0...0x1B2FF,
        0x1F200...0x1F2FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]
}

extension DisplayWidth {
    /// `text` cut to at most `cells` cells, ending in `…` when anything was left out; whole grapheme clusters only.
    static func cut(_ text: String, to cells: Int) -> String {
        guard of(text) > cells else { return text }
        guard cells > 0 else { return "" }
        var out = ""
        var used = 0
        for character in text {
            let width = of(character)
            if used + width > cells - 1 { break }
            out.append(character)
            used += width
        }
        return out + "…"
    }

    /// `text` padded with spaces to `cells` cells (never shortened).
    static func pad(_ text: String, to cells: Int) -> String {
        let width = of(text)
        return width >= cells ? text : text + String(repeating: " ", count: cells - width)
    }

    /// `text` broken into lines of at most `width` cells at spaces (`then` cells after the first line, for text
    /// that continues under a label or indent); a word longer than a line is split.
    ///
    /// Runs of spaces between words become one; an empty text gives one empty line.
    static func wrap(_ text: String, width: Int, then rest: Int? = nil) -> [String] {
        let first = max(1, width)
        let rest = max(1, rest ?? width)
        var lines: [String] = []
        var line = ""
        var used = 0
        for word in text.split(separator: " ") {
            var word = Substring(word)
            var cells = of(word)
            if used > 0 && used + 1 + cells <= (lines.isEmpty ? first : rest) {
                line += " " + word
                used += 1 + cells
                continue
            }
            if used > 0 {
                lines.append(line)
                line = ""
                used = 0
            }
            // A word wider than the line: as many cells as fit, then the rest on the next lines.
            while cells > (lines.isEmpty ? first : rest) {
                let limit = lines.isEmpty ? first : rest
                var piece = ""
                var taken = 0
                var remainder = word.startIndex
                for character in word {
                    let w = of(character)
                    if taken + w > limit && taken > 0 { break }
                    piece.append(character)
                    taken += w
                    remainder = word.index(after: remainder)
                }
                lines.append(piece)
                word = word[remainder...]
                cells = of(word)
            }
            line = String(word)
            used = cells
        }
        if used > 0 || lines.isEmpty { lines.append(line) }
        return lines
    }
}

extension DisplayWidth {
    /// Preformatted text (a help topic) with every line wider than `width` wrapped; nil width leaves it as it is.
    ///
    /// A wrapped line continues under its value column when it has one (`Review:   notified, …`, the text after
    /// the first run of two or more spaces), else two cells in from its own indentation.
    static func fitLines(_ text: String, width: Int?) -> String {
        guard let width else { return text }
        var out: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            guard of(line) > width else {
                out.append(String(line))
                continue
            }
            let body = line.drop { $0 == " " }
            // Indentation deeper than the terminal allows is kept only as far as leaves ten cells of text.
            let leading = min(line.count - body.count, max(0, width - 10))
            // A value column: the label and its spaces stay as they are, the value wraps under itself.
            if let gap = zip(body.indices, body.dropFirst()).first(where: { body[$0.0] == " " && $0.1 == " " })?.0 {
                let valueStart = body[gap...].firstIndex { $0 != " " } ?? body.endIndex
                let column = leading + of(body[..<valueStart])
                if column <= width - 20 {
                    let pieces = wrap(String(body[valueStart...]), width: width - column)
                    out.append(String(repeating: " ", count: leading) + String(body[..<valueStart]) + pieces[0])
                    out += pieces.dropFirst().map { String(repeating: " ", count: column) + $0 }
                    continue
                }
            }
            let hanging = leading + 2 <= width - 10 ? leading + 2 : 0
            let pieces = wrap(String(body), width: width - leading, then: width - hanging)
            out.append(String(repeating: " ", count: leading) + pieces[0])
            out += pieces.dropFirst().map { String(repeating: " ", count: hanging) + $0 }
        }
        return out.joined(separator: "\n")
    }
}
