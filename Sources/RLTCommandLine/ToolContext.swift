import Foundation
import ReviewLearning

/// Where output goes: a function that takes text. Tests pass a buffer; `main` passes the process's file handles.
public struct OutputSink: Sendable {
    public let write: @Sendable (String) -> Void
    public let isTerminal: Bool
    /// Writes UTF-8 bytes directly, for long listings streamed in pieces; without it they go through `write`.
    let writeBytes: ByteSink?
    /// Where a sink on a real stream records a failed write, for `ExitCode.afterOutput`; nil for a buffer.
    let failure: WriteFailure?

    public init(isTerminal: Bool = false, write: @escaping @Sendable (String) -> Void) {
        self.write = write
        self.isTerminal = isTerminal
        writeBytes = nil
        failure = nil
    }

    init(
        isTerminal: Bool, write: @escaping @Sendable (String) -> Void,
        writeBytes: @escaping ByteSink, failure: WriteFailure? = nil
    ) {
        self.write = write
        self.isTerminal = isTerminal
        self.writeBytes = writeBytes
        self.failure = failure
    }
}

/// The outside world a command sees, passed in so every command runs in-process in tests.
public struct ToolContext: Sendable {
    public var environment: [String: String]
    public var currentDirectory: String
    /// The real clock, used for history timestamps and, without `--as-of`, for today's date.
    public var now: Date
    /// The user's time zone (`$TZ`, else the system's): "today" is the local calendar day.
    public var timeZone: TimeZone
    public var stdout: OutputSink
    public var stderr: OutputSink
    /// Columns of the terminal stdout is on; nil for a pipe or file, which then never sees truncated text.
    public var terminalWidth: Int?
    /// Reads all of standard input, for `--text -` and the like; called at most once, and only when asked for.
    public var readStandardInput: @Sendable () throws -> Data
    /// The real time when asked, which the index compares file times with (a review file changed within two
    /// seconds of it is also checked by content). Tests that need files to look settled move it ahead rather than
    /// wait; `now` is often a fixed date in tests, so it cannot serve here.
    public var fileClock: @Sendable () -> Date
    /// This program's own path, which `rlt git setup` registers as git's merge driver; nil when unknown (then
    /// `rlt`, found on the PATH).
    public var executablePath: String?

    public init(
        environment: [String: String], currentDirectory: String, now: Date, stdout: OutputSink, stderr: OutputSink,
        terminalWidth: Int? = nil, timeZone: TimeZone = .current,
        readStandardInput: @escaping @Sendable () throws -> Data = { Data() },
        fileClock: @escaping @Sendable () -> Date = { Date() }, executablePath: String? = nil
    ) {
        self.executablePath = executablePath
        self.environment = environment
        self.currentDirectory = currentDirectory
        self.now = now
        self.stdout = stdout
        self.stderr = stderr
        self.terminalWidth = terminalWidth
        self.timeZone = timeZone
        self.readStandardInput = readStandardInput
        self.fileClock = fileClock
    }
}

extension ToolContext {
    /// The width human-readable output is laid out for: the terminal's, taken as at least 20 columns (narrower
    /// ones get lines of 20); nil when stdout is a pipe or a file, which then sees every line whole.
    var layoutWidth: Int? { stdout.isTerminal ? terminalWidth.map { max(20, $0) } : nil }
}

/// A command's resolved world: the store, the as-of date, the author and the output.
struct Invocation: Sendable {
    let context: ToolContext
    let storePath: String
    let asOf: CalendarDay
    let author: String
    /// UTC timestamp written into history entries.
    let timestamp: String
    let lockTimeout: Double
    /// Whether to colour output (`--color`, `NO_COLOR`, a terminal).
    let colour: Bool
    /// The arguments as typed, which the undo journal shows for each change.
    var commandLine: [String] = []

    var terminalWidth: Int? { context.layoutWidth }

    var store: Store { Store(root: storePath, lockTimeout: lockTimeout) }

    /// `store.write`, after a warning on stderr when others than the owner may change the store (the write goes
    /// ahead: refusing would leave the owner unable to record anything until the modes are fixed).
    func write<T>(_ body: (inout Transaction) throws -> T) throws -> T {
        let loose = store.loosePermissions(reviewFiles: false)
        if let first = loose.first {
            let more = loose.count > 1 ? " (and \(loose.count - 1) more: 'rlt check' lists them; chmod -R go-w \(storePath) fixes all)" : ""
            err("warning: \(first)\(more)\n")
        }
        return try store.write(undo: UndoLabel(command: shellWords(commandLine), author: author, at: timestamp), body)
    }

    func out(_ text: String) { context.stdout.write(text) }

    /// Writes UTF-8 bytes to stdout (the same as `out` with the text they spell).
    func out(bytes: RawSpan) {
        if let writeBytes = context.stdout.writeBytes {
            writeBytes(bytes)
        } else {
            context.stdout.write(String(utf8: bytes))
        }
    }
    func err(_ text: String) { context.stderr.write(text) }

    /// A history entry recorded now, dated `on` (`--on`), else the as-of day: every change the CLI records says
    /// both when it was typed and the day it counts as.
    func history(_ change: String, on: PartialDate? = nil) -> HistoryEntry {
        HistoryEntry(at: timestamp, by: author, change: change, on: on ?? .day(asOf))
    }
}

/// `2026-11-23T10:15:42Z` from the real clock, with no time-zone dependence.
func utcTimestamp(_ date: Date) -> String {
    let seconds = Int(date.timeIntervalSince1970.rounded(.down))
    let day = CalendarDay(ordinal: Int((Double(seconds) / 86400).rounded(.down)))
    let rest = seconds - day.ordinal * 86400
    func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    return "\(day)T\(two(rest / 3600)):\(two(rest / 60 % 60)):\(two(rest % 60))Z"
}
