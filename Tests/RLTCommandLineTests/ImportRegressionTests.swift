import Foundation
import Testing

@testable import RLTCommandLine

/// Import behaviours found wanting by the CSV suite, kept from coming back.
@Suite("Import regressions")
struct ImportRegressionTests {
    func importing(_ cli: CLIHarness, _ csv: [UInt8], _ extra: [String] = []) -> CLIHarness.Result {
        let path = cli.directory + "/in.csv"
        _ = FileManager.default.createFile(atPath: path, contents: Data(csv))
        return cli.run(["import", "recommendations", path, "--review", "darren-bethany"] + extra)
    }

    @Test("history and summaries use stored values: in-progress, not inProgress")
    func storedValues() {
        let cli = CLIHarness()
        cli.seed()
        let result = importing(cli, Array("rec_id,status\r\n3i,In Progress\r\n".utf8))
        #expect(result.out == "changed darren-bethany/3i: status: open → in-progress\n")
        #expect(cli.read("reviews/darren-bethany.json").contains("\"change\" : \"imported: status: open → in-progress\""))
    }

    @Test("rows of empty cells, as Excel writes for formatted blank rows, are skipped")
    func blankRows() {
        let cli = CLIHarness()
        cli.seed()
        let result = importing(cli, Array("Ref,Recommendation,Status\r\n3i,,implemented\r\n,,\r\n , ,\r\n".utf8))
        #expect(result.code == 0, "\(result.err)")
        #expect(result.out == "changed darren-bethany/3i: status: open → implemented\n")
    }

    @Test("an NFC to NFD edit is a change, and the new bytes are stored")
    func normalisation() {
        let cli = CLIHarness()
        cli.seed()
        #expect(importing(cli, Array("rec_id,text\r\n9,caf\u{E9}\r\n".utf8)).code == 0)
        let result = importing(cli, Array("rec_id,text\r\n9,cafe\u{301}\r\n".utf8))
        #expect(result.out == "changed darren-bethany/9: text changed\n")
        #expect(cli.read("reviews/darren-bethany.json").contains("cafe\u{301}\""))
        #expect(!cli.read("reviews/darren-bethany.json").unicodeScalars.contains("\u{E9}"))
    }

    @Test("UTF-16 files are refused with a message that says so", arguments: [[0xFF, 0xFE], [0xFE, 0xFF], []])
    func utf16(bom: [UInt8]) {
        let cli = CLIHarness()
        cli.seed()
        let before = cli.snapshot()
        let body = Array("rec_id,status\r\n3i,open\r\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let result = importing(cli, bom + body)
        #expect(result.code == 65)
        #expect(result.err.contains("is UTF-16 text; save it as \"CSV UTF-8\""))
        #expect(cli.snapshot() == before)
    }
}
