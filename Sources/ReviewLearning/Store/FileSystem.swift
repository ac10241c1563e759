#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
import Foundation

/// The few POSIX file operations the store needs, with crash-safe writes.
package enum FileSystem {
    /// Writes all of `bytes` to descriptor `fd`, retrying interrupted and partial writes; the errno of a failure,
    /// or nil. (Standard output uses it: a raw write(2), whose failure the caller records instead of ending.)
    package static func writeAll(_ bytes: RawSpan, to fd: Int32) -> Int32? {
        bytes.withUnsafeBytes { bytes in
            guard let base = bytes.baseAddress else { return nil }
            var offset = 0
            while offset < bytes.count {
                let n = write(fd, base + offset, bytes.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += n
            }
            return nil
        }
    }

    /// Reads a whole file, or returns nil when it does not exist; refuses symbolic links.
    package static func read(_ path: String) throws(StoreError) -> Data? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        if fd < 0 {
            let code = errno
            if code == ENOENT { return nil }
            if code == ELOOP { throw .symlink(file: path) }
            throw .cannotRead(file: path, reason: describe(code))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .cannotRead(file: path, reason: describe(errno)) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw .cannotRead(file: path, reason: "not a regular file") }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: max(65536, Int(info.st_size) + 1))
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .cannotRead(file: path, reason: describe(errno))
            }
            if n == 0 { break }
            data.append(contentsOf: buffer[0..<n])
        }
        return data
    }

    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// True when `path` exists but is not a directory, or one of its parents is a file (`ENOTDIR`).
    static func isNotADirectory(_ path: String) -> Bool {
        var info = stat()
        if stat(path, &info) == 0 { return (info.st_mode & S_IFMT) != S_IFDIR }
        return errno == ENOTDIR
    }

    /// Replaces `path` with `data` so that a crash leaves either the old or the new file, never a mix.
    ///
    /// Temp file in the same directory, written durably (`writeDurably`), renamed, then the directory synced so the
    /// rename itself survives a power cut. Foundation's `.atomic` widens permissions on Linux and skips the
    /// directory sync, hence this. Store records go through a `Transaction` instead, which stages in `.staging/`.
    package static func writeAtomically(_ data: Data, to path: String, mode: UInt32) throws(StoreError) {
        let directory = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let temp = "\(directory.isEmpty ? "." : directory)/.\(name).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        do {
            try writeDurably(data, to: temp, mode: mode)
        } catch .cannotWrite(_, let reason) {
            throw .cannotWrite(file: path, reason: reason)
        }
        if rename(temp, path) != 0 {
            let failure = errno
            unlink(temp)
            throw .cannotWrite(file: path, reason: describe(failure))
        }
        syncDirectory(directory.isEmpty ? "." : directory)
    }

    /// Creates `path` (which must not exist) with `mode` whatever the umask, writes `data` and syncs it; on any
    /// failure the file is removed again.
    static func writeDurably(_ data: Data, to path: String, mode: UInt32) throws(StoreError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode_t(mode))
        guard fd >= 0 else { throw .cannotWrite(file: path, reason: describe(errno)) }
        var failure = data.withUnsafeBytes { writeAll($0, to: fd) }
        if failure == nil, fchmod(fd, mode_t(mode)) != 0 { failure = errno }
        if failure == nil, fsync(fd) != 0 { failure = errno }
        if close(fd) != 0, failure == nil { failure = errno }
        if let failure {
            unlink(path)
            throw .cannotWrite(file: path, reason: describe(failure))
        }
    }

    /// Writes a file the user named (an export, a report) the way a shell's `>` would.
    ///
    /// A new path or an existing regular file is replaced atomically. Anything else that exists — a device, a FIFO,
    /// a symbolic link such as `/dev/stdout` — is opened and written in place: renaming over it would destroy the
    /// node and never deliver the data.
    package static func writeOutput(_ data: Data, to path: String) throws(StoreError) {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFREG else {
            return try writeAtomically(data, to: path, mode: 0o600)
        }
        try writeInPlace(data, to: path)
    }

    /// Opens `path` (created 0600 if new, following links), truncates it and writes `data`: no temp file, no fsync.
    package static func writeInPlace(_ data: Data, to path: String) throws(StoreError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .cannotWriteOutput(file: path, reason: describe(errno)) }
        var failure = data.withUnsafeBytes { writeAll($0, to: fd) }
        if close(fd) != 0, failure == nil { failure = errno }
        if let failure { throw .cannotWriteOutput(file: path, reason: describe(failure)) }
    }

    /// Writes all of `raw`, retrying short writes; the errno of a failure, or nil.
    static func writeAll(_ raw: UnsafeRawBufferPointer, to fd: Int32) -> Int32? {
        var offset = 0
        while offset < raw.count {
            let n = write(fd, raw.baseAddress.map { $0 + offset }, raw.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += n
        }
        return nil
    }

    /// Removes a file and makes the removal durable.
    static func remove(_ path: String) throws(StoreError) {
        guard unlink(path) == 0 else { throw .cannotWrite(file: path, reason: describe(errno)) }
        syncDirectory((path as NSString).deletingLastPathComponent)
    }

    package static func makeDirectory(_ path: String, mode: UInt32 = 0o700) throws(StoreError) {
        if mkdir(path, mode_t(mode)) != 0 && errno != EEXIST {
            throw .cannotCreate(path: path, reason: describe(errno))
        }
    }

    /// Sets the mode of a regular file or directory; does nothing for a missing path, a link or anything else.
    static func setMode(_ path: String, _ mode: UInt32) throws(StoreError) {
        // Opened without following links and changed through the descriptor, so a link swapped in is never followed.
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT || errno == ELOOP { return }
            throw .cannotWrite(file: path, reason: describe(errno))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .cannotWrite(file: path, reason: describe(errno)) }
        let kind = info.st_mode & S_IFMT
        guard kind == S_IFREG || kind == S_IFDIR, info.st_mode & 0o7777 != mode_t(mode) else { return }
        guard fchmod(fd, mode_t(mode)) == 0 else { throw .cannotWrite(file: path, reason: describe(errno)) }
    }

    /// Names in a directory (not `.`/`..`), sorted; empty when it does not exist.
    static func list(_ path: String) throws(StoreError) -> [String] {
        guard let dir = opendir(path) else {
            if errno == ENOENT { return [] }
            throw .cannotRead(file: path, reason: describe(errno))
        }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    static func isSymlink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }

    static func syncDirectory(_ path: String) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 {
            fsync(fd)
            close(fd)
        }
    }

    static func describe(_ code: Int32) -> String {
        switch code {
        case ENOSPC: return "no space left on the device"
        case EFBIG: return "file too large"
        case EACCES, EPERM: return "permission denied"
        case EROFS: return "read-only file system"
        case EDQUOT: return "disk quota exceeded"
        default: return String(cString: strerror(code))
        }
    }
}

/// A file the user named, written in pieces and put in place as `FileSystem.writeOutput` puts a whole one: a new
/// path or an existing regular file is written beside it under a temporary name and renamed over it by `commit()`
/// (so a failed or interrupted export leaves the old file, never half a new one); anything else (a device, a FIFO,
/// `/dev/stdout`) is written in place.
package final class OutputFile {
    package let path: String
    private let temp: String?
    private var fd: Int32

    package init(_ path: String) throws(StoreError) {
        self.path = path
        var info = stat()
        if lstat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFREG {
            temp = nil
            fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        } else {
            let directory = (path as NSString).deletingLastPathComponent
            let name = (path as NSString).lastPathComponent
            let temp = "\(directory.isEmpty ? "." : directory)/.\(name).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
            self.temp = temp
            fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
            if fd >= 0 { fchmod(fd, 0o600) }
        }
        guard fd >= 0 else { throw .cannotWriteOutput(file: path, reason: FileSystem.describe(errno)) }
    }

    package func write(_ text: String) throws(StoreError) {
        var text = text
        if let failure = text.withUTF8({ FileSystem.writeAll(UnsafeRawBufferPointer($0), to: fd) }) {
            throw .cannotWriteOutput(file: path, reason: FileSystem.describe(failure))
        }
    }

    /// Finishes the file: synced and renamed into place (or, written in place, just closed).
    package func commit() throws(StoreError) {
        var failure: Int32? = nil
        if temp != nil, fsync(fd) != 0 { failure = errno }
        if close(fd) != 0, failure == nil { failure = errno }
        fd = -1
        if failure == nil, let temp, rename(temp, path) != 0 { failure = errno }
        if let failure {
            if let temp { unlink(temp) }
            throw .cannotWriteOutput(file: path, reason: FileSystem.describe(failure))
        }
        guard temp != nil else { return }
        let directory = (path as NSString).deletingLastPathComponent
        FileSystem.syncDirectory(directory.isEmpty ? "." : directory)
    }

    deinit {
        guard fd >= 0 else { return }
        close(fd)
        if let temp { unlink(temp) }
    }
}
