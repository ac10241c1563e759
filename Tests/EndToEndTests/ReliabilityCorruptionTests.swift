import Foundation
import Testing

// Issue 6, case 5: truncation and corruption → no crash, the error names the file and line, `check` flags it, nothing
// is rewritten. Every truncation length is in Scripts/reliability/truncation.sh; here a sample of lengths and the
// other damage, on each kind of store file (docs/RELIABILITY.md).

/// One kind of damage to a store file.
struct Corruption: Sendable, CustomTestStringConvertible {
    var name: String
    var file: String
    /// Returns the damaged bytes and the 1-based line the error must name.
    var damage: @Sendable ([UInt8]) -> (bytes: [UInt8], line: Int)

    var testDescription: String { "\(name) in \(file)" }
}

private func lineNumber(at offset: Int, in bytes: [UInt8]) -> Int {
    bytes[..<offset].filter { $0 == 0x0A }.count + 1
}

private func offset(of needle: String, in bytes: [UInt8]) -> Int {
    let n = Array(needle.utf8)
    for i in 0...(bytes.count - n.count) where Array(bytes[i..<i + n.count]) == n { return i }
    return 0
}

/// Inserts `insert` at the start of the line holding `needle`; the error is on that line.
private func insertLine(_ insert: String, before needle: String) -> @Sendable ([UInt8]) -> ([UInt8], Int) {
    { bytes in
        var at = offset(of: needle, in: bytes)
        while at > 0 && bytes[at - 1] != 0x0A { at -= 1 }
        var out = bytes
        out.insert(contentsOf: Array(insert.utf8), at: at)
        return (out, lineNumber(at: at, in: bytes))
    }
}

private func corruptions(_ file: String, needle: String) -> [Corruption] {
    [
        Corruption(name: "a run of NUL bytes", file: file) { bytes in
            let at = offset(of: needle, in: bytes) + 1
            var out = bytes
            out.insert(contentsOf: [UInt8](repeating: 0, count: 64), at: at)
            return (out, lineNumber(at: at, in: bytes))
        },
        Corruption(name: "a file of NUL bytes (a crash on some file systems)", file: file) { bytes in
            ([UInt8](repeating: 0, count: bytes.count), 1)
        },
        Corruption(
            name: "git conflict markers", file: file,
            damage: insertLine("<<<<<<< HEAD\n=======\n>>>>>>> theirs\n", before: needle)),
        Corruption(name: "a duplicate key", file: file) { bytes in
            let at = offset(of: needle, in: bytes)
            var lineStart = at
            while lineStart > 0 && bytes[lineStart - 1] != 0x0A { lineStart -= 1 }
            var lineEnd = at
            while bytes[lineEnd] != 0x0A { lineEnd += 1 }
            var out = bytes
            out.insert(contentsOf: Array(bytes[lineStart...lineEnd]), at: lineEnd + 1)  // the same member twice
            return (out, lineNumber(at: lineEnd + 1, in: out))
        },
        Corruption(name: "a byte-order mark", file: file) { bytes in ([0xEF, 0xBB, 0xBF] + bytes, 1) },
        Corruption(name: "600-deep nesting", file: file) { bytes in
            // As the value of a new first member: `{"deep": [[[…]]], …`
            let open = bytes.firstIndex(of: UInt8(ascii: "{"))!
            let deep = "\"deep\" : " + String(repeating: "[", count: 600) + String(repeating: "]", count: 600) + ","
            var out = bytes
            out.insert(contentsOf: Array(deep.utf8), at: open + 1)
            return (out, lineNumber(at: open, in: bytes))
        },
        Corruption(name: "invalid UTF-8", file: file) { bytes in
            let at = offset(of: needle, in: bytes) + 1
            var out = bytes
            out.insert(contentsOf: [0xC3, 0x28, 0xFF], at: at)
            return (out, lineNumber(at: at, in: bytes))
        },
        Corruption(name: "a Windows-1252 byte in a string", file: file) { bytes in
            let at = offset(of: needle, in: bytes) + 1
            var out = bytes
            out.insert(0xE9, at: at)
            return (out, lineNumber(at: at, in: bytes))
        },
    ]
}

private let corruptionCases: [Corruption] =
    corruptions(smallReview, needle: "\"title\"") + corruptions("tracker.json", needle: "\"name\"")
    + corruptions("events.json", needle: "\"events\"")

/// Commands that read the damaged file, by file.
private func commands(for file: String) -> [[String]] {
    switch file {
    case "tracker.json":
        return [["agency", "list"], ["rec", "list"], ["overdue"], ["config", "list"],
                ["agency", "add", "new-agency", "--name", "New", "--sector", "police"], ["config", "set", "amber-days", "40"]]
            + reviewWrites.prefix(2)
    case "events.json":
        return [["event", "list"], ["export", "events"], ["event", "add", "--kind", "seminar", "--title", "T", "--date", "2024-03"]]
    default:
        return reviewReads + reviewWrites
    }
}

@Suite("Reliability 5: corrupt store files")
struct ReliabilityCorruptionTests {
    @Test("no crash, the error names file and line, check flags it, nothing rewritten", arguments: corruptionCases)
    func corruption(_ corruption: Corruption) throws {
        try withTemporaryDirectory { directory in
            let store = makeSmallStore(in: directory)
            rltOK(store, ["event", "add", "--kind", "seminar", "--title", "Seminar", "--date", "2024-03"])
            let path = store + "/" + corruption.file
            let original = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            let (damaged, line) = corruption.damage(original)
            try Data(damaged).write(to: URL(fileURLWithPath: path))
            let before = try snapshot(store)
            let where_ = "\(corruption.file):\(line): "
            var named = 0
            var crashes = 0
            let all = commands(for: corruption.file)
            for args in all {
                let result = runRLT(["--store", store, "--as-of", "2024-04-01"] + args)
                if crashed(result) { crashes += 1 }
                #expect(!crashed(result), "\(args): \(result)")
                #expect(result.status == 65, "\(args): \(result)")
                #expect(result.stdout.isEmpty, "\(args): nothing on stdout")
                if result.stderrLines.first?.contains(where_) == true {
                    named += 1
                } else {
                    Issue.record("\(args): the error does not name \(where_): \(result.stderr)")
                }
            }
            let check = runRLT(["--store", store, "check"])
            #expect(!crashed(check) && check.status == 1, "\(check)")
            #expect(check.stdout.contains(where_), "check names \(where_): \(check)")
            #expect(try snapshot(store) == before, "nothing rewritten")
            reportFigure(
                "corruption (\(corruption.name) in \(corruption.file)): \(all.count) commands, crashes = \(crashes), "
                    + "errors naming file:line = \(named)/\(all.count), check flags it = \(check.stdout.contains(where_))")
        }
    }

    @Test("a sample of truncation lengths of each file (every length: Scripts/reliability/truncation.sh)",
          arguments: [smallReview, "tracker.json", "events.json"])
    func truncations(_ file: String) throws {
        try withTemporaryDirectory { directory in
            let store = makeSmallStore(in: directory)
            rltOK(store, ["event", "add", "--kind", "seminar", "--title", "Seminar", "--date", "2024-03"])
            let path = store + "/" + file
            let original = try Data(contentsOf: URL(fileURLWithPath: path))
            let lengths = Array(stride(from: 0, to: original.count - 1, by: max(1, original.count / 12)))
            var failures = 0
            for length in lengths {
                try original.prefix(length).write(to: URL(fileURLWithPath: path))
                let before = try snapshot(store)
                for args in [commands(for: file).first!, commands(for: file).last!] {
                    let result = runRLT(["--store", store, "--as-of", "2024-04-01"] + args)
                    let ok = !crashed(result) && result.status == 65
                        && (result.stderrLines.first ?? "").range(of: "\(file):[0-9]+: ", options: .regularExpression) != nil
                    if !ok { failures += 1 }
                    #expect(ok, "cut at \(length) bytes, \(args): \(result)")
                }
                let check = runRLT(["--store", store, "check"])
                #expect(check.status == 1 && check.stdout.contains(file + ":"), "cut at \(length): \(check)")
                #expect(try snapshot(store) == before, "cut at \(length): nothing rewritten")
            }
            reportFigure("truncation sample of \(file): \(lengths.count) lengths, failures = \(failures)")
        }
    }
}
