import Foundation
import Testing

@testable import RLTCommandLine

@Suite("rlt check --strict")
struct CheckTests {
    struct Defect: CustomTestStringConvertible, Sendable {
        var name: String
        /// Commands that create the defect through rlt, or nil to edit the file.
        var commands: [[String]] = []
        var edit: (@Sendable (String) -> String)?
        var message: String
        var testDescription: String { name }
    }

    static let defects: [Defect] = [
        Defect(name: "hand formatting", edit: { $0.replacingOccurrences(of: "\"id\" : \"3i\"", with: "\"id\":\"3i\"") },
               message: "not formatted as rlt writes it"),
        Defect(name: "dates out of order",
               commands: [["review", "update", "darren-bethany", "--incident", "2023-06", "--published", "2023-01"]],
               message: "review published date 2023-01 is before its incident date 2023-06"),
        Defect(name: "assured without a level", commands: [["rec", "update", "darren-bethany/3i", "--status", "assured"]],
               message: "recommendation 3i: status assured but assurance is not-assessed"),
        Defect(name: "assurance without evidence",
               commands: [["rec", "update", "darren-bethany/3i", "--assurance", "reasonable"]],
               message: "recommendation 3i: assurance reasonable with no outcome as evidence"),
        Defect(name: "future outcome",
               commands: [["outcome", "add", "darren-bethany/3i", "--text", "x", "--date", "2030-01-01", "--as-of", "2030-01-01"]],
               message: "recommendation 3i: outcome date 2030-01-01 is after the as-of day 2024-03-01"),
        Defect(name: "completed but not done",
               commands: [["action", "update", "darren-bethany/A1", "--completed", "2024-02"]],
               message: "action A1: has a completed date but status planned"),
    ]

    @Test("each deliberate defect is found with its message", arguments: defects)
    func detects(_ defect: Defect) throws {
        let cli = CLIHarness()
        cli.seed()
        #expect(cli.run("check", "--strict").code == 0)
        for command in defect.commands { #expect(cli.run(command).code == 0, "\(command)") }
        if let edit = defect.edit {
            try cli.write(edit(cli.read("reviews/darren-bethany.json")), to: "reviews/darren-bethany.json")
        }
        #expect(cli.run("check").code == 0, "plain check stays quiet")
        let strict = cli.run("check", "--strict")
        #expect(strict.code == 1)
        #expect(strict.out.contains(defect.message), "\(strict.out)")
        #expect(strict.out.split(separator: "\n").allSatisfy { $0.contains("reviews/darren-bethany.json:") })
    }

    @Test("the sample store in data/ passes --strict: no false alarms")
    func sampleStoreIsClean() {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let cli = CLIHarness()
        let result = cli.run(["check", "--strict", "--store", root.appendingPathComponent("data").path, "--as-of", "2026-11-23"])
        #expect(result.code == 0, "\(result.out)")
        #expect(result.out.isEmpty)
    }
}
