import Foundation
import Testing

/// Runs git in `directory`; the output and status.
@discardableResult
private func git(_ arguments: [String], in directory: String) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git"] + arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    var environment = ProcessInfo.processInfo.environment
    environment["GIT_CONFIG_NOSYSTEM"] = "1"
    environment["HOME"] = directory
    process.environment = environment
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

@Suite("End to end: git merges a store with rlt's driver")
struct GitMergeDriverTests {
    /// A repository with a store set up by `rlt git setup --hook`, on branch main with a branch `other` from the
    /// same commit.
    private func repository(in directory: String) throws -> (repo: String, store: String) {
        let repo = directory + "/repo"
        try FileManager.default.createDirectory(atPath: repo, withIntermediateDirectories: true)
        try git(["init", "-q", "-b", "main"], in: repo)
        try git(["config", "user.email", "a@example.org"], in: repo)
        try git(["config", "user.name", "A"], in: repo)
        let store = repo + "/data"
        rltOK(repo, ["init", store, "--name", "Merge test"])
        let setup = rltOK(store, ["git", "setup", "--hook"])
        #expect(setup.stderr.contains(".gitattributes: added data/reviews/*.json merge=rlt"), "\(setup.stderr)")
        rltOK(store, ["agency", "add", "pol", "--name", "Police", "--sector", "police"])
        rltOK(store, ["review", "add", "r1", "--type", "dhr", "--title", "R1"])
        rltOK(store, ["rec", "add", "r1/1", "--text", "Share minutes", "--owner", "pol"])
        try git(["add", "-A"], in: repo)
        try git(["commit", "-qm", "base"], in: repo)
        try git(["branch", "other"], in: repo)
        return (repo, store)
    }

    @Test("two coordinators each add an action to one review: git merges cleanly, both actions kept, ours renumbered")
    func bothAddActions() throws {
        try withTemporaryDirectory { directory in
            let (repo, store) = try repository(in: directory)
            try git(["checkout", "-q", "other"], in: repo)
            rltOK(store, ["action", "add", "r1", "--agency", "pol", "--text", "Theirs", "--for", "1"], env: ["RLT_AUTHOR": "bob"])
            try git(["commit", "-qam", "theirs"], in: repo)
            try git(["checkout", "-q", "main"], in: repo)
            rltOK(store, ["action", "add", "r1", "--agency", "pol", "--text", "Ours", "--for", "1"])
            rltOK(store, ["rec", "update", "r1/1", "--status", "in-progress"])
            try git(["commit", "-qam", "ours"], in: repo)
            let merge = try git(["merge", "other", "-m", "merge"], in: repo)
            #expect(merge.status == 0, "\(merge.output)")
            #expect(merge.output.contains("data/reviews/r1.json: renumbered A1 → A2"), "\(merge.output)")
            let actions = rltOK(store, ["action", "list", "--format", "csv", "--columns", "id,text", "--no-header"]).stdout
            #expect(actions.replacingOccurrences(of: "\r\n", with: "\n") == "A1,Theirs\nA2,Ours\n")
            #expect(rltOK(store, ["rec", "show", "r1/1"]).stdout.contains("in-progress"))
            #expect(runRLT(["--store", store, "check", "--strict"]).status == 0)
            let raw = try String(contentsOfFile: store + "/reviews/r1.json", encoding: .utf8)
            #expect(!raw.contains("<<<<<<<"))
        }
    }

    @Test("git setup is idempotent and the hook refuses to commit a store that fails check")
    func setupAndHook() throws {
        try withTemporaryDirectory { directory in
            let (repo, store) = try repository(in: directory)
            let attributes = try String(contentsOfFile: repo + "/.gitattributes", encoding: .utf8)
            #expect(!rltOK(store, ["git", "setup", "--hook"]).stderr.contains(".gitattributes"))
            #expect(try String(contentsOfFile: repo + "/.gitattributes", encoding: .utf8) == attributes)
            #expect(try git(["config", "--get", "merge.rlt.driver"], in: repo).output.contains("merge-file %O %A %B %P"))
            try Data("{".utf8).write(to: URL(fileURLWithPath: store + "/reviews/r1.json"))
            let commit = try git(["commit", "-qam", "broken"], in: repo)
            #expect(commit.status != 0 && commit.output.contains("reviews/r1.json"), "\(commit.output)")
            let outside = directory + "/plain"
            rltOK(directory, ["init", outside, "--name", "Not in git"])
            let refused = runRLT(["--store", outside, "git", "setup"])
            #expect(refused.status == 66 && refused.stderr.contains("is not in a git repository"), "\(refused)")
        }
    }

    @Test("the same field changed to two values: git reports a conflict, no markers, the file as it was here")
    func sameField() throws {
        try withTemporaryDirectory { directory in
            let (repo, store) = try repository(in: directory)
            try git(["checkout", "-q", "other"], in: repo)
            rltOK(store, ["rec", "update", "r1/1", "--status", "implemented"])
            try git(["commit", "-qam", "theirs"], in: repo)
            try git(["checkout", "-q", "main"], in: repo)
            rltOK(store, ["rec", "update", "r1/1", "--status", "not-accepted", "--reason", "Covered already"])
            try git(["commit", "-qam", "ours"], in: repo)
            let before = try String(contentsOfFile: store + "/reviews/r1.json", encoding: .utf8)
            let merge = try git(["merge", "other", "-m", "merge"], in: repo)
            #expect(merge.status != 0)
            #expect(merge.output.contains("record 1: status changed on both sides: here \"not-accepted\", there \"implemented\""), "\(merge.output)")
            #expect(try String(contentsOfFile: store + "/reviews/r1.json", encoding: .utf8) == before)
            #expect(try git(["status", "--short"], in: repo).output.contains("UU data/reviews/r1.json"))
        }
    }
}
