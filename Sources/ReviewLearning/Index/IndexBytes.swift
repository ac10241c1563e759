/// Byte-level helpers of the derived index (`<store>/.index/`): little-endian building and reading, packed dates,
/// and the checksum. Nothing here is part of the store's data format; the index can always be deleted.

/// Appends little-endian values to a byte array.
struct ByteWriter {
    var bytes: [UInt8] = []

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    var count: Int { bytes.count }

    mutating func u8(_ v: UInt8) { bytes.append(v) }

    mutating func u32(_ v: UInt32) {
        withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func i32(_ v: Int32) { u32(UInt32(bitPattern: v)) }

    mutating func u64(_ v: UInt64) {
        withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func i64(_ v: Int64) { u64(UInt64(bitPattern: v)) }

    mutating func append(_ raw: UnsafeRawBufferPointer) { bytes.append(contentsOf: raw) }

    mutating func zeros(_ n: Int) { bytes.append(contentsOf: repeatElement(0, count: n)) }

    /// Sets a field of a fixed layout, in bytes already there (`zeros`), at its named offset.
    mutating func u32(_ v: UInt32, at offset: Int) {
        bytes.withUnsafeMutableBytes { $0.storeBytes(of: v.littleEndian, toByteOffset: offset, as: UInt32.self) }
    }

    mutating func u64(_ v: UInt64, at offset: Int) {
        bytes.withUnsafeMutableBytes { $0.storeBytes(of: v.littleEndian, toByteOffset: offset, as: UInt64.self) }
    }

    mutating func i64(_ v: Int64, at offset: Int) { u64(UInt64(bitPattern: v), at: offset) }
}

extension UnsafeRawBufferPointer {
    @inline(__always) func u8(_ offset: Int) -> UInt8 { self[offset] }

    @inline(__always) func u32(_ offset: Int) -> UInt32 {
        UInt32(littleEndian: loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }

    @inline(__always) func i32(_ offset: Int) -> Int32 { Int32(bitPattern: u32(offset)) }

    @inline(__always) func u64(_ offset: Int) -> UInt64 {
        UInt64(littleEndian: loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    @inline(__always) func i64(_ offset: Int) -> Int64 { Int64(bitPattern: u64(offset)) }

    /// The bytes `[offset, offset + count)`, unchecked.
    @inline(__always) func slice(_ offset: Int, _ count: Int) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: baseAddress.map { $0 + offset }, count: count)
    }
}

/// A partial date in 4 bytes and a 3-bit kind: the last day of its period (days since 1970) says everything, since
/// a year, quarter or month is known from its last day.
package enum PackedDate {
    package static let none: UInt8 = 0
    package static let year: UInt8 = 1
    package static let quarter: UInt8 = 2
    package static let month: UInt8 = 3
    package static let day: UInt8 = 4
    /// `PartialDate.undated`: its end is 9999-12-31, so it sorts after every date.
    package static let undated: UInt8 = 5

    static func pack(_ date: PartialDate?) -> (kind: UInt8, end: Int32) {
        guard let date else { return (none, 0) }
        let end = Int32(date.end.ordinal)
        switch date {
        case .year: return (year, end)
        case .quarter: return (quarter, end)
        case .month: return (month, end)
        case .day: return (day, end)
        case .undated: return (undated, end)
        }
    }

    /// The partial date packed as `(kind, end)`, or nil for none.
    static func unpack(_ date: (kind: UInt8, end: Int32)) -> PartialDate? {
        guard date.kind != none else { return nil }
        let last = CalendarDay(ordinal: Int(date.end))
        switch date.kind {
        case year: return .year(last.year)
        case quarter: return .quarter(year: last.year, quarter: (last.month - 1) / 3 + 1)
        case month: return .month(year: last.year, month: last.month)
        case undated: return .undated
        default: return .day(last)
        }
    }
}

/// A fast 64-bit checksum (four multiply-rotate lanes). It detects damage and truncation; it is not cryptographic.
struct Checksum {
    private var lanes: (UInt64, UInt64, UInt64, UInt64) = (
        0x9E37_79B9_7F4A_7C15, 0xC2B2_AE3D_27D4_EB4F, 0x1656_67B1_9E37_79F9, 0x27D4_EB2F_1656_67C5
    )
    private var pending: [UInt8] = []
    private var total: UInt64 = 0

    private static let k: UInt64 = 0x9FB2_1C65_1E98_DF25

    @inline(__always) private static func mix(_ h: UInt64, _ w: UInt64) -> UInt64 {
        let x = (h ^ w) &* k
        return (x << 29) | (x >> 35)
    }

    mutating func add(_ raw: UnsafeRawBufferPointer) {
        var data = raw
        total &+= UInt64(raw.count)
        if !pending.isEmpty {
            let take = min(32 - pending.count, data.count)
            pending.append(contentsOf: data.slice(0, take))
            data = data.slice(take, data.count - take)
            if pending.count == 32 {
                pending.withUnsafeBytes { block(of: $0, count: 32) }
                pending.removeAll(keepingCapacity: true)
            } else {
                return
            }
        }
        let whole = data.count / 32 * 32
        block(of: data, count: whole)
        if whole < data.count { pending.append(contentsOf: data.slice(whole, data.count - whole)) }
    }

    private mutating func block(of data: UnsafeRawBufferPointer, count: Int) {
        var (a, b, c, d) = lanes
        var i = 0
        while i < count {
            a = Checksum.mix(a, data.u64(i))
            b = Checksum.mix(b, data.u64(i + 8))
            c = Checksum.mix(c, data.u64(i + 16))
            d = Checksum.mix(d, data.u64(i + 24))
            i += 32
        }
        lanes = (a, b, c, d)
    }

    mutating func add(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { add($0) }
    }

    func finish() -> UInt64 {
        var (a, b, c, d) = lanes
        var tail: UInt64 = 0
        for (n, byte) in pending.enumerated() {
            tail ^= UInt64(byte) << (UInt64(n % 8) * 8)
            if n % 8 == 7 {
                a = Checksum.mix(a, tail)
                tail = 0
            }
        }
        a = Checksum.mix(a, tail)
        var h = Checksum.mix(Checksum.mix(Checksum.mix(Checksum.mix(total, a), b), c), d)
        h ^= h >> 31
        h = h &* Checksum.k
        h ^= h >> 29
        return h
    }

    static func of(_ raw: UnsafeRawBufferPointer) -> UInt64 {
        var sum = Checksum()
        sum.add(raw)
        return sum.finish()
    }
}

/// The closed vocabularies as small numbers (their position in `allCases`), and back.
package enum Codes {
    package static let reviewTypes = ReviewType.allCases.map { $0 }
    package static let reviewStatuses = ReviewStatus.allCases.map { $0 }
    package static let recStatuses = RecommendationStatus.allCases.map { $0 }
    package static let actionStatuses = ActionStatus.allCases.map { $0 }
    package static let levels = RecommendationLevel.allCases.map { $0 }
    package static let assurances = AssuranceLevel.allCases.map { $0 }

    static func index<V: Vocabulary>(_ value: V, in all: [V]) -> UInt8 {
        UInt8(all.firstIndex(of: value) ?? 0)
    }

    /// Raw values as bytes, for printing without building Strings.
    package static let recStatusBytes = recStatuses.map { Array($0.rawValue.utf8) }
    package static let actionStatusBytes = actionStatuses.map { Array($0.rawValue.utf8) }
    package static let levelBytes = levels.map { Array($0.rawValue.utf8) }
    package static let assuranceBytes = assurances.map { Array($0.rawValue.utf8) }
    package static let recTerminal = recStatuses.map(\.isTerminal)
    package static let actionTerminal = actionStatuses.map(\.isTerminal)
}
