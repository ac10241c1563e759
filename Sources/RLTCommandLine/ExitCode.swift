import ReviewLearning

#if canImport(Glibc)
    import Glibc
#endif

/// The exit codes of README's table, and the one place errors become messages and codes.
enum ExitCode {
    static let success: Int32 = 0
    static let failure: Int32 = 1
    static let usage: Int32 = 64
    static let dataError: Int32 = 65
    static let noStore: Int32 = 66
    static let cannotCreate: Int32 = 73
    static let cannotWrite: Int32 = 74
    static let tryAgain: Int32 = 75

    static func describe(_ error: any Error) -> (String, Int32) {
        switch error {
        case let error as StoreError:
            return (error.description, code(for: error))
        case let error as RecordError:
            return (error.description, dataError)
        case let error as RuleViolation:
            return (error.description, dataError)
        case let error as CommandFailure:
            return (error.message, error.code)
        case let error as UndoError:
            if case .store(let inner) = error { return (inner.description, code(for: inner)) }
            return (error.description, dataError)
        case let error as ReportError:
            return (error.description, tryAgain)
        default:
            return ("unexpected failure (\(type(of: error))); nothing was written", failure)
        }
    }

    /// The exit code once the command is done and its output written (or not). A reader that went away (EPIPE,
    /// `rlt … | head`) changes nothing, as for cat and git, so `--fail-if-any` still says what matched. Any other
    /// failure to write stdout (disk full, stdout closed) is exit 74 with one message, unless the command failed
    /// with its own code (64 and up), whose message already said what went wrong. A failing stderr changes nothing.
    static func afterOutput(_ code: Int32, stdout: OutputSink, stderr: OutputSink) -> Int32 {
        guard let errno = stdout.failure?.errno, errno != EPIPE else { return code }
        guard code == success || code == failure else { return code }
        stderr.write("error: cannot write output: \(String(cString: strerror(errno)))\n")
        return cannotWrite
    }

    private static func code(for error: StoreError) -> Int32 {
        switch error {
        case .notAStore, .notADirectory: return noStore
        case .alreadyAStore: return cannotCreate
        case .corrupt, .newerSchema, .unknownField, .symlink: return dataError
        case .locked, .changedOnDisk: return tryAgain
        case .readOnly, .cannotWrite, .cannotWriteOutput, .cannotRead: return cannotWrite
        case .cannotCreate: return cannotCreate
        }
    }
}

/// A failure a command reports with its own code, e.g. `rlt check` finding problems (exit 1).
struct CommandFailure: Error {
    var message: String
    var code: Int32
}
