import Foundation
import Testing

/// The issue's "must show" flow, typed as a new user would, through the built binary.
@Suite("End to end: a new user's first review")
struct NewUserFlowTests {
    @Test("init, agencies, review, recommendations, action, outcome, update, show, check")
    func newUserFlow() throws {
        try withTemporaryDirectory { directory in
            let store = directory + "/data"
            let coordinator = ["RLT_AUTHOR": "ann-coordinator"]

            let initResult = runRLT(["init", store, "--name", "Lincolnshire"])
            #expect(initResult.status == 0, "\(initResult)")
            #expect(FileManager.default.fileExists(atPath: store + "/tracker.json"))

            // The store is named through RLT_STORE from here on, as a coordinator's shell would do it.
            let env = coordinator.merging(["RLT_STORE": store]) { $1 }
            @discardableResult
            func rlt(_ args: [String], as author: [String: String] = [:]) -> RLTResult {
                let result = runRLT(args, env: env.merging(author) { $1 })
                #expect(result.status == 0, "rlt \(args.joined(separator: " ")) failed: \(result)")
                return result
            }

            rlt(["agency", "add", "lincs-police", "--name", "Lincolnshire Police", "--sector", "police"])
            rlt(["agency", "add", "lincs-scp", "--name", "Lincolnshire Safeguarding Children Partnership",
                 "--sector", "partnership"])
            rlt(["agency", "add", "lincs-cc", "--name", "Lincolnshire County Council", "--sector", "local-authority"])
            let agencies = rlt(["agency", "list"]).stdout
            for code in ["lincs-police", "lincs-scp", "lincs-cc"] { #expect(agencies.contains(code)) }

            rlt(["review", "add", "darren-bethany", "--type", "joint", "--title", "Darren & Bethany",
                 "--partnership", "lincs-scp", "--as-of", "2024-01-10"])
            rlt(["rec", "add", "darren-bethany/3i", "--text", "Review the MARAC referral pathway",
                 "--owner", "lincs-scp", "--owner", "lincs-police", "--due", "2024-06", "--as-of", "2024-01-15"])
            rlt(["rec", "add", "darren-bethany/3ii", "--text", "Audit information sharing between agencies",
                 "--owner", "lincs-cc", "--due", "2024-09", "--as-of", "2024-01-15"])

            let action = rlt(["action", "add", "darren-bethany", "--agency", "lincs-police",
                              "--text", "Train officers on MARAC referrals", "--for", "3i", "--due", "2024-05",
                              "--as-of", "2024-01-16"])
            #expect(action.stdout == "darren-bethany/A1\n")

            rlt(["outcome", "add", "darren-bethany/3i", "--text", "All partner agencies provided positive assurance",
                 "--assurance", "reasonable", "--by", "lincs-scp", "--date", "2024-03-01", "--as-of", "2024-03-01"])
            // A second person makes the status change, so the history must tell the two apart.
            rlt(["rec", "update", "darren-bethany/3i", "--status", "implemented", "--as-of", "2024-03-02"],
                as: ["RLT_AUTHOR": "bob-analyst"])

            // The human view.
            let show = rlt(["rec", "show", "darren-bethany/3i", "--as-of", "2024-03-02"]).stdout
            #expect(show.contains("Review the MARAC referral pathway"))
            #expect(show.contains("lincs-scp"))
            #expect(show.contains("lincs-police"))
            #expect(show.contains("2024-06"))
            #expect(show.contains("implemented"))
            #expect(show.contains("reasonable"))
            #expect(show.contains("All partner agencies provided positive assurance"))
            #expect(show.contains("2024-03-01"))
            #expect(show.contains("A1"), "the action for 3i is listed")
            #expect(!show.contains("Audit information sharing"), "3ii's text does not leak into 3i's view")
            let historyStart = try #require(show.range(of: "History"), "rec show has a History section:\n\(show)")
            let history = String(show[historyStart.upperBound...])
            #expect(history.contains("ann-coordinator"))
            #expect(history.contains("bob-analyst"))
            let timestamp = try Regex(#"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z"#)
            #expect(history.contains(timestamp), "each history entry shows when it happened")
            let statusLine = history.split(separator: "\n").first { $0.contains("implemented") }
            #expect(statusLine?.contains("bob-analyst") == true, "the status change is credited to its author")

            // The machine view says the same, field by field.
            let json = try jsonObject(rlt(["rec", "show", "darren-bethany/3i", "--format", "json"]).stdout)
            #expect(json["review"] as? String == "darren-bethany")
            #expect(json["id"] as? String == "3i")
            #expect(json["owners"] as? [String] == ["lincs-scp", "lincs-police"])
            #expect(json["due"] as? String == "2024-06")
            #expect(json["status"] as? String == "implemented")
            #expect(json["assurance"] as? String == "reasonable")
            let outcomes = try #require(json["outcomes"] as? [[String: Any]])
            #expect(outcomes.count == 1)
            #expect(outcomes.first?["assurance"] as? String == "reasonable")
            #expect(outcomes.first?["author"] as? String == "ann-coordinator")
            #expect(outcomes.first?["date"] as? String == "2024-03-01")
            let entries = try #require(json["history"] as? [[String: Any]])
            #expect(entries.count >= 3, "added, outcome, status change: \(entries)")
            #expect(entries.compactMap { $0["by"] as? String }.contains("bob-analyst"))
            #expect(entries.allSatisfy { ($0["at"] as? String)?.contains(timestamp) == true })

            let other = try jsonObject(rlt(["rec", "show", "darren-bethany/3ii", "--format", "json"]).stdout)
            #expect(other["due"] as? String == "2024-09")
            #expect(other["owners"] as? [String] == ["lincs-cc"])
            #expect(other["status"] as? String == "open")

            // A clean store checks silently.
            let check = runRLT(["check"], env: env)
            #expect(check.status == 0)
            #expect(check.stdout.isEmpty, "check prints nothing on a clean store: \(check.stdout)")
            #expect(check.stderr.isEmpty, "check prints nothing on a clean store: \(check.stderr)")

            // Sensitive records: every file the store holds is private to its owner.
            let files = allFiles(store)
            #expect(files.contains("tracker.json"))
            #expect(files.contains("reviews/darren-bethany.json"))
            for file in files {
                let mode = permissionBits(store + "/" + file)
                #expect(mode == 0o600, "\(file) has mode \(String(mode ?? 0, radix: 8)), expected 600")
            }
            #expect(!files.contains { $0.contains(".tmp-") }, "no temporary files left: \(files)")
        }
    }
}
