import Foundation
import Testing

// Issue 6, case 4: a file from a newer rlt, unknown fields and unknown enum values are readable or clearly refused,
// and an update never drops what it does not understand (docs/RELIABILITY.md).

/// One way a file can hold something this rlt does not know.
struct UnknownContent: Sendable, CustomTestStringConvertible {
    var name: String
    var file: String
    /// The change, applied with editJSON.
    var change: @Sendable (inout [String: Any]) -> Void
    /// What a write refusal and `check` must name (a field path or a value).
    var named: String
    /// Commands that read the file and must still work (empty: the file is refused even for reading).
    var reads: [[String]]
    /// Commands that would rewrite the file.
    var writes: [[String]]

    var testDescription: String { name }
}

private func firstRec(_ review: inout [String: Any], _ change: (inout [String: Any]) -> Void) {
    var recs = review["recommendations"] as? [[String: Any]] ?? []
    change(&recs[0])
    review["recommendations"] = recs
}

private let trackerWrites: [[String]] = [
    ["agency", "add", "new-agency", "--name", "New", "--sector", "police"], ["theme", "add", "new-theme", "--label", "New"],
    ["config", "set", "amber-days", "45"],
]

private let unknownFields: [UnknownContent] = [
    UnknownContent(
        name: "review: misspelt field statuss in a recommendation", file: smallReview,
        change: { r in firstRec(&r) { $0["statuss"] = "implemented" } }, named: "recommendations[0].statuss",
        reads: reviewReads, writes: reviewWrites),
    UnknownContent(
        name: "review: a newer rlt's top-level block", file: smallReview,
        change: { $0["assurance_panel"] = ["chair": "lincs-scp", "met": ["2024-05"]] }, named: "assurance_panel",
        reads: reviewReads, writes: reviewWrites),
    UnknownContent(
        name: "review: unknown field in an action", file: smallReview,
        change: { r in
            var actions = r["actions"] as? [[String: Any]] ?? []
            actions[0]["cost"] = 1200
            r["actions"] = actions
        }, named: "actions[0].cost", reads: reviewReads, writes: reviewWrites),
    UnknownContent(
        name: "review: unknown field in a history entry", file: smallReview,
        change: { r in
            var history = r["history"] as? [[String: Any]] ?? []
            history[0]["signature"] = "abc"
            r["history"] = history
        }, named: "history[0].signature", reads: reviewReads, writes: reviewWrites),
    UnknownContent(
        name: "tracker: unknown setting", file: "tracker.json",
        change: { t in
            var settings = t["settings"] as? [String: Any] ?? [:]
            settings["red_days"] = 10
            t["settings"] = settings
        }, named: "settings.red_days", reads: [["agency", "list"], ["config", "list"], ["rec", "list"]],
        writes: trackerWrites),
    UnknownContent(
        name: "tracker: unknown field in an agency", file: "tracker.json",
        change: { t in
            var agencies = t["agencies"] as? [[String: Any]] ?? []
            agencies[0]["region"] = "east-midlands"
            t["agencies"] = agencies
        }, named: "agencies[0].region", reads: [["agency", "list"], ["rec", "list"]], writes: trackerWrites),
]

private let unknownValues: [UnknownContent] = [
    UnknownContent(
        name: "recommendation status paused", file: smallReview,
        change: { r in firstRec(&r) { $0["status"] = "paused" } }, named: "paused", reads: [], writes: reviewWrites),
    UnknownContent(
        name: "assurance level great", file: smallReview,
        change: { r in firstRec(&r) { $0["assurance"] = "great" } }, named: "great", reads: [], writes: reviewWrites),
    UnknownContent(
        name: "recommendation level global", file: smallReview,
        change: { r in firstRec(&r) { $0["level"] = "global" } }, named: "global", reads: [], writes: reviewWrites),
    UnknownContent(
        name: "review type inquest", file: smallReview,
        change: { $0["type"] = "inquest" }, named: "inquest", reads: [], writes: reviewWrites),
    UnknownContent(
        name: "action status waiting", file: smallReview,
        change: { r in
            var actions = r["actions"] as? [[String: Any]] ?? []
            actions[0]["status"] = "waiting"
            r["actions"] = actions
        }, named: "waiting", reads: [], writes: reviewWrites),
    UnknownContent(
        name: "agency sector army", file: "tracker.json",
        change: { t in
            var agencies = t["agencies"] as? [[String: Any]] ?? []
            agencies[0]["sector"] = "army"
            t["agencies"] = agencies
        }, named: "army", reads: [], writes: trackerWrites),
]

@Suite("Reliability 4: newer schema, unknown fields, unknown values")
struct ReliabilitySchemaTests {
    @Test("a file from a newer rlt (schema 4, with new fields) is readable and read-only", arguments: [
        smallReview, "tracker.json", "events.json",
    ])
    func newerSchema(_ file: String) throws {
        try withTemporaryDirectory { directory in
            let store = makeSmallStore(in: directory)
            rltOK(store, ["event", "add", "--kind", "seminar", "--title", "Seminar", "--date", "2024-03"])
            let path = store + "/" + file
            try editJSON(path) { object in
                object["schema"] = 4
                object["added_in_schema_4"] = ["kept": true]
            }
            let before = try snapshot(store)
            var readsOK = 0
            let reads: [[String]] =
                file == "events.json" ? [["event", "list"]] : file == "tracker.json" ? [["agency", "list"], ["rec", "list"]] : reviewReads
            for read in reads {
                let result = runRLT(["--store", store] + read)
                #expect(result.status == 0, "reading a schema-4 \(file) with \(read): \(result)")
                if result.status == 0 { readsOK += 1 }
            }
            let writes: [[String]] =
                file == "events.json"
                ? [["event", "add", "--kind", "training", "--title", "T", "--date", "2024-04"]]
                : file == "tracker.json" ? trackerWrites : reviewWrites
            var refused = 0
            for write in writes {
                let result = runRLT(["--store", store, "--as-of", "2024-04-01"] + write)
                #expect(!crashed(result), "\(result)")
                #expect(result.status == 65, "\(write) on a schema-4 \(file): \(result)")
                #expect(result.stderr.contains(file) && result.stderr.contains("newer rlt"), "\(result.stderr)")
                if result.status == 65 { refused += 1 }
            }
            #expect(try snapshot(store) == before, "nothing rewritten; the schema-4 fields are still there")
            let check = runRLT(["--store", store, "check"])
            #expect(check.status == 1 && check.stdout.contains("\(file):1: written by a newer rlt (schema 4)"), "\(check)")
            reportFigure(
                "newer-schema \(file): reads ok = \(readsOK)/\(reads.count), writes refused (65) = \(refused)/\(writes.count), bytes changed = 0")
        }
    }

    @Test("an unknown field makes its file read-only, never silently dropped", arguments: unknownFields)
    func unknownField(_ content: UnknownContent) throws {
        try withTemporaryDirectory { directory in
            let store = makeSmallStore(in: directory)
            try editJSON(store + "/" + content.file, content.change)
            let before = try snapshot(store)
            for read in content.reads {
                let result = runRLT(["--store", store] + read)
                #expect(result.status == 0, "\(read) with an unknown field in \(content.file): \(result)")
            }
            var refused = 0
            for write in content.writes {
                let result = runRLT(["--store", store, "--as-of", "2024-04-01"] + write)
                #expect(!crashed(result), "\(result)")
                #expect(result.status == 65, "\(write): \(result)")
                #expect(result.stderrLines.count == 1 && result.stderr.contains(content.file), "\(result.stderr)")
                #expect(result.stderr.contains(content.named), "the refusal names the field: \(result.stderr)")
                if result.status == 65 { refused += 1 }
            }
            #expect(try snapshot(store) == before, "the file keeps the field: nothing rewritten")
            let check = runRLT(["--store", store, "check"])
            #expect(check.status == 1, "\(check)")
            #expect(check.stdout.contains(content.file) && check.stdout.contains(content.named), "\(check)")
            reportFigure("unknown field (\(content.name)): writes refused = \(refused)/\(content.writes.count), dropped = 0")
        }
    }

    @Test("an unknown value is refused with the file, line and field, for reads and writes", arguments: unknownValues)
    func unknownValue(_ content: UnknownContent) throws {
        try withTemporaryDirectory { directory in
            let store = makeSmallStore(in: directory)
            let path = store + "/" + content.file
            try editJSON(path, content.change)
            let line = try #require(lineOf(Array("\"\(content.named)\"".utf8), in: path))
            let before = try snapshot(store)
            let reads: [[String]] = content.file == "tracker.json" ? [["agency", "list"], ["rec", "list"]] : reviewReads
            var clear = 0
            for args in reads + content.writes {
                let result = runRLT(["--store", store, "--as-of", "2024-04-01"] + args)
                #expect(!crashed(result), "\(result)")
                #expect(result.status == 65, "\(args): \(result)")
                let error = result.stderrLines.first ?? ""
                // The value itself is not echoed (it may be record text); the file, line and field are.
                let named = error.contains("\(content.file):\(line): ") && !error.contains("\"\(content.named)\"")
                #expect(named, "\(args): the error names \(content.file):\(line), not the value: \(result.stderr)")
                if result.status == 65 && named { clear += 1 }
            }
            #expect(try snapshot(store) == before)
            let check = runRLT(["--store", store, "check"])
            #expect(check.status == 1 && check.stdout.contains("\(content.file):\(line): "), "\(check)")
            reportFigure(
                "unknown value (\(content.name)): refused with file:line = \(clear)/\(reads.count + content.writes.count), bytes changed = 0")
        }
    }
}
