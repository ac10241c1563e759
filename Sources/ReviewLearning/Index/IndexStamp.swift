import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An index file known good: its key (as `stat` gives it) and header checksum.
struct Stamp: Hashable {
    var key: IndexFile.FileKey
    var checksum: UInt64
}

/// `.index/stamp`: the index files checked (or written) by the last run, so the next run need not checksum them
/// again unless they changed; and, when those files hold exactly the review files that were listed, the key of the
/// `reviews/` directory at that listing. Any file created, removed or renamed in a directory changes its
/// modification and change times, so while the directory's key is the same the listing is too, and the next run
/// takes the names from the index instead of reading the directory. Losing or damaging the stamp only costs one
/// checksum pass and one listing.
struct IndexStamp {
    static let magic: [UInt8] = Array("RLTSTMP2".utf8)

    var files: Set<Stamp> = []
    /// The directory's key when it was listed, and when (ns): trusted only once the listing is two seconds
    /// younger than any change to the directory (timestamps are coarse).
    var directory: (key: IndexFile.FileKey, listed: Int64)?

    static func read(_ directory: String) -> IndexStamp {
        guard let data = try? FileSystem.read("\(directory)/stamp"), data.count >= 13 else { return IndexStamp() }
        return data.withUnsafeBytes { raw in
            guard raw.prefix(magic.count).elementsEqual(magic) else { return IndexStamp() }
            let count = Int(raw.u32(8))
            let hasDirectory = raw.u8(12) == 1
            guard count <= 4, raw.count == 13 + count * 48 + (hasDirectory ? 48 : 0) else { return IndexStamp() }
            func key(_ at: Int) -> IndexFile.FileKey {
                IndexFile.FileKey(size: raw.u64(at), mtime: raw.i64(at + 8), ctime: raw.i64(at + 16), inode: raw.u64(at + 24), device: raw.u64(at + 32))
            }
            var stamp = IndexStamp()
            stamp.files = Set((0..<count).map { n in Stamp(key: key(13 + n * 48), checksum: raw.u64(13 + n * 48 + 40)) })
            if hasDirectory {
                let at = 13 + count * 48
                stamp.directory = (key(at), raw.i64(at + 40))
            }
            return stamp
        }
    }

    func write(_ path: String, mode: UInt32) {
        var out = ByteWriter()
        out.bytes = IndexStamp.magic
        out.u32(UInt32(files.count))
        out.u8(directory == nil ? 0 : 1)
        func key(_ k: IndexFile.FileKey) {
            out.u64(k.size)
            out.i64(k.mtime)
            out.i64(k.ctime)
            out.u64(k.inode)
            out.u64(k.device)
        }
        for s in files {
            key(s.key)
            out.u64(s.checksum)
        }
        if let directory {
            key(directory.key)
            out.i64(directory.listed)
        }
        let temp = "\(path)/.stamp.tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = Glibc.open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode_t(mode))
        guard fd >= 0 else { return }
        let ok = out.bytes.withUnsafeBytes { FileSystem.writeAll($0, to: fd) == nil }
        close(fd)
        if !ok || rename(temp, "\(path)/stamp") != 0 { unlink(temp) }
    }
}
