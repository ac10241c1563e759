import Foundation
import Testing

@testable import ReviewLearning

#if canImport(Glibc)
    import Glibc
#endif

@Suite("File system")
struct FileSystemTests {
    @Test("output to a FIFO is written into it, and the FIFO stays")
    func outputToFIFO() throws {
        let dir = TemporaryDirectory()
        let fifo = "\(dir.path)/pipe"
        #expect(mkfifo(fifo, 0o600) == 0)
        let reader = Thread.detachNewThreadWithResult { FileHandle(forReadingAtPath: fifo)?.readDataToEndOfFile() }
        try FileSystem.writeOutput(Data("a,b\n".utf8), to: fifo)
        #expect(reader.wait() == Data("a,b\n".utf8))
        var info = stat()
        #expect(lstat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
    }

    @Test("output through a symbolic link writes the target and keeps the link; a regular file is replaced")
    func outputThroughLink() throws {
        let dir = TemporaryDirectory()
        try dir.write("old target", to: "target.csv")
        #expect(symlink("\(dir.path)/target.csv", "\(dir.path)/link.csv") == 0)
        try FileSystem.writeOutput(Data("new".utf8), to: "\(dir.path)/link.csv")
        #expect(dir.bytes("target.csv") == Data("new".utf8))
        #expect(FileSystem.isSymlink("\(dir.path)/link.csv"))

        try dir.write("a much longer old file", to: "plain.csv")
        try FileSystem.writeOutput(Data("short".utf8), to: "\(dir.path)/plain.csv")
        #expect(dir.bytes("plain.csv") == Data("short".utf8))
        #expect(dir.mode("plain.csv") == 0o600)
    }

    @Test("output to a device that is full fails with the reason")
    func outputToFullDevice() throws {
        try #require(FileManager.default.fileExists(atPath: "/dev/full"))
        #expect(throws: StoreError.cannotWriteOutput(file: "/dev/full", reason: "no space left on the device")) {
            try FileSystem.writeOutput(Data("x".utf8), to: "/dev/full")
        }
        var info = stat()
        #expect(lstat("/dev/full", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR)
    }
}

extension Thread {
    /// Runs `body` on a new thread; `wait()` returns its result.
    fileprivate static func detachNewThreadWithResult<T: Sendable>(_ body: @escaping @Sendable () -> T) -> ThreadResult<T> {
        let result = ThreadResult<T>()
        Thread.detachNewThread { result.set(body()) }
        return result
    }
}

private final class ThreadResult<T: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var value: T?
    func set(_ value: T) {
        self.value = value
        done.signal()
    }
    func wait() -> T? {
        done.wait()
        return value
    }
}
