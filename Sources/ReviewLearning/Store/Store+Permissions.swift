#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

extension Store {
    /// Gives rlt's files in the store `fileMode` and its directories the matching search permission.
    ///
    /// Writes create files with the store's mode, but a file not rewritten since `file_mode` changed, and the
    /// directories made when the store was created, keep the old one; a group could not read a store set to 0640
    /// until this runs. Only what rlt itself creates is touched (not, say, a README beside `tracker.json`), and
    /// symbolic links are left alone.
    package func applyPermissions(fileMode: UInt32) throws(StoreError) {
        let directoryMode = Settings.directoryPermissions(forFiles: fileMode)
        let index = "\(root)/\(StoreIndex.directoryName)"
        let staging = Staging(root: root).directory
        let undo = UndoJournal(root: root).directory
        let stacks = [UndoJournal.done, UndoJournal.undone].map { "\(undo)/\($0)" }
        for directory in [root, reviewsDirectory, index, staging, undo] + stacks {
            try FileSystem.setMode(directory, directoryMode)
        }
        var files = [trackerPath, eventsPath, "\(root)/.lock", "\(root)/.gitignore", "\(staging)/.gitignore", "\(undo)/.gitignore"]
        files += try reviewIDs().map(reviewPath)
        files += try FileSystem.list(index).filter { !$0.contains(".tmp-") }.map { "\(index)/\($0)" }
        // The undo journal holds copies of record files: the same mode as they have.
        for stack in stacks where FileSystem.isDirectory(stack) {
            files += try FileSystem.list(stack).map { "\(stack)/\($0)" }
        }
        for file in files {
            try FileSystem.setMode(file, fileMode)
        }
    }
}

/// A directory or record file of the store that people other than its owner may change: anyone in the group (or
/// anyone at all) could then rewrite records, or replace a review file, without rlt or its history knowing.
package struct LoosePermission: Equatable, Sendable, CustomStringConvertible {
    package var path: String
    /// The permission bits, e.g. 0o775.
    package var mode: UInt32

    package var description: String { "\(path) is \(message)" }

    /// What is wrong and the fix, for a line that names the path first (`rlt check`'s `path: message`).
    package var message: String {
        "writable by \(mode & 0o002 != 0 ? "others" : "its group") (mode \(Self.octal(mode))), so records can be "
            + "changed behind rlt's back; run chmod go-w \(path)"
    }

    static func octal(_ mode: UInt32) -> String {
        let digits = String(mode & 0o7777, radix: 8)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}

extension Store {
    /// The store directory, `reviews/`, `tracker.json`, `events.json` and review files that the group or others
    /// may write. rlt never makes one (its files are 0600 or 0640, its directories 0700 or 0750); a `chmod`, a
    /// copy or an archive tool can. Symbolic links are not followed (writes refuse them anyway).
    ///
    /// Without `reviewFiles` only the directories, `tracker.json` and `events.json` are looked at: what a write
    /// checks before it starts, at a cost that does not grow with the store (a review file it rewrites gets the
    /// store's mode anyway).
    package func loosePermissions(reviewFiles: Bool = true) -> [LoosePermission] {
        var paths = [root, reviewsDirectory, trackerPath, eventsPath]
        if reviewFiles { paths += ((try? reviewIDs()) ?? []).map(reviewPath) }
        return paths.compactMap { path in
            var info = stat()
            guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFLNK, info.st_mode & 0o022 != 0 else {
                return nil
            }
            return LoosePermission(path: path, mode: UInt32(info.st_mode & 0o7777))
        }
    }
}
