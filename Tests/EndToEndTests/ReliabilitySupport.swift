import Foundation
import Testing

// Helpers for the Reliability*Tests files (issue 6, docs/RELIABILITY.md). Each reliability test prints its figure
// as one line starting "reliability:", so `swift test --filter Reliability 2>&1 | grep '^reliability:'` lists them.

/// Prints one figure line for docs/RELIABILITY.md.
func reportFigure(_ line: String) {
    print("reliability: \(line)")
}

/// The path of the review file of `makeSmallStore`.
let smallReview = "reviews/darren-bethany.json"

/// Reads, changes and rewrites a JSON object file (pretty-printed, sorted keys; the layout changes, which is fine for
/// damage that `check` must find anyway).
func editJSON(_ path: String, _ change: (inout [String: Any]) throws -> Void) throws {
    var object = try jsonObject(Data(contentsOf: URL(fileURLWithPath: path)))
    try change(&object)
    let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
    try (data + Data("\n".utf8)).write(to: URL(fileURLWithPath: path))
}

/// Replaces the first occurrence of `target` in the file's bytes.
func editBytes(_ path: String, replacing target: String, with replacement: [UInt8]) throws {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    guard let range = data.range(of: Data(target.utf8)) else {
        Issue.record("\(target) not found in \(path)")
        return
    }
    var copy = data
    copy.replaceSubrange(range, with: replacement)
    try copy.write(to: URL(fileURLWithPath: path))
}

/// The 1-based line of the first occurrence of `needle` in the file.
func lineOf(_ needle: [UInt8], in path: String) -> Int? {
    guard let data = try? Data(contentsOf: URL(fileURLWithPath: path)),
        let range = data.range(of: Data(needle))
    else { return nil }
    return data[data.startIndex..<range.lowerBound].filter { $0 == 0x0A }.count + 1
}

/// True when `result` looks like a crash: a signal, or a runtime's crash report on stderr.
func crashed(_ result: RLTResult) -> Bool {
    result.signalled || result.status >= 128 || crashMarkers.contains { result.stderr.contains($0) }
}

/// Write commands that touch `darren-bethany` in the small store, as run by the reliability tests.
let reviewWrites: [[String]] = [
    ["rec", "update", "darren-bethany/3i", "--note", "A progress note"],
    ["rec", "update", "darren-bethany/3i", "--status", "in-progress"],
    ["rec", "add", "darren-bethany/9", "--text", "A new recommendation", "--owner", "lincs-cc"],
    ["action", "add", "darren-bethany", "--agency", "lincs-police", "--text", "A new action"],
    ["outcome", "add", "darren-bethany/3i", "--text", "Reported", "--assurance", "limited"],
    ["finding", "add", "darren-bethany", "--audience", "police", "--text", "Some learning"],
    ["review", "update", "darren-bethany", "--status", "completed"],
]

/// Read commands that must keep working, or fail cleanly, whatever the state of `darren-bethany`.
let reviewReads: [[String]] = [
    ["rec", "list"], ["rec", "show", "darren-bethany/3i"], ["review", "show", "darren-bethany"], ["review", "list"],
    ["action", "list"], ["overdue"], ["summary"], ["search", "MARAC"],
    ["export", "recommendations"], ["log"],
]
