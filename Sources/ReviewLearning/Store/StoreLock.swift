#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one-writer-at-a-time lock: `flock` on `.lock`, a separate file because a lock on a data file is lost when
/// the file is replaced by rename. The kernel frees it the moment its holder dies, even under `kill -9`.
struct StoreLock: ~Copyable {
    private let fd: Int32

    /// Waits up to `timeout` seconds for the lock, then throws `StoreError.locked`.
    init(store root: String, timeout: Double, mode: UInt32) throws(StoreError) {
        let path = "\(root)/.lock"
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, mode_t(mode))
        guard fd >= 0 else {
            throw .readOnly(path: root, reason: "cannot open the lock file .lock (\(FileSystem.describe(errno)))")
        }
        let deadline = monotonicSeconds() + timeout
        var delay: UInt32 = 2_000
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else {
                let code = errno
                close(fd)
                throw .readOnly(path: root, reason: "cannot lock .lock (\(FileSystem.describe(code)))")
            }
            if monotonicSeconds() >= deadline {
                close(fd)
                throw .locked(path: path, seconds: timeout)
            }
            usleep(delay)
            delay = min(delay * 2, 50_000)
        }
        self.fd = fd
    }

    /// Whether another process holds the lock now (false too when there is no lock file or it cannot be opened).
    static func isHeld(store root: String) -> Bool {
        let fd = open("\(root)/.lock", O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else { return errno == EWOULDBLOCK }
        flock(fd, LOCK_UN)
        return false
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}

private func monotonicSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
}
