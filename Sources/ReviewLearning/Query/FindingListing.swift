/// `rlt finding list` over a record set (the index, or decoded reviews packed alike), so both give the same rows.
package enum FindingListing {
    package static let columns = ["review", "id", "audience", "themes", "text"]

    /// Every finding for one of `audiences` (all when empty), in review order: its review, id, audience, themes
    /// (joined with "; ") and text.
    package static func rows(_ records: RecordSet, audiences: [String]) -> [[String]] {
        let wanted = audiences.map { Array($0.utf8) }
        var rows: [[String]] = []
        for n in 0..<records.count {
            if n % 256 == 255 { records.releaseBehind(n) }
            let view = records.review(n)
            guard view.findingCount > 0 else { continue }
            let review = String(indexBytes: view.id)
            for f in 0..<view.findingCount {
                let audience = view.findingAudience(f)
                guard wanted.isEmpty || wanted.contains(where: { $0.elementsEqual(audience) }) else { continue }
                let themes = view.findingThemes(f)
                rows.append([
                    review, String(indexBytes: view.findingID(f)), String(indexBytes: audience),
                    (0..<view.listCount(themes)).map { String(indexBytes: view.code(view.listItem(themes, $0))) }
                        .joined(separator: "; "),
                    String(indexBytes: view.findingText(f)),
                ])
            }
        }
        return rows
    }
}
