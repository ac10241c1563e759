import Foundation

@testable import RLTCommandLine

/// What a person sees of an output on a terminal `width` columns wide, and the rules it must keep (issue 13 §1):
/// no line wider than the terminal, every column of a table under its header, colour only on RAG cells and the
/// colour the RAG names, nothing that could drive the terminal but the colour codes rlt writes.
struct ScreenCheck {
    let width: Int

    /// The ANSI colour each RAG value is printed in.
    static let ragColours = ["red": "31", "amber": "33", "green": "32", "blue": "34", "grey": "90"]

    /// Every broken rule in `output`, one line each naming the line number and what is wrong.
    func problems(_ output: String) -> [String] {
        var problems: [String] = []
        var header: (indent: Int, starts: [Int], names: [String])?
        for (number, raw) in output.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(raw)
            let (plain, spans) = Self.strip(line)
            func fail(_ what: String) { problems.append("line \(number + 1): \(what): \(line.debugDescription)") }
            if plain.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
                fail("a control character")
            }
            let cells = Self.cells(plain)
            if cells.count > width { fail("\(cells.count) cells wide on a \(width)-column terminal") }
            for span in spans {
                guard let rag = Self.ragColours.first(where: { $0.value == span.code })?.key else {
                    fail("colour \(span.code) is not a RAG colour")
                    continue
                }
                if span.text != rag { fail("\"\(span.text)\" coloured as \(rag)") }
                if let header, header.indent == Self.indent(cells) {
                    let rag = header.names.firstIndex(of: "RAG").map { header.starts[$0] }
                    if rag != span.start { fail("a coloured cell at column \(span.start), not under RAG") }
                } else if !Self.text(cells, before: span.start).hasSuffix("rag: ") {
                    fail("a coloured value that is not the rag field")
                }
            }
            if let found = Self.header(cells) {
                header = found
                continue
            }
            // A section title (`History:` in `show`) ends the table above it; a group heading does not.
            if let current = header, Self.indent(cells) < current.indent, plain.hasSuffix(":") { header = nil }
            // Rows of the last table are its lines at the header's indentation; others are headings or wraps.
            guard let header, !cells.isEmpty, Self.indent(cells) == header.indent else { continue }
            for (k, start) in header.starts.enumerated() where k > 0 {
                let gap = (start - 2)..<start
                if gap.upperBound <= cells.count && gap.contains(where: { cells[$0] != " " }) {
                    fail("no gap before column \(header.names[k]) at \(start)")
                }
                if start < cells.count && cells[start] == " " {
                    let end = k + 1 < header.starts.count ? header.starts[k + 1] - 2 : cells.count
                    if (start..<min(end, cells.count)).contains(where: { cells[$0] != " " }) {
                        fail("column \(header.names[k]) does not start under its header at \(start)")
                    }
                }
            }
        }
        return problems
    }

    /// A table header: two or more upper-case names two or more cells apart (`REVIEW  ID  STATUS`).
    static func header(_ cells: [Character]) -> (indent: Int, starts: [Int], names: [String])? {
        var starts: [Int] = []
        var names: [String] = []
        var k = 0
        while k < cells.count {
            if cells[k] == " " {
                k += 1
                continue
            }
            if !starts.isEmpty && !(cells[k - 1] == " " && cells[k - 2] == " ") { return nil }
            let start = k
            while k < cells.count && cells[k] != " " { k += 1 }
            let name = String(cells[start..<k].filter { $0 != "\u{0}" })
            guard name.allSatisfy({ $0.isUppercase || $0.isNumber || "_-%…".contains($0) }) else { return nil }
            starts.append(start)
            names.append(name)
        }
        return starts.count >= 2 ? (starts.first ?? 0, starts, names) : nil
    }

    /// The line as display cells: a wide character is followed by a NUL standing for its second cell.
    static func cells(_ plain: String) -> [Character] {
        var cells: [Character] = []
        for character in plain {
            let width = DisplayWidth.of(character)
            if width > 0 { cells.append(character) }
            if width > 1 { cells += Array(repeating: "\u{0}", count: width - 1) }
        }
        return cells
    }

    static func indent(_ cells: [Character]) -> Int { cells.prefix { $0 == " " }.count }

    static func text(_ cells: [Character], before column: Int) -> String {
        String(cells.prefix(column).filter { $0 != "\u{0}" })
    }

    /// The line without colour codes, and each coloured span: its code, text and starting cell.
    static func strip(_ line: String) -> (String, [(code: String, text: String, start: Int)]) {
        var plain = ""
        var spans: [(code: String, text: String, start: Int)] = []
        var open: (code: String, start: Int, text: String)?
        var rest = Substring(line)
        while let escape = rest.firstIndex(of: "\u{1B}") {
            let before = rest[..<escape]
            plain += before
            open?.text += before
            let after = rest[escape...]
            guard let end = after.firstIndex(of: "m"), after.dropFirst().first == "[" else {
                plain += "\u{1B}"
                rest = after.dropFirst()
                continue
            }
            let code = String(after[after.index(escape, offsetBy: 2)..<end])
            if code == "0" {
                if let span = open { spans.append((span.code, span.text, span.start)) }
                open = nil
            } else {
                open = (code, cells(plain).count, "")
            }
            rest = after[after.index(after: end)...]
        }
        plain += rest
        return (plain, spans)
    }
}
