import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite("End to end: the store lock")
struct LockTests {
    @Test("a write waits for the lock, then exits 75; reads still work; after unlocking the write succeeds")
    func lockedStore() throws {
        try withTemporaryDirectory { directory in
            let store = makeSmallStore(in: directory)
            let fd = open(store + "/.lock", O_RDWR | O_CREAT, 0o600)
            try #require(fd >= 0)
            defer { close(fd) }
            try #require(flock(fd, LOCK_EX) == 0)

            let before = try snapshot(store)
            let write = ["--store", store, "--as-of", "2024-04-01", "rec", "update", "darren-bethany/3i", "--note",
                         "Checked under lock"]
            let start = Date()
            let locked = runRLT(write, env: ["RLT_LOCK_TIMEOUT": "0.3"])
            let waited = Date().timeIntervalSince(start)
            #expect(locked.status == 75, "\(locked)")
            #expect(locked.stderr.lowercased().contains("locked"), "\(locked.stderr)")
            #expect(locked.stderrLines.count == 1 && locked.stderrLines.first?.hasPrefix("error: ") == true)
            #expect(locked.stdout.isEmpty)
            #expect(waited >= 0.25, "it waited for the timeout (\(waited) s)")
            #expect(waited < 5, "it gave up after the timeout (\(waited) s)")
            #expect(try snapshot(store) == before, "nothing written while locked")

            // Other writers are refused too, and readers are never blocked.
            let action = runRLT(
                ["--store", store, "action", "add", "darren-bethany", "--agency", "lincs-police", "--text", "x"],
                env: ["RLT_LOCK_TIMEOUT": "0.1"])
            #expect(action.status == 75, "\(action)")
            let list = runRLT(["--store", store, "rec", "list"], env: ["RLT_LOCK_TIMEOUT": "0.1"])
            #expect(list.status == 0, "\(list)")
            #expect(list.stdout.contains("3i") && list.stdout.contains("3ii"))
            let show = runRLT(["--store", store, "rec", "show", "darren-bethany/3i"], env: ["RLT_LOCK_TIMEOUT": "0.1"])
            #expect(show.status == 0, "\(show)")
            #expect(try snapshot(store) == before)

            #expect(flock(fd, LOCK_UN) == 0)
            let unlocked = runRLT(write, env: ["RLT_LOCK_TIMEOUT": "0.3"])
            #expect(unlocked.status == 0, "\(unlocked)")
            let json = try jsonObject(rltOK(store, ["rec", "show", "darren-bethany/3i", "--format", "json"]).stdout)
            let outcomes = json["outcomes"] as? [[String: Any]] ?? []
            #expect(outcomes.contains { $0["text"] as? String == "Checked under lock" })
        }
    }

    @Test("a writer waits while the lock is briefly held, then succeeds")
    func waitsForLock() throws {
        try withTemporaryDirectory { directory in
            let store = makeSmallStore(in: directory)
            let fd = open(store + "/.lock", O_RDWR | O_CREAT, 0o600)
            try #require(fd >= 0)
            defer { close(fd) }
            try #require(flock(fd, LOCK_EX) == 0)

            let process = try makeRLTProcess(
                ["--store", store, "action", "add", "darren-bethany", "--agency", "lincs-police", "--text", "waited"],
                env: ["RLT_LOCK_TIMEOUT": "10"])
            let output = try CapturedOutput()
            output.attach(to: process)
            try process.run()
            Thread.sleep(forTimeInterval: 0.3)
            #expect(process.isRunning, "the writer is waiting for the lock")
            flock(fd, LOCK_UN)
            #expect(waitForExit(process, timeout: 10))
            let result = output.result(of: process)
            #expect(result.status == 0, "\(result)")
            #expect(result.stdout == "darren-bethany/A2\n")
        }
    }
}
