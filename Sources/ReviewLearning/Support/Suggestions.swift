/// The candidates closest to `text` by edit distance, best first; empty when nothing is close.
///
/// "Close" allows about one edit in three characters (rounded up), so typos are caught but unrelated words are not offered.
package func nearestMatches(to text: String, in candidates: [String], limit: Int = 3) -> [String] {
    let needle = Array(text.lowercased().unicodeScalars)
    let threshold = max(1, (needle.count + 2) / 3)
    let scored = candidates.compactMap { candidate -> (String, Int)? in
        let hay = Array(candidate.lowercased().unicodeScalars)
        let distance = editDistance(needle, hay)
        let isPrefix = needle.count >= 3 && candidate.lowercased().hasPrefix(text.lowercased())
        guard distance <= threshold || isPrefix, distance > 0 || candidate != text else { return nil }
        return (candidate, isPrefix ? 0 : distance)
    }
    // Only the closest ones: a near miss should not be offered alongside a far one.
    guard let best = scored.map(\.1).min() else { return [] }
    return scored.filter { $0.1 == best }.sorted { $0.0 < $1.0 }.prefix(limit).map(\.0)
}

/// Levenshtein distance with adjacent transpositions counted as one edit.
func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous2 = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                current[j] = min(current[j], previous2[j - 2] + 1)
            }
        }
        (previous2, previous, current) = (previous, current, previous2)
    }
    return previous[b.count]
}
