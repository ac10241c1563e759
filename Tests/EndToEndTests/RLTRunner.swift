import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// Helpers shared by the end-to-end tests: find the built `rlt`, run it in a clean environment, make
// throwaway stores and snapshot their bytes.

/// The built `rlt` executable, or nil when it cannot be found.
///
/// Order: `$RLT_BINARY`; beside the test bundle executable (on Linux `CommandLine.arguments[0]` is
/// `.build/<config>/rltPackageTests.xctest` and `rlt` sits beside it; a few parent folders are tried
/// for macOS bundles); then `.build/debug/rlt` under the package root found from `#filePath`.
let rltBinaryPath: String? = {
    let fileManager = FileManager.default
    func isExecutableFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return fileManager.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
            && fileManager.isExecutableFile(atPath: path)
    }
    if let path = ProcessInfo.processInfo.environment["RLT_BINARY"], !path.isEmpty {
        return path
    }
    var executables: [URL] = []
    if let first = CommandLine.arguments.first, !first.isEmpty {
        let cwd = URL(fileURLWithPath: fileManager.currentDirectoryPath, isDirectory: true)
        executables.append(URL(fileURLWithPath: first, relativeTo: cwd).standardizedFileURL)
    }
    if let main = Bundle.main.executableURL { executables.append(main.standardizedFileURL) }
    for executable in executables {
        var directory = executable.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("rlt").path
            if isExecutableFile(candidate) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
    }
    var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    while directory.path != "/" && !directory.path.isEmpty {
        if fileManager.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
            let candidate = directory.appendingPathComponent(".build/debug/rlt").path
            return isExecutableFile(candidate) ? candidate : nil
        }
        directory = directory.deletingLastPathComponent()
    }
    return nil
}()

/// The environment every `rlt` run starts from: the test process's own, minus every `RLT_*` variable
/// (the user's store, author, date or lock timeout must never leak into a test) and `NO_COLOR`.
private let baseEnvironment: [String: String] = ProcessInfo.processInfo.environment.filter { key, _ in
    !key.hasPrefix("RLT_") && key != "NO_COLOR"
}

/// The author written into history unless a test says otherwise.
let defaultAuthor = "e2e-tester"

struct RLTResult: CustomStringConvertible {
    var status: Int32
    var stdout: String
    var stderr: String
    /// True when the process died of a signal (status is then 128 + the signal number).
    var signalled: Bool

    var description: String { "exit \(status)\nstdout:\n\(stdout)\nstderr:\n\(stderr)" }
    var stderrLines: [String] { stderr.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) }
}

/// Makes a `Process` that runs `rlt args` with a clean environment (`RLT_AUTHOR` set to
/// `defaultAuthor`, then `env` applied), and output going to `stdout`/`stderr`.
func makeRLTProcess(_ args: [String], env: [String: String] = [:]) throws -> Process {
    guard let binary = rltBinaryPath else {
        throw RLTNotFound()
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = args
    var environment = baseEnvironment
    environment["RLT_AUTHOR"] = defaultAuthor
    for (key, value) in env { environment[key] = value }
    process.environment = environment
    return process
}

struct RLTNotFound: Error, CustomStringConvertible {
    var description: String {
        "cannot find the built rlt binary: run 'swift build' or set RLT_BINARY"
    }
}

/// Output files for one run; read after the process has exited, so large outputs never block a pipe.
final class CapturedOutput {
    let directory: String
    let stdout: FileHandle
    let stderr: FileHandle

    init() throws {
        directory = NSTemporaryDirectory() + "rlt-e2e-out-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: directory + "/stdout", contents: nil)
        _ = FileManager.default.createFile(atPath: directory + "/stderr", contents: nil)
        stdout = try FileHandle(forWritingTo: URL(fileURLWithPath: directory + "/stdout"))
        stderr = try FileHandle(forWritingTo: URL(fileURLWithPath: directory + "/stderr"))
    }

    func attach(to process: Process) {
        process.standardOutput = stdout
        process.standardError = stderr
    }

    func result(of process: Process) -> RLTResult {
        try? stdout.close()
        try? stderr.close()
        let out = (try? String(contentsOfFile: directory + "/stdout", encoding: .utf8)) ?? ""
        let err = (try? String(contentsOfFile: directory + "/stderr", encoding: .utf8)) ?? ""
        try? FileManager.default.removeItem(atPath: directory)
        let signalled = process.terminationReason == .uncaughtSignal
        let status = signalled ? 128 + process.terminationStatus : process.terminationStatus
        return RLTResult(status: status, stdout: out, stderr: err, signalled: signalled)
    }
}

/// Runs the built `rlt` and waits for it. Pass `--store` or `RLT_STORE` explicitly: the user's
/// environment is never used.
@discardableResult
func runRLT(_ args: [String], env: [String: String] = [:], stdin: String? = nil) -> RLTResult {
    do {
        let process = try makeRLTProcess(args, env: env)
        let output = try CapturedOutput()
        output.attach(to: process)
        if let stdin {
            let path = output.directory + "/stdin"
            try Data(stdin.utf8).write(to: URL(fileURLWithPath: path))
            process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        } else {
            process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
        }
        try process.run()
        process.waitUntilExit()
        return output.result(of: process)
    } catch {
        Issue.record("could not run rlt \(args): \(error)")
        return RLTResult(status: -1, stdout: "", stderr: "\(error)", signalled: false)
    }
}

/// Runs `rlt args` against `store` with `--store`, and expects it to succeed.
@discardableResult
func rltOK(
    _ store: String, _ args: [String], env: [String: String] = [:], sourceLocation: SourceLocation = #_sourceLocation
) -> RLTResult {
    let result = runRLT(["--store", store] + args, env: env)
    #expect(result.status == 0, "rlt \(args.joined(separator: " ")) failed: \(result)", sourceLocation: sourceLocation)
    return result
}

/// Calls `body` with a fresh directory (UUID under `NSTemporaryDirectory()`), removed afterwards.
func withTemporaryDirectory<T>(_ body: (String) throws -> T) throws -> T {
    let path = NSTemporaryDirectory() + "rlt-e2e-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try body(path)
}

/// Every regular file under `root` (relative path → bytes), excluding `.lock`.
func snapshot(_ root: String) throws -> [String: Data] {
    var files: [String: Data] = [:]
    let fileManager = FileManager.default
    guard let enumerator = fileManager.enumerator(atPath: root) else { return files }
    while let relative = enumerator.nextObject() as? String {
        let path = root + "/" + relative
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
        if (relative as NSString).lastPathComponent == ".lock" { continue }
        files[relative] = try Data(contentsOf: URL(fileURLWithPath: path))
    }
    return files
}

/// Every regular file under `root`, with relative paths, including hidden ones.
func allFiles(_ root: String) -> [String] {
    var files: [String] = []
    let fileManager = FileManager.default
    guard let enumerator = fileManager.enumerator(atPath: root) else { return files }
    while let relative = enumerator.nextObject() as? String {
        var isDirectory: ObjCBool = false
        if fileManager.fileExists(atPath: root + "/" + relative, isDirectory: &isDirectory), !isDirectory.boolValue {
            files.append(relative)
        }
    }
    return files.sorted()
}

/// The permission bits of `path` (e.g. 0o600), from `stat`.
func permissionBits(_ path: String) -> mode_t? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return info.st_mode & 0o7777
}

/// Parses `data` as a JSON object.
func jsonObject(_ data: Data) throws -> [String: Any] {
    let value = try JSONSerialization.jsonObject(with: data)
    guard let object = value as? [String: Any] else { throw NotAnObject() }
    return object
}

func jsonObject(_ text: String) throws -> [String: Any] { try jsonObject(Data(text.utf8)) }

struct NotAnObject: Error {}

/// Text that a crash rather than an error message would put on stderr.
let crashMarkers = ["Fatal error", "Stack dump", "Backtrace", "Current stack trace", "Segmentation fault", "0x0000"]

/// A small store used by several tests: three agencies, review `darren-bethany`, recommendations 3i
/// and 3ii, action A1 for 3i. Returns the store path (inside `directory`).
@discardableResult
func makeSmallStore(in directory: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
    let store = directory + "/data"
    let asOf = ["--as-of", "2024-01-15"]
    let steps: [[String]] = [
        ["init", store, "--name", "Lincolnshire"],
        ["agency", "add", "lincs-police", "--name", "Lincolnshire Police", "--sector", "police"],
        ["agency", "add", "lincs-scp", "--name", "Lincolnshire Safeguarding Children Partnership", "--sector", "partnership"],
        ["agency", "add", "lincs-cc", "--name", "Lincolnshire County Council", "--sector", "local-authority"],
        ["review", "add", "darren-bethany", "--type", "joint", "--title", "Darren & Bethany", "--partnership", "lincs-scp"],
        ["rec", "add", "darren-bethany/3i", "--text", "Review the MARAC referral pathway", "--owner", "lincs-scp",
         "--owner", "lincs-police", "--due", "2024-06"],
        ["rec", "add", "darren-bethany/3ii", "--text", "Audit information sharing between agencies", "--owner",
         "lincs-cc", "--due", "2024-09"],
        ["action", "add", "darren-bethany", "--agency", "lincs-police", "--text", "Train officers on MARAC referrals",
         "--for", "3i", "--due", "2024-05"],
    ]
    for step in steps {
        let args = step.first == "init" ? step : ["--store", store] + asOf + step
        let result = runRLT(args)
        #expect(result.status == 0, "setup step \(step.joined(separator: " ")) failed: \(result)", sourceLocation: sourceLocation)
    }
    return store
}

/// A refused command as a person sees it: exit `status`, nothing on stdout, and one `error:` line first on stderr —
/// followed only by the usage line and a pointer to `--help` for a usage error (64), or by import's "nothing was
/// imported" line when `imported` is set.
func expectRefused(
    _ result: RLTResult, status: Int32, imported: Bool = false, sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(result.status == status, "\(result)", sourceLocation: sourceLocation)
    #expect(!result.signalled, sourceLocation: sourceLocation)
    #expect(result.stdout.isEmpty, "nothing on stdout: \(result.stdout)", sourceLocation: sourceLocation)
    let lines = result.stderrLines
    let errors = lines.filter { $0.hasPrefix("error: ") }
    #expect(errors.count == 1, "exactly one error line: \(result.stderr)", sourceLocation: sourceLocation)
    #expect(lines.first?.hasPrefix("error: ") == true, "the error comes first: \(result.stderr)", sourceLocation: sourceLocation)
    if status == 64 {
        #expect(
            lines.contains { $0.hasPrefix("usage: rlt ") }, "usage errors show the usage line: \(result.stderr)",
            sourceLocation: sourceLocation)
        #expect(lines.count <= 3, "error, usage and a pointer to --help at most: \(result.stderr)", sourceLocation: sourceLocation)
    } else if imported {
        #expect(lines.count == 2 && lines[1].hasPrefix("nothing was imported"), "\(result.stderr)", sourceLocation: sourceLocation)
    } else {
        #expect(lines.count == 1, "data errors are one line: \(result.stderr)", sourceLocation: sourceLocation)
    }
}
