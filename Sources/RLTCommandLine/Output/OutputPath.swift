#if canImport(Glibc)
    import Glibc
#endif

/// The one rule for paths the user names for rlt to write (`export --out`, `report --out`, `init DIR`): never
/// inside a store. Such writes take no lock and make no check, so one landing in a store would replace its files
/// (`export --format json --out data/` turned `events.json` into an array).
enum OutputPath {
    /// Refuses `path` (a file or a directory, existing or not) when it resolves inside the store at `store`, or
    /// inside any other store: `option` names it in the message ("--out", or "DIR").
    static func requireOutsideStore(_ path: String, store: String?, option: String) throws(UsageError) {
        guard let target = resolved(path) else { return }
        var roots: [String] = []
        if let store, let root = resolved(store) { roots.append(root) }
        if let enclosing = enclosingStore(target) { roots.append(enclosing) }
        for root in roots where target == root || target.hasPrefix(root == "/" ? "/" : root + "/") {
            throw UsageError.invalidValue(
                option: option,
                message: "\(path) would write into the rlt store at \(root) (as \(target)); choose a path outside the store")
        }
    }

    /// Refuses a new store at `path` inside an existing one (whose files it would mix with).
    static func requireNotInsideStore(_ path: String, option: String) throws(UsageError) {
        guard let target = resolved(path), let parent = parentDirectory(target),
            let root = enclosingStore(parent)
        else { return }
        throw UsageError.invalidArgument(
            name: option, message: "\(path) is inside the rlt store \(root); choose a directory outside the store")
    }

    /// The absolute path `path` stands for, every symbolic link resolved as the kernel would follow it, also for
    /// names that do not exist yet (kept as they are). Relative to the working directory; nil on a link loop.
    static func resolved(_ path: String) -> String? {
        var stack: [String] = path.hasPrefix("/") ? [] : components(currentDirectory() ?? "/")
        var pending = Array(components(path).reversed())
        var links = 0
        while let name = pending.popLast() {
            if name == "." { continue }
            if name == ".." {
                _ = stack.popLast()
                continue
            }
            let candidate = "/" + (stack + [name]).joined(separator: "/")
            guard let target = linkTarget(candidate) else {
                stack.append(name)
                continue
            }
            links += 1
            if links > 40 { return nil }
            if target.hasPrefix("/") { stack = [] }
            pending += components(target).reversed()
        }
        return "/" + stack.joined(separator: "/")
    }

    /// The nearest directory at or above `path` that holds an rlt store (`tracker.json` and `reviews/`).
    static func enclosingStore(_ path: String) -> String? {
        var directory: String? = path
        while let current = directory {
            let prefix = current == "/" ? "" : current
            if isRegularFile(prefix + "/tracker.json") && isDirectory(prefix + "/reviews") { return current }
            directory = parentDirectory(current)
        }
        return nil
    }

    private static func parentDirectory(_ path: String) -> String? {
        guard path != "/" else { return nil }
        let parts = components(path).dropLast()
        return "/" + parts.joined(separator: "/")
    }

    private static func components(_ path: String) -> [String] {
        path.split(separator: "/").map(String.init)
    }

    private static func linkTarget(_ path: String) -> String? {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK else { return nil }
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlink(path, &buffer, buffer.count - 1)
        guard n > 0 else { return nil }
        return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func currentDirectory() -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return nil }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    private static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}
