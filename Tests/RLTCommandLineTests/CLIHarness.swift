import Foundation
import RLTCommandLine

/// Collects what a command writes.
final class Capture: @unchecked Sendable {
    private let lock = NSLock()
    private var buffer = ""

    var text: String { lock.withLock { buffer } }

    var sink: OutputSink { OutputSink { [self] text in lock.withLock { buffer += text } } }
}

/// Runs rlt in-process on a temporary store, with a fixed clock and environment.
final class CLIHarness: Sendable {
    let directory: String
    var store: String { "\(directory)/data" }
    /// 2024-03-01T09:30:00Z: history timestamps in tests never depend on the real clock.
    let now: Date
    /// UTC unless a test asks for a time zone, so nothing depends on the machine's.
    let timeZone: TimeZone

    struct Result {
        var code: Int32
        var out: String
        var err: String
    }

    init(now: Date = Date(timeIntervalSince1970: 1_709_285_400), timeZone: TimeZone = TimeZone(identifier: "UTC")!) {
        self.now = now
        self.timeZone = timeZone
        directory = NSTemporaryDirectory() + "rlt-cli-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    @discardableResult
    func run(_ arguments: String..., environment: [String: String] = [:], stdin: Data? = nil) -> Result {
        run(arguments, environment: environment, stdin: stdin)
    }

    /// Runs one command with stdout a pipe, or with `terminalWidth` a terminal of that many columns; `stdin` is
    /// what it reads for `--text -` (nil: reading fails, as if nothing may be read).
    @discardableResult
    func run(
        _ arguments: [String], environment: [String: String] = [:], terminalWidth: Int? = nil, stdin: Data? = nil
    ) -> Result {
        let out = Capture()
        let err = Capture()
        var env = ["RLT_STORE": store, "RLT_AUTHOR": "alice", "RLT_AS_OF": "2024-03-01", "RLT_LOCK_TIMEOUT": "1"]
        env.merge(environment) { $1 }
        let stdout = OutputSink(isTerminal: terminalWidth != nil, write: out.sink.write)
        let context = ToolContext(
            environment: env, currentDirectory: directory, now: now, stdout: stdout, stderr: err.sink,
            terminalWidth: terminalWidth, timeZone: timeZone,
            readStandardInput: {
                guard let stdin else { throw CocoaError(.fileReadNoPermission) }
                return stdin
            })
        let code = RLTTool.run(arguments, context: context)
        return Result(code: code, out: out.text, err: err.text)
    }

    /// Every file of the store and its bytes (the lock file excluded), to prove a command wrote nothing.
    func snapshot() -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: store)
        while let path = enumerator?.nextObject() as? String {
            if path == ".lock" { continue }
            if let data = FileManager.default.contents(atPath: "\(store)/\(path)") { files[path] = data }
        }
        return files
    }

    func write(_ text: String, to relative: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: "\(store)/\(relative)"))
    }

    func read(_ relative: String) -> String {
        String(decoding: FileManager.default.contents(atPath: "\(store)/\(relative)") ?? Data(), as: UTF8.self)
    }

    /// The store of DESIGN's walk-through: three agencies, one review, recommendations 3i and 3ii, an action.
    func seed() {
        run("init", "--name", "Lincolnshire")
        run("agency", "add", "lincs-police", "--name", "Lincolnshire Police", "--sector", "police")
        run("agency", "add", "lincs-scp", "--name", "Lincolnshire Safeguarding Children Partnership", "--sector", "partnership")
        run("agency", "add", "lincs-csp", "--name", "Safer Lincolnshire Partnership", "--sector", "partnership")
        run("review", "add", "darren-bethany", "--type", "joint", "--title", "Darren & Bethany", "--partnership", "lincs-csp")
        run("rec", "add", "darren-bethany/3i", "--text", "Review the escalation policy", "--owner", "lincs-scp",
            "--owner", "lincs-police", "--due", "2024-06")
        run("rec", "add", "darren-bethany/3ii", "--text", "Audit its use", "--owner", "lincs-scp", "--due", "2024-07",
            "--link", "3i")
        run("action", "add", "darren-bethany", "--agency", "lincs-police", "--text", "Brief officers", "--for", "3i")
    }
}
