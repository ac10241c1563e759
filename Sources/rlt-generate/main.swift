import Foundation
import ReviewLearning
import SyntheticStore

// rlt-generate: writes a deterministic synthetic store for benchmarks (issue 7).
//
//   rlt-generate DIR [--recs N] [--seed S] [--as-of YYYY-MM-DD]
//
// About 10 recommendations and 30 actions per review; the same arguments always give the same bytes.

let usage = "usage: rlt-generate DIR [--recs N (default 1000)] [--seed S (default 1)] [--as-of YYYY-MM-DD (default 2025-06-30)]\n"
var arguments = Array(CommandLine.arguments.dropFirst())
var directory: String?
var recs = 1000
var seed: UInt64 = 1
var asOf = CalendarDay(year: 2025, month: 6, day: 30)!

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data(("error: " + message + "\n" + usage).utf8))
    exit(64)
}

while !arguments.isEmpty {
    let argument = arguments.removeFirst()
    func value() -> String {
        guard !arguments.isEmpty else { fail("\(argument) needs a value") }
        return arguments.removeFirst()
    }
    switch argument {
    case "--recs":
        guard let n = Int(value()), n > 0 else { fail("--recs must be a positive number") }
        recs = n
    case "--seed":
        guard let n = UInt64(value()) else { fail("--seed must be a whole number") }
        seed = n
    case "--as-of":
        guard case .day(let day)? = try? PartialDate(parsing: value()) else { fail("--as-of must be a day, YYYY-MM-DD") }
        asOf = day
    case "-h", "--help":
        print(usage, terminator: "")
        exit(0)
    default:
        if argument.hasPrefix("-") || directory != nil { fail("unexpected argument \(argument)") }
        directory = argument
    }
}
guard let directory else { fail("give the directory to write the store into") }
if FileManager.default.fileExists(atPath: directory + "/tracker.json") { fail("\(directory) already holds a store") }

let generator = SyntheticStore(recommendations: recs, seed: seed, asOf: asOf)
do {
    let totals = try generator.write(to: directory)
    print("\(directory): \(totals.reviews) reviews, \(totals.recommendations) recommendations, \(totals.actions) actions, "
        + "\(totals.findings) findings, \(totals.outcomes) outcomes, \(totals.bytes / 1024) KiB of review files")
} catch {
    fail("could not write the store: \(error)")
}
