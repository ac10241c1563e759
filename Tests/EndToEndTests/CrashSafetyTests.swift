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
                let isNote = (i / 2) % 2 == 0
                let args =
                    isNote
                    ? ["--store", store, "--as-of", "2024-02-01", "rec", "update", "big/R7", "--note", marker]
                    : ["--store", store, "--as-of", "2024-02-01", "action", "add", "big", "--agency", "big-police",
                       "--text", marker]
                let process = try makeRLTProcess(args)
                let output = try CapturedOutput()
                output.attach(to: process)
                try process.run()
                if i % 2 == 0 {
                    // Anywhere in the run.
                    Thread.sleep(forTimeInterval: Double.random(in: 0...maxDelay))
                } else {
                    // In the middle of the write: once the temp file exists, a few milliseconds at most later.
                    waitForTempFile(in: store + "/reviews", while: process, timeout: 10)
                    Thread.sleep(forTimeInterval: Double.random(in: 0...0.004))
                }
                kill(process.processIdentifier, SIGKILL)
                #expect(waitForExit(process, timeout: 10), "the killed writer is gone")
                let result = output.result(of: process)
                #expect(result.status == 0 || result.status == 128 + SIGKILL, "\(result)")

                // The file parses and is exactly the old bytes, or the new version with the change.
                let new = try Data(contentsOf: URL(fileURLWithPath: reviewPath))
                let review = try jsonObject(new)
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

                // An interrupted write may leave its temp file: check reports it and nothing else.
                let temps = allFiles(store).filter { $0.contains(".tmp-") }
                if !temps.isEmpty {
                    strays += temps.count
                    let check = runRLT(["--store", store, "check"])
                    #expect(check.status == 1, "\(check)")
                    let lines = (check.stdout + check.stderr).split(separator: "\n").map(String.init)
                    #expect(lines.count == temps.count, "one problem per stray file: \(lines)")
                    #expect(lines.allSatisfy { $0.contains("stray temporary file") }, "nothing else is wrong: \(lines)")
                    for temp in temps {
                        #expect(lines.contains { $0.contains((temp as NSString).lastPathComponent) })
                        try FileManager.default.removeItem(atPath: store + "/" + temp)
                    }
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
            let tally = "\(unchanged) old, \(changed) new, \(strays) stray temp files"
            #expect(unchanged > 0, "some kills left the old version (\(tally))")
            #expect(changed > 0, "some writes completed (\(tally))")
            #expect(strays > 0, "some kills landed while the temp file was being written (\(tally))")

            let check = runRLT(["--store", store, "check"])
            #expect(check.status == 0, "\(check)")
            #expect(check.stdout.isEmpty && check.stderr.isEmpty)
        }
    }
}

/// Polls `directory` until a `.tmp-` file appears, `process` exits or `timeout` passes.
private func waitForTempFile(in directory: String, while process: Process, timeout: Double) {
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning && Date() < deadline {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        if names.contains(where: { $0.contains(".tmp-") }) { return }
        usleep(200)
    }
}
