import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes an index file (`IndexLayout`): entries in order, each with its blob; the active and cold texts go to
/// temporary files first and are appended at the end.
struct IndexWriter {
    private let fd: Int32
    private let activeFD: Int32
    private let coldFD: Int32
    private let kind: IndexFile.Kind
    private var entries = ByteWriter()
    private var names = ByteWriter()
    private var namesAt = 0
    private var nameOffsets: [Int] = []
    /// The entry number of each name, or -1 for a file that vanished.
    private(set) var entryNumbers: [Int] = []
    private var hotLength: UInt64 = 0
    private var activeLength: UInt64 = 0
    private var coldLength: UInt64 = 0
    private var hotSum = Checksum()
    private var activeSum = Checksum()
    private var coldSum = Checksum()
    private var buffer: [UInt8] = []
    private let created: Int64

    /// `fd` is the new file, already empty; `count` the number of entries it will hold.
    init(fd: Int32, kind: IndexFile.Kind, names allNames: [String], created: Int64, scratch: ScratchPlace) throws(IndexDamage) {
        let count = allNames.count
        self.fd = fd
        self.kind = kind
        self.created = created
        activeFD = scratch.create()
        coldFD = scratch.create()
        guard activeFD >= 0, coldFD >= 0 else {
            if activeFD >= 0 { close(activeFD) }
            if coldFD >= 0 { close(coldFD) }
            throw IndexDamage()
        }
        namesAt = IndexLayout.headerSize + count * IndexLayout.entrySize
        for name in allNames {
            nameOffsets.append(namesAt + names.count)
            names.u32(UInt32(name.utf8.count))
            names.bytes.append(contentsOf: name.utf8)
        }
        buffer.reserveCapacity(1 << 20)
        // The hot section starts after the names; the header and entries are written last.
        guard lseek(fd, off_t(namesAt + names.count), SEEK_SET) >= 0 else { throw IndexDamage() }
    }

    /// Adds the next entry, for the next name given to `init`.
    mutating func add(
        key: IndexFile.FileKey, racy: Bool, contentHash: UInt64, hot: UnsafeRawBufferPointer,
        active: UnsafeRawBufferPointer, cold: UnsafeRawBufferPointer
    ) throws(IndexDamage) {
        entryNumbers.append(entries.count / IndexLayout.entrySize)
        try entry(key: key, flags: racy ? IndexLayout.Entry.racy : 0, contentHash: contentHash, hot: hot, active: active, cold: cold)
    }

    /// Keeps the place of a file that vanished: an entry no lookup will use (its blob is empty, so invalid).
    mutating func addMissing() throws(IndexDamage) {
        entryNumbers.append(-1)
        let empty = UnsafeRawBufferPointer(start: nil, count: 0)
        try entry(
            key: IndexFile.FileKey(size: 0, mtime: 0, ctime: 0, inode: 0, device: 0), flags: IndexLayout.Entry.missing,
            contentHash: 0, hot: empty, active: empty, cold: empty)
    }

    private mutating func entry(
        key: IndexFile.FileKey, flags: UInt32, contentHash: UInt64, hot: UnsafeRawBufferPointer,
        active: UnsafeRawBufferPointer, cold: UnsafeRawBufferPointer
    ) throws(IndexDamage) {
        typealias E = IndexLayout.Entry
        let e = entries.count
        entries.zeros(IndexLayout.entrySize)
        entries.u32(UInt32(nameOffsets[e / IndexLayout.entrySize]), at: e + E.name)
        entries.u32(flags, at: e + E.flags)
        entries.u64(key.size, at: e + E.size)
        entries.i64(key.mtime, at: e + E.mtime)
        entries.i64(key.ctime, at: e + E.ctime)
        entries.u64(key.inode, at: e + E.inode)
        entries.u64(key.device, at: e + E.device)
        entries.u64(contentHash, at: e + E.contentHash)
        // The regions go where each section has got to so far.
        entries.u64(hotLength, at: e + E.hotOffset)
        entries.u32(UInt32(hot.count), at: e + E.hotLength)
        entries.u64(activeLength, at: e + E.activeOffset)
        entries.u32(UInt32(active.count), at: e + E.activeLength)
        entries.u64(coldLength, at: e + E.coldOffset)
        entries.u32(UInt32(cold.count), at: e + E.coldLength)
        hotSum.add(hot)
        buffer.append(contentsOf: hot)
        if buffer.count >= 1 << 20 { try flush() }
        hotLength += UInt64(hot.count)
        activeSum.add(active)
        try writeAll(activeFD, active)
        activeLength += UInt64(active.count)
        coldSum.add(cold)
        try writeAll(coldFD, cold)
        coldLength += UInt64(cold.count)
    }

    /// Closes the two text files; called once the writer is done with, whether it finished or failed.
    func closeScratch() {
        close(activeFD)
        close(coldFD)
    }

    private mutating func flush() throws(IndexDamage) {
        let ok = buffer.withUnsafeBytes { FileSystem.writeAll($0, to: fd) == nil }
        guard ok else { throw IndexDamage() }
        buffer.removeAll(keepingCapacity: true)
    }

    /// The checksum written into the header by `finish`.
    private(set) var checksum: UInt64 = 0

    /// Appends the texts, then writes the entries, names and header.
    mutating func finish() throws(IndexDamage) {
        try flush()
        let hotAt = UInt64(namesAt + names.count)
        let activeAt = hotAt + hotLength
        let coldAt = activeAt + activeLength
        try append(from: activeFD, length: activeLength)
        try append(from: coldFD, length: coldLength)
        let fileLength = coldAt + coldLength
        typealias H = IndexLayout.Header
        var header = ByteWriter(capacity: IndexLayout.headerSize)
        header.zeros(IndexLayout.headerSize)
        header.bytes.replaceSubrange(H.magic..<H.magic + IndexLayout.magic.count, with: IndexLayout.magic)
        header.u32(IndexLayout.formatVersion, at: H.formatVersion)
        header.u32(UInt32(Store.schemaVersion), at: H.schema)
        header.u32(kind.rawValue, at: H.kind)
        header.u32(UInt32(entries.count / IndexLayout.entrySize), at: H.entryCount)
        header.u64(UInt64(IndexLayout.headerSize), at: H.entries)
        let spans = [
            (H.names, UInt64(namesAt), UInt64(names.count)), (H.hot, hotAt, hotLength), (H.active, activeAt, activeLength),
            (H.cold, coldAt, coldLength),
        ]
        for (at, offset, length) in spans {
            header.u64(offset, at: at)
            header.u64(length, at: at + H.spanLength)
        }
        header.u64(fileLength, at: H.fileLength)
        header.i64(created, at: H.created)
        // The checksum (zero while it is computed) and the reserved field stay zero.
        var sum = Checksum()
        header.bytes.withUnsafeBytes { sum.add($0) }
        entries.bytes.withUnsafeBytes { sum.add($0) }
        names.bytes.withUnsafeBytes { sum.add($0) }
        for section in [hotSum, activeSum, coldSum] { sum.add(section.finish()) }
        checksum = sum.finish()
        header.u64(checksum, at: H.checksum)
        var front = header.bytes + entries.bytes + names.bytes
        let ok = front.withUnsafeMutableBytes { raw in pwriteAll(fd, UnsafeRawBufferPointer(raw), at: 0) }
        guard ok else { throw IndexDamage() }
        front = []
    }

    private func append(from source: Int32, length: UInt64) throws(IndexDamage) {
        guard length > 0 else { return }
        guard lseek(source, 0, SEEK_SET) == 0 else { throw IndexDamage() }
        var remaining = Int(length)
        var chunk = [UInt8](repeating: 0, count: min(remaining, 1 << 20))
        while remaining > 0 {
            let want = min(remaining, chunk.count)
            let got = chunk.withUnsafeMutableBytes { read(source, $0.baseAddress, want) }
            if got < 0 && errno == EINTR { continue }
            guard got > 0 else { throw IndexDamage() }
            let ok = chunk.withUnsafeBytes { FileSystem.writeAll($0.slice(0, got), to: fd) == nil }
            guard ok else { throw IndexDamage() }
            remaining -= got
        }
    }

    private func writeAll(_ fd: Int32, _ data: UnsafeRawBufferPointer) throws(IndexDamage) {
        guard FileSystem.writeAll(data, to: fd) == nil else { throw IndexDamage() }
    }
}

func pwriteAll(_ fd: Int32, _ data: UnsafeRawBufferPointer, at position: Int) -> Bool {
    guard let base = data.baseAddress else { return true }
    var offset = 0
    while offset < data.count {
        let n = pwrite(fd, base + offset, data.count - offset, off_t(position + offset))
        if n < 0 {
            if errno == EINTR { continue }
            return false
        }
        offset += n
    }
    return true
}
