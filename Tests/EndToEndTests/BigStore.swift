import Foundation
import Testing

/// Builds a store holding review `big` with `count` long recommendations (about 1 KB each), by
/// adding one recommendation through `rlt`, cloning it in the review's JSON and letting `rlt check`
/// confirm the result is a valid store. Returns the store path.
func makeBigStore(in directory: String, recommendations count: Int = 1000) throws -> String {
    let store = directory + "/data"
    rltOK(store, ["init", store])
    rltOK(store, ["agency", "add", "big-police", "--name", "Big Police", "--sector", "police"])
    rltOK(store, ["review", "add", "big", "--type", "dhr", "--title", "A large review"])
    rltOK(store, ["rec", "add", "big/R1", "--text", "template", "--owner", "big-police", "--due", "2025-06",
                  "--as-of", "2024-01-15"])

    let path = store + "/reviews/big.json"
    var review = try jsonObject(Data(contentsOf: URL(fileURLWithPath: path)))
    let template = try #require((review["recommendations"] as? [[String: Any]])?.first)
    let filler = String(repeating: "The partnership should make sure that every agency shares information. ", count: 10)
    review["recommendations"] = (1...count).map { i -> [String: Any] in
        var rec = template
        rec["id"] = "R\(i)"
        rec["text"] = "Recommendation \(i). " + filler
        return rec
    }
    let data = try JSONSerialization.data(withJSONObject: review, options: [.prettyPrinted, .sortedKeys])
    try (data + Data("\n".utf8)).write(to: URL(fileURLWithPath: path))

    let check = runRLT(["--store", store, "check"])
    #expect(check.status == 0, "the generated review is a valid store: \(check)")
    return store
}

/// Waits up to `timeout` seconds for `process` to exit; false if it is still running.
func waitForExit(_ process: Process, timeout: Double) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning {
        if Date() > deadline { return false }
        Thread.sleep(forTimeInterval: 0.005)
    }
    process.waitUntilExit()
    return true
}
