import Foundation
import Testing

/// No output path may land in a store (issue 14, item 1): `--out` of every command that has it, as a file or a
/// directory, existing or not, through symbolic links or `..`, and `init` of a store inside a store. Each is a usage
/// error naming the path, and no store file changes.
@Suite("Output paths inside a store are refused")
struct OutputIntoStoreTests {
    /// Every case: the arguments, given the store and a directory beside it.
    static func cases(store s: String, beside d: String) -> [[String]] {
        [
            ["export", "--format", "json", "--out", s], ["export", "--out", "\(s)/"], ["export", "--out", "\(s)/reviews"],
            ["export", "--out", "\(s)/nightly"], ["export", "agencies", "--out", "\(s)/tracker.json"],
            ["export", "events", "--format", "json", "--out", "\(s)/events.json"],
            ["export", "agencies", "--out", "\(s)/reviews/darren-bethany.json"],
            ["export", "agencies", "--out", "\(s)/new.csv"], ["export", "agencies", "--out", "\(s)/.lock"],
            ["export", "agencies", "--out", "\(d)/elsewhere/../data/tracker.json"],
            ["export", "agencies", "--out", "\(d)/to-tracker.csv"], ["export", "agencies", "--out", "\(d)/dangling.csv"],
            ["export", "--out", "\(d)/store-link/nightly"], ["export", "--out", "\(d)/nightly"],
            ["export", "agencies", "--out", "\(d)/other/tracker.json"],
            ["report", "--out", "\(s)/reviews/darren-bethany.json"], ["report", "--out", "\(d)/store-link/board.md"],
            ["report", "--format", "html", "--out", "\(s)/board.html"], ["report", "--out", "\(d)/to-tracker.csv"],
            ["init", "\(s)/inner"], ["init", "\(s)/reviews/inner"], ["init", "\(d)/store-link/inner"],
            ["--store", "\(s)/inner", "init"],
        ]
    }

    /// The links and the second store the cases need, beside the store.
    func prepare(_ cli: CLIHarness) throws {
        let files = FileManager.default
        let d = cli.directory
        try files.createSymbolicLink(atPath: "\(d)/to-tracker.csv", withDestinationPath: "\(cli.store)/tracker.json")
        try files.createSymbolicLink(atPath: "\(d)/dangling.csv", withDestinationPath: "\(cli.store)/new.csv")
        try files.createSymbolicLink(atPath: "\(d)/store-link", withDestinationPath: cli.store)
        try files.createDirectory(atPath: "\(d)/elsewhere", withIntermediateDirectories: true)
        // A directory outside the store whose recommendations.csv is a link into it.
        try files.createDirectory(atPath: "\(d)/nightly", withIntermediateDirectories: true)
        try files.createSymbolicLink(
            atPath: "\(d)/nightly/recommendations.csv", withDestinationPath: "\(cli.store)/events.json")
        // Another store: its files are no place for this one's output either.
        #expect(cli.run("init", "\(d)/other").code == 0)
    }

    /// Every file under `directory` and its bytes (links as their targets' text), to prove nothing changed.
    func snapshot(_ directory: String) -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: directory)
        while let path = enumerator?.nextObject() as? String {
            let full = "\(directory)/\(path)"
            if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: full) {
                files[path] = Data(target.utf8)
            } else if let data = FileManager.default.contents(atPath: full) {
                files[path] = data
            } else {
                files[path] = Data()
            }
        }
        return files
    }

    @Test("every --out into a store, and init inside one, is refused with exit 64 and one line naming the path")
    func refused() throws {
        var refused = 0
        var changed: [String] = []
        let count = Self.cases(store: "", beside: "").count
        // Each case on a fresh store, so one that damages the store cannot hide what the next would do.
        for n in 0..<count {
            let cli = CLIHarness()
            cli.seed()
            try prepare(cli)
            let arguments = Self.cases(store: cli.store, beside: cli.directory)[n]
            let before = snapshot(cli.directory)
            let result = cli.run(arguments)
            let first = result.err.split(separator: "\n").first.map(String.init) ?? ""
            // The path is the value after --out, or init's DIR, or the --store that init creates.
            let at = arguments.firstIndex(of: "--out") ?? arguments.firstIndex(of: "init").map { $0 + 1 < arguments.count ? $0 : 0 } ?? 0
            let path = arguments[at + 1]
            let advice = first.hasSuffix("choose a path outside the store") || first.hasSuffix("choose a directory outside the store")
            if result.code == 64 && first.contains(path) && advice {
                refused += 1
            } else {
                Issue.record("\(arguments): \(result.code) \(result.err)")
            }
            let after = snapshot(cli.directory)
            let touched = Set(after.keys).union(before.keys).filter { after[$0] != before[$0] }
            if !touched.isEmpty { changed.append("\(arguments.joined(separator: " ")): \(touched.sorted())") }
        }
        print("reliability: output into a store, \(count) paths: refused (64) = \(refused), cases that changed files = \(changed.count)")
        #expect(refused == count)
        #expect(changed.isEmpty, "\(changed)")
    }

    @Test("paths outside the store still work, including ones whose names look like store files")
    func outsideStillWorks() throws {
        let cli = CLIHarness()
        cli.seed()
        let d = cli.directory
        #expect(cli.run("export", "agencies", "--out", "\(d)/tracker.json").code == 0)
        #expect(cli.run("export", "--out", "\(d)/nightly").code == 0)
        #expect(FileManager.default.fileExists(atPath: "\(d)/nightly/events.csv"))
        #expect(cli.run("report", "--out", "\(d)/data-report.md").code == 0)
        #expect(cli.run("init", "\(d)/second").code == 0)
    }
}
