import Foundation
import Testing

/// The built rlt with its standard streams closed, full or cut short by a shell (issue 14, items 4 and 8): the exit
/// code is the command's own, nothing crashes, and nothing printed lands in a store file.
@Suite("Standard streams closed, full or cut short")
struct StandardStreamEndToEndTests {
    /// Runs `script` in bash with `$RLT` the binary and `$S` the store; returns what it prints on stdout.
    func bash(_ script: String, store: String) throws -> String {
        let binary = try #require(rltBinaryPath)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script]
        process.environment = ["RLT": binary, "S": store, "PATH": "/usr/bin:/bin", "RLT_AUTHOR": "e2e"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test("under pipefail, '| head -1' keeps --fail-if-any's exit 1; /dev/full on stdout is still 74")
    func pipeClosedEarly() throws {
        try withTemporaryDirectory { directory in
            let store = try makeBigStore(in: directory)
            let statuses = try bash(
                """
                set -o pipefail
                "$RLT" --store "$S" overdue --as-of 2030-01-01 --fail-if-any --format csv | head -1 >/dev/null; echo $?
                "$RLT" --store "$S" overdue --as-of 2030-01-01 --fail-if-any | head -1 >/dev/null; echo $?
                "$RLT" --store "$S" rec list --fail-if-any --format json | head -1 >/dev/null; echo $?
                "$RLT" --store "$S" overdue --as-of 2030-01-01 --format csv | head -1 >/dev/null; echo $?
                "$RLT" --store "$S" overdue --as-of 2030-01-01 --fail-if-any --format csv >/dev/full; echo $?
                """, store: store)
            #expect(statuses.split(separator: "\n") == ["1", "1", "1", "0", "74"])
        }
    }

    @Test("stderr on /dev/full or closed: the command's exit code, no crash, and no message in .lock")
    func stderrFullOrClosed() throws {
        try withTemporaryDirectory { directory in
            let store = makeSmallStore(in: directory)
            var kept = 0
            let cases: [(String, Int)] = [
                ("rec list --bogus", 64), ("rec show darren-bethany/99", 65), ("agency add lincs-police --name X --sector police", 65),
                ("rec update darren-bethany/3i --status nonsense", 64), ("import recommendations /nonexistent/plan.csv --review darren-bethany", 66),
                // A write that succeeds and says so on stderr while it holds the lock.
                ("rec update darren-bethany/3i --note checked", 0),
            ]
            for redirect in ["2>/dev/full", "2>&-"] {
                for (arguments, expected) in cases {
                    let status = try bash("\"$RLT\" --store \"$S\" \(arguments) \(redirect) >/dev/null; echo $?", store: store)
                    #expect(status == String(expected), "rlt \(arguments) \(redirect)")
                    if status == String(expected) { kept += 1 }
                }
            }
            let lock = (try? Data(contentsOf: URL(fileURLWithPath: store + "/.lock"))) ?? Data()
            #expect(lock.isEmpty, "\(String(decoding: lock, as: UTF8.self))")
            #expect(runRLT(["--store", store, "check"]).status == 0)
            print("reliability: stderr full or closed, \(cases.count * 2) runs: exit code kept = \(kept), .lock bytes = \(lock.count)")
        }
    }

    @Test("stdin and stdout closed: descriptors 0–2 are reserved, the store stays valid")
    func closedStreamsReserved() throws {
        try withTemporaryDirectory { directory in
            let store = makeSmallStore(in: directory)
            let statuses = try bash(
                """
                "$RLT" --store "$S" rec list >&- 2>/dev/null; echo $?
                "$RLT" --store "$S" action add darren-bethany --agency lincs-police --text "closed" >&- 2>&-; echo $?
                "$RLT" --store "$S" rec add darren-bethany/9 --text - <&- 2>/dev/null; echo $?
                "$RLT" --store "$S" check >/dev/null 2>&1; echo $?
                """, store: store)
            #expect(statuses.split(separator: "\n") == ["74", "74", "64", "0"])
            let lock = (try? Data(contentsOf: URL(fileURLWithPath: store + "/.lock"))) ?? Data()
            #expect(lock.isEmpty)
        }
    }
}
