import Foundation
import Testing

@testable import ReviewLearning

/// `rlt review convert`: a rapid review becomes a local review, linked both ways; its own learning stays.
@Suite("Review conversion: rapid review to local review")
struct ReviewConvertTests {
    static func seeded() -> CLIHarness {
        let cli = CLIHarness()
        cli.seed()
        cli.run("review", "add", "rr-h", "--type", "rapid-review", "--title", "Child H", "--partnership", "lincs-scp",
            "--theme", "information-sharing", "--incident", "2024-01-05", "--aware", "2024-01-08", "--notified", "2024-01-10",
            "--decided", "2024-01-26")
        cli.run("finding", "add", "rr-h", "--audience", "police", "--text", "Rapid review learning")
        return cli
    }

    private func review(_ cli: CLIHarness, _ id: String) throws -> Review { try ImportExportTests.review(cli, id) }

    @Test("the new review takes the rapid review's particulars and names it; both histories say so")
    func converts() throws {
        let cli = Self.seeded()
        let result = cli.run("review", "convert", "rr-h", "--to", "child-h")
        #expect(result.code == 0 && result.out == "child-h\n", "\(result.err)")
        let new = try review(cli, "child-h")
        #expect(new.type == .cspr && new.title == "Child H" && new.convertedFrom == "rr-h")
        #expect(new.partnerships == ["lincs-scp"] && new.themes == ["information-sharing"])
        #expect(new.incident?.description == "2024-01-05" && new.notified?.description == "2024-01-10")
        #expect(new.aware?.description == "2024-01-08" && new.decided?.description == "2024-01-26")
        #expect(new.findings.isEmpty && new.recommendations.isEmpty)
        let rapid = try review(cli, "rr-h")
        #expect(rapid.findings.map(\.text) == ["Rapid review learning"])
        #expect(rapid.history.last?.change == "converted to child-h" && new.history.last?.change == "converted from rr-h")
        #expect(cli.run("review", "show", "rr-h").out.contains("Converted to: child-h"))
        #expect(cli.run("review", "show", "child-h").out.contains("Converted from: rr-h"))
        #expect(cli.run("check", "--strict").code == 0)
        #expect(cli.run("undo").code == 0)
        #expect(!FileManager.default.fileExists(atPath: "\(cli.store)/reviews/child-h.json"))
        #expect(try review(cli, "rr-h").history.last?.change != "converted to child-h")
    }

    @Test(
        "what cannot convert is refused, naming the fix, and nothing is written",
        arguments: [
            (["review", "convert", "darren-bethany", "--to", "x"], Int32(65), "only a rapid review converts, and this is a joint"),
            (["review", "convert", "rr-h", "--to", "darren-bethany"], Int32(65), "review darren-bethany already exists"),
            (["review", "convert", "rr-h", "--to", "x", "--type", "rapid-review"], Int32(64), "not another rapid review"),
            (["review", "convert", "rr-x", "--to", "x"], Int32(65), "no review rr-x"),
            (["review", "convert", "rr-h"], Int32(64), "--to"),
        ])
    func refused(_ arguments: [String], _ code: Int32, _ message: String) {
        let cli = Self.seeded()
        let before = cli.snapshot()
        let result = cli.run(arguments)
        #expect(result.code == code, "\(result.err)")
        #expect(result.err.contains(message), "\(result.err)")
        #expect(cli.snapshot() == before)
    }
}
