import Foundation
import ReviewLearning

/// `rlt git setup`: registers `rlt merge-file` as this clone's merge driver for the store's files (issue 20).
enum GitSetupCommand {
    static let spec = CommandSpec(
        name: "setup",
        overview: "Set up this clone so git merges the store's files with rlt's merge driver.",
        discussion: """
            Adds the store's files to .gitattributes at the top of the repository (merge=rlt for reviews/*.json,
            tracker.json and events.json; commit it, so every clone names the driver) and registers the driver in
            this clone's own git config (merge.rlt.driver, this rlt's path: run it again after moving rlt). Git
            skips a driver a clone has not registered, so each coordinator runs this once after cloning. --hook
            also installs a pre-commit hook running 'rlt check', so a broken store is never committed. Running it
            again changes nothing.
            """,
        options: [.flag(.hook, "Also install a pre-commit hook that runs 'rlt check' on the store.")],
        examples: ["rlt git setup", "rlt git setup --hook"],
        run: run)

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws {
        _ = try invocation.store.loadTracker()
        let store = URL(fileURLWithPath: invocation.storePath, relativeTo: URL(fileURLWithPath: invocation.context.currentDirectory))
            .standardizedFileURL.path
        let top = try git(["rev-parse", "--show-toplevel"], in: store, invocation).trimmingCharacters(in: .whitespacesAndNewlines)
        let gitDirectory = try git(["rev-parse", "--absolute-git-dir"], in: store, invocation)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let relative = store.hasPrefix(top + "/") ? String(store.dropFirst(top.count + 1)) : ""
        let prefix = relative.isEmpty ? "" : relative + "/"
        let lines = ["reviews/*.json", "tracker.json", "events.json"].map { "\(prefix)\($0) merge=rlt" }
        let attributes = top + "/.gitattributes"
        let existing = (try? String(contentsOfFile: attributes, encoding: .utf8)) ?? ""
        let missing = lines.filter { line in !existing.split(separator: "\n").contains { $0 == line } }
        if !missing.isEmpty {
            let text = existing + (existing.isEmpty || existing.hasSuffix("\n") ? "" : "\n") + missing.joined(separator: "\n") + "\n"
            let file = try OutputFile(attributes)
            try file.write(text)
            try file.commit()
            invocation.err(".gitattributes: added \(missing.joined(separator: ", ")) (commit it)\n")
        }
        let binary = invocation.context.executablePath ?? "rlt"
        _ = try git(["config", "merge.rlt.name", "rlt store files"], in: store, invocation)
        _ = try git(["config", "merge.rlt.driver", "'\(binary)' merge-file %O %A %B %P"], in: store, invocation)
        invocation.err("git config merge.rlt.driver: \(binary) merge-file %O %A %B %P (this clone only)\n")
        if arguments.flag(.hook) {
            let hook = gitDirectory + "/hooks/pre-commit"
            let script = "#!/bin/sh\n# Written by 'rlt git setup --hook': refuse to commit a store that fails 'rlt check'.\n"
                + "exec '\(binary)' --store '\(store)' check\n"
            if let old = try? String(contentsOfFile: hook, encoding: .utf8), old != script {
                throw CommandFailure(
                    message: "\(hook) exists and is not rlt's; add 'rlt --store \(store) check' to it yourself", code: ExitCode.cannotCreate)
            }
            try FileManager.default.createDirectory(atPath: gitDirectory + "/hooks", withIntermediateDirectories: true)
            let file = try OutputFile(hook)
            try file.write(script)
            try file.commit()
            chmod(hook, 0o755)
            invocation.err("\(hook): runs 'rlt check' before each commit\n")
        }
    }

    /// Runs git in `directory`; its standard output, or a one-line error naming the usual causes.
    private static func git(_ arguments: [String], in directory: String, _ invocation: Invocation) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", directory] + arguments
        process.environment = invocation.context.environment
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw CommandFailure(message: "cannot run git: is it installed?", code: ExitCode.failure)
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            if message.contains("not a git repository") {
                throw CommandFailure(
                    message: "\(directory) is not in a git repository: run 'git init' there (or clone the store) first",
                    code: ExitCode.noStore)
            }
            let line = message.split(separator: "\n").first.map(String.init) ?? "exit \(process.terminationStatus)"
            throw CommandFailure(message: "git \(arguments.joined(separator: " ")) failed: \(line)", code: ExitCode.failure)
        }
        return String(decoding: data, as: UTF8.self)
    }
}
