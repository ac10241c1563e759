#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
import Foundation
import Synchronization

/// The store's staging area, `.staging/`: where a write puts every new file before it replaces anything.
///
/// A write that changes several files is a transaction: each new file is written and synced here first (so a full
/// disk fails before anything is replaced), then a journal naming every rename is made durable, then the renames
/// run with SIGINT, SIGTERM and SIGHUP held back, then the journal goes. Whatever kills the process, the next rlt
/// command finds either no journal (the staged files are an unfinished write: deleted, the store is as before) or
/// a whole journal (every rename is redone: the store is as after). A write of one file needs no journal: its
/// one rename is atomic.
struct Staging {
    static let directoryName = ".staging"
    static let journalName = "journal"

    let root: String

    var directory: String { "\(root)/\(Staging.directoryName)" }
    var journalPath: String { "\(directory)/\(Staging.journalName)" }

    /// One step of a commit: a staged file renamed over its target, or a file removed.
    enum Step: Equatable, Sendable {
        /// `target` relative to the store root (`reviews/x.json`); `staged` a file name inside `.staging/`.
        case replace(target: String, staged: String)
        case remove(target: String)

        var target: String {
            switch self {
            case .replace(let target, _), .remove(let target): return target
            }
        }
    }

    /// Makes `.staging/` (with a `.gitignore` that hides it from git) if it is not there.
    func prepare(mode: UInt32) throws(StoreError) {
        guard !FileSystem.isDirectory(directory) else { return }
        if FileSystem.isSymlink(directory) { throw .symlink(file: directory) }
        try FileSystem.makeDirectory(directory, mode: Settings.directoryPermissions(forFiles: mode))
        try FileSystem.writeAtomically(Data("# rlt's staging area for writes in progress\n*\n".utf8), to: "\(directory)/.gitignore", mode: mode)
    }

    /// Writes `data` durably under a fresh name in `.staging/` and returns that name.
    func stage(_ data: Data, for target: String, mode: UInt32) throws(StoreError) -> String {
        let base = (target as NSString).lastPathComponent
        let name = "\(base).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        do {
            try FileSystem.writeDurably(data, to: "\(directory)/\(name)", mode: mode)
        } catch .cannotWrite(_, let reason) {
            throw .cannotWrite(file: "\(root)/\(target)", reason: reason)
        }
        return name
    }

    /// Deletes a staged file that will not be used.
    func discard(_ staged: String) {
        unlink("\(directory)/\(staged)")
    }

    /// Applies `steps`: one rename directly; several through the journal, with interrupting signals held back.
    func commit(_ steps: [Step], mode: UInt32) throws(StoreError) {
        if steps.count == 1, case .replace = steps[0] {
            try apply(steps[0])
            syncDirectories(of: steps)
            return
        }
        try FileSystem.writeAtomically(Data(Staging.journal(steps).utf8), to: journalPath, mode: mode)
        try SignalHold.during { () throws(StoreError) in
            for step in steps { try apply(step) }
            syncDirectories(of: steps)
            try FileSystem.remove(journalPath)
        }
    }

    /// Finishes what an interrupted write left; run holding the store lock, before anything is read.
    func settle() throws(StoreError) -> SettledWrite {
        var settled = SettledWrite()
        if let text = try FileSystem.read(journalPath) {
            guard let steps = Staging.steps(fromJournal: String(decoding: text, as: UTF8.self)) else {
                throw .corrupt(
                    file: journalPath, line: nil,
                    message: "the journal of an interrupted write is damaged, so it cannot be finished; "
                        + "restore the store from git or a backup, then delete the journal")
            }
            for step in steps where try redo(step) { settled.rolledForward += 1 }
            syncDirectories(of: steps)
            try FileSystem.remove(journalPath)
        }
        for name in try FileSystem.list(directory) where name != ".gitignore" {
            unlink("\(directory)/\(name)")
            settled.discarded += 1
        }
        return settled
    }

    /// Whether anything but the `.gitignore` is in `.staging/`: one directory read, cheap enough before every command.
    func hasLeftovers() -> Bool {
        ((try? FileSystem.list(directory)) ?? []).contains { $0 != ".gitignore" }
    }

    var hasJournal: Bool { FileSystem.exists(journalPath) }

    // MARK: Steps

    private func apply(_ step: Step) throws(StoreError) {
        switch step {
        case .replace(let target, let staged):
            guard rename("\(directory)/\(staged)", "\(root)/\(target)") == 0 else {
                throw .cannotWrite(file: "\(root)/\(target)", reason: FileSystem.describe(errno))
            }
        case .remove(let target):
            guard unlink("\(root)/\(target)") == 0 || errno == ENOENT else {
                throw .cannotWrite(file: "\(root)/\(target)", reason: FileSystem.describe(errno))
            }
        }
    }

    /// Redoes one step of a journal; false when it had already happened (the staged file is gone, or the removed
    /// file is).
    private func redo(_ step: Step) throws(StoreError) -> Bool {
        switch step {
        case .replace(_, let staged):
            guard FileSystem.exists("\(directory)/\(staged)") else { return false }
        case .remove(let target):
            guard FileSystem.exists("\(root)/\(target)") else { return false }
        }
        try apply(step)
        return true
    }

    private func syncDirectories(of steps: [Step]) {
        var directories: Set<String> = []
        for step in steps {
            let parent = (step.target as NSString).deletingLastPathComponent
            directories.insert(parent.isEmpty ? root : "\(root)/\(parent)")
        }
        for directory in directories.sorted() { FileSystem.syncDirectory(directory) }
    }

    // MARK: Journal format

    private static let header = "rlt journal 1"
    private static let footer = "end"

    /// `rlt journal 1`, one `replace TARGET STAGED` or `remove TARGET` line per step, then `end`.
    static func journal(_ steps: [Step]) -> String {
        var lines = [header]
        for step in steps {
            switch step {
            case .replace(let target, let staged): lines.append("replace \(target) \(staged)")
            case .remove(let target): lines.append("remove \(target)")
            }
        }
        lines.append(footer)
        return lines.joined(separator: "\n") + "\n"
    }

    /// The steps of a journal, or nil if it is not one rlt wrote: every target must be a store file and every
    /// staged name a plain name, so a damaged journal can never rename or delete anything else.
    static func steps(fromJournal text: String) -> [Step]? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.first == header, lines.popLast() == "", lines.popLast() == footer else { return nil }
        var steps: [Step] = []
        for line in lines.dropFirst() {
            let words = line.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            switch (words.first, words.count) {
            case ("replace", 3) where isStoreFile(words[1]) && isPlainName(words[2]):
                steps.append(.replace(target: words[1], staged: words[2]))
            // Undo may remove events.json (an undone first event) as well as reviews and journal steps.
            case ("remove", 2) where isStoreFile(words[1]) && words[1] != "tracker.json":
                steps.append(.remove(target: words[1]))
            default:
                return nil
            }
        }
        return steps
    }

    private static func isStoreFile(_ path: String) -> Bool {
        if isRecordFile(path) { return true }
        // The undo journal's steps (`UndoJournal`).
        for stack in [".undo/done/", ".undo/undone/"] where path.hasPrefix(stack) && path.hasSuffix(".json") {
            return isPlainName(String(path.dropFirst(stack.count)))
        }
        return false
    }

    /// `tracker.json`, `events.json` or `reviews/<id>.json`: the files a command (or an undo) changes.
    static func isRecordFile(_ path: String) -> Bool {
        if path == "tracker.json" || path == "events.json" { return true }
        guard path.hasPrefix("reviews/"), path.hasSuffix(".json") else { return false }
        return isPlainName(String(path.dropFirst("reviews/".count)))
    }

    private static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix(".") && !name.contains("/") && !name.contains(" ")
            && !name.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
    }
}

/// What finishing an interrupted write found and did.
package struct SettledWrite: Equatable, Sendable {
    /// Files an interrupted transaction had committed to, now in place.
    package var rolledForward = 0
    /// Staged files of a write that never committed, now deleted.
    package var discarded = 0
}

/// Holds back SIGINT, SIGTERM and SIGHUP while a commit renames files, then delivers the first one that came.
///
/// A process-wide handler rather than a signal mask: a mask covers only the calling thread, and the kernel gives
/// a signal to any thread not blocking it (Dispatch's workers among them), whose default action ends the process.
enum SignalHold {
    private static let held: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    /// The signal that arrived while held (0: none). A handler can only reach global state; an atomic is safe in one.
    private static let arrived = Atomic<Int32>(0)

    static func during<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        var previous: [Int32: sigaction] = [:]
        for signal in held {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { number in
                _ = SignalHold.arrived.compareExchange(expected: 0, desired: number, ordering: .relaxed)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_RESTART
            var old = sigaction()
            sigaction(signal, &action, &old)
            previous[signal] = old
        }
        defer {
            for (signal, old) in previous {
                var old = old
                sigaction(signal, &old, nil)
            }
            let number = arrived.exchange(0, ordering: .relaxed)
            if number != 0 { raise(number) }
        }
        return try body()
    }
}
