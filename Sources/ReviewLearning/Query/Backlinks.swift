/// The other direction of links: which recommendations link to a record, which reviews a rapid review became. Read
/// from the packed reviews (the index, or decoded files), so `show` stays quick at national scale.
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

extension RecordSet {
    /// The reviews that name `review` as `converted_from`: the other direction of a conversion.
    package func reviewsConverted(from review: String) -> [String] {
        let wanted = Array(review.utf8)
        return (0..<count).filter { n in self.review(n).convertedFrom.map { equalBytes($0, wanted) } ?? false }.map(id)
    }
}

private func equalBytes(_ a: UnsafeRawBufferPointer, _ b: [UInt8]) -> Bool {
    a.count == b.count && a.elementsEqual(b)
}
