import Foundation
import Testing

/// One refused command of issue 13 §4/§5: how to get the store there, the command, what must come back.
struct GuardedInput: Sendable, CustomTestStringConvertible {
    var name: String
    /// Commands run first (as of 2024-01-15, like the small store's setup), each expected to succeed.
    var setup: [[String]] = []
    /// A CSV file written beside the store as `import.csv` before the command (for import cases).
    var importFile: String?
    var args: [String]
    var stdin: String?
    var status: Int32
    /// Each must appear in the error line.
    var mentions: [String]

    var testDescription: String { name }

    static let secret = "Confidential-detail-QZX"
    static let close = ["review", "update", "darren-bethany", "--status", "closed", "--force"]
}

private let guarded: [GuardedInput] = [
    // §4: what a new-user trial found.
    GuardedInput(
        name: "--status completed on an action", args: ["action", "update", "darren-bethany/A1", "--status", "completed"],
        status: 64, mentions: ["\"completed\" is not an action status", "did you mean \"done\"?"]),
    GuardedInput(
        name: "--status finished on a recommendation", args: ["rec", "update", "darren-bethany/3i", "--status", "finished"],
        status: 64, mentions: ["did you mean \"implemented\"?"]),
    GuardedInput(
        name: "rlt help nope", args: ["help", "nope"], status: 64,
        mentions: ["'nope' is not a help topic or a command", "topics: dates, statuses, store, formats, timescales, exit-codes",
                   "commands: init, review, rec, action"]),
    GuardedInput(
        name: "nothing to change: already not-accepted",
        setup: [["rec", "update", "darren-bethany/3i", "--status", "not-accepted", "--reason", "x"]],
        args: ["rec", "update", "darren-bethany/3i", "--status", "not-accepted", "--reason", "x"], status: 65,
        mentions: ["darren-bethany/3i is already not-accepted; nothing to change"]),
    GuardedInput(
        name: "--text - with empty standard input", args: ["rec", "add", "darren-bethany/4", "--text", "-"], stdin: "",
        status: 64, mentions: ["--text -: standard input is empty"]),
    GuardedInput(
        name: "two options read standard input",
        args: ["rec", "update", "darren-bethany/3i", "--note", "-", "--reason", "-"], stdin: GuardedInput.secret,
        status: 64, mentions: ["only one option can read standard input", "--note and --reason"]),
    // §5: guard rails on changes people regret.
    GuardedInput(
        name: "reopening an assured recommendation without --reason",
        setup: [["rec", "update", "darren-bethany/3i", "--status", "assured"]],
        args: ["rec", "update", "darren-bethany/3i", "--status", "open", "--note", GuardedInput.secret], status: 65,
        mentions: ["darren-bethany/3i: assured → open reopens it", "--reason"]),
    GuardedInput(
        name: "reopening a done action without --reason",
        setup: [["action", "update", "darren-bethany/A1", "--status", "done"]],
        args: ["action", "update", "darren-bethany/A1", "--status", "in-progress"], status: 65,
        mentions: ["darren-bethany/A1: done → in-progress reopens it", "--reason"]),
    GuardedInput(
        name: "rec add to a closed review", setup: [GuardedInput.close],
        args: ["rec", "add", "darren-bethany/4", "--text", GuardedInput.secret], status: 65,
        mentions: ["review darren-bethany is closed", "rlt review update darren-bethany --status"]),
    GuardedInput(
        name: "finding add to a closed review", setup: [GuardedInput.close],
        args: ["finding", "add", "darren-bethany", "--audience", "police", "--text", GuardedInput.secret], status: 65,
        mentions: ["review darren-bethany is closed", "rlt review update darren-bethany --status"]),
    GuardedInput(
        name: "action add to a closed review", setup: [GuardedInput.close],
        args: ["action", "add", "darren-bethany", "--agency", "lincs-police", "--text", GuardedInput.secret], status: 65,
        mentions: ["review darren-bethany is closed", "rlt review update darren-bethany --status"]),
    GuardedInput(
        name: "import of rows into a closed review", setup: [GuardedInput.close],
        importFile: "review_id,rec_id,text\r\ndarren-bethany,4,\(GuardedInput.secret)\r\n",
        args: ["import", "recommendations", "IMPORT"], status: 65,
        mentions: ["import.csv:2:", "review darren-bethany is closed", "rlt review update darren-bethany --status"]),
    GuardedInput(
        name: "reopening a record of a closed review",
        setup: [["action", "update", "darren-bethany/A1", "--status", "done"], GuardedInput.close],
        args: ["action", "update", "darren-bethany/A1", "--status", "in-progress", "--reason", GuardedInput.secret],
        status: 65,
        mentions: ["darren-bethany/A1: review darren-bethany is closed, so its records cannot be reopened",
                   "rlt review update darren-bethany --status"]),
    GuardedInput(
        name: "closing a review with open records", args: ["review", "update", "darren-bethany", "--status", "closed"],
        status: 65, mentions: ["review darren-bethany still has 2 open recommendations and 1 open action", "--force"]),
    GuardedInput(
        name: "a completed date after --as-of",
        args: ["action", "update", "darren-bethany/A1", "--status", "done", "--completed", "2024-04-02"], status: 65,
        mentions: ["completed date 2024-04-02 is after the as-of day 2024-04-01", "cannot be dated in the future"]),
    GuardedInput(
        name: "an outcome dated in a month that starts after --as-of",
        args: ["outcome", "add", "darren-bethany/3i", "--text", GuardedInput.secret, "--date", "2024-05"], status: 65,
        mentions: ["outcome date 2024-05 starts after the as-of day 2024-04-01", "cannot be dated in the future"]),
    GuardedInput(
        name: "import of an outcome dated in the future",
        importFile: "review_id,rec_id,date,text\r\ndarren-bethany,3i,2024-Q3,\(GuardedInput.secret)\r\n",
        args: ["import", "outcomes", "IMPORT"], status: 65,
        mentions: ["import.csv:2:", "outcome date 2024-Q3 starts after the as-of day 2024-04-01"]),
    GuardedInput(
        name: "import of a progress note dated in the future",
        importFile: "review_id,action_id,date,text\r\ndarren-bethany,A1,30/04/2024,\(GuardedInput.secret)\r\n",
        args: ["import", "updates", "IMPORT"], status: 65,
        mentions: ["import.csv:2:", "progress note date 2024-04-30 is after the as-of day 2024-04-01"]),
    GuardedInput(
        name: "review remove without --yes", args: ["review", "remove", "darren-bethany"], status: 64,
        mentions: ["removing review darren-bethany (0 findings, 2 recommendations, 1 action, 0 outcomes)", "--yes"]),
]

@Suite("End to end: issue 13 guard rails refuse, say why in one line, and write nothing")
struct GuardRailEndToEndTests {
    @Test("exit code, one error line, unchanged bytes", arguments: guarded)
    func refused(_ input: GuardedInput) throws {
        try withTemporaryDirectory { directory in
            let store = makeSmallStore(in: directory)
            for step in input.setup {
                rltOK(store, ["--as-of", "2024-01-15"] + step)
            }
            let importPath = directory + "/import.csv"
            if let file = input.importFile { try Data(file.utf8).write(to: URL(fileURLWithPath: importPath)) }
            let args = input.args.map { $0 == "IMPORT" ? importPath : $0 }

            let before = try snapshot(store)
            let result = runRLT(["--store", store, "--as-of", "2024-04-01"] + args, stdin: input.stdin)
            let after = try snapshot(store)

            expectRefused(result, status: input.status, imported: input.importFile != nil)
            let errors = result.stderrLines.filter { $0.hasPrefix("error: ") }
            for mention in input.mentions {
                #expect(errors.first?.contains(mention) == true, "the error names \(mention): \(result.stderr)")
            }
            for marker in crashMarkers { #expect(!result.stderr.contains(marker), "no crash output: \(result.stderr)") }
            #expect(!result.stderr.contains(GuardedInput.secret), "record text never appears in errors")
            #expect(!result.stderr.contains("MARAC"), "stored record text never appears in errors")
            #expect(after == before, "the store is byte-for-byte unchanged")
        }
    }

    @Test("--store naming a regular file: exit 66, says it is not a directory, the file untouched")
    func storeIsAFile() throws {
        try withTemporaryDirectory { directory in
            let file = directory + "/notes.txt"
            try Data("my notes\n".utf8).write(to: URL(fileURLWithPath: file))
            for args in [["rec", "list"], ["rec", "add", "x/1", "--text", GuardedInput.secret]] {
                let result = runRLT(["--store", file] + args)
                #expect(result.status == 66, "\(result)")
                #expect(result.stderrLines == ["error: \(file) is not a directory; a store is a directory holding tracker.json: pass --store DIR (or set $RLT_STORE) to the store's directory"])
                #expect(result.stdout.isEmpty)
            }
            let initialise = runRLT(["init", file])
            #expect(initialise.status == 73, "\(initialise)")
            #expect(initialise.stderrLines.count == 1 && initialise.stderr.hasPrefix("error: cannot create \(file): it is a file"))
            #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == Data("my notes\n".utf8))
        }
    }

    @Test("--text - and --reason - read a piped standard input; a reopen with a reason says so in history")
    func standardInputAndReopen() throws {
        try withTemporaryDirectory { directory in
            let store = makeSmallStore(in: directory)
            let long = String(repeating: "Every agency reviews its escalation policy; ", count: 50)
            let added = runRLT(["--store", store, "--as-of", "2024-04-01", "rec", "add", "darren-bethany/4", "--text", "-"], stdin: long + "\n")
            #expect(added.status == 0, "\(added)")
            let shown = rltOK(store, ["rec", "show", "darren-bethany/4", "--format", "json"])
            #expect(try jsonObject(shown.stdout)["text"] as? String == long)

            rltOK(store, ["--as-of", "2024-04-01", "rec", "update", "darren-bethany/3i", "--status", "assured"])
            let reopened = runRLT(
                ["--store", store, "--as-of", "2024-04-02", "rec", "update", "darren-bethany/3i", "--status", "open", "--reason", "-"],
                stdin: "The audit found the policy unused\n")
            #expect(reopened.status == 0, "\(reopened)")
            let log = rltOK(store, ["log", "darren-bethany/3i", "--format", "csv"])
            #expect(log.stdout.contains("status: assured → open (reopened); reason changed"))
            #expect(!log.stdout.contains("audit found"), "history never copies the reason's text")
            let record = try jsonObject(rltOK(store, ["rec", "show", "darren-bethany/3i", "--format", "json"]).stdout)
            #expect(record["reason"] as? String == "The audit found the policy unused")
        }
    }

    @Test("people read the same owner lists everywhere, and which recommendation superseded another")
    func readableStatus() throws {
        try withTemporaryDirectory { directory in
            let store = makeSmallStore(in: directory)
            rltOK(store, ["--as-of", "2024-04-01", "rec", "update", "darren-bethany/3ii", "--status", "superseded", "--link", "3i"])
            let show = rltOK(store, ["rec", "show", "darren-bethany/3ii"]).stdout
            #expect(show.contains("superseded by 3i"), "\(show)")
            let owners = rltOK(store, ["rec", "show", "darren-bethany/3i"]).stdout
            #expect(owners.contains("lincs-scp (lead); lincs-police"), "\(owners)")
            let review = rltOK(store, ["review", "show", "darren-bethany"]).stdout
            #expect(review.contains("superseded by 3i"))
            #expect(review.contains("lincs-scp; lincs-police"))
        }
    }
}
