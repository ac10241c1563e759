import Foundation

/// The 128-byte header of an index file, validated strictly before any of its numbers is used (see `IndexLayout`
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
        typealias H = IndexLayout.Header
        let size = IndexLayout.headerSize
        guard m.count >= size, m.slice(H.magic, IndexLayout.magic.count).elementsEqual(IndexLayout.magic),
            m.u32(H.formatVersion) == IndexLayout.formatVersion, m.u32(H.schema) == UInt32(Store.schemaVersion),
            let kind = IndexFile.Kind(rawValue: m.u32(H.kind)), m.u64(H.reserved) == 0
        else { return nil }
        let total = UInt64(m.count)
        let count = UInt64(m.u32(H.entryCount))
        // Each section must start where the one before it ends; sums are checked for overflow.
        var next = UInt64(size) + count * UInt64(IndexLayout.entrySize)
        guard m.u64(H.entries) == UInt64(size), next <= total else { return nil }
        var spans: [Span] = []
        for at in [H.names, H.hot, H.active, H.cold] {
            let offset = m.u64(at)
            let length = m.u64(at + H.spanLength)
            guard offset == next, length <= total - offset else { return nil }
            spans.append(Span(offset: Int(offset), length: Int(length)))
            next = offset + length
        }
        guard next == total, m.u64(H.fileLength) == total else { return nil }
        self.kind = kind
        entryCount = Int(count)
        (names, hot, active, cold) = (spans[0], spans[1], spans[2], spans[3])
        checksum = m.u64(H.checksum)
        var bytes = [UInt8](m.slice(0, size))
        for k in H.checksum..<H.checksum + 8 { bytes[k] = 0 }
        zeroedBytes = bytes
    }
}
