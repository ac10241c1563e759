import Foundation
import ReviewLearning

/// `rlt merge-file`: git's merge driver for the store's files (issue 20, first part).
enum MergeFileCommand {
    static let spec = CommandSpec(
        name: "merge-file",
        overview: "Merge two versions of a store file by record and field (git's merge driver).",
        discussion: """
            Git runs it as 'rlt merge-file %O %A %B %P' for reviews/*.json, tracker.json and events.json once the
            driver is set up. Records are matched by id (agencies and themes by code) and merged field by field;
            histories, outcomes and progress notes are joined in time order, each entry once. A finding, action or
            event added on both sides under the same number is kept twice: the local one is renumbered (with a
            history note, and the local references to it follow). A record removed on one side and changed on the
            other is kept. The result replaces OURS, written as rlt writes it, and each renumbering is said on
            stderr. When the same field was changed to two different values, nothing is written: each such field
            is named on stderr with both values, and the exit code is 1, so git reports the file as conflicted;
            settle it by hand (keep one value) and commit. A version with git's conflict markers, or from a newer
            rlt, is refused without writing.
            """,
        arguments: [
            ArgumentSpec(name: "BASE", help: "The common ancestor (%O; empty when both sides added the file).", values: .file),
            ArgumentSpec(name: "OURS", help: "The local version (%A); replaced by the merge.", values: .file),
            ArgumentSpec(name: "THEIRS", help: "The incoming version (%B).", values: .file),
            ArgumentSpec(name: "PATH", help: "The file's path in the repository (%P), which says what it is."),
        ],
        examples: ["rlt merge-file %O %A %B %P"],
        run: run)

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws {
        let (basePath, oursPath, theirsPath, path) = (
            arguments.positionals[0], arguments.positionals[1], arguments.positionals[2], arguments.positionals[3]
        )
        func read(_ file: String) throws -> Data {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw CommandFailure(message: "cannot read \(file); nothing was merged", code: ExitCode.noStore)
            }
            return data
        }
        let (base, ours, theirs) = (try read(basePath), try read(oursPath), try read(theirsPath))
        let result: StoreFileMergeResult
        do {
            result = try StoreFileMerge.merge(
                path: path, base: base, ours: ours, theirs: theirs, now: invocation.timestamp, by: invocation.author)
        } catch {
            throw CommandFailure(message: error.description, code: ExitCode.dataError)
        }
        guard result.conflicts.isEmpty else {
            for conflict in result.conflicts {
                let record = conflict.record.isEmpty ? "" : " record \(conflict.record):"
                invocation.err("\(path):\(record) \(conflict.field) changed on both sides: here \(conflict.setAside), there \(conflict.kept)\n")
            }
            throw CommandFailure(
                message: "\(path): \(counted(result.conflicts.count, "field")) changed on both sides; nothing was merged: keep one value of each and commit",
                code: ExitCode.failure)
        }
        let file = try OutputFile(oursPath)
        try file.write(String(decoding: result.data, as: UTF8.self))
        try file.commit()
        for change in result.renumbered { invocation.err("\(path): renumbered \(change) (the same id was added on the other side)\n") }
        for note in result.kept { invocation.err("\(path): \(note)\n") }
    }
}
