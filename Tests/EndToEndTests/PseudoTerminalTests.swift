import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

// Issue 13 §1: the built `rlt` in a real pseudo-terminal, as a person runs it. Every other end-to-end test runs rlt
// with stdout a pipe or a file, which never sees the terminal's width, truncation or colour.

/// Runs `rlt args` with stdin, stdout and stderr on a new pseudo-terminal of `columns` × 50; returns the exit status
/// and what the terminal received (carriage returns removed).
func runInTerminal(_ args: [String], columns: Int, env: [String: String] = [:]) throws -> (status: Int32, screen: String) {
    // posix_openpt, grantpt and ptsname are not in Swift's Glibc module: open the multiplexer and ask the kernel
    // directly (Linux's TIOCSPTLCK and TIOCGPTN, the same numbers on x86-64 and arm64).
    let master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
    guard master >= 0 else { throw POSIXError(.ENOTTY) }
    defer { close(master) }
    var unlock: Int32 = 0
    var number: UInt32 = 0
    guard ioctl(master, 0x4004_5431, &unlock) == 0, ioctl(master, 0x8004_5430, &number) == 0 else {
        throw POSIXError(.ENOTTY)
    }
    let slavePath = "/dev/pts/\(number)"
    let slave = open(slavePath, O_RDWR | O_NOCTTY)
    guard slave >= 0 else { throw POSIXError(.ENOTTY) }
    var size = winsize(ws_row: 50, ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
    _ = ioctl(slave, UInt(TIOCSWINSZ), &size)

    // The terminal's own width, not the test runner's $COLUMNS, must decide the layout.
    var environment = env
    environment["TERM"] = "xterm-256color"
    let process = try makeRLTProcess(args, env: environment)
    process.environment?.removeValue(forKey: "COLUMNS")
    process.environment?.removeValue(forKey: "LINES")
    let handle = FileHandle(fileDescriptor: slave, closeOnDealloc: true)
    process.standardInput = handle
    process.standardOutput = handle
    process.standardError = handle
    try process.run()
    try handle.close()

    // Read until the child has gone and the terminal is drained (read then fails with EIO).
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
        let n = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
        if n > 0 {
            bytes += buffer[0..<n]
        } else if n < 0 && errno == EINTR {
            continue
        } else {
            break
        }
    }
    process.waitUntilExit()
    let status = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
    return (status, String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\r", with: ""))
}

/// A line as the terminal shows it: colour codes removed.
private func visible(_ line: Substring) -> String {
    String(line.replacing(/\u{1B}\[[0-9;]*m/, with: ""))
}

@Suite("End to end: a real terminal")
struct PseudoTerminalTests {
    static let commands: [[String]] = [
        ["overdue"], ["rec", "list"], ["action", "list"], ["review", "list"], ["summary", "--by", "owner"],
        ["summary"], ["finding", "list"], ["search", "MARAC"], ["log"], ["rec", "show", "darren-bethany/3i"],
        ["review", "show", "child-g"], ["action", "show", "child-g/A1"], ["config", "list"], ["agency", "list"],
        ["help"], ["help", "statuses"], ["rec", "update", "--help"],
    ]

    @Test("the README's commands on the sample store at 80 columns and narrower", arguments: [80, 60, 40])
    func sampleStore(columns: Int) throws {
        try withTemporaryDirectory { directory in
            let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent()
            let store = directory + "/data"
            try FileManager.default.copyItem(atPath: root.appendingPathComponent("data").path, toPath: store)
            for command in Self.commands {
                let (status, screen) = try runInTerminal(
                    ["--store", store, "--as-of", "2024-05-20"] + command, columns: columns)
                let shown = "rlt \(command.joined(separator: " ")) at \(columns) columns"
                #expect(status == 0, "\(shown): exit \(status)\n\(screen)")
                #expect(!screen.contains("Fatal error") && !screen.contains("Stack dump"), "\(shown):\n\(screen)")
                #expect(!screen.isEmpty, "\(shown) printed nothing")
                for line in screen.split(separator: "\n") {
                    #expect(visible(line).count <= columns, "\(shown): a line of \(visible(line).count): \(line)")
                }
            }
        }
    }

    @Test("late review stages at 80 columns and narrower: overdue, the timeline, summary --by stage", arguments: [80, 60, 40])
    func lateStages(columns: Int) throws {
        try withTemporaryDirectory { directory in
            let store = directory + "/data"
            rltOK(directory, ["init", store, "--name", "Timescales"])
            rltOK(store, ["agency", "add", "sab", "--name", "Safeguarding Adults Board", "--sector", "partnership"])
            rltOK(store, ["--as-of", "2024-02-10", "review", "add", "rr-k", "--type", "rapid-review", "--title", "Child K",
                "--aware", "2024-02-01", "--notified", "2024-02-06"])
            rltOK(store, ["review", "add", "sar-a", "--type", "sar", "--title", "Adult A with a long title that will not fit",
                "--partnership", "sab", "--decided", "2023-04-14"])
            let commands: [[String]] = [
                ["overdue"], ["review", "show", "rr-k"], ["review", "show", "sar-a"], ["review", "list", "--late"],
                ["summary", "--by", "stage"], ["help", "timescales"], ["config", "list"],
            ]
            for command in commands {
                let (status, screen) = try runInTerminal(["--store", store, "--as-of", "2024-03-01"] + command, columns: columns)
                let shown = "rlt \(command.joined(separator: " ")) at \(columns) columns"
                #expect(status == 0, "\(shown): exit \(status)\n\(screen)")
                #expect(!screen.contains("Fatal error") && !screen.contains("Stack dump"), "\(shown):\n\(screen)")
                for line in screen.split(separator: "\n") {
                    #expect(visible(line).count <= columns, "\(shown): a line of \(visible(line).count): \(line)")
                }
                if command == ["overdue"] { #expect(screen.split(whereSeparator: \.isWhitespace).joined(separator: " ").contains("2 review stages"), "\(screen)") }
            }
        }
    }

    @Test("on a terminal the RAG is coloured and long text cut with …; in a pipe neither")
    func terminalAndPipe() throws {
        try withTemporaryDirectory { directory in
            let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent()
            let store = directory + "/data"
            try FileManager.default.copyItem(atPath: root.appendingPathComponent("data").path, toPath: store)
            let args = ["--store", store, "--as-of", "2024-05-20", "rec", "list", "--review", "darren-bethany"]
            let (status, screen) = try runInTerminal(args, columns: 120)
            #expect(status == 0)
            #expect(screen.contains("\u{1B}[31mred\u{1B}[0m"), "\(screen)")
            #expect(screen.contains("…"))
            let piped = runRLT(args)
            #expect(piped.status == 0 && !piped.stdout.contains("\u{1B}") && !piped.stdout.contains("…"))
            let noColour = try runInTerminal(args, columns: 120, env: ["NO_COLOR": "1"])
            #expect(!noColour.screen.contains("\u{1B}["))
        }
    }
}
