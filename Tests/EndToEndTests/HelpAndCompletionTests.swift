import Foundation
import Testing

/// Runs a bash snippet with the generated completion script loaded and `rlt` on the PATH.
private func complete(_ words: [String], store: String) throws -> [String] {
    let binary = try #require(rltBinaryPath)
    let directory = (binary as NSString).deletingLastPathComponent
    let quoted = words.map { "'\($0)'" }.joined(separator: " ")
    let script = """
        export PATH='\(directory)':"$PATH" RLT_STORE='\(store)'
        source <(rlt completions bash)
        COMP_WORDS=(\(quoted)); COMP_CWORD=$((${#COMP_WORDS[@]}-1)); COMPREPLY=(); _rlt
        printf '%s\\n' "${COMPREPLY[@]}"
        """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = ["-c", script]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init).sorted()
}

@Suite("End to end: completions and the man page")
struct HelpAndCompletionTests {
    @Test("bash completion offers commands, options, allowed values and the store's codes")
    func bash() throws {
        try withTemporaryDirectory { directory throws in
            let store = makeSmallStore(in: directory)
            #expect(try complete(["rlt", "re"], store: store) == ["rec", "recommendation", "report", "review"])
            #expect(try complete(["rlt", "rec", "a"], store: store) == ["add"])
            #expect(try complete(["rlt", "rec", "add", "x", "--le"], store: store) == ["--level"])
            #expect(try complete(["rlt", "rec", "add", "x", "--level", ""], store: store) == ["agency", "local", "national", "regional"])
            #expect(try complete(["rlt", "rec", "list", "--owner", "lincs-p"], store: store) == ["lincs-police"])
            #expect(try complete(["rlt", "overdue", "--theme", "marac"], store: store) == ["marac-mappa"])
            #expect(try complete(["rlt", "review", "show", "darr"], store: store) == ["darren-bethany"])
            #expect(try complete(["rlt", "recommendation", "list", "--sta"], store: store) == ["--stale", "--status"])
        }
    }

    @Test("zsh and fish scripts are generated from the same table")
    func otherShells() {
        let zsh = runRLT(["completions", "zsh"])
        #expect(zsh.status == 0 && zsh.stdout.contains("bashcompinit") && zsh.stdout.contains("complete -F _rlt rlt"))
        let fish = runRLT(["completions", "fish"])
        #expect(fish.status == 0)
        #expect(fish.stdout.contains("complete -c rlt -n '__fish_seen_subcommand_from rec; and __fish_seen_subcommand_from add' -l text -r"))
        #expect(runRLT(["completions", "tcsh"]).status == 64)
    }

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
