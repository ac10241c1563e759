import Foundation
import RLTCommandLine
import SyntheticStore
import Testing

/// `--limit` cuts what is printed, never what is counted (issue 14, item 3): totals, group headings and
/// `--fail-if-any` describe every match, through the index and through decoding alike.
@Suite("--limit: totals and --fail-if-any count every match", .serialized)
struct ListingLimitTests {
    /// A generated store big enough for an on-disk index, with hundreds of overdue records as of 2025-06-30.
    let fixture: IndexEquivalenceTests.Fixture

    init() throws { fixture = try IndexEquivalenceTests.Fixture() }

    /// The lines `overdue` prints, and its exit code.
    private func overdue(_ arguments: [String], index: Bool) throws -> (lines: [String], code: Int32) {
        let result = fixture.run(["overdue"] + arguments, index: index)
        return (result.out.split(separator: "\n").map(String.init), result.code)
    }

    @Test("overdue --limit 3 says how many match and how many are shown", arguments: [true, false])
    func totalsCountEveryMatch(index: Bool) throws {
        let all = try overdue([], index: index).lines
        let closing = try #require(all.last)
        let total = try #require(Int(closing.prefix { $0.isNumber }))
        #expect(total > 3)
        // Late review stages come first and count towards the limit; the generated store has one.
        let late = fixture.run(["overdue", "--format", "csv"], index: index).out.components(separatedBy: ",review,").count - 1
        #expect(late == 1)
        let limited = try overdue(["--limit", "3"], index: index).lines
        #expect(limited.last == String(closing.dropLast()) + "; the first 3 shown (--limit 3).")
        // The first review's heading: its full count, and how many of its rows are printed.
        let heading = try #require(all.first { $0.hasSuffix(" overdue)") })
        let count = try #require(Int(heading.split(separator: "(").last?.prefix { $0.isNumber } ?? ""))
        let expected = count > 3 - late ? heading.dropLast() + ", \(3 - late) shown)" : heading
        #expect(limited.contains(expected))
        let records = limited.drop { !$0.hasPrefix("  KIND") }
        let printedRows = records.filter { $0.hasPrefix("  ") && !$0.hasPrefix("  KIND") }.count
        #expect(printedRows == 3 - late)
        #expect(limited.first == "Review stages late against their timescales (1 stage)")
    }

    @Test("overdue --limit 0 prints the total, not 'Nothing overdue'", arguments: [true, false])
    func limitZeroStillCounts(index: Bool) throws {
        let (lines, code) = try overdue(["--limit", "0"], index: index)
        #expect(code == 0)
        #expect(lines.count == 1)
        #expect(lines.first?.hasSuffix("; none shown (--limit 0).") == true)
        #expect(lines.first?.hasPrefix("Nothing") == false)
    }

    @Test("--fail-if-any ignores --limit in every listing and format", arguments: [true, false])
    func failIfAnyIgnoresLimit(index: Bool) throws {
        let listings: [[String]] = [
            ["overdue"], ["overdue", "--format", "csv"], ["overdue", "--format", "json"],
            ["overdue", "--sort", "due"], ["rec", "list", "--overdue"], ["rec", "list", "--format", "tsv"],
            ["action", "list", "--overdue"], ["action", "list", "--format", "json", "--columns", "id"],
            ["review", "list"],
        ]
        var exitOne = 0
        for listing in listings {
            let result = fixture.run(listing + ["--limit", "0", "--fail-if-any"], index: index)
            #expect(result.code == 1, "\(listing): \(result)")
            if result.code == 1 { exitOne += 1 }
        }
        print("reliability: --limit 0 --fail-if-any, \(listings.count) listings (index \(index)): exit 1 = \(exitOne)")
    }
}
