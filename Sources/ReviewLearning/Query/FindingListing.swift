/// `rlt finding list` over a record set (the index, or decoded reviews packed alike), so both give the same rows.
package enum FindingListing {
    package static let columns = ["review", "id", "kind", "audience", "themes", "para", "text"]

    /// Every finding for one of `audiences` (all when empty; a further audience counts) and of one of `kinds` (all
    /// when empty), in review order: its review, id, kind, audiences (the first, then the others, joined with
    /// "; "), themes, source paragraph and text.
    package static func rows(_ records: RecordSet, audiences: [String], kinds: [FindingKind] = []) -> [[String]] {
        let wanted = audiences.map { Array($0.utf8) }
        let kindNames = kinds.map(\.rawValue)
        var rows: [[String]] = []
        for n in 0..<records.count {
            if n % 256 == 255 { records.releaseBehind(n) }
            let view = records.review(n)
            guard view.findingCount > 0 else { continue }
            let review = String(indexBytes: view.id)
            for f in 0..<view.findingCount {
                let audience = view.findingAudience(f)
                let with = view.findingDetail(f, .with).map { String(indexBytes: $0) }
                let others = with.map { $0.split(separator: "; ").map(String.init) } ?? []
                guard
                    wanted.isEmpty || wanted.contains(where: { $0.elementsEqual(audience) })
                        || audiences.contains(where: others.contains)
                else { continue }
                let kind = view.findingDetail(f, .kind).map { String(indexBytes: $0) } ?? FindingKind.learning.rawValue
                guard kindNames.isEmpty || kindNames.contains(kind) else { continue }
                let themes = view.findingThemes(f)
                rows.append([
                    review, String(indexBytes: view.findingID(f)), kind,
                    [String(indexBytes: audience), with].compactMap { $0 }.joined(separator: "; "),
                    (0..<view.listCount(themes)).map { String(indexBytes: view.code(view.listItem(themes, $0))) }
                        .joined(separator: "; "),
                    view.findingDetail(f, .para).map { String(indexBytes: $0) } ?? "",
                    String(indexBytes: view.findingText(f)),
                ])
            }
        }
        return rows
    }
}
