import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One index file (`.index/base` or `.index/overlay`), memory-mapped.
///
///     header (128 bytes)  "RLTINDEX", u32 format version, u32 store schema, u32 kind, u32 entry count,
///                         u64 entries, u64 names, u64 names length, u64 hot, u64 hot length, u64 active,
///                         u64 active length, u64 cold, u64 cold length, u64 file length, u64 checksum,
///                         i64 created (ns), u64 0
///     entries             96 bytes per review file, sorted by file name (`Entry`)
///     names               u32 length + UTF-8 file name (without `.json`), per entry
///     hot, active, cold   the review blobs, one after another in entry order
///
/// The checksum covers every byte: the header (with the checksum zeroed), the entries, the names, and the hot,
/// active and cold sections (each hashed on its own, then the three sums). Any mismatch, and any header field out
/// of place (`IndexHeader`), makes the whole file unusable: it is rebuilt.
///
/// `@unchecked`: after `open` the mapping is only read, never written or remapped, until the file is released.
final class IndexFile: @unchecked Sendable {
    static let magic: [UInt8] = Array("RLTINDEX".utf8)
    /// Bump when the layout or the meaning of any field changes: older files are then rebuilt. (2: the checksum
    /// covers the text sections too.)
    static let formatVersion: UInt32 = 2
    static let headerSize = 128
    static let entrySize = 96

    enum Kind: UInt32 {
        case base = 0, overlay = 1
    }

    /// What identifies a version of a review file without reading it.
    struct FileKey: Hashable, Sendable {
        var size: UInt64
        var mtime: Int64
        var ctime: Int64
        var inode: UInt64
        var device: UInt64

        init(_ info: stat) {
            size = UInt64(info.st_size)
            mtime = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
            ctime = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
            inode = UInt64(info.st_ino)
            device = UInt64(info.st_dev)
        }

        init(size: UInt64, mtime: Int64, ctime: Int64, inode: UInt64, device: UInt64) {
            self.size = size
            self.mtime = mtime
            self.ctime = ctime
            self.inode = inode
            self.device = device
        }
    }

    /// A file modified this close to when it was indexed could change again with the same key (timestamps are
    /// coarse); its content hash is then checked on every read until it is old enough.
    static let racyWindow: Int64 = 2_000_000_000
    static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

    let kind: Kind
    let entryCount: Int
    private let map: UnsafeRawBufferPointer
    /// A descriptor of the mapped file, kept to tell whether it was cut short while mapped (`isIntact`).
    private let descriptor: Int32
    private let entries: Int
    private let names: Int
    let hot: UnsafeRawBufferPointer
    let active: UnsafeRawBufferPointer
    let cold: UnsafeRawBufferPointer

    /// The file's own key, for the stamp (`IndexStamp`).
    let fileKey: FileKey
    /// The checksum in the header (checked, or trusted from the stamp).
    let checksum: UInt64
    /// Whether the checksum was computed this run (rather than trusted from the stamp).
    let hashed: Bool

    private init(map: UnsafeRawBufferPointer, descriptor: Int32, key: FileKey, trusted: Set<Stamp>) throws(IndexDamage) {
        self.map = map
        self.descriptor = descriptor
        fileKey = key
        // Every number in the header is checked before it is used, and without any conversion that could trap.
        guard let header = IndexHeader(map) else { throw IndexDamage() }
        kind = header.kind
        entryCount = header.entryCount
        entries = IndexFile.headerSize
        names = header.names.offset
        hot = map.slice(header.hot.offset, header.hot.length)
        active = map.slice(header.active.offset, header.active.length)
        cold = map.slice(header.cold.offset, header.cold.length)
        checksum = header.checksum
        // A file whose key and checksum are in the stamp was checked since it was last changed (or written by rlt):
        // its key changes if anything rewrites it, so the checksum need not be computed again.
        hashed = !trusted.contains(Stamp(key: key, checksum: checksum))
        if hashed {
            var sum = Checksum()
            header.zeroedBytes.withUnsafeBytes { sum.add($0) }
            sum.add(map.slice(entries, header.names.offset + header.names.length - entries))
            // Every section, texts included (a damaged text would otherwise be printed), each in chunks let go of
            // after hashing, so a check does not make the file resident.
            for region in [hot, active, cold] { sum.add(IndexFile.sectionChecksum(of: region)) }
            guard sum.finish() == checksum else { throw IndexDamage() }
        }
        // Every entry's parts must lie inside their sections, and names inside the names area.
        for n in 0..<entryCount {
            guard IndexFile.entryFits(map, entry: entries + n * IndexFile.entrySize, header: header) else { throw IndexDamage() }
        }
    }

    /// A section's own checksum, computed a few megabytes at a time, each let go of after hashing.
    static func sectionChecksum(of region: UnsafeRawBufferPointer) -> UInt64 {
        var sum = Checksum()
        var at = 0
        while at < region.count {
            let length = min(4 << 20, region.count - at)
            sum.add(region.slice(at, length))
            IndexFile.release(region, from: at, before: at + length)
            at += length
        }
        return sum.finish()
    }

    /// Whether the entry at byte `e` points inside the names area and its three sections. All arithmetic is in
    /// UInt64 from 32-bit lengths, so no value of the file can overflow it.
    static func entryFits(_ m: UnsafeRawBufferPointer, entry e: Int, header: IndexHeader) -> Bool {
        let namesStart = UInt64(header.names.offset)
        let namesEnd = namesStart + UInt64(header.names.length)
        let name = UInt64(m.u32(e))
        guard name >= namesStart, name + 4 <= namesEnd else { return false }
        guard UInt64(m.u32(Int(name))) <= namesEnd - name - 4 else { return false }
        func fits(_ offset: UInt64, _ length: UInt32, in section: Int) -> Bool {
            offset <= UInt64(section) && UInt64(length) <= UInt64(section) - offset
        }
        return fits(m.u64(e + 56), m.u32(e + 64), in: header.hot.length)
            && fits(m.u64(e + 72), m.u32(e + 68), in: header.active.length)
            && fits(m.u64(e + 80), m.u32(e + 88), in: header.cold.length)
    }

    deinit {
        munmap(UnsafeMutableRawPointer(mutating: map.baseAddress), map.count)
        close(descriptor)
    }

    /// Whether the file still has the size it was mapped with. A file cut short under a reader makes reads of the
    /// lost pages fault (SIGBUS), but the tail of the last remaining page reads as zeros, silently: a reader checks
    /// this after reading to know its answer came from the whole file.
    var isIntact: Bool {
        var info = stat()
        return fstat(descriptor, &info) == 0 && info.st_size == map.count
    }

    /// Maps and checks the index file at `path`; nil when it is missing, unreadable or damaged in any way.
    static func open(_ path: String, trusted: Set<Stamp> = []) -> IndexFile? {
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        return open(fd: fd, trusted: trusted)
    }

    /// Opens a file this process has just written, whose checksum it knows.
    static func open(fd: Int32, trusting checksum: UInt64) -> IndexFile? {
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        return open(fd: fd, trusted: [Stamp(key: FileKey(info), checksum: checksum)])
    }

    static func open(fd: Int32, trusted: Set<Stamp> = []) -> IndexFile? {
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_size >= IndexFile.headerSize else {
            return nil
        }
        guard let address = mmap(nil, Int(info.st_size), PROT_READ, MAP_SHARED, fd, 0), address != MAP_FAILED else {
            return nil
        }
        let map = UnsafeRawBufferPointer(start: address, count: Int(info.st_size))
        let descriptor = dup(fd)
        do {
            guard descriptor >= 0 else { throw IndexDamage() }
            return try IndexFile(map: map, descriptor: descriptor, key: FileKey(info), trusted: trusted)
        } catch {
            munmap(address, Int(info.st_size))
            if descriptor >= 0 { close(descriptor) }
            return nil
        }
    }

    // MARK: Entries

    /// The entries, as a plain value: hot loops (on several threads) use it without reference counting.
    var table: IndexTable { IndexTable(map: map, entries: entries, entryCount: entryCount, hot: hot, active: active, cold: cold) }

    func name(_ n: Int) -> UnsafeRawBufferPointer { table.name(n) }
    func key(_ n: Int) -> FileKey { table.key(n) }
    func isRacy(_ n: Int) -> Bool { table.isRacy(n) }
    func contentHash(_ n: Int) -> UInt64 { table.contentHash(n) }
    func parts(_ n: Int) -> (hot: UnsafeRawBufferPointer, active: UnsafeRawBufferPointer, cold: UnsafeRawBufferPointer) {
        table.parts(n)
    }
    func review(_ n: Int) -> ReviewView? { table.review(n) }
    func find(_ name: UnsafeRawBufferPointer) -> Int? { table.find(name) }

    /// Lets go of every page of the hot section (they come back from the page cache when read again).
    func releaseHot() { IndexFile.release(hot, before: hot.count) }

    /// Tells the kernel the pages of a region from `from` up to `offset` are no longer needed, so they leave this
    /// process's resident memory (they stay in the page cache).
    static func release(_ region: UnsafeRawBufferPointer, from: Int = 0, before offset: Int) {
        let page = IndexFile.pageSize
        guard let base = region.baseAddress else { return }
        let start = (Int(bitPattern: base) + from + page - 1) / page * page
        let end = (Int(bitPattern: base) + offset) / page * page
        if end > start { madvise(UnsafeMutableRawPointer(bitPattern: start), end - start, MADV_DONTNEED) }
    }
}

/// The entries of a mapped index file (valid while its `IndexFile` lives).
///
/// `@unchecked`: read-only pointers into that mapping, as `ReviewView`.
struct IndexTable: @unchecked Sendable {
    let map: UnsafeRawBufferPointer
    let entries: Int
    let entryCount: Int
    let hot: UnsafeRawBufferPointer
    let active: UnsafeRawBufferPointer
    let cold: UnsafeRawBufferPointer

    /// The file name of entry `n` (without `.json`), as bytes.
    @inline(__always) func name(_ n: Int) -> UnsafeRawBufferPointer {
        let at = Int(map.u32(entries + n * IndexFile.entrySize))
        return map.slice(at + 4, Int(map.u32(at)))
    }

    @inline(__always) func key(_ n: Int) -> IndexFile.FileKey {
        let e = entries + n * IndexFile.entrySize
        return IndexFile.FileKey(
            size: map.u64(e + 8), mtime: map.i64(e + 16), ctime: map.i64(e + 24), inode: map.u64(e + 32), device: map.u64(e + 40))
    }

    @inline(__always) func isRacy(_ n: Int) -> Bool { map.u32(entries + n * IndexFile.entrySize + 4) & 1 != 0 }

    /// The place of a file that vanished while the index was written.
    @inline(__always) func isMissing(_ n: Int) -> Bool { map.u32(entries + n * IndexFile.entrySize + 4) & 2 != 0 }

    @inline(__always) func contentHash(_ n: Int) -> UInt64 { map.u64(entries + n * IndexFile.entrySize + 48) }

    /// The raw blob and text regions of entry `n`.
    @inline(__always) func parts(_ n: Int) -> (hot: UnsafeRawBufferPointer, active: UnsafeRawBufferPointer, cold: UnsafeRawBufferPointer) {
        let e = entries + n * IndexFile.entrySize
        return (
            hot.slice(Int(map.u64(e + 56)), Int(map.u32(e + 64))), active.slice(Int(map.u64(e + 72)), Int(map.u32(e + 68))),
            cold.slice(Int(map.u64(e + 80)), Int(map.u32(e + 88)))
        )
    }

    /// The review's blob and text regions, or nil if the blob is damaged.
    @inline(__always) func review(_ n: Int) -> ReviewView? {
        let (hotPart, activePart, coldPart) = parts(n)
        return ReviewView(hot: hotPart, active: activePart, cold: coldPart)
    }

    /// The entry for file `name`, by binary search in listing order (`compareNames`; the listing's order for ASCII
    /// names), starting from `hint` when it is right there (the listing and the entries are in the same order).
    func find(_ name: UnsafeRawBufferPointer, hint: Int = -1) -> Int? {
        if hint >= 0 && hint < entryCount && equalRaw(self.name(hint), name) { return hint }
        var low = 0
        var high = entryCount
        while low < high {
            let mid = (low + high) / 2
            let c = compareNames(self.name(mid), name)
            if c == 0 { return mid }
            if c < 0 { low = mid + 1 } else { high = mid }
        }
        return nil
    }
}

/// The index file is not what this rlt wrote: it is ignored and rebuilt.
struct IndexDamage: Error {}

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
            guard memcmp(raw.baseAddress!, magic, 8) == 0 else { return IndexStamp() }
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

/// The order of review files in a listing: their names *with* `.json`, byte by byte (which is `String` order for
/// ASCII names), so `a-b` comes before `a` (`-` sorts before `.`). Index entries are written in this order.
func compareNames(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Int {
    let common = min(a.count, b.count)
    if common > 0 {
        let c = memcmp(a.baseAddress!, b.baseAddress!, common)
        if c != 0 { return Int(c) }
    }
    if a.count == b.count { return 0 }
    // One is a prefix of the other: compare the rest of the longer with the shorter's ".json", then beyond.
    let suffix: [UInt8] = Array(".json".utf8)
    let (long, sign) = a.count > b.count ? (a, 1) : (b, -1)
    var k = 0
    while true {
        let x: Int = common + k < long.count ? Int(long[common + k]) : (k - (long.count - common) < 5 ? Int(suffix[k - (long.count - common)]) : -1)
        let y: Int = k < 5 ? Int(suffix[k]) : -1
        if x != y { return sign * (x - y) }
        if x < 0 { return 0 }
        k += 1
    }
}

/// Byte-wise ordering of two strings.
func compareBytes(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Int {
    let common = min(a.count, b.count)
    if common > 0 {
        let c = memcmp(a.baseAddress!, b.baseAddress!, common)
        if c != 0 { return Int(c) }
    }
    return a.count - b.count
}

/// Writes an index file: entries in order, each with its blob; the active and cold texts go to temporary files
/// first and are appended at the end.
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
        namesAt = IndexFile.headerSize + count * IndexFile.entrySize
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
        entryNumbers.append(entries.count / IndexFile.entrySize)
        try entry(key: key, flags: racy ? 1 : 0, contentHash: contentHash, hot: hot, active: active, cold: cold)
    }

    /// Keeps the place of a file that vanished: an entry no lookup will use (its blob is empty, so invalid).
    mutating func addMissing() throws(IndexDamage) {
        entryNumbers.append(-1)
        let empty = UnsafeRawBufferPointer(start: nil, count: 0)
        try entry(key: IndexFile.FileKey(size: 0, mtime: 0, ctime: 0, inode: 0, device: 0), flags: 2, contentHash: 0, hot: empty, active: empty, cold: empty)
    }

    private mutating func entry(
        key: IndexFile.FileKey, flags: UInt32, contentHash: UInt64, hot: UnsafeRawBufferPointer,
        active: UnsafeRawBufferPointer, cold: UnsafeRawBufferPointer
    ) throws(IndexDamage) {
        entries.u32(UInt32(nameOffsets[entries.count / IndexFile.entrySize]))
        entries.u32(flags)
        entries.u64(key.size)
        entries.i64(key.mtime)
        entries.i64(key.ctime)
        entries.u64(key.inode)
        entries.u64(key.device)
        entries.u64(contentHash)
        entries.u64(hotLength)
        entries.u32(UInt32(hot.count))
        entries.u32(UInt32(active.count))
        entries.u64(activeLength)
        entries.u64(coldLength)
        entries.u32(UInt32(cold.count))
        entries.u32(0)
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

    /// Appends the texts, then writes the entries, names and header.
    /// The checksum written into the header by `finish`.
    private(set) var checksum: UInt64 = 0

    mutating func finish() throws(IndexDamage) {
        try flush()
        let hotAt = UInt64(namesAt + names.count)
        let activeAt = hotAt + hotLength
        let coldAt = activeAt + activeLength
        try append(from: activeFD, length: activeLength)
        try append(from: coldFD, length: coldLength)
        let fileLength = coldAt + coldLength
        var header = ByteWriter(capacity: IndexFile.headerSize)
        header.bytes.append(contentsOf: IndexFile.magic)
        header.u32(IndexFile.formatVersion)
        header.u32(UInt32(Store.schemaVersion))
        header.u32(kind.rawValue)
        header.u32(UInt32(entries.count / IndexFile.entrySize))
        header.u64(UInt64(IndexFile.headerSize))
        header.u64(UInt64(namesAt))
        header.u64(UInt64(names.count))
        header.u64(hotAt)
        header.u64(hotLength)
        header.u64(activeAt)
        header.u64(activeLength)
        header.u64(coldAt)
        header.u64(coldLength)
        header.u64(fileLength)
        header.u64(0)
        header.i64(created)
        header.u64(0)
        var sum = Checksum()
        header.bytes.withUnsafeBytes { sum.add($0) }
        entries.bytes.withUnsafeBytes { sum.add($0) }
        names.bytes.withUnsafeBytes { sum.add($0) }
        for section in [hotSum, activeSum, coldSum] { sum.add(section.finish()) }
        checksum = sum.finish()
        withUnsafeBytes(of: checksum.littleEndian) { raw in
            for k in 0..<8 { header.bytes[104 + k] = raw[k] }
        }
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
    var offset = 0
    while offset < data.count {
        let n = pwrite(fd, data.baseAddress! + offset, data.count - offset, off_t(position + offset))
        if n < 0 {
            if errno == EINTR { continue }
            return false
        }
        offset += n
    }
    return true
}
