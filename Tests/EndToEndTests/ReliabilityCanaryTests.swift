import Foundation

#if canImport(Glibc)
    import Glibc
#endif
import Testing

// Issue 6, case 11: record text never appears in error messages, in `check`'s report or in history and `log`
// (DESIGN §7: ids, fields and paths only). A canary string is put into every free-text field, then every error we
// can provoke is provoked (docs/RELIABILITY.md).

private let canary = "CANARY-7Q2X"

/// A store whose every free-text field holds the canary.
private func canaryStore(in directory: String) -> String {
    let store = makeSmallStore(in: directory)
    let c = canary
    let steps: [[String]] = [
        ["config", "set", "name", "Partnership \(c)"],
        ["review", "update", "darren-bethany", "--title", "Title \(c)", "--summary", "Summary \(c)", "--source", "Source \(c)"],
        ["rec", "update", "darren-bethany/3i", "--text", "Text \(c)", "--note", "Note \(c)"],
        ["rec", "update", "darren-bethany/3ii", "--status", "not-accepted", "--reason", "Reason \(c)"],
        ["action", "update", "darren-bethany/A1", "--text", "Action \(c)", "--measure", "Measure \(c)",
         "--evidence", "Evidence \(c)", "--note", "Progress \(c)"],
        ["outcome", "add", "darren-bethany/3i", "--text", "Outcome \(c)", "--assurance", "limited", "--by", "lincs-scp"],
        ["finding", "add", "darren-bethany", "--audience", "police", "--text", "Finding \(c)"],
        ["event", "add", "--kind", "seminar", "--title", "Event \(c)", "--date", "2024-03", "--audience", "Audience \(c)",
         "--feedback", "Feedback \(c)", "--review", "darren-bethany"],
        ["agency", "add", "canary-agency", "--name", "Agency \(c)", "--sector", "police"],
        ["theme", "add", "canary-theme", "--label", "Label \(c)"],
    ]
    for step in steps { rltOK(store, ["--as-of", "2024-04-01"] + step) }
    return store
}

/// Failing commands whose own arguments carry the canary too (a message must not echo them either).
private let failingCommands: [[String]] = {
    let c = canary
    return [
        ["rec", "add", "darren-bethany/3i", "--text", "Dup \(c)"],
        ["rec", "add", "darren-bethany/9", "--text", "New \(c)", "--owner", "no-such-agency"],
        ["rec", "add", "darren-bethany/9", "--text", "New \(c)", "--theme", "no-such-theme"],
        ["rec", "add", "darren-bethany/9", "--text", "New \(c)", "--due", "2024-02-30"],
        ["rec", "add", "darren-bethany/9", "--text", "New \(c)", "--link", "99"],
        ["rec", "add", "nosuch/9", "--text", "New \(c)"],
        ["rec", "add", "darren-bethany/9", "--text", ""],
        ["rec", "update", "darren-bethany/3i", "--text", "Changed \(c)", "--status", "finished"],
        ["rec", "update", "darren-bethany/3i", "--note", "Note \(c)", "--status", "superseded"],
        ["rec", "update", "darren-bethany/3i", "--note", "Note \(c)", "--status", "already-in-place"],
        ["rec", "update", "darren-bethany/99", "--note", "Note \(c)"],
        ["rec", "remove", "darren-bethany/3i", "--yes"],
        ["rec", "remove", "darren-bethany/3i"],
        ["review", "remove", "darren-bethany", "--yes"],
        ["review", "add", "darren-bethany", "--type", "dhr", "--title", "Again \(c)"],
        ["review", "add", "new-review", "--type", "dhr", "--title", "New \(c)", "--partnership", "nobody"],
        ["review", "update", "darren-bethany", "--title", "Changed \(c)", "--converted-from", "nosuch"],
        ["action", "add", "darren-bethany", "--agency", "lincs-polic", "--text", "Action \(c)"],
        ["action", "add", "darren-bethany", "--agency", "lincs-police", "--text", "Action \(c)", "--for", "99"],
        ["action", "add", "darren-bethany", "--agency", "lincs-police", "--text", "Action \(c)", "--id", "A1"],
        ["action", "update", "darren-bethany/A1", "--status", "dropped", "--note", "Note \(c)"],
        ["action", "update", "darren-bethany/A1", "--evidence", "Evidence \(c)", "--completed", "31/02/2024"],
        ["outcome", "add", "darren-bethany/99", "--text", "Outcome \(c)"],
        ["outcome", "add", "darren-bethany/3i", "--text", "Outcome \(c)", "--by", "nobody"],
        ["finding", "add", "darren-bethany", "--audience", "nobody", "--text", "Finding \(c)"],
        ["event", "add", "--kind", "party", "--title", "Event \(c)", "--date", "2024"],
        ["event", "add", "--kind", "seminar", "--title", "Event \(c)", "--date", "2024", "--review", "nosuch"],
        ["event", "add", "--kind", "seminar", "--title", "Event \(c)", "--date", "2024", "--attendees", "-3"],
        ["agency", "add", "lincs-police", "--name", "Agency \(c)", "--sector", "police"],
        ["agency", "add", "x-agency", "--name", "Agency \(c)", "--sector", "army"],
        ["theme", "add", "canary-theme", "--label", "Label \(c)"],
        ["config", "set", "amber-days", "soon"],
        ["rec", "list", "--text", c, "--columns", "text,bogus"],
        ["search", c, "--format", "xml"],
        ["rec", "show", "darren-bethany/99"],
    ]
}()

/// Damage to the review file placed inside or next to canary text.
private let damages: [(String, @Sendable (inout [UInt8]) throws -> Void)] = [
    ("truncated inside the canary", { bytes in
        let at = try find(Array(canary.utf8), in: bytes)
        bytes = Array(bytes[..<(at + 4)])
    }),
    ("a raw control character inside the canary's string", { bytes in bytes.insert(0x01, at: try find(Array(canary.utf8), in: bytes) + 3) }),
    ("a bad escape inside the canary's string", { bytes in bytes.insert(contentsOf: Array("\\q".utf8), at: try find(Array(canary.utf8), in: bytes) + 3) }),
    ("invalid UTF-8 inside the canary's string", { bytes in bytes.insert(0xFF, at: try find(Array(canary.utf8), in: bytes) + 3) }),
    ("a raw line break inside the canary's string", { bytes in bytes.insert(0x0A, at: try find(Array(canary.utf8), in: bytes) + 3) }),
    ("a NUL inside the canary's string", { bytes in bytes.insert(0x00, at: try find(Array(canary.utf8), in: bytes) + 3) }),
    ("a canary-carrying text where a list belongs", { bytes in
        let needle = Array("\"owners\" : [".utf8)
        let at = try find(needle, in: bytes)
        bytes.replaceSubrange(at..<(at + needle.count), with: Array("\"owners\" : \"\(canary)\", \"x\" : [".utf8))
    }),
    ("the canary as an unknown status value", { bytes in
        let needle = Array("\"status\" : \"open\"".utf8)
        let at = try find(needle, in: bytes)
        bytes.replaceSubrange(at..<(at + needle.count), with: Array("\"status\" : \"\(canary)\"".utf8))
    }),
]

/// Where `needle` first occurs in `bytes`; a missing needle fails the test (damage meant for the canary's string
/// must not land anywhere else).
private func find(_ needle: [UInt8], in bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) throws -> Int {
    let found = bytes.count < needle.count
        ? nil : (0...(bytes.count - needle.count)).first { Array(bytes[$0..<$0 + needle.count]) == needle }
    return try #require(found, "\"\(String(decoding: needle, as: UTF8.self))\" is in the review file", sourceLocation: sourceLocation)
}

@Suite("Reliability 11: no record text in errors")
struct ReliabilityCanaryTests {
    @Test("the canary never appears on stderr of a failing command, nor in history or log")
    func failingCommandsStayQuiet() throws {
        try withTemporaryDirectory { directory in
            let store = canaryStore(in: directory)
            var leaks: [String] = []
            for args in failingCommands {
                let result = runRLT(["--store", store, "--as-of", "2024-04-01"] + args)
                #expect(result.status != 0, "\(args) should fail: \(result)")
                if result.stderr.contains(canary) { leaks.append(args.prefix(3).joined(separator: " ")) }
                #expect(!result.stderr.contains(canary), "\(args) leaked record text: \(result.stderr)")
            }
            // Lock timeout and a store locked by another writer.
            let fd = open(store + "/.lock", O_RDWR)
            flock(fd, LOCK_EX)
            let locked = runRLT(["--store", store, "rec", "update", "darren-bethany/3i", "--note", "Locked \(canary)"], env: ["RLT_LOCK_TIMEOUT": "0.1"])
            flock(fd, LOCK_UN)
            close(fd)
            #expect(locked.status == 75 && !locked.stderr.contains(canary), "\(locked)")
            // History and log's change column carry field names, codes, dates and statuses, never text; the log's
            // text column shows what an outcome or progress note said (an output, as `rec show` is).
            let log = rltOK(store, ["log", "--columns", "on,at,by,record,change"])
            #expect(!log.stdout.contains(canary), "log shows record text: \(log.stdout)")
            let files = try snapshot(store)
            var historyLeaks = 0
            for (name, data) in files where name.hasSuffix(".json") {
                let object = try jsonObject(data)
                func walk(_ value: Any, inHistory: Bool) {
                    if let dict = value as? [String: Any] {
                        for (k, v) in dict { walk(v, inHistory: inHistory || k == "history") }
                    } else if let list = value as? [Any] {
                        for v in list { walk(v, inHistory: inHistory) }
                    } else if inHistory, let text = value as? String, text.contains(canary) {
                        historyLeaks += 1
                    }
                }
                walk(object, inHistory: false)
            }
            #expect(historyLeaks == 0, "history entries quote record text")
            reportFigure(
                "canary: \(failingCommands.count + 1) failing commands, stderr leaks = \(leaks.count) \(leaks); history/log leaks = \(historyLeaks + (log.stdout.contains(canary) ? 1 : 0))")
        }
    }

    @Test("damage next to the canary: errors and check name file, line and field, never the text", arguments: damages.indices)
    func damageNextToCanary(_ index: Int) throws {
        let (name, damage) = damages[index]
        try withTemporaryDirectory { directory in
            let store = canaryStore(in: directory)
            let path = store + "/" + smallReview
            var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            try damage(&bytes)
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            var leaks = 0
            for args in [["rec", "list"], ["rec", "show", "darren-bethany/3i"], ["rec", "update", "darren-bethany/3i", "--note", "x"], ["check"]] {
                let result = runRLT(["--store", store] + args)
                #expect(result.status != 0 && !crashed(result), "\(name), \(args): \(result)")
                let leaked = result.stderr.contains(canary) || (args == ["check"] && result.stdout.contains(canary))
                if leaked { leaks += 1 }
                if name.contains("unknown status value") {
                    // A coded field's bad value is quoted in full, whatever it holds.
                    do {
                        #expect(!leaked, "\(name), \(args): \(result.stderr)\(result.stdout)")
                    }
                } else {
                    #expect(!leaked, "\(name), \(args): quotes record text: \(result.stderr)\(result.stdout)")
                }
            }
            reportFigure("canary next to damage (\(name)): leaks = \(leaks)")
        }
    }

    @Test("import errors name the file, row and column, never the text of the row")
    func importErrors() throws {
        try withTemporaryDirectory { directory in
            let store = canaryStore(in: directory)
            let c = canary
            let sheets: [(String, String)] = [
                ("a bad date beside the text", "Ref,Recommendation,Target date\r\n5,Text \(c),31/02/2024\r\n"),
                ("an unknown agency beside the text", "Ref,Recommendation,Lead agency\r\n5,Text \(c),Nobody\r\n"),
                ("an unknown status beside the text", "Ref,Recommendation,Status\r\n5,Text \(c),Finished\r\n"),
                ("too many fields", "Ref,Recommendation\r\n5,Text \(c),extra\r\n"),
                ("a broken quote", "Ref,Recommendation\r\n5,\"Text \(c)\" tail\r\n"),
                ("no id", "Ref,Recommendation\r\n,Text \(c)\r\n"),
            ]
            var leaks: [String] = []
            for (name, sheet) in sheets {
                let file = directory + "/sheet.csv"
                try Data(sheet.utf8).write(to: URL(fileURLWithPath: file))
                let result = runRLT(["--store", store, "import", "recommendations", file, "--review", "darren-bethany"])
                #expect(result.status == 65 && !crashed(result), "\(name): \(result)")
                #expect(result.stderr.contains("sheet.csv:2"), "\(name): names the row: \(result.stderr)")
                if result.stderr.contains(c) { leaks.append(name) }
                #expect(!result.stderr.contains(c), "\(name): quotes the row's text: \(result.stderr)")
            }
            // Text pasted into the date column: the value quoted is then record text.
            let shifted = directory + "/shifted.csv"
            try Data("Ref,Recommendation,Target date\r\n5,Short,Text \(c) in the wrong column\r\n".utf8).write(to: URL(fileURLWithPath: shifted))
            let result = runRLT(["--store", store, "import", "recommendations", shifted, "--review", "darren-bethany"])
            #expect(result.status == 65)
            reportFigure("canary in import errors: \(sheets.count) sheets, leaks = \(leaks.count); text in a date column quoted = \(result.stderr.contains(c))")
            do {
                #expect(!result.stderr.contains(c), "\(result.stderr)")
            }
        }
    }
}
