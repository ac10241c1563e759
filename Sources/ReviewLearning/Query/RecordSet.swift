import Dispatch
import Foundation
import Synchronization

/// The reviews a query reads, by position: the derived index, or reviews decoded from their files and packed the
/// way the index packs them. Either way the query engine reads the same `ReviewView`s, so every filter, derived
/// view, column and sort is written once and the two sources cannot drift apart.
///
/// `@unchecked`: immutable after `init`; the packed reviews live in memory owned by the set (or in the index's
/// read-only mapping) for as long as the set does.
package final class RecordSet: @unchecked Sendable {
    /// Where the records came from, so a caller (and a test) can tell which source answered.
    package enum Origin: Sendable, Equatable {
        case index
        case decoded
    }

    package let origin: Origin
    /// The decoded reviews, in position order (nil for the index, which keeps no histories or outcome texts).
    package let reviews: [Review]?
    private let index: StoreIndex?
    private let views: [ReviewView]
    private let storage: [UnsafeMutableRawBufferPointer]

    /// The reviews of the index, in the order of its files.
    init(_ index: StoreIndex) {
        origin = .index
        self.index = index
        reviews = nil
        views = []
        storage = []
    }

    /// Decoded reviews, packed in memory as the index would pack them (on all cores).
    package init(_ reviews: [Review]) {
        origin = .decoded
        index = nil
        self.reviews = reviews
        let packed = Mutex([Packed?](repeating: nil, count: reviews.count))
        let step = 16
        DispatchQueue.concurrentPerform(iterations: (reviews.count + step - 1) / step) { c in
            let range = c * step..<min(reviews.count, (c + 1) * step)
            let done = range.map { RecordSet.pack(reviews[$0]) }
            packed.withLock { all in for (n, one) in zip(range, done) { all[n] = one } }
        }
        let all = packed.withLock { $0 }.compactMap { $0 }
        views = all.map(\.view)
        storage = all.map(\.memory)
    }

    /// A packed review and the memory it lives in (`@unchecked`: each is made on one thread, then handed over).
    private struct Packed: @unchecked Sendable {
        let memory: UnsafeMutableRawBufferPointer
        let view: ReviewView
    }

    /// One review's bytes in their own allocation, so the packing never holds more than one review's builder per
    /// core besides what it keeps.
    private static func pack(_ review: Review) -> Packed {
        let blob = BlobBuilder(ReviewDigest(review), source: UnsafeRawBufferPointer(start: nil, count: 0))
        let parts = [blob.hot.bytes, blob.active.bytes, blob.cold.bytes]
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, parts.reduce(0) { $0 + $1.count }), alignment: 8)
        var at = 0
        let placed = parts.map { bytes in
            let part = UnsafeMutableRawBufferPointer(rebasing: chunk[at..<at + bytes.count])
            part.copyBytes(from: bytes)
            at += bytes.count
            return UnsafeRawBufferPointer(part)
        }
        // Packed from a decoded review, a blob always makes sense; `.empty` only keeps this total.
        return Packed(memory: chunk, view: ReviewView(hot: placed[0], active: placed[1], cold: placed[2]) ?? .empty)
    }

    deinit { for chunk in storage { chunk.deallocate() } }

    package var count: Int { index?.count ?? views.count }

    @inline(__always) func review(_ n: Int) -> ReviewView { index?.review(n) ?? views[n] }

    /// The file name (review id) of review `n`.
    package func id(_ n: Int) -> String { index?.ids[n] ?? reviews?[n].id ?? "" }

    /// The ids of the reviews that pass `query`'s review filters (`--review`, `--type`), in order.
    package func reviewIDs(passing query: Query) -> [String] {
        let filter = RecordQuery(query)
        return (0..<count).filter { filter.includes(review($0)) }.map(id)
    }

    /// Lets the index's pages before review `n` go (see `StoreIndex.releaseBehind`); nothing for decoded reviews.
    func releaseBehind(_ n: Int) { index?.releaseBehind(n) }

    /// See `StoreIndex.rewindReleases`.
    func rewindReleases() { index?.rewindReleases() }

    /// False when an index file was cut short by another process while it was read (see `StoreIndex.isIntact`).
    package var isIntact: Bool { index?.isIntact ?? true }
}

extension RecordSet {
    /// The store's derived index, brought up to date (`StoreIndex.load`), as records; nil when it could be built
    /// nowhere (memory, /dev/shm and the temp directories all refused), and the caller decodes the files instead.
    package static func index(
        of store: Store, mode: UInt32, temporaryDirectory: String?, now: Date
    ) throws -> RecordSet? {
        do {
            let scratch = ScratchPlace.defaults(temporaryDirectory: temporaryDirectory)
            return RecordSet(try StoreIndex.load(store, mode: mode, scratch: scratch, now: now))
        } catch is IndexUnavailable {
            return nil
        }
    }
}
