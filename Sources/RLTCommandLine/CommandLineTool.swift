import Foundation
import ReviewLearning

#if canImport(Glibc)
    import Glibc
#endif

/// The `rlt` program: parses arguments, runs one command, maps any error to a message and an exit code.
public enum RLTTool {
    public static let version = "0.3.0"

    /// Runs with the real process environment; returns the exit code.
    public static func main() -> Int32 {
        // First, before any file is opened: a closed 0–2 would be reused for the lock or a store file.
        guard let closed = StandardStreams.reserveDescriptors() else { return ExitCode.cannotWrite }
        // Output errors and oversized files must come back as errors, not kill the process half-way.
        signal(SIGPIPE, SIG_IGN)
        signal(SIGXFSZ, SIG_IGN)
        MappedReads.installGuard()
        let context = ToolContext(
            environment: ProcessInfo.processInfo.environment,
            currentDirectory: FileManager.default.currentDirectoryPath,
            now: Date(),
            stdout: StandardStreams.sink(fd: 1, closed: closed.contains(1)),
            stderr: StandardStreams.sink(fd: 2, closed: closed.contains(2)),
            terminalWidth: terminalColumns(),
            timeZone: .current,
            readStandardInput: { try FileHandle.standardInput.readToEnd() ?? Data() },
            executablePath: Bundle.main.executablePath)
        return run(Array(CommandLine.arguments.dropFirst()), context: context)
    }

    /// Runs `arguments` (without the program name) in `context`; returns the exit code.
    public static func run(_ arguments: [String], context: ToolContext) -> Int32 {
        ExitCode.afterOutput(runCommand(arguments, context: context), stdout: context.stdout, stderr: context.stderr)
    }

    private static func runCommand(_ arguments: [String], context: ToolContext) -> Int32 {
        let parser = ArgumentParser(root: CommandTable.root, globalOptions: CommandTable.globalOptions)
        let width = context.layoutWidth
        do {
            switch try parser.parse(arguments) {
            case .version:
                context.stdout.write("rlt \(version)\n")
            case .help(let command, let path):
                context.stdout.write(HelpFormatter(parser: parser, width: width).render(command, path: path))
            case .topic(let topic):
                context.stdout.write(DisplayWidth.fitLines(topic.text, width: width))
            case .run(let command, var parsed):
                do {
                    try StandardInput.substitute(into: &parsed, options: command.options, context: context)
                    var invocation = try makeInvocation(parsed, context: context)
                    invocation.commandLine = arguments
                    try settleInterruptedWrite(invocation)
                    try command.run?(parsed, invocation)
                } catch let error as UsageError {
                    throw UsageFailure(error: error, usage: parsed.usage, path: parsed.path)
                }
            }
            return ExitCode.success
        } catch let failure as UsageFailure {
            context.stderr.write("error: \(terminalSafe(failure.error.description))\nusage: \(failure.usage)\n")
            let help = (["rlt"] + failure.path + ["--help"]).joined(separator: " ")
            context.stderr.write("See '\(help)' for more.\n")
            return ExitCode.usage
        } catch {
            let (message, code) = ExitCode.describe(error)
            if !message.isEmpty { context.stderr.write("error: \(terminalSafe(message))\n") }
            return code
        }
    }

    /// Before anything reads the store, finishes (or undoes) a write that a kill or power cut interrupted.
    private static func settleInterruptedWrite(_ invocation: Invocation) throws {
        let settled = try invocation.store.settleInterruptedWrite()
        if settled.rolledForward > 0 {
            invocation.err("note: finished a write that was interrupted (\(counted(settled.rolledForward, "file")) put in place)\n")
        }
        if settled.discarded > 0 {
            invocation.err(
                "note: removed \(counted(settled.discarded, "file")) staged by a write that was interrupted before it "
                    + "took effect\n")
        }
    }

    /// Error text may echo what the user typed; control and bidi characters must not reach the terminal raw.
    private static func terminalSafe(_ message: String) -> String {
        message.split(separator: "\n", omittingEmptySubsequences: false).map { TerminalText.sanitized(String($0)) }
            .joined(separator: "\n")
    }

    private static func makeInvocation(_ parsed: ParsedArguments, context: ToolContext) throws -> Invocation {
        let env = context.environment
        let storePath = parsed.string(.store) ?? env["RLT_STORE"].flatMap { $0.isEmpty ? nil : $0 } ?? "data"
        var asOf = CalendarDay.today(at: context.now, in: context.timeZone)
        if let text = parsed.string(.asOf) ?? env["RLT_AS_OF"].flatMap({ $0.isEmpty ? nil : $0 }) {
            let option = parsed.string(.asOf) == nil ? "RLT_AS_OF" : "--as-of"
            do {
                guard case .day(let day) = try PartialDate(parsing: text) else {
                    throw UsageFailure(
                        error: .invalidValue(option: option, message: "\"\(text)\" must be a whole day, e.g. 2024-06-30"),
                        usage: parsed.usage, path: parsed.path)
                }
                asOf = day
            } catch let error as DateParseError {
                throw UsageFailure(
                    error: .invalidValue(option: option, message: error.description), usage: parsed.usage,
                    path: parsed.path)
            }
        }
        let authorSource = parsed.string(.author) != nil ? "--author"
            : [("RLT_AUTHOR", env["RLT_AUTHOR"]), ("USER", env["USER"])].first { !($0.1 ?? "").isEmpty }?.0
        let author = parsed.string(.author) ?? authorSource.flatMap { env[$0] } ?? "unknown"
        // Checked before any command runs, so nothing is written with a name history cannot hold.
        if let authorSource, let problem = Author.problem(with: author) {
            throw UsageFailure(error: .invalidValue(option: authorSource, message: problem), usage: parsed.usage, path: parsed.path)
        }
        let colour: Bool
        let choice: ColorChoice
        do {
            choice = try parsed.choice(.color, ColorChoice.self) ?? .auto
        } catch {
            throw UsageFailure(error: error, usage: parsed.usage, path: parsed.path)
        }
        switch choice {
        case .always: colour = true
        case .never: colour = false
        case .auto: colour = context.stdout.isTerminal && (env["NO_COLOR"] ?? "").isEmpty && env["TERM"] != "dumb"
        }
        var timeout = 10.0
        if let text = env["RLT_LOCK_TIMEOUT"], let value = Double(text), value >= 0 { timeout = value }
        return Invocation(
            context: context, storePath: storePath, asOf: asOf, author: author,
            timestamp: utcTimestamp(context.now), lockTimeout: timeout, colour: colour)
    }

    /// The width of the terminal on stdout: `$COLUMNS` if set, else the kernel's idea, else nil.
    private static func terminalColumns() -> Int? {
        if let text = ProcessInfo.processInfo.environment["COLUMNS"], let columns = Int(text), columns > 0 {
            return columns
        }
        var size = winsize()
        guard ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
