/// SplitMix64: a small, fast, seedable generator whose sequence is the same on every platform and Swift version
/// (the standard library's generator is neither seedable nor stable), so a seed always gives the same store.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    /// An independent stream for item `index` of a run, so items can be generated in parallel, in any order.
    init(seed: UInt64, stream index: Int) {
        var mixer = SeededRandom(seed: seed ^ 0x9E37_79B9_7F4A_7C15)
        for _ in 0..<2 { _ = mixer.next() }
        state = mixer.next() &+ UInt64(truncatingIfNeeded: index) &* 0xD1B5_4A32_D192_ED03
        _ = next()
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A whole number in `range`, without the modulo bias of `next() % n` mattering at these sizes.
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound + 1)
        return range.lowerBound + Int(next() % span)
    }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// A number in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) / Double(UInt64(1) << 53) }

    mutating func pick<T>(_ values: [T]) -> T { values[int(0...(values.count - 1))] }

    /// One of `values`, chosen with the given relative weights.
    mutating func weighted<T>(_ values: [(T, Double)]) -> T {
        let total = values.reduce(0) { $0 + $1.1 }
        var x = unit() * total
        for (value, weight) in values {
            if x < weight { return value }
            x -= weight
        }
        return values[values.count - 1].0
    }

    /// `count` distinct values, in the order drawn.
    mutating func distinct<T: Equatable>(_ count: Int, from values: [T]) -> [T] {
        var chosen: [T] = []
        var guardCount = 0
        while chosen.count < min(count, values.count) && guardCount < 1000 {
            let value = pick(values)
            if !chosen.contains(value) { chosen.append(value) }
            guardCount += 1
        }
        return chosen
    }

    /// Index `i` in 0..<n with a skew towards small indices (a few agencies and themes get most of the work).
    mutating func skewed(_ n: Int) -> Int {
        let u = unit()
        return min(n - 1, Int(Double(n) * u * u))
    }
}
