#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Queries read the derived index through a memory mapping (`.index/base`, `.index/overlay`). rlt replaces those
/// files by rename, never in place, so a mapping stays valid; but if something else cuts the file short while a
/// query runs, the next read of a lost page raises SIGBUS, which would kill rlt with a signal and no word. Swift
/// cannot jump out of a signal handler, so the handler ends the process cleanly instead: one line on stderr (with
/// write(2), the only output safe in a handler) and exit 75, the code for "changed under us, run it again". Writes
/// never map files, so no store file can be cut off half-way by this; an index temp file a rebuild leaves behind is
/// removed by the next query (its process is gone).
enum MappedReads {
    static func installGuard() {
        signal(SIGBUS) { _ in
            let message: StaticString = "error: the index (.index/) was cut short by another process while this query read it; nothing was written; run it again\n"
            _ = write(2, message.utf8Start, message.utf8CodeUnitCount)
            _exit(75)  // ExitCode.tryAgain (a literal: nothing that may need initialising is safe in a handler)
        }
    }
}
