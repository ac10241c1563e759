import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One index file (`.index/base` or `.index/overlay`), memory-mapped and checked (`IndexLayout` gives its layout,
/// `IndexWriter` writes it).
///
/// `@unchecked`: after `open` the mapping is only read, never written or remapped, until the file is released.
final class IndexFile: @unchecked Sendable {
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

    /// Everything is checked before any property is set: a class initialiser that throws once its properties are
    /// all set runs `deinit` (unmapping and closing), and `open` then undoes the same again — with other threads
    /// mapping and opening meanwhile, that second unmap or close could hit another index's memory or file.
    private init(map: UnsafeRawBufferPointer, descriptor: Int32, key: FileKey, trusted: Set<Stamp>) throws(IndexDamage) {
        // Every number in the header is checked before it is used, and without any conversion that could trap.
        guard let header = IndexHeader(map) else { throw IndexDamage() }
        let entries = IndexLayout.headerSize
        let hot = map.slice(header.hot.offset, header.hot.length)
        let active = map.slice(header.active.offset, header.active.length)
        let cold = map.slice(header.cold.offset, header.cold.length)
        // A file whose key and checksum are in the stamp was checked since it was last changed (or written by rlt):
        // its key changes if anything rewrites it, so the checksum need not be computed again.
        let hashed = !trusted.contains(Stamp(key: key, checksum: header.checksum))
        if hashed {
            var sum = Checksum()
            header.zeroedBytes.withUnsafeBytes { sum.add($0) }
            sum.add(map.slice(entries, header.names.offset + header.names.length - entries))
            // Every section, texts included (a damaged text would otherwise be printed), each in chunks let go of
            // after hashing, so a check does not make the file resident.
            for region in [hot, active, cold] { sum.add(IndexFile.sectionChecksum(of: region)) }
            guard sum.finish() == header.checksum else { throw IndexDamage() }
        }
        // Every entry's parts must lie inside their sections, and names inside the names area.
        for n in 0..<header.entryCount {
            guard IndexFile.entryFits(map, entry: entries + n * IndexLayout.entrySize, header: header) else { throw IndexDamage() }
        }
        self.map = map
        self.descriptor = descriptor
        fileKey = key
        kind = header.kind
        entryCount = header.entryCount
        self.entries = entries
        names = header.names.offset
        self.hot = hot
        self.active = active
        self.cold = cold
        checksum = header.checksum
        self.hashed = hashed
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
        typealias E = IndexLayout.Entry
        let namesStart = UInt64(header.names.offset)
        let namesEnd = namesStart + UInt64(header.names.length)
        let name = UInt64(m.u32(e + E.name))
        let nameBytes = UInt64(IndexLayout.nameBytes)
        guard name >= namesStart, name + nameBytes <= namesEnd else { return false }
        guard UInt64(m.u32(Int(name))) <= namesEnd - name - nameBytes else { return false }
        func fits(_ offset: UInt64, _ length: UInt32, in section: Int) -> Bool {
            offset <= UInt64(section) && UInt64(length) <= UInt64(section) - offset
        }
        return fits(m.u64(e + E.hotOffset), m.u32(e + E.hotLength), in: header.hot.length)
            && fits(m.u64(e + E.activeOffset), m.u32(e + E.activeLength), in: header.active.length)
            && fits(m.u64(e + E.coldOffset), m.u32(e + E.coldLength), in: header.cold.length)
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
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_size >= IndexLayout.headerSize else {
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

    private typealias E = IndexLayout.Entry

    /// Where entry `n` starts in the file.
    @inline(__always) func entry(_ n: Int) -> Int { entries + n * IndexLayout.entrySize }

    /// The file name of entry `n` (without `.json`), as bytes.
    @inline(__always) func name(_ n: Int) -> UnsafeRawBufferPointer {
        let at = Int(map.u32(entry(n) + E.name))
        return map.slice(at + IndexLayout.nameBytes, Int(map.u32(at)))
    }

    @inline(__always) func key(_ n: Int) -> IndexFile.FileKey {
        let e = entry(n)
        return IndexFile.FileKey(
            size: map.u64(e + E.size), mtime: map.i64(e + E.mtime), ctime: map.i64(e + E.ctime), inode: map.u64(e + E.inode),
            device: map.u64(e + E.device))
    }

    @inline(__always) func isRacy(_ n: Int) -> Bool { map.u32(entry(n) + E.flags) & E.racy != 0 }

    /// The place of a file that vanished while the index was written.
    @inline(__always) func isMissing(_ n: Int) -> Bool { map.u32(entry(n) + E.flags) & E.missing != 0 }

    @inline(__always) func contentHash(_ n: Int) -> UInt64 { map.u64(entry(n) + E.contentHash) }

    /// The raw blob and text regions of entry `n`.
    @inline(__always) func parts(_ n: Int) -> (hot: UnsafeRawBufferPointer, active: UnsafeRawBufferPointer, cold: UnsafeRawBufferPointer) {
        let e = entry(n)
        return (
            hot.slice(Int(map.u64(e + E.hotOffset)), Int(map.u32(e + E.hotLength))),
            active.slice(Int(map.u64(e + E.activeOffset)), Int(map.u32(e + E.activeLength))),
            cold.slice(Int(map.u64(e + E.coldOffset)), Int(map.u32(e + E.coldLength)))
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

/// The order of review files in a listing: their names *with* `.json`, byte by byte (which is `String` order for
/// ASCII names), so `a-b` comes before `a` (`-` sorts before `.`). Index entries are written in this order.
func compareNames(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Int {
    let common = min(a.count, b.count)
    if common > 0, let pa = a.baseAddress, let pb = b.baseAddress {
        let c = memcmp(pa, pb, common)
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
    if common > 0, let pa = a.baseAddress, let pb = b.baseAddress {
        let c = memcmp(pa, pb, common)
        if c != 0 { return Int(c) }
    }
    return a.count - b.count
}
