import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Temp files an interrupted index build left in `.index/` (`.base.tmp-PID-N`, `.overlay.tmp-PID-N`,
/// `.stamp.tmp-PID-N`: the name carries the id of the process that made it). A killed build leaves a file as big as
/// the index; nothing else would ever remove it.
extension StoreIndex {
    /// The leftovers in the index directory `directory`: temp files whose process is gone. A file whose process still
    /// runs is a build in progress (of another query) and is never listed.
    package static func strayFiles(in directory: String) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        return names.sorted().filter { name in
            guard let pid = creator(of: name) else { return false }
            // kill(pid, 0) fails with ESRCH only when no such process exists (EPERM: it exists, someone else's).
            return pid != getpid() && kill(pid, 0) != 0 && errno == ESRCH
        }.map { "\(directory)/\($0)" }
    }

    /// Removes the leftovers, unless a writer holds the store lock (it may be about to look at the directory).
    static func removeStrays(store root: String, directory: String) {
        let strays = strayFiles(in: directory)
        guard !strays.isEmpty, writerIsAbsent(root) else { return }
        for path in strays { unlink(path) }
    }

    /// The process id in an index temp file's name, or nil when the name is not one.
    static func creator(of name: String) -> pid_t? {
        let prefixes = [".base.tmp-", ".overlay.tmp-", ".stamp.tmp-"]
        guard let prefix = prefixes.first(where: { name.hasPrefix($0) }) else { return nil }
        let digits = name.dropFirst(prefix.count).prefix { $0 != "-" }
        guard let pid = pid_t(digits), pid > 0 else { return nil }
        return pid
    }

    /// Whether no rlt process holds the store's write lock (a shared lock can be taken at once; released at once).
    private static func writerIsAbsent(_ root: String) -> Bool {
        let fd = open("\(root)/.lock", O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return errno == ENOENT }
        defer { close(fd) }
        guard flock(fd, LOCK_SH | LOCK_NB) == 0 else { return false }
        flock(fd, LOCK_UN)
        return true
    }
}
