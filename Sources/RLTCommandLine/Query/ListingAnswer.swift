import ReviewLearning

/// What `QueryContext.answerListing(fromIndex:)` did with a listing: the index printed it, or the index could not
/// answer by itself and the command makes the listing from the decoded reviews.
enum ListingAnswer {
    /// The index answered and the listing is printed: the command has nothing left to do.
    case printedFromIndex
    /// The reviews the listing is made from, decoded (the index's candidates, or every review).
    case decodedReviews([Review])
}
