import Foundation
import ReviewLearning
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// The process's standard streams. Sinks write with write(2) and, when a write fails, record why instead of ending
/// the process: they may run on a worker thread in the middle of a command, and only the tool knows what the exit
/// code should be (`ExitCode.afterOutput`).
enum StandardStreams {
    /// Opens /dev/null on each of descriptors 0–2 that is closed, so that no file rlt opens later (the lock, a store
    /// file) takes that number and receives what is printed (`2>&-` put error messages into `.lock`). Returns the
    /// descriptors that were closed, or nil when /dev/null cannot be opened (then nothing may safely be opened).
    static func reserveDescriptors() -> Set<Int32>? {
        var closed: Set<Int32> = []
        for fd: Int32 in 0...2 where fcntl(fd, F_GETFD) == -1 && errno == EBADF {
            // open returns the lowest free number; the lower ones are taken by now, so that is `fd`.
            let opened = open("/dev/null", O_RDWR)
            guard opened == fd else {
                if opened >= 0 { close(opened) }
                return nil
            }
            closed.insert(fd)
        }
        return closed
    }

    /// A sink on descriptor `fd`. When the stream was closed at start (`closed`), every write fails with EBADF:
    /// the output had nowhere to go, which the tool reports for stdout.
    static func sink(fd: Int32, closed: Bool) -> OutputSink {
        let failure = WriteFailure()
        if closed { failure.record(EBADF) }
        let write: ByteSink = { bytes in
            // After one failure the rest would fail too, or arrive with a gap: write nothing more.
            guard failure.errno == nil else { return }
            if let code = FileSystem.writeAll(bytes, to: fd) { failure.record(code) }
        }
        return OutputSink(
            isTerminal: !closed && isatty(fd) == 1,
            write: { text in
                var text = text
                text.withUTF8 { write($0.span.bytes) }
            },
            writeBytes: write, failure: failure)
    }
}

/// The first failed write of a sink, as an errno; shared by the threads that write.
final class WriteFailure: Sendable {
    private let code = Mutex<Int32?>(nil)

    var errno: Int32? { code.withLock { $0 } }

    func record(_ errno: Int32) {
        code.withLock { if $0 == nil { $0 = errno } }
    }
}
