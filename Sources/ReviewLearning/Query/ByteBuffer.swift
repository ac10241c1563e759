/// Where a listing's bytes go: UTF-8 text, in pieces, in order.
package typealias ByteSink = @Sendable (RawSpan) -> Void

extension String {
    /// The text of UTF-8 bytes (invalid sequences repaired, as `String(decoding:as:)`).
    package init(utf8 bytes: RawSpan) {
        self = bytes.withUnsafeBytes { String(decoding: $0, as: UTF8.self) }
    }
}

/// A growable byte buffer on manually managed memory (no copy-on-write checks on every byte), which can flush to
/// a sink.
///
/// `@unchecked`: a buffer has one owner at a time — the worker filling its chunk, then (handed over through the
/// pipeline's lock) the thread that writes chunks in order — never two threads at once.
final class ByteBuffer: @unchecked Sendable {
    private let sink: ByteSink?
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init(sink: ByteSink? = nil, capacity: Int = 1 << 16) {
        self.sink = sink
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    deinit { base.deallocate() }

    var view: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

    func reset() { count = 0 }

    @inline(__always) private func reserve(_ n: Int) {
        guard count + n > capacity else { return }
        let bigger = max(capacity * 2, count + n)
        let new = UnsafeMutablePointer<UInt8>.allocate(capacity: bigger)
        new.update(from: base, count: count)
        base.deallocate()
        base = new
        capacity = bigger
    }

    @inline(__always) func byte(_ b: UInt8) {
        reserve(1)
        base[count] = b
        count += 1
    }

    @inline(__always) func two(_ a: UInt8, _ b: UInt8) {
        reserve(2)
        base[count] = a
        base[count + 1] = b
        count += 2
    }

    @inline(__always) func append(_ raw: UnsafeRawBufferPointer) {
        guard let source = raw.baseAddress, raw.count > 0 else { return }
        reserve(raw.count)
        (base + count).update(from: source.assumingMemoryBound(to: UInt8.self), count: raw.count)
        count += raw.count
    }

    func bytes(_ b: [UInt8]) { b.withUnsafeBytes { append($0) } }

    func text(_ s: StaticString) { append(UnsafeRawBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount)) }

    func text(_ s: String) {
        var s = s
        s.withUTF8 { append(UnsafeRawBufferPointer($0)) }
    }

    func number(_ n: Int) {
        var value = n.magnitude
        reserve(21)
        if n < 0 { byte(UInt8(ascii: "-")) }
        var digits = 1
        var scale: UInt = 1
        while value / scale >= 10 {
            scale *= 10
            digits += 1
        }
        for _ in 0..<digits {
            base[count] = UInt8(ascii: "0") + UInt8(value / scale)
            count += 1
            value %= scale
            scale /= 10
        }
    }

    /// A partial date as `PartialDate.description` prints it.
    func date(_ d: (kind: UInt8, end: Int32)) {
        guard d.kind != PackedDate.none else { return }
        guard d.kind != PackedDate.undated else { return text(PartialDate.undatedWord) }
        let day = CalendarDay(ordinal: Int(d.end))
        reserve(10)
        four(day.year)
        switch d.kind {
        case PackedDate.year: return
        case PackedDate.quarter: three(UInt8(ascii: "-"), UInt8(ascii: "Q"), UInt8(ascii: "0") + UInt8((day.month - 1) / 3 + 1))
        case PackedDate.month:
            byte(UInt8(ascii: "-"))
            twoDigits(day.month)
        default:
            byte(UInt8(ascii: "-"))
            twoDigits(day.month)
            byte(UInt8(ascii: "-"))
            twoDigits(day.day)
        }
    }

    @inline(__always) private func three(_ a: UInt8, _ b: UInt8, _ c: UInt8) {
        two(a, b)
        byte(c)
    }

    @inline(__always) private func twoDigits(_ n: Int) {
        two(UInt8(ascii: "0") + UInt8(n / 10 % 10), UInt8(ascii: "0") + UInt8(n % 10))
    }

    private func four(_ year: Int) {
        guard (0...9999).contains(year) else {
            number(year)
            return
        }
        two(UInt8(ascii: "0") + UInt8(year / 1000), UInt8(ascii: "0") + UInt8(year / 100 % 10))
        twoDigits(year % 100)
    }

    /// Codes joined with "; ", as lists are in a cell (DESIGN §6).
    func codes(_ v: ReviewView, _ list: UInt32) {
        for k in 0..<v.listCount(list) {
            if k > 0 { two(UInt8(ascii: ";"), UInt8(ascii: " ")) }
            append(v.code(v.listItem(list, k)))
        }
    }

    func strings(_ v: ReviewView, _ list: UInt32) {
        for k in 0..<v.listCount(list) {
            if k > 0 { two(UInt8(ascii: ";"), UInt8(ascii: " ")) }
            append(v.string(v.listItem(list, k)))
        }
    }

    /// The bytes so far as a string.
    var string: String { String(decoding: view, as: UTF8.self) }

    func flush() {
        guard count > 0, let sink else { return }
        sink(view.bytes)
        count = 0
    }
}
