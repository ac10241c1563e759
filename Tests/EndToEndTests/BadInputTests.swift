import Foundation
import Testing

/// One bad input: how to break the store (if at all), the command, and what must come back.
struct BadInput: Sendable, CustomTestStringConvertible {
    enum Damage: Sendable {
        case none
        /// Doubles the comma at the end of the first line containing the marker (line reported).
        case extraComma(after: String)
        /// Cuts the review file in half.
        case truncate
        /// Sets `"schema"` in the file to 99.
        case newerSchema(file: String)
    }

    var name: String
    var damage: Damage = .none
    var args: [String]
    var status: Int32
    /// Each must appear in the error message.
    var mentions: [String]

    var testDescription: String { name }

    static let secret = "Confidential-detail-QZX"
    static let reviewFile = "reviews/darren-bethany.json"
}

private let bad: [BadInput] = [
    BadInput(
        name: "unknown agency code on an action", args: ["action", "add", "darren-bethany", "--agency", "lincs-polic",
                                                         "--text", BadInput.secret],
        status: 65, mentions: ["lincs-polic", "did you mean", "lincs-police"]),
    BadInput(
        name: "unknown owner code on a recommendation",
        args: ["rec", "add", "darren-bethany/4", "--text", BadInput.secret, "--owner", "lincs-polce"],
        status: 65, mentions: ["lincs-polce", "did you mean", "lincs-police"]),
    BadInput(
        name: "unknown theme", args: ["rec", "add", "darren-bethany/4", "--text", BadInput.secret, "--theme",
                                     "informaton-sharing"],
        status: 65, mentions: ["informaton-sharing", "information-sharing"]),
    BadInput(
        name: "duplicate recommendation id", args: ["rec", "add", "darren-bethany/3i", "--text", BadInput.secret],
        status: 65, mentions: ["3i"]),
    BadInput(
        name: "missing review (rec add)", args: ["rec", "add", "nosuch/1", "--text", BadInput.secret],
        status: 65, mentions: ["nosuch"]),
    BadInput(
        name: "missing review (action add)",
        args: ["action", "add", "nosuch", "--agency", "lincs-police", "--text", BadInput.secret],
        status: 65, mentions: ["nosuch"]),
    BadInput(
        name: "missing recommendation (outcome add)",
        args: ["outcome", "add", "darren-bethany/99", "--text", BadInput.secret],
        status: 65, mentions: ["99"]),
    BadInput(
        name: "--due 2024-02-30", args: ["rec", "add", "darren-bethany/4", "--text", BadInput.secret, "--due",
                                        "2024-02-30"],
        status: 64, mentions: ["2024-02-30", "--due"]),
    BadInput(
        name: "--due 06/15/2024", args: ["rec", "add", "darren-bethany/4", "--text", BadInput.secret, "--due",
                                        "06/15/2024"],
        status: 64, mentions: ["06/15/2024", "--due"]),
    BadInput(
        name: "--due 2024-6-5", args: ["rec", "update", "darren-bethany/3i", "--due", "2024-6-5"],
        status: 64, mentions: ["2024-6-5"]),
    BadInput(
        name: "unknown --status", args: ["rec", "update", "darren-bethany/3i", "--status", "finished"],
        status: 64, mentions: ["finished", "implemented"]),
    BadInput(
        name: "unknown --assurance", args: ["rec", "update", "darren-bethany/3i", "--assurance", "great"],
        status: 64, mentions: ["great", "reasonable"]),
    BadInput(
        name: "missing required --text", args: ["rec", "add", "darren-bethany/4", "--owner", "lincs-police"],
        status: 64, mentions: ["--text"]),
    BadInput(
        name: "unknown option", args: ["rec", "add", "darren-bethany/4", "--text", BadInput.secret, "--bogus"],
        status: 64, mentions: ["--bogus"]),
    BadInput(
        name: "misspelt option", args: ["rec", "add", "darren-bethany/4", "--tex", BadInput.secret],
        status: 64, mentions: ["--tex", "--text"]),
    BadInput(
        name: "remove without --yes", args: ["rec", "remove", "darren-bethany/3ii"],
        status: 64, mentions: ["--yes"]),
    BadInput(
        name: "not-accepted without a reason", args: ["rec", "update", "darren-bethany/3i", "--status", "not-accepted"],
        status: 65, mentions: ["--reason"]),
    BadInput(
        name: "hand-broken review (extra comma), then rec update", damage: .extraComma(after: "\"id\" : \"3i\""),
        args: ["rec", "update", "darren-bethany/3i", "--note", BadInput.secret],
        status: 65, mentions: ["darren-bethany.json"]),
    BadInput(
        name: "hand-broken review (extra comma), then action add", damage: .extraComma(after: "\"status\" : \"planned\""),
        args: ["action", "add", "darren-bethany", "--agency", "lincs-police", "--text", BadInput.secret],
        status: 65, mentions: ["darren-bethany.json"]),
    BadInput(
        name: "truncated review, then rec add", damage: .truncate,
        args: ["rec", "add", "darren-bethany/4", "--text", BadInput.secret],
        status: 65, mentions: ["darren-bethany.json"]),
    BadInput(
        name: "truncated review, then outcome add", damage: .truncate,
        args: ["outcome", "add", "darren-bethany/3i", "--text", BadInput.secret, "--assurance", "limited"],
        status: 65, mentions: ["darren-bethany.json"]),
    BadInput(
        name: "review from a newer schema, then rec update", damage: .newerSchema(file: BadInput.reviewFile),
        args: ["rec", "update", "darren-bethany/3i", "--status", "implemented"],
        status: 65, mentions: ["darren-bethany.json", "99"]),
    BadInput(
        name: "tracker from a newer schema, then agency add", damage: .newerSchema(file: "tracker.json"),
        args: ["agency", "add", "lincs-probation", "--name", "Probation", "--sector", "probation"],
        status: 65, mentions: ["tracker.json", "99"]),
]

@Suite("End to end: bad input is refused and writes nothing")
struct BadInputTests {
    @Test("exit code, one-line error, unchanged bytes", arguments: bad)
    func badInput(_ input: BadInput) throws {
        try withTemporaryDirectory { directory in
            let store = makeSmallStore(in: directory)
            let reviewPath = store + "/" + BadInput.reviewFile
            var damagedLine: Int?
            switch input.damage {
            case .none:
                break
            case .extraComma(let marker):
                var lines = try String(contentsOfFile: reviewPath, encoding: .utf8).components(separatedBy: "\n")
                let index = try #require(lines.firstIndex { $0.contains(marker) }, "no line with \(marker)")
                #expect(lines[index].hasSuffix(","))
                lines[index] += ","
                damagedLine = index + 1
                try lines.joined(separator: "\n").write(toFile: reviewPath, atomically: false, encoding: .utf8)
            case .truncate:
                let data = try Data(contentsOf: URL(fileURLWithPath: reviewPath))
                try data.prefix(data.count / 2).write(to: URL(fileURLWithPath: reviewPath))
            case .newerSchema(let file):
                let path = store + "/" + file
                let text = try String(contentsOfFile: path, encoding: .utf8)
                let schema = try Regex(#""schema" : \d+"#)
                let damaged = text.replacing(schema, with: #""schema" : 99"#)
                #expect(damaged != text, "\(file) has a schema field")
                try damaged.write(toFile: path, atomically: false, encoding: .utf8)
            }

            let before = try snapshot(store)
            let result = runRLT(["--store", store, "--as-of", "2024-04-01"] + input.args)
            let after = try snapshot(store)

            expectRefused(result, status: input.status)
            let errors = result.stderrLines.filter { $0.hasPrefix("error: ") }
            for mention in input.mentions {
                #expect(errors.first?.contains(mention) == true, "the error names \(mention): \(result.stderr)")
            }
            if let damagedLine {
                #expect(
                    errors.first?.contains("darren-bethany.json:\(damagedLine)") == true,
                    "the error names the file and line \(damagedLine): \(result.stderr)")
            }
            for marker in crashMarkers { #expect(!result.stderr.contains(marker), "no crash output: \(result.stderr)") }
            #expect(!result.stderr.contains(BadInput.secret), "record text never appears in errors")
            #expect(!result.stderr.contains("MARAC"), "stored record text never appears in errors")

            #expect(after.keys.sorted() == before.keys.sorted(), "no file added or removed")
            for (file, bytes) in before {
                #expect(after[file] == bytes, "\(file) is byte-for-byte unchanged")
            }
        }
    }

    @Test("rlt check finds a hand-broken review file and names the line")
    func checkFindsBrokenFile() throws {
        try withTemporaryDirectory { directory in
            let store = makeSmallStore(in: directory)
            let reviewPath = store + "/" + BadInput.reviewFile
            var lines = try String(contentsOfFile: reviewPath, encoding: .utf8).components(separatedBy: "\n")
            let index = try #require(lines.firstIndex { $0.contains("\"id\" : \"3i\"") })
            lines[index] += ","
            try lines.joined(separator: "\n").write(toFile: reviewPath, atomically: false, encoding: .utf8)
            let before = try snapshot(store)

            let check = runRLT(["--store", store, "check"])
            #expect(check.status == 1, "\(check)")
            let report = check.stdout + check.stderr
            #expect(report.contains("darren-bethany.json:\(index + 1): "), "path:line: message\n\(report)")
            #expect(try snapshot(store) == before, "check never rewrites anything")
        }
    }

    @Test("rlt check flags a file from a newer schema")
    func checkFlagsNewerSchema() throws {
        try withTemporaryDirectory { directory in
            let store = makeSmallStore(in: directory)
            let path = store + "/" + BadInput.reviewFile
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let schema = try Regex(#""schema" : \d+"#)
            try text.replacing(schema, with: #""schema" : 99"#).write(toFile: path, atomically: false, encoding: .utf8)
            let check = runRLT(["--store", store, "check"])
            // DESIGN §4/issue 2: check verifies "schema supported"; a store it cannot write is not clean.
            #expect(check.status == 1, "\(check)")
            #expect(check.stdout.contains("darren-bethany.json:1: written by a newer rlt (schema 99)"), "\(check)")
        }
    }
}
