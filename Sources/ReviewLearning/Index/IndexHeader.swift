import Foundation

/// The 128-byte header of an index file, validated strictly before any of its numbers is used (see `IndexFile`
/// for the layout). The writer lays the sections out back to back in a fixed order, so every offset is implied by
/// the lengths before it: anything else — a flipped bit, a forged or truncated file — is damage, never a reason to
/// read elsewhere. No value is converted to `Int` before it is known to lie within the mapping, so no value can
/// trap.
struct IndexHeader {
    /// A section's place in the file, in bytes.
    struct Span {
        var offset: Int
        var length: Int
    }

    let kind: IndexFile.Kind
    let entryCount: Int
    let names: Span
    let hot: Span
    let active: Span
    let cold: Span
    let checksum: UInt64
    /// The header as written, with the checksum field zeroed (what the checksum covers).
    let zeroedBytes: [UInt8]

    /// Nil unless `m` starts with a header this rlt wrote for exactly `m.count` bytes.
    init?(_ m: UnsafeRawBufferPointer) {
        let size = IndexFile.headerSize
        guard m.count >= size, m.slice(0, 8).elementsEqual(IndexFile.magic),
            m.u32(8) == IndexFile.formatVersion, m.u32(12) == UInt32(Store.schemaVersion),
            let kind = IndexFile.Kind(rawValue: m.u32(16)), m.u64(120) == 0
        else { return nil }
        let total = UInt64(m.count)
        let count = UInt64(m.u32(20))
        // Each section must start where the one before it ends; sums are checked for overflow.
        var next = UInt64(size) + count * UInt64(IndexFile.entrySize)
        guard m.u64(24) == UInt64(size), next <= total else { return nil }
        var spans: [Span] = []
        for at in stride(from: 32, through: 80, by: 16) {
            let offset = m.u64(at)
            let length = m.u64(at + 8)
            guard offset == next, length <= total - offset else { return nil }
            spans.append(Span(offset: Int(offset), length: Int(length)))
            next = offset + length
        }
        guard next == total, m.u64(96) == total else { return nil }
        self.kind = kind
        entryCount = Int(count)
        (names, hot, active, cold) = (spans[0], spans[1], spans[2], spans[3])
        checksum = m.u64(104)
        var bytes = [UInt8](m.slice(0, size))
        for k in 104..<112 { bytes[k] = 0 }
        zeroedBytes = bytes
    }
}
