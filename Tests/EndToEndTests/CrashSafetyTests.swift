import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite("End to end: kill -9 at random moments")
struct CrashSafetyTests {
    @Test("a writer killed 100 times: the review is always the old or the new version, the lock is free")
    func killedWriters() throws {
        try withTemporaryDirectory { directory in
            let store = try makeBigStore(in: directory)
            let reviewPath = store + "/reviews/big.json"

            // Uninterrupted writes: the first puts the file in rlt's own format; together they measure how
            // long a write takes, so random kills can be spread over the whole run (start-up, read, encode,
            // write, rename) whatever the machine's speed.
            var times: [Double] = []
            for n in 0..<3 {
                let started = Date()
                rltOK(store, ["rec", "update", "big/R1", "--note", "calibration \(n)", "--as-of", "2024-02-01"])
                times.append(Date().timeIntervalSince(started))
            }
            let writeTime = times.sorted()[1]
            let size = try Data(contentsOf: URL(fileURLWithPath: reviewPath)).count
            #expect(size > 1_000_000, "the review is about 1 MB (\(size) bytes)")
            let maxDelay = min(max(writeTime * 1.5, 0.03), 1.0)

            var unchanged = 0
            var changed = 0
            var strays = 0
            for i in 0..<100 {
                let old = try Data(contentsOf: URL(fileURLWithPath: reviewPath))
                let marker = "crash-marker-\(i)-\(UUID().uuidString)"
                let isNote = (i / 3) % 2 == 0
                let args =
                    isNote
                    ? ["--store", store, "--as-of", "2024-02-01", "rec", "update", "big/R7", "--note", marker]
                    : ["--store", store, "--as-of", "2024-02-01", "action", "add", "big", "--agency", "big-police",
                       "--text", marker]
                let earlierTemps = Set(
                    allFiles(store).filter { $0.contains(".tmp-") }.map { ($0 as NSString).lastPathComponent })
                let process = try makeRLTProcess(args)
                let output = try CapturedOutput()
                output.attach(to: process)
                let oldIdentity = fileIdentity(reviewPath)
                try process.run()
                switch i % 3 {
                case 0:
                    // Anywhere in the run.
                    Thread.sleep(forTimeInterval: Double.random(in: 0...maxDelay))
                case 1:
                    // In the middle of the write: once the temp file exists, a few milliseconds at most later.
                    waitForTempFile(in: store + "/.staging", ignoring: earlierTemps, while: process, timeout: 10)
                    Thread.sleep(forTimeInterval: Double.random(in: 0...0.002))
                default:
                    // The moment the review file itself changes (a writer that rewrote it in place would be
                    // caught half-way here).
                    waitForChange(of: reviewPath, from: oldIdentity, while: process, timeout: 10)
                }
                kill(process.processIdentifier, SIGKILL)
                #expect(waitForExit(process, timeout: 10), "the killed writer is gone")
                let result = output.result(of: process)
                #expect(result.status == 0 || result.status == 128 + SIGKILL, "\(result)")

                // The file parses and is exactly the old bytes, or the new version with the change.
                let new = try Data(contentsOf: URL(fileURLWithPath: reviewPath))
                let review: [String: Any]
                do {
                    review = try jsonObject(new)
                } catch {
                    Issue.record("iteration \(i): after the kill the review file does not parse: \(error)")
                    break
                }
                let recommendations = try #require(review["recommendations"] as? [[String: Any]])
                let actions = try #require(review["actions"] as? [[String: Any]])
                #expect(recommendations.count == 1000)
                if new.range(of: Data(marker.utf8)) == nil {
                    #expect(new == old, "iteration \(i): without the change the file is byte-for-byte the old one")
                    unchanged += 1
                } else {
                    let oldReview = try jsonObject(old)
                    let oldActions = (oldReview["actions"] as? [[String: Any]])?.count ?? -1
                    if isNote {
                        let r7 = try #require(recommendations.first { $0["id"] as? String == "R7" })
                        let outcomes = r7["outcomes"] as? [[String: Any]] ?? []
                        #expect(outcomes.last?["text"] as? String == marker, "iteration \(i): the note is the latest outcome")
                        #expect(actions.count == oldActions)
                    } else {
                        #expect(actions.count == oldActions + 1, "iteration \(i): exactly one action added")
                        #expect(actions.last?["text"] as? String == marker)
                    }
                    changed += 1
                }
                #expect(permissionBits(reviewPath) == 0o600)

                // The kernel freed the lock with the process: it can be taken at once.
                let fd = open(store + "/.lock", O_RDWR)
                #expect(fd >= 0)
                #expect(flock(fd, LOCK_EX | LOCK_NB) == 0, "iteration \(i): the lock is free after the kill")
                flock(fd, LOCK_UN)
                close(fd)

                // An interrupted write may leave its staged files: the next command, whatever it is, removes them
                // (no journal: the write never took effect) or finishes the renames its journal lists (every write
                // also records an undo step, so it has one), says so, and `check` then finds nothing wrong.
                let temps = allFiles(store).filter { $0.contains(".tmp-") }
                if !temps.isEmpty {
                    strays += temps.count
                    let check = runRLT(["--store", store, "check"])
                    #expect(check.status == 0, "\(check)")
                    #expect(check.stdout.isEmpty)
                    let plural = temps.count == 1 ? "1 file" : "\(temps.count) files"
                    let removed = "note: removed \(plural) staged by a write that was interrupted before it took effect\n"
                    #expect(check.stderr == removed || check.stderr.hasPrefix("note: finished a write that was interrupted ("), "\(check.stderr)")
                    #expect(allFiles(store).filter { $0.contains(".tmp-") }.isEmpty, "iteration \(i): staged files removed")
                }

                // Every so often, the next real write goes through promptly.
                if i % 10 == 9 {
                    let start = Date()
                    let next = runRLT(
                        ["--store", store, "--as-of", "2024-02-01", "rec", "update", "big/R9", "--note", "after \(i)"],
                        env: ["RLT_LOCK_TIMEOUT": "2"])
                    #expect(next.status == 0, "\(next)")
                    #expect(Date().timeIntervalSince(start) < 5)
                }
            }

            // The kills really did land before, during and after the write.
            let tally = "\(unchanged) old, \(changed) new, \(strays) staged files left"
            #expect(unchanged > 0, "some kills left the old version (\(tally))")
            #expect(changed > 0, "some writes completed (\(tally))")
            #expect(strays > 0, "some kills landed while the temp file was being written (\(tally))")

            let check = runRLT(["--store", store, "check"])
            #expect(check.status == 0, "\(check)")
            #expect(check.stdout.isEmpty && check.stderr.isEmpty)
        }
    }
}

extension CrashSafetyTests {
    /// The store's record files and their bytes (not the journal, index or staging area).
    static func records(_ store: String) throws -> [String: Data] {
        try snapshot(store).filter { path, _ in
            path == "tracker.json" || path == "events.json" || path.hasPrefix("reviews/")
        }
    }

    @Test("undo killed 40 times: the store is always before or after the undo, whole, and the journal agrees")
    func killedUndo() throws {
        try withTemporaryDirectory { directory in
            let store = try makeBigStore(in: directory)
            rltOK(store, ["review", "add", "second", "--type", "sar", "--title", "Another review"])
            rltOK(store, ["rec", "add", "second/1", "--text", "A recommendation", "--owner", "big-police"])
            // One change to two review files (one of about 1 MB): an import.
            let csv = directory + "/plan.csv"
            try "review_id,rec_id,text\nbig,R1,Rewritten by the plan\nsecond,1,Also rewritten\n"
                .write(toFile: csv, atomically: true, encoding: .utf8)
            let before = try Self.records(store)
            rltOK(store, ["import", "recommendations", csv])
            let after = try Self.records(store)
            #expect(before != after)
            // How long an undo takes, to spread the kills over it.
            var times: [Double] = []
            for _ in 0..<3 {
                let started = Date()
                rltOK(store, ["undo"])
                times.append(Date().timeIntervalSince(started))
                rltOK(store, ["redo"])
            }
            let maxDelay = min(max(times.sorted()[1] * 1.5, 0.03), 1.0)
            var reverted = 0
            var kept = 0
            for i in 0..<40 {
                #expect(try Self.records(store) == after, "iteration \(i) starts after the import")
                let process = try makeRLTProcess(["--store", store, "undo"])
                let output = try CapturedOutput()
                output.attach(to: process)
                try process.run()
                Thread.sleep(forTimeInterval: Double.random(in: 0...maxDelay))
                kill(process.processIdentifier, SIGKILL)
                #expect(waitForExit(process, timeout: 10))
                _ = output.result(of: process)
                // The next command finishes or discards the interrupted write; then the store is one state or the
                // other, never a mix, and the journal says which: redo (or a second undo) works from it.
                let check = runRLT(["--store", store, "check"])
                #expect(check.status == 0 && check.stdout.isEmpty, "iteration \(i): \(check)")
                let now = try Self.records(store)
                if now == before {
                    reverted += 1
                    rltOK(store, ["redo"])
                } else {
                    #expect(now == after, "iteration \(i): the store is neither before nor after the undo")
                    kept += 1
                    let list = rltOK(store, ["undo", "--list"]).stdout
                    #expect(!list.contains(" redo "), "iteration \(i): nothing to redo when the undo did not happen")
                }
            }
            #expect(reverted > 0 && kept > 0, "kills landed before and after the undo took effect (\(reverted) reverted, \(kept) not)")
            #expect(try Self.records(store) == after)
        }
    }
}

/// Polls `directory` until a new `.tmp-` file appears, `process` exits or `timeout` passes.
private func waitForTempFile(
    in directory: String, ignoring earlier: Set<String>, while process: Process, timeout: Double
) {
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning && Date() < deadline {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        if names.contains(where: { $0.contains(".tmp-") && !earlier.contains($0) }) { return }
        usleep(200)
    }
}

/// What identifies one version of a file on disk: inode, size and modification time.
private struct FileIdentity: Equatable {
    var inode: UInt64
    var size: Int64
    var seconds: Int
    var nanoseconds: Int
}

private func fileIdentity(_ path: String) -> FileIdentity? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return FileIdentity(
        inode: UInt64(info.st_ino), size: Int64(info.st_size), seconds: Int(info.st_mtim.tv_sec),
        nanoseconds: Int(info.st_mtim.tv_nsec))
}

/// Polls `path` (without sleeping) until it is no longer `identity`, `process` exits or `timeout` passes.
private func waitForChange(of path: String, from identity: FileIdentity?, while process: Process, timeout: Double) {
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning && Date() < deadline {
        if fileIdentity(path) != identity { return }
    }
}
