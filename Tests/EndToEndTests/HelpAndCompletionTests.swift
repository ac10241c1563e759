import Foundation
import Testing

@Suite("End to end: the man page")
struct HelpAndCompletionTests {
    @Test("the man page renders with man -l and no warnings")
    func manpage() throws {
        try withTemporaryDirectory { directory in
            let page = runRLT(["manpage"])
            #expect(page.status == 0)
            let path = directory + "/rlt.1"
            try page.stdout.write(toFile: path, atomically: true, encoding: .utf8)
            guard FileManager.default.isExecutableFile(atPath: "/usr/bin/man") else {
                Issue.record("man is not installed; .ci/run installs man-db")
                return
            }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/man")
            process.arguments = ["--warnings", "-l", path]
            process.environment = ["MANWIDTH": "100", "MANPAGER": "cat", "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
            let out = Pipe()
            let err = Pipe()
            process.standardOutput = out
            process.standardError = err
            try process.run()
            let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let warnings = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            #expect(warnings.isEmpty, "\(warnings)")
            #expect(text.contains("rlt rec add"))
            #expect(text.contains("EXIT CODES"))
        }
    }
}
