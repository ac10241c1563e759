import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite("End to end: version, help, suggestions and option syntax")
struct CommandLineSurfaceTests {
    @Test("rlt --version prints a version and exits 0")
    func version() throws {
        let result = runRLT(["--version"])
        #expect(result.status == 0, "\(result)")
        let versionLine = try Regex(#"^rlt \d+\.\d+\.\d+\n$"#)
        #expect(result.stdout.wholeMatch(of: versionLine) != nil, "\(result.stdout)")
        #expect(result.stderr.isEmpty)
    }

    @Test("rlt --help shows OVERVIEW and USAGE and exits 0", arguments: [["--help"], ["-h"], ["help"]])
    func help(_ args: [String]) {
        let result = runRLT(args)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("OVERVIEW:"))
        #expect(result.stdout.contains("USAGE: rlt"))
        for noun in ["review", "rec", "action", "outcome", "check"] { #expect(result.stdout.contains(noun)) }
        #expect(result.stderr.isEmpty)
    }

    @Test(
        "every command has help with OVERVIEW, USAGE, ARGUMENTS and OPTIONS",
        arguments: [["rec", "add"], ["rec", "update"], ["action", "add"], ["outcome", "add"], ["review", "add"]])
    func commandHelp(_ command: [String]) {
        let result = runRLT(command + ["--help"])
        #expect(result.status == 0, "\(result)")
        for section in ["OVERVIEW:", "USAGE: rlt \(command.joined(separator: " "))", "ARGUMENTS:", "OPTIONS:"] {
            #expect(result.stdout.contains(section), "\(section) in\n\(result.stdout)")
        }
        let viaHelp = runRLT(["help"] + command)
        #expect(viaHelp.status == 0 && viaHelp.stdout == result.stdout, "'rlt help \(command)' matches --help")
    }

    @Test("a mistyped command suggests the right one, exit 64")
    func mistypedCommand() {
        let result = runRLT(["rec", "ad"])
        #expect(result.status == 64, "\(result)")
        #expect(result.stdout.isEmpty)
        let lines = result.stderrLines
        #expect(lines.first?.hasPrefix("error: ") == true)
        #expect(lines.first?.contains("'add'") == true, "\(result.stderr)")
        #expect(lines.first?.contains("did you mean") == true, "\(result.stderr)")
        #expect(lines.contains { $0.hasPrefix("usage: rlt rec") })

        let noun = runRLT(["reveiw", "list"])
        #expect(noun.status == 64, "\(noun)")
        #expect(noun.stderr.contains("review"), "\(noun.stderr)")
    }

    @Test("--opt=value, --store=DIR and a value that is itself '=' or starts with '-'")
    func equalsSyntax() throws {
        try withTemporaryDirectory { directory in
            let store = makeSmallStore(in: directory)
            let added = runRLT(["--store=\(store)", "rec", "add", "darren-bethany/4", "--text=a=b and more", "--due=2024-12",
                                "--owner=lincs-cc"])
            #expect(added.status == 0, "\(added)")
            #expect(added.stdout == "darren-bethany/4\n")
            let dash = runRLT(["--store", store, "rec", "add", "darren-bethany/5", "--text", "-dash first"])
            #expect(dash.status == 0, "\(dash)")
            let list = try JSONSerialization.jsonObject(
                with: Data(rltOK(store, ["rec", "list", "--format=json"]).stdout.utf8)) as? [[String: Any]]
            let four = try #require(list?.first { $0["id"] as? String == "4" })
            #expect(four["text"] as? String == "a=b and more")
            #expect(four["due"] as? String == "2024-12")
            #expect(four["owners"] as? [String] == ["lincs-cc"])
            let five = try #require(list?.first { $0["id"] as? String == "5" })
            #expect(five["text"] as? String == "-dash first")
        }
    }

    @Test("after -- every word is positional")
    func doubleDash() throws {
        try withTemporaryDirectory { directory in
            let store = makeSmallStore(in: directory)
            let ok = runRLT(["--store", store, "rec", "add", "--text", "before the separator", "--", "darren-bethany/6"])
            #expect(ok.status == 0, "\(ok)")
            #expect(ok.stdout == "darren-bethany/6\n")

            // After --, "--text" is an argument, not an option: too many arguments, and nothing written.
            let before = try snapshot(store)
            let bad = runRLT(["--store", store, "rec", "add", "--", "darren-bethany/7", "--text", "x"])
            #expect(bad.status == 64, "\(bad)")
            #expect(bad.stderrLines.first?.contains("--text") == true, "\(bad.stderr)")
            #expect(try snapshot(store) == before)

            // An id that looks like an option can only be given after --, and then it is validated as an id.
            let dashID = runRLT(["--store", store, "rec", "add", "--text", "x", "--", "-bad/1"])
            #expect(dashID.status == 64, "\(dashID)")
            #expect(dashID.stderr.contains("-bad"), "\(dashID.stderr)")
            #expect(!dashID.stderr.contains("unknown option"), "after --, -bad/1 is not an option: \(dashID.stderr)")
        }
    }

    @Test("global options may come before the help pseudo-command")
    func globalOptionsBeforeHelp() {
        let result = runRLT(["--store", NSTemporaryDirectory(), "help", "rec", "add"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("USAGE: rlt rec add"), "\(result.stdout)")
    }
}

@Suite("End to end: output into a pipe that closes early")
struct ClosedPipeTests {
    @Test("rlt rec list | (read 10 bytes, close): exits 0 without a message")
    func closedPipe() throws {
        try withTemporaryDirectory { directory in
            let store = try makeBigStore(in: directory, recommendations: 400)
            let process = try makeRLTProcess(["--store", store, "rec", "list"])
            let pipe = Pipe()
            process.standardOutput = pipe
            let output = try CapturedOutput()
            process.standardError = output.stderr
            try process.run()
            let head = try pipe.fileHandleForReading.read(upToCount: 10) ?? Data()
            #expect(head.count == 10)
            try pipe.fileHandleForReading.close()
            let exited = waitForExit(process, timeout: 20)
            if !exited { kill(process.processIdentifier, SIGKILL) }
            #expect(exited, "rlt stops when its reader goes away")
            let result = output.result(of: process)
            #expect(!result.signalled, "no death by SIGPIPE: \(result)")
            #expect(result.status == 0, "\(result)")
            #expect(result.stderr.isEmpty, "no error message: \(result.stderr)")
        }
    }

    @Test("/bin/sh -c 'rlt … | head -1': stderr stays empty")
    func shellHead() throws {
        let binary = try #require(rltBinaryPath)
        try withTemporaryDirectory { directory in
            let store = try makeBigStore(in: directory, recommendations: 400)
            let full = rltOK(store, ["rec", "list"]).stdout
            #expect(full.utf8.count > 200_000, "the listing is far bigger than a pipe buffer")
            let quoted = { (text: String) in "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }
            let script = "\(quoted(binary)) --store \(quoted(store)) rec list | head -1"
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", script]
            process.environment = ["PATH": "/usr/bin:/bin", "RLT_AUTHOR": defaultAuthor]
            let output = try CapturedOutput()
            output.attach(to: process)
            try process.run()
            #expect(waitForExit(process, timeout: 20))
            let result = output.result(of: process)
            #expect(result.status == 0, "\(result)")
            #expect(result.stderr.isEmpty, "no error message: \(result.stderr)")
            #expect(result.stdout.split(separator: "\n").count == 1)
            #expect(full.hasPrefix(result.stdout), "head got the first line of the listing")
        }
    }
}
