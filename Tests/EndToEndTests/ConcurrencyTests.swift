import Foundation
import Testing

@Suite("End to end: concurrent writers")
struct ConcurrencyTests {
    @Test("30 rlt action add processes at once: 30 actions, A1…A30, valid store")
    func thirtyWriters() throws {
        try withTemporaryDirectory { directory in
            let store = directory + "/data"
            rltOK(store, ["init", store])
            rltOK(store, ["agency", "add", "child-g-police", "--name", "South Yorkshire Police", "--sector", "police"])
            rltOK(store, ["review", "add", "child-g", "--type", "cspr", "--title", "Child G"])

            let count = 30
            var runs: [(process: Process, output: CapturedOutput)] = []
            for i in 1...count {
                let process = try makeRLTProcess(
                    ["--store", store, "--as-of", "2024-01-15", "action", "add", "child-g", "--agency", "child-g-police",
                     "--text", "Concurrent action number \(i)"],
                    env: ["RLT_LOCK_TIMEOUT": "30"])
                let output = try CapturedOutput()
                output.attach(to: process)
                runs.append((process, output))
            }
            // Start every process before waiting for any of them.
            for run in runs { try run.process.run() }
            var printed: [String] = []
            for run in runs {
                run.process.waitUntilExit()
                let result = run.output.result(of: run.process)
                #expect(result.status == 0, "\(result)")
                printed.append(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
            }
            let expectedIDs = Set((1...count).map { "A\($0)" })
            #expect(Set(printed) == Set(expectedIDs.map { "child-g/\($0)" }), "each process printed its own reference")

            let data = try Data(contentsOf: URL(fileURLWithPath: store + "/reviews/child-g.json"))
            let review = try jsonObject(data)
            let actions = try #require(review["actions"] as? [[String: Any]])
            #expect(actions.count == count)
            let ids = actions.compactMap { $0["id"] as? String }
            #expect(Set(ids) == expectedIDs, "ids: \(ids)")
            #expect(ids.count == Set(ids).count, "no duplicate ids")
            let texts = Set(actions.compactMap { $0["text"] as? String })
            #expect(texts == Set((1...count).map { "Concurrent action number \($0)" }), "no update was lost")

            let check = runRLT(["--store", store, "check"])
            #expect(check.status == 0, "\(check)")
            #expect(check.stdout.isEmpty && check.stderr.isEmpty, "\(check)")
            #expect(!allFiles(store).contains { $0.contains(".tmp-") }, "no stray temp files: \(allFiles(store))")
        }
    }
}
