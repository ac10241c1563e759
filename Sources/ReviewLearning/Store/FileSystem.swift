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

    /// Replaces `path` with `data` so that a crash leaves either the old or the new file, never a mix.
    ///
    /// Temp file in the same directory (O_EXCL, created with `mode`), write, fchmod, fsync, rename, then fsync the
    /// directory so the rename itself survives a power cut. Foundation's `.atomic` widens permissions on Linux and
    /// skips the directory sync, hence this.
    package static func writeAtomically(_ data: Data, to path: String, mode: UInt32) throws(StoreError) {
        let directory = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let temp = "\(directory.isEmpty ? "." : directory)/.\(name).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode_t(mode))
        guard fd >= 0 else { throw .cannotWrite(file: path, reason: describe(errno)) }
        var failure: Int32?
        let written = data.withUnsafeBytes { raw -> Bool in
            var offset = 0
            while offset < raw.count {
                let n = write(fd, raw.baseAddress.map { $0 + offset }, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return false
                }
                offset += n
            }
            return true
        }
        if written, fchmod(fd, mode_t(mode)) != 0 { failure = errno }
        if failure == nil, fsync(fd) != 0 { failure = errno }
        if close(fd) != 0, failure == nil { failure = errno }
        if failure == nil, rename(temp, path) != 0 { failure = errno }
        if let failure {
            unlink(temp)
            throw .cannotWrite(file: path, reason: describe(failure))
        }
        syncDirectory(directory.isEmpty ? "." : directory)
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

    private static func syncDirectory(_ path: String) {
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
