import Foundation

/// Who made a change and how: what `rlt undo --list` shows of each step.
package struct UndoLabel: Codable, Equatable, Sendable {
    /// The command line, as typed (without the program name).
    package var command: String
    package var author: String
    /// When it was made (UTC, as history's `at`).
    package var at: String

    package init(command: String, author: String, at: String) {
        self.command = command
        self.author = author
        self.at = at
    }
}

/// One change of the store, as `undo` reverts it and `redo` re-applies it: every file it replaced, created or
/// removed, with its bytes before and after.
package struct UndoStep: Codable, Equatable, Sendable {
    package struct File: Codable, Equatable, Sendable {
        /// Relative to the store root: `reviews/r1.json`, `tracker.json`, `events.json`.
        package var path: String
        /// Base64 of the bytes before; nil when the change created the file.
        package var before: String?
        /// Base64 of the bytes after; nil when the change removed the file.
        package var after: String?

        /// The bytes of `before` or `after`; a text that is not base64 means the journal file is damaged.
        func bytes(_ text: String?, in journalFile: String) throws(StoreError) -> Data? {
            guard let text else { return nil }
            guard let data = Data(base64Encoded: text) else {
                throw .corrupt(file: journalFile, line: nil, message: "the undo journal's copy of \(path) is damaged; delete .undo/ to start the journal afresh")
            }
            return data
        }
    }

    package var seq: Int
    package var label: UndoLabel
    package var files: [File]

    /// The step as JSON. Every write through rlt makes one, so the file copies (base64 and plain paths: nothing to
    /// escape) are joined as they are rather than run through the encoder, which took a few milliseconds a write.
    func encoded() throws(StoreError) -> Data {
        var out = Data("{\n  \"files\" : [\n".utf8)
        for (k, file) in files.enumerated() {
            out += Data("    {\n      \"after\" : ".utf8) + Self.quoted(file.after) + Data(",\n      \"before\" : ".utf8)
                + Self.quoted(file.before) + Data(",\n      \"path\" : ".utf8)
                + (try JSONCodec.encode(file.path)) + Data("\n    }\(k < files.count - 1 ? "," : "")\n".utf8)
        }
        out += Data("  ],\n  \"label\" : ".utf8) + (try JSONCodec.encode(label)) + Data(",\n  \"seq\" : \(seq)\n}\n".utf8)
        return out
    }

    private static func quoted(_ base64: String?) -> Data { Data((base64.map { "\"\($0)\"" } ?? "null").utf8) }
}

/// The undo journal, `.undo/` in the store (git-ignored, the store's file mode): the last changes as `done/<seq>.json`
/// (undo takes the highest) and the undone ones as `undone/<seq>.json` (redo takes the lowest), until a new change
/// clears them. Its files change only inside a store transaction's journalled commit, together with the store files
/// they describe, so a crash leaves the journal and the store in step (see `Staging`).
package struct UndoJournal: Sendable {
    package static let directoryName = ".undo"
    static let done = "done"
    static let undone = "undone"

    let root: String

    package init(root: String) {
        self.root = root
    }

    var directory: String { "\(root)/\(UndoJournal.directoryName)" }

    /// `.undo/done/0000000012.json`, relative to the store root.
    static func path(_ stack: String, _ seq: Int) -> String {
        let digits = String(seq)
        return "\(directoryName)/\(stack)/\(String(repeating: "0", count: max(0, 10 - digits.count)))\(digits).json"
    }

    /// The sequence numbers in a stack, ascending.
    func seqs(_ stack: String) throws(StoreError) -> [Int] {
        let path = "\(directory)/\(stack)"
        guard FileSystem.isDirectory(path) else { return [] }
        return try FileSystem.list(path).compactMap { name in
            guard name.hasSuffix(".json"), name.count == 15 else { return nil }
            return Int(name.dropLast(5))
        }.sorted()
    }

    /// The steps `undo` can revert, newest first.
    package func doneSteps() throws(StoreError) -> [UndoStep] { try steps(UndoJournal.done).reversed() }

    /// The steps `redo` can re-apply, next first.
    package func undoneSteps() throws(StoreError) -> [UndoStep] { try steps(UndoJournal.undone) }

    private func steps(_ stack: String) throws(StoreError) -> [UndoStep] {
        var steps: [UndoStep] = []
        for seq in try seqs(stack) { steps.append(try step(stack, seq)) }
        return steps
    }

    /// A step of a stack; one that names anything but a record file of the store (or would remove tracker.json) is
    /// damaged, and is never applied.
    func step(_ stack: String, _ seq: Int) throws(StoreError) -> UndoStep {
        let path = "\(root)/\(UndoJournal.path(stack, seq))"
        if FileSystem.isSymlink("\(directory)/\(stack)") { throw .symlink(file: "\(directory)/\(stack)") }
        guard let data = try FileSystem.read(path) else { throw .cannotRead(file: path, reason: "it is gone") }
        let step = try JSONCodec.decode(UndoStep.self, from: data, file: path)
        for file in step.files
        where !Staging.isRecordFile(file.path) || (file.path == "tracker.json" && (file.before == nil || file.after == nil)) {
            throw .corrupt(
                file: path, line: nil,
                message: "the undo step names \(printable(file.path)), which is not a record file it may change; delete .undo/ to start the journal afresh")
        }
        return step
    }

    /// Makes `.undo/` and its stacks (with a `.gitignore` that hides them from git) if they are not there; a link in
    /// their place is refused, as everywhere in the store (copies of the records would land elsewhere).
    func prepare(mode: UInt32) throws(StoreError) {
        let directoryMode = Settings.directoryPermissions(forFiles: mode)
        for path in [directory, "\(directory)/\(UndoJournal.done)", "\(directory)/\(UndoJournal.undone)"]
        where FileSystem.isSymlink(path) {
            throw .symlink(file: path)
        }
        if !FileSystem.isDirectory(directory) {
            try FileSystem.makeDirectory(directory, mode: directoryMode)
            try FileSystem.writeAtomically(
                Data("# rlt's undo journal: the last changes, to undo and redo\n*\n".utf8), to: "\(directory)/.gitignore",
                mode: mode)
        }
        for stack in [UndoJournal.done, UndoJournal.undone] where !FileSystem.isDirectory("\(directory)/\(stack)") {
            try FileSystem.makeDirectory("\(directory)/\(stack)", mode: directoryMode)
        }
    }

    /// Every step, removed (paths relative to the store root).
    func clear() throws(StoreError) -> [(String, Data?)] {
        try seqs(UndoJournal.done).map { (UndoJournal.path(UndoJournal.done, $0), nil) }
            + (try seqs(UndoJournal.undone)).map { (UndoJournal.path(UndoJournal.undone, $0), nil) }
    }

    /// What a new change does to the journal: its step recorded as done, every undone step dropped (redo ends at a
    /// new change), and the oldest done steps dropped beyond `depth`. Paths relative to the store root; nil data
    /// removes the file.
    func record(_ files: [UndoStep.File], label: UndoLabel, depth: Int) throws(StoreError) -> [(String, Data?)] {
        let done = try seqs(UndoJournal.done)
        let undone = try seqs(UndoJournal.undone)
        let seq = ((done + undone).max() ?? 0) + 1
        var changes: [(String, Data?)] = [(UndoJournal.path(UndoJournal.done, seq), try UndoStep(seq: seq, label: label, files: files).encoded())]
        changes += undone.map { (UndoJournal.path(UndoJournal.undone, $0), nil) }
        changes += done.prefix(max(0, done.count + 1 - depth)).map { (UndoJournal.path(UndoJournal.done, $0), nil) }
        return changes
    }
}
