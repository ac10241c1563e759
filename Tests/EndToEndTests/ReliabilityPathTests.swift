import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

// Issue 6, case 9: ids that could escape the store or collide — `../x`, `a/b`, `.`, empty, `-rf`, 256 bytes, NUL,
// NFC/NFD and case twins — are rejected or detected as duplicates; nothing is written outside the store; symbolic
// links inside the store are refused (docs/RELIABILITY.md).

private let nfc = "caf\u{E9}"
private let nfd = "cafe\u{301}"
private let hostileIDs: [String] = [
    "../x", "../../etc/passwd", "a/b", ".", "..", "", "-rf", "--", String(repeating: "a", count: 256),
    "a b", "a\tb", "a\nb", "a\\b", "~", "$HOME", nfc, nfd, "\u{202E}gpj",
]
/// Also hostile where the id becomes a file name (review ids, and agency and theme codes), though fine for record ids.
private let hostileSlugs: [String] = ["x.json", ".hidden", "CON", "Upper", "a.b", "65-characters-" + String(repeating: "x", count: 51)]

/// The commands that take a review id or a code, with the id put in place.
private func slugCommands(_ id: String) -> [[String]] {
    [
        ["review", "add", "--type", "dhr", "--title", "T", "--", id],
        ["rec", "add", "--text", "T", "--", "\(id)/1"],
        ["agency", "add", "--name", "N", "--sector", "police", "--", id],
        ["theme", "add", "--label", "L", "--", id],
        ["review", "show", "--", id],
    ]
}

/// The commands that take an id from the user, with the id put in place.
private func idCommands(_ id: String) -> [[String]] {
    [
        ["review", "add", "--type", "dhr", "--title", "T", "--", id],
        ["rec", "add", "--text", "T", "--", "darren-bethany/\(id)"],
        ["rec", "add", "--text", "T", "--", "\(id)/1"],
        ["action", "add", "darren-bethany", "--agency", "lincs-police", "--text", "T", "--id=\(id)"],
        ["finding", "add", "darren-bethany", "--audience", "police", "--text", "T", "--id=\(id)"],
        ["event", "add", "--kind", "seminar", "--title", "T", "--date", "2024", "--id=\(id)"],
        ["agency", "add", "--name", "N", "--sector", "police", "--", id],
        ["theme", "add", "--label", "L", "--", id],
        ["rec", "update", "--status", "open", "--", "darren-bethany/\(id)"],
        ["rec", "show", "--", "darren-bethany/\(id)"],
        ["review", "show", "--", id],
        ["review", "remove", "--yes", "--", id],
    ]
}

/// Every path under `root` (files and directories), relative.
private func everything(_ root: String) -> Set<String> {
    Set(FileManager.default.enumerator(atPath: root)?.allObjects.compactMap { $0 as? String } ?? [])
}

@Suite("Reliability 9: paths and ids")
struct ReliabilityPathTests {
    @Test("hostile ids are rejected by every command that takes one; nothing is written anywhere")
    func hostileIDsRejected() throws {
        try withTemporaryDirectory { directory in
            let store = makeSmallStore(in: directory)
            let outside = everything(directory)
            let before = try snapshot(store)
            var tried = 0
            var rejected = 0
            let attempts: [[String]] = hostileIDs.flatMap(idCommands) + hostileSlugs.flatMap(slugCommands)
            for args in attempts {
                tried += 1
                let result = runRLT(["--store", store, "--as-of", "2024-04-01"] + args)
                #expect(!crashed(result), "\(args): \(result)")
                if [64, 65].contains(result.status) {
                    rejected += 1
                } else {
                    Issue.record("accepted: \(args.map(\.debugDescription).joined(separator: " ")): \(result)")
                }
            }
            #expect(try snapshot(store) == before, "nothing written in the store")
            #expect(everything(directory) == outside, "nothing created outside the store: \(everything(directory).subtracting(outside))")
            reportFigure(
                "hostile ids: \(hostileIDs.count) ids × \(idCommands("x").count) commands + \(hostileSlugs.count) file-name ids × \(slugCommands("x").count) = \(tried), rejected (64/65) = \(rejected), files written = 0")
        }
    }

    @Test("NUL, ../ and case twins in an imported CSV are refused, all or nothing")
    func importedIDs() throws {
        try withTemporaryDirectory { directory in
            let store = makeSmallStore(in: directory)
            let before = try snapshot(store)
            let outside = everything(directory)
            let rows: [(String, [UInt8])] = [
                ("NUL in a recommendation id", Array("review_id,rec_id,text\r\ndarren-bethany,3\u{0}x,Text\r\n".utf8)),
                ("NUL in a review id", Array("review_id,rec_id,text\r\ndarren\u{0}-bethany,4,Text\r\n".utf8)),
                ("../ as the review", Array("review_id,rec_id,text\r\n../outside,4,Text\r\n".utf8)),
                ("a/b as the recommendation", Array("review_id,rec_id,text\r\ndarren-bethany,a/b,Text\r\n".utf8)),
                ("reviews table: ../x", Array("review_id,type,title\r\n../x,dhr,Escaped\r\n".utf8)),
                ("reviews table: 256 bytes", Array("review_id,type,title\r\n\(String(repeating: "a", count: 256)),dhr,Long\r\n".utf8)),
                ("agencies table: NUL", Array("code,name,sector\r\npol\u{0}ice,Police,police\r\n".utf8)),
                ("a valid row then a bad one", Array("review_id,rec_id,text\r\ndarren-bethany,7,Fine\r\ndarren-bethany,../8,Bad\r\n".utf8)),
            ]
            var refused = 0
            for (name, bytes) in rows {
                let file = directory + "/import.csv"
                try Data(bytes).write(to: URL(fileURLWithPath: file))
                let table = name.hasPrefix("reviews") ? "reviews" : name.hasPrefix("agencies") ? "agencies" : "recommendations"
                let result = runRLT(["--store", store, "import", table, file])
                #expect(!crashed(result), "\(name): \(result)")
                #expect(result.status == 65, "\(name): \(result)")
                #expect(result.stderr.contains("import.csv:2") || result.stderr.contains("import.csv:3"), "\(name): the error names the row: \(result.stderr)")
                if name.contains("NUL") { #expect(result.stderr.contains("holds a NUL byte"), "\(name): \(result.stderr)") }
                if result.status == 65 { refused += 1 }
                #expect(try snapshot(store) == before, "\(name): nothing written")
                try FileManager.default.removeItem(atPath: file)
            }
            #expect(everything(directory) == outside)

            // Case twins through import: 3I when 3i exists is the same record, never a second one.
            let file = directory + "/twins.csv"
            try Data("review_id,rec_id,text\r\ndarren-bethany,3I,Twin text\r\n".utf8).write(to: URL(fileURLWithPath: file))
            let twin = runRLT(["--store", store, "import", "recommendations", file])
            #expect(!crashed(twin), "\(twin)")
            let review = try jsonObject(Data(contentsOf: URL(fileURLWithPath: store + "/" + smallReview)))
            let ids = (review["recommendations"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            #expect(Set(ids.map { $0.lowercased() }).count == ids.count, "no case twins after importing 3I: \(ids) (\(twin))")
            reportFigure("imported hostile ids: \(rows.count) files, refused all-or-nothing = \(refused), case twin 3I → exit \(twin.status), ids \(ids)")
        }
    }

    @Test("case twins are duplicates: 3i/3I, A1/a1, E1/e1, F1/f1")
    func caseTwins() throws {
        try withTemporaryDirectory { directory in
            let store = makeSmallStore(in: directory)
            rltOK(store, ["event", "add", "--kind", "seminar", "--title", "T", "--date", "2024", "--id", "E1"])
            rltOK(store, ["finding", "add", "darren-bethany", "--audience", "police", "--text", "T", "--id", "F1"])
            let before = try snapshot(store)
            let twins: [[String]] = [
                ["rec", "add", "darren-bethany/3I", "--text", "Twin"],
                ["rec", "add", "darren-bethany/3II", "--text", "Twin"],
                ["action", "add", "darren-bethany", "--agency", "lincs-police", "--text", "Twin", "--id", "a1"],
                ["finding", "add", "darren-bethany", "--audience", "police", "--text", "Twin", "--id", "f1"],
                ["event", "add", "--kind", "seminar", "--title", "Twin", "--date", "2024", "--id", "e1"],
                ["agency", "add", "LINCS-POLICE", "--name", "Twin", "--sector", "police"],
                ["review", "add", "Darren-Bethany", "--type", "dhr", "--title", "Twin"],
                ["review", "add", nfd, "--type", "dhr", "--title", "NFD twin"],
            ]
            var refused = 0
            for args in twins {
                let result = runRLT(["--store", store] + args)
                #expect([64, 65].contains(result.status), "\(args): \(result)")
                if [64, 65].contains(result.status) { refused += 1 }
            }
            #expect(try snapshot(store) == before)
            reportFigure("case/NFD twins: \(twins.count) tried, refused = \(refused)")
        }
    }

    @Test("a symlinked review file or tracker is refused for reading and writing; its target is untouched")
    func symlinkedFiles() throws {
        try withTemporaryDirectory { directory in
            let store = makeSmallStore(in: directory)
            let outsideFile = directory + "/outside.json"
            try FileManager.default.copyItem(atPath: store + "/" + smallReview, toPath: outsideFile)
            try editJSON(outsideFile) { $0["id"] = "linked" }
            let target = try Data(contentsOf: URL(fileURLWithPath: outsideFile))
            #expect(symlink(outsideFile, store + "/reviews/linked.json") == 0)
            var refused = 0
            for args in [["rec", "list"], ["review", "show", "linked"], ["rec", "add", "linked/9", "--text", "T"],
                         ["action", "add", "linked", "--agency", "lincs-police", "--text", "T"], ["review", "remove", "linked", "--yes"]] {
                let result = runRLT(["--store", store] + args)
                #expect(!crashed(result))
                #expect(result.status == 65 && result.stderr.contains("symbolic link"), "\(args): \(result)")
                if result.status == 65 { refused += 1 }
            }
            #expect(try Data(contentsOf: URL(fileURLWithPath: outsideFile)) == target, "the link's target is untouched")
            #expect(FileSystemProbe.isSymlink(store + "/reviews/linked.json"))
            let check = runRLT(["--store", store, "check"])
            #expect(check.status == 1 && check.stdout.contains("linked.json") && check.stdout.contains("symbolic link"), "\(check)")

            // tracker.json as a link.
            let outsideTracker = directory + "/outside-tracker.json"
            try FileManager.default.moveItem(atPath: store + "/tracker.json", toPath: outsideTracker)
            #expect(symlink(outsideTracker, store + "/tracker.json") == 0)
            let trackerBytes = try Data(contentsOf: URL(fileURLWithPath: outsideTracker))
            for args in [["agency", "list"], ["agency", "add", "x-agency", "--name", "X", "--sector", "police"]] {
                let result = runRLT(["--store", store] + args)
                #expect(result.status == 65 && result.stderr.contains("symbolic link"), "\(args): \(result)")
                if result.status == 65 { refused += 1 }
            }
            #expect(try Data(contentsOf: URL(fileURLWithPath: outsideTracker)) == trackerBytes)
            reportFigure("symlinked review file and tracker: 7 commands, refused = \(refused), targets changed = no")
        }
    }

    @Test("reviews/ as a symbolic link to a directory outside the store: writes must not go through it")
    func symlinkedReviewsDirectory() throws {
        try withTemporaryDirectory { directory in
            let store = makeSmallStore(in: directory)
            let outside = directory + "/outside-reviews"
            try FileManager.default.moveItem(atPath: store + "/reviews", toPath: outside)
            #expect(symlink(outside, store + "/reviews") == 0)
            let before = everything(outside)
            let add = runRLT(["--store", store, "review", "add", "escaped", "--type", "dhr", "--title", "T"])
            let update = runRLT(["--store", store, "rec", "update", "darren-bethany/3i", "--note", "through the link"])
            let check = runRLT(["--store", store, "check"])
            let written = everything(outside).subtracting(before)
            reportFigure(
                "symlinked reviews/: review add exit \(add.status), rec update exit \(update.status), files created outside = \(written.count), check exit \(check.status)")
            do {
                #expect(add.status == 65 && update.status == 65, "add: \(add)\nupdate: \(update)")
                #expect(written.isEmpty, "created outside the store: \(written)")
                #expect(check.status == 1 && check.stdout.contains("symbolic link"), "\(check)")
            }
        }
    }
}

/// lstat-based checks for the tests.
enum FileSystemProbe {
    static func isSymlink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }
}
