import Foundation
import Testing

@testable import RLTCommandLine

@Suite("Text tables on a terminal")
struct TextTableTests {
    static var table: TextTable {
        var table = TextTable(["id", "status", "rag", "owners", "text"])
        table.add(["3i", "in-progress", "red", "lscp; lincs-police", "Review the escalation policy across all partners"])
        table.add(["10", "open", "green", "ldap", "Audit 東京 use"])
        return table
    }

    @Test("in a pipe every cell is whole and aligned")
    func pipe() {
        #expect(Self.table.render() == """
            ID  STATUS       RAG    OWNERS              TEXT
            3i  in-progress  red    lscp; lincs-police  Review the escalation policy across all partners
            10  open         green  ldap                Audit 東京 use

            """)
    }

    @Test("free text is cut evenly from the widest; ids, statuses and the RAG are never cut")
    func cutToFit() {
        #expect(Self.table.render(width: 60) == """
            ID  STATUS       RAG    OWNERS             TEXT
            3i  in-progress  red    lscp; lincs-poli…  Review the escal…
            10  open         green  ldap               Audit 東京 use

            """)
        #expect(Self.table.render(width: 50) == """
            ID  STATUS       RAG    OWNERS        TEXT
            3i  in-progress  red    lscp; lincs…  Review the …
            10  open         green  ldap          Audit 東京 …

            """)
    }

    @Test("a header wider than its cut column is cut too (it once made a negative padding and crashed)")
    func headerCut() {
        var table = TextTable(["id", "oldest_overdue"])
        table.add(["x", String(repeating: "y", count: 40)])
        let out = table.render(width: 16)
        #expect(out == "ID  OLDEST_OVER…\nx   yyyyyyyyyyy…\n")
    }

    @Test("when even the short columns do not fit: one block a record, free text on lines of its own")
    func blocks() {
        #expect(Self.table.render(width: 30) == """
            id: 3i  status: in-progress
            rag: red
            owners: lscp; lincs-police
            text: Review the escalation p…

            id: 10  status: open
            rag: green
            owners: ldap
            text: Audit 東京 use

            """)
    }

    @Test("the RAG keeps its colour in a table and in blocks, and alignment holds around it")
    func colour() {
        var style = TextTable.Style(width: 200)
        style.colour = ragColour
        let table = Self.table.layout(style).text
        #expect(table.contains("3i  in-progress  \u{1B}[31mred\u{1B}[0m    lscp"))
        style.width = 30
        let blocks = Self.table.layout(style).text
        #expect(blocks.contains("rag: \u{1B}[32mgreen\u{1B}[0m"))
        for width in [30, 200] {
            style.width = width
            #expect(ScreenCheck(width: width).problems(Self.table.layout(style).text).isEmpty)
        }
    }

    @Test("wrapped (for show): the last column continues under itself")
    func wrapped() {
        var table = TextTable(["date", "text"])
        table.add(["2024-Q1", "All partners gave positive assurance at the May board"])
        #expect(table.render(width: 30, wrap: true) == """
            DATE     TEXT
            2024-Q1  All partners gave
                     positive assurance at
                     the May board

            """)
    }

    @Test("a word longer than the line wraps in pieces with nothing inserted, in blocks and in show")
    func longWord() {
        let url = "https://example.org/" + String(repeating: "x", count: 60)
        var table = TextTable(["id", "text"])
        table.add(["1", url])
        for width in [20, 30] {
            let out = table.render(width: width, wrap: true)
            let text = out.split(separator: "\n").filter { !$0.hasPrefix("ID") && !$0.hasPrefix("id:") }
            let rejoined = text.map { $0.replacingOccurrences(of: "text:", with: "").filter { $0 != " " } }.joined()
            #expect(rejoined.hasSuffix(url), "\(out)")
            #expect(out.split(separator: "\n").allSatisfy { DisplayWidth.of($0) <= width }, "\(out)")
        }
    }

    @Test("show's details wrap long values under themselves, or under the label when narrow")
    func details() {
        var details = Details()
        details.add("Status", "open")
        details.add("Text", "Review the escalation policy across all partners")
        #expect(details.render(width: 32) == """
            Status: open
            Text:   Review the escalation
                    policy across all
                    partners

            """)
        #expect(details.render(width: 20) == """
            Status:
              open
            Text:
              Review the
              escalation policy
              across all
              partners

            """)
    }

    @Test("a table streamed a chunk at a time is the table laid out at once: widths, cuts, blocks, colour")
    func streamed() {
        let columns = ["id", "rag", "text", "owners"]
        // More rows than a chunk, the widest cells late, so the first pass must see them all.
        let rows: [[String]] = (0..<2600).map { n in
            let widest = n == 2500 ? String(repeating: "Zoë’s 日本 widest ", count: 8) : ""
            return [
                "r\(n)", ["red", "amber", "green"][n % 3], String(repeating: "word ", count: n % 17) + widest,
                n % 5 == 0 ? "kent-police; home-office" : "",
            ]
        }
        for width in [nil, 120, 60, 30, 12] as [Int?] {
            for header in [true, false] {
                var style = TextTable.Style(width: width, header: header)
                style.colour = ragColour
                var table = TextTable(columns)
                for row in rows { table.add(row) }
                let whole = table.layout(style).text
                var out = ""
                StreamedTable(columns: columns, freeText: columns.map(TextTable.freeText.contains), count: rows.count, style: style) {
                    Array(rows[$0])
                }.write { out += $0 }
                #expect(out == whole, "width \(width.map(String.init) ?? "none"), header \(header)")
            }
        }
    }
}

@Suite("The screen checker finds what a person would see wrong")
struct ScreenCheckTests {
    @Test("a line wider than the terminal")
    func wide() {
        #expect(ScreenCheck(width: 10).problems("0123456789\n東京東京東京").count == 1)
    }

    @Test("a cell out of line with its header")
    func misaligned() {
        let problems = ScreenCheck(width: 80).problems("ID  STATUS  TEXT\n3i  open    a\n10 open     b\n12   open  c\n")
        #expect(problems.count == 3, "\(problems)")
    }

    @Test("a wide character counted as one cell shifts the columns after it")
    func wideCharacter() {
        #expect(!ScreenCheck(width: 80).problems("NAME  TEXT\n東京 x\n").isEmpty)
        #expect(ScreenCheck(width: 80).problems("NAME  TEXT\n東京  x\n").isEmpty)
    }

    @Test("colour on a cell that is not the RAG, or the wrong colour for it")
    func colours() {
        let red = "\u{1B}[31mred\u{1B}[0m"
        #expect(ScreenCheck(width: 80).problems("ID  RAG\n1   \(red)\n").isEmpty)
        #expect(!ScreenCheck(width: 80).problems("ID  RAG\n\(red)  x\n").isEmpty)
        #expect(!ScreenCheck(width: 80).problems("ID  RAG\n1   \u{1B}[32mred\u{1B}[0m\n").isEmpty)
        #expect(ScreenCheck(width: 80).problems("rag: \(red)\n").isEmpty)
        #expect(!ScreenCheck(width: 80).problems("status: \(red)\n").isEmpty)
    }
}
