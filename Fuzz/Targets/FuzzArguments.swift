// libFuzzer target: the argument parser and every command behind it, through RLTTool.run.
//
// The input is split on NUL bytes into argv words (NUL cannot occur in a real argv). The words are parsed; help is
// rendered; and any command is then run in-process against a private copy of a store (RLT_FUZZ_STORE, else an
// empty one) whose lock this process holds, with RLT_LOCK_TIMEOUT=0. Reads therefore run for real, and every write
// validates its input and then stops at the lock (exit 75), so the store never changes between inputs and every
// crash reproduces. Inputs that would touch files outside that store are skipped: `init DIR`, `import FILE`,
// `export --out`, `--store`.
import Foundation
@testable import ReviewLearning
@testable import RLTCommandLine

#if canImport(Glibc)
    import Glibc
#endif

private let fuzzStore: String = {
    let fileManager = FileManager.default
    let root = NSTemporaryDirectory() + "rlt-fuzz-args-\(getpid())"
    try? fileManager.removeItem(atPath: root)
    if let source = ProcessInfo.processInfo.environment["RLT_FUZZ_STORE"], !source.isEmpty,
        fileManager.fileExists(atPath: source + "/tracker.json")
    {
        try? fileManager.createDirectory(atPath: root, withIntermediateDirectories: true)
        for name in ["tracker.json", "events.json", "reviews"] where fileManager.fileExists(atPath: source + "/" + name) {
            try? fileManager.copyItem(atPath: source + "/" + name, toPath: root + "/" + name)
        }
    } else {
        _ = try? Store.create(at: root, name: "fuzz", now: "2024-01-01T00:00:00Z", author: "fuzz")
    }
    // Hold the writers' lock for the whole run: an open file description of our own, so RLTTool.run's flock on
    // another one fails at once.
    let fd = open(root + "/.lock", O_RDWR | O_CREAT, 0o600)
    if fd < 0 || flock(fd, LOCK_EX | LOCK_NB) != 0 {
        FileHandle.standardError.write(Data("fuzz-args: cannot lock \(root)/.lock\n".utf8))
        abort()
    }
    atexit { removeFuzzStore() }
    return root
}()

/// Removes the private store when libFuzzer exits normally (a crash leaves it for inspection).
private func removeFuzzStore() {
    try? FileManager.default.removeItem(atPath: NSTemporaryDirectory() + "rlt-fuzz-args-\(getpid())")
}

private let skippedCommands: Set<String> = ["init", "import"]

public func fuzzArguments(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let words = fuzzBytes(data, size).split(separator: 0, omittingEmptySubsequences: false).prefix(24)
        .map { String(decoding: $0, as: UTF8.self) }
    let parser = ArgumentParser(root: CommandTable.root, globalOptions: CommandTable.globalOptions)
    let parsed: ParseResult
    do {
        parsed = try parser.parse(words)
    } catch {
        fuzzRequire(!error.usage.isEmpty, "a usage error without a usage line")
        _ = error.error.description
        return 0
    }
    switch parsed {
    case .help(let command, let path):
        _ = HelpFormatter(parser: parser).render(command, path: path)
        return 0
    case .topic(let topic):
        _ = topic.text
        return 0
    case .version:
        return 0
    case .run(_, let arguments):
        if let first = arguments.path.first, skippedCommands.contains(first) { return 0 }
        if arguments.has(.out) || arguments.has(.store) { return 0 }
    }
    let store = fuzzStore
    let before = (try? FileManager.default.contentsOfDirectory(atPath: store + "/reviews"))?.count
    let sink = OutputSink { _ in }
    let context = ToolContext(
        environment: ["RLT_STORE": store, "RLT_LOCK_TIMEOUT": "0", "RLT_AUTHOR": "fuzz", "NO_COLOR": "1"],
        currentDirectory: store, now: Date(timeIntervalSince1970: 1_717_200_000), stdout: sink, stderr: sink,
        terminalWidth: words.count % 2 == 0 ? nil : 80)
    let code = RLTTool.run(words, context: context)
    fuzzRequire([0, 1, 64, 65, 66, 73, 74, 75].contains(code), "exit code \(code) is not in the README's table")
    let after = (try? FileManager.default.contentsOfDirectory(atPath: store + "/reviews"))?.count
    fuzzRequire(before == after, "a command changed the locked store")
    return 0
}
