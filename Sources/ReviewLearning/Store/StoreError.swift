/// Problems reading or writing a store; each message names the file and how to fix it.
package enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    case notAStore(path: String)
    /// The store path names a file (or goes through one), not a directory.
    case notADirectory(path: String)
    case alreadyAStore(path: String)
    case corrupt(file: String, line: Int?, message: String)
    case newerSchema(file: String, found: Int)
    case unknownField(file: String, field: String)
    case locked(path: String, seconds: Double)
    case readOnly(path: String, reason: String)
    case changedOnDisk(file: String)
    case symlink(file: String)
    case cannotCreate(path: String, reason: String)
    case cannotWrite(file: String, reason: String)
    /// Writing an output the user named (a device, a FIFO) in place failed; what was there may be partly written.
    case cannotWriteOutput(file: String, reason: String)
    case cannotRead(file: String, reason: String)

    package var description: String {
        switch self {
        case .notAStore(let path):
            return "no rlt store at \(path) (tracker.json is missing); create one with 'rlt init \(path)' or pass --store DIR"
        case .notADirectory(let path):
            return "\(path) is not a directory; a store is a directory holding tracker.json: pass --store DIR "
                + "(or set $RLT_STORE) to the store's directory"
        case .alreadyAStore(let path):
            return "\(path) already holds an rlt store (tracker.json exists); choose another directory"
        case .corrupt(let file, let line, let message):
            return "\(file)\(line.map { ":\($0)" } ?? ""): \(message); fix the file by hand or restore it from git, then run 'rlt check'"
        case .newerSchema(let file, let found):
            return "\(file) was written by a newer rlt (schema \(found); this rlt knows schema \(Store.schemaVersion)); "
                + "it is read-only here: upgrade rlt to change it"
        case .unknownField(let file, let field):
            return "\(file): field \(field) is not one this rlt knows (a typo, or a newer rlt's); changing the file "
                + "would drop it, so it is read-only here: fix the field name or upgrade rlt"
        case .locked(let path, let seconds):
            return "the store is locked by another rlt process (\(path)); waited \(formatSeconds(seconds)) s; try again shortly"
        case .readOnly(let path, let reason):
            return "cannot change the store at \(path): \(reason); queries still work, writes need write permission"
        case .changedOnDisk(let file):
            return "\(file) changed on disk while rlt was updating it; nothing was written: run the command again"
        case .symlink(let file):
            return "\(file) is a symbolic link; rlt refuses to follow links inside a store: replace it with the real file"
        case .cannotCreate(let path, let reason):
            return "cannot create \(path): \(reason)"
        case .cannotWrite(let file, let reason):
            return "cannot write \(file): \(reason); the original file is unchanged"
        case .cannotWriteOutput(let file, let reason):
            return "cannot write \(file): \(reason)"
        case .cannotRead(let file, let reason):
            return "cannot read \(file): \(reason)"
        }
    }
}

private func formatSeconds(_ s: Double) -> String {
    s == s.rounded() ? String(Int(s)) : String(s)
}
