import Foundation
import Testing

@testable import RLTCommandLine

#if canImport(Glibc)
    import Glibc
#endif

/// What a failed write to stdout or stderr does to the exit code (issue 14, items 4 and 8), with the sinks `main`
/// uses on real descriptors: a pipe whose reader has gone, /dev/full, a stream closed at start.
@Suite("Standard streams: write failures are mapped once, by the tool")
struct StandardStreamTests {
    /// A pipe's write end whose read end is already closed: every write fails with EPIPE.
    func brokenPipe() throws -> Int32 {
        signal(SIGPIPE, SIG_IGN)  // as main does; else the test process would die of it
        var ends: [Int32] = [0, 0]
        try #require(pipe(&ends) == 0)
        close(ends[0])
        return ends[1]
    }

    func run(_ cli: CLIHarness, _ arguments: [String], stdout: OutputSink, stderr: OutputSink) -> Int32 {
        let env = ["RLT_STORE": cli.store, "RLT_AUTHOR": "alice", "RLT_AS_OF": "2025-01-01", "RLT_LOCK_TIMEOUT": "1"]
        let context = ToolContext(
            environment: env, currentDirectory: cli.directory, now: cli.now, stdout: stdout, stderr: stderr)
        return RLTTool.run(arguments, context: context)
    }

    @Test("a reader that went away (EPIPE) keeps the exit code the command would have had")
    func closedPipeKeepsExitCode() throws {
        let cli = CLIHarness()
        cli.seed()
        let fd = try brokenPipe()
        defer { close(fd) }
        let err = Capture()
        let pipeSink = StandardStreams.sink(fd: fd, closed: false)
        var kept = 0
        let cases: [([String], Int32)] = [
            (["overdue", "--fail-if-any", "--format", "csv"], 1), (["overdue", "--fail-if-any"], 1),
            (["overdue", "--format", "csv"], 0), (["rec", "list"], 0), (["check"], 0), (["nope"], 64),
        ]
        for (arguments, expected) in cases {
            let code = run(cli, arguments, stdout: pipeSink, stderr: err.sink)
            #expect(code == expected, "\(arguments)")
            if code == expected { kept += 1 }
        }
        #expect(pipeSink.failure?.errno == EPIPE)
        #expect(!err.text.contains("cannot write output"))
        print("reliability: stdout EPIPE, \(cases.count) commands: exit code kept = \(kept)")
    }

    @Test("a listing streamed from worker threads into a closed pipe keeps --fail-if-any's exit 1")
    func closedPipeFromWorkerThreads() throws {
        // Over 64 reviews, so CSV and TSV are formatted on all cores and written from whichever finishes a chunk.
        let fixture = try IndexEquivalenceTests.Fixture(recommendations: 1000)
        let fd = try brokenPipe()
        defer { close(fd) }
        let env = ["RLT_STORE": fixture.store, "RLT_AUTHOR": "t", "RLT_AS_OF": "2025-06-30"]
        let context = ToolContext(
            environment: env, currentDirectory: fixture.directory, now: fixture.now,
            stdout: StandardStreams.sink(fd: fd, closed: false), stderr: Capture().sink)
        #expect(RLTTool.run(["overdue", "--format", "csv", "--fail-if-any"], context: context) == 1)
        #expect(RLTTool.run(["rec", "list", "--format", "tsv"], context: context) == 0)
    }

    @Test("any other failure to write stdout is exit 74 with one message")
    func otherFailuresAreExit74() throws {
        let cli = CLIHarness()
        cli.seed()
        let full = open("/dev/full", O_WRONLY)
        try #require(full >= 0)
        defer { close(full) }
        for sink in [StandardStreams.sink(fd: full, closed: false), StandardStreams.sink(fd: 1, closed: true)] {
            let err = Capture()
            #expect(run(cli, ["overdue", "--fail-if-any"], stdout: sink, stderr: err.sink) == 74)
            #expect(err.text.hasPrefix("error: cannot write output: "))
            #expect(err.text.split(separator: "\n").count == 1)
        }
    }

    @Test("a failing or closed stderr never changes the exit code", arguments: [false, true])
    func stderrFailureKeepsExitCode(closed: Bool) throws {
        let cli = CLIHarness()
        cli.seed()
        let full = open("/dev/full", O_WRONLY)
        try #require(full >= 0)
        defer { close(full) }
        let stderr = StandardStreams.sink(fd: full, closed: closed)
        let out = Capture()
        let cases: [([String], Int32)] = [
            (["nope"], 64), (["rec", "show", "darren-bethany/9"], 65), (["--store", "\(cli.directory)/none", "rec", "list"], 66),
            (["overdue", "--fail-if-any"], 1), (["export", "agencies", "--out", "/dev/full"], 74), (["rec", "list"], 0),
        ]
        var kept = 0
        for (arguments, expected) in cases {
            let code = run(cli, arguments, stdout: out.sink, stderr: stderr)
            #expect(code == expected, "\(arguments)")
            if code == expected { kept += 1 }
        }
        #expect(stderr.failure?.errno == (closed ? EBADF : ENOSPC))
        print("reliability: stderr \(closed ? "closed" : "on /dev/full"), \(cases.count) commands: exit code kept = \(kept)")
    }
}
