import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where an unnamed temporary file can be made while an index is written: for its texts before they are appended,
/// and for the whole index of a store kept in memory only. Each place is tried in turn, and a place that fails at
/// any point (cannot create, or fills up while written) hands over to the next: the index is an optimisation, so a
/// full `/dev/shm` or an unwritable `$TMPDIR` must never fail a query.
package enum ScratchPlace: Sendable, Equatable {
    /// Anonymous memory (`memfd_create`): needs no file system, so no mount can be full or read-only.
    case memory
    /// A file in this directory, created 0600 and unlinked at once.
    case directory(String)

    /// The places tried for an index kept in memory only: anonymous memory, `/dev/shm`, `$TMPDIR`, then `/tmp`.
    package static func defaults(temporaryDirectory: String? = ProcessInfo.processInfo.environment["TMPDIR"]) -> [ScratchPlace] {
        var places: [ScratchPlace] = [.memory, .directory("/dev/shm")]
        if let temporaryDirectory, !temporaryDirectory.isEmpty, temporaryDirectory != "/tmp" {
            places.append(.directory(temporaryDirectory))
        }
        places.append(.directory("/tmp"))
        return places
    }

    /// glibc's `memfd_create`, looked up at run time: Swift's Glibc module does not export it (it is a GNU
    /// extension), and a C library without it simply skips this place.
    private static let memfdCreate: (@convention(c) (UnsafePointer<CChar>, UInt32) -> Int32)? = {
        guard let symbol = dlsym(nil, "memfd_create") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (UnsafePointer<CChar>, UInt32) -> Int32).self)
    }()

    /// A new empty file, open for reading and writing and closed on exec; -1 when this place cannot make one.
    func create() -> Int32 {
        switch self {
        case .memory:
            guard let create = ScratchPlace.memfdCreate else { return -1 }
            return create("rlt-index", 1)  // MFD_CLOEXEC
        case .directory(let directory):
            var template = Array("\(directory)/.rlt-index-XXXXXX".utf8CString)
            let fd = template.withUnsafeMutableBufferPointer { buffer in
                buffer.baseAddress.map { mkstemp($0) } ?? -1
            }
            guard fd >= 0 else { return -1 }
            template.withUnsafeBufferPointer { buffer in _ = buffer.baseAddress.map { unlink($0) } }
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            return fd
        }
    }
}

/// The index could not be built anywhere (every scratch place failed): the caller answers without it, by decoding
/// the review files.
package struct IndexUnavailable: Error {}
