/// The other direction of a recommendation's links: which recommendations link to a record. Read from the packed
/// reviews (the index, or decoded files), so `rec show` stays quick at national scale.
extension RecordSet {
    /// `REVIEW/ID` of every recommendation whose links name `target`: by its id from the same review, or by
    /// `REVIEW/ID` from another.
    package func recommendationsLinking(to target: RecordReference) -> [String] {
        let crossReview = Array(target.description.utf8)
        let sameReview = Array(target.id.utf8)
        var found: [String] = []
        for n in 0..<count {
            let view = review(n)
            let isTargetReview = equalBytes(view.id, Array(target.review.utf8))
            for r in 0..<view.recCount {
                let links = view.recLinks(r)
                for k in 0..<view.listCount(links) {
                    let link = view.string(view.listItem(links, k))
                    if equalBytes(link, crossReview) || (isTargetReview && equalBytes(link, sameReview)) {
                        found.append(id(n) + "/" + String(decoding: view.recID(r), as: UTF8.self))
                        break
                    }
                }
            }
        }
        return found
    }
}

private func equalBytes(_ a: UnsafeRawBufferPointer, _ b: [UInt8]) -> Bool {
    a.count == b.count && a.elementsEqual(b)
}
