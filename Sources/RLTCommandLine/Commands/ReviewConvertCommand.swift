import ReviewLearning

enum ReviewConvertCommand {
    static let spec = CommandSpec(
        name: "convert",
        overview: "Start a local review from a rapid review; prints the new review's id.",
        discussion: """
            The new review takes the rapid review's title (unless --title), partnerships, themes, and its incident,
            aware, notified and decided dates (the rapid review is the decision to review), and converted_from
            names the rapid review; 'review show' on either names the other.
            The rapid review's findings, recommendations and actions stay where they are: its learning is its own.
            History on both records the conversion.
            """,
        arguments: [
            ArgumentSpec(name: "RAPID-ID", help: "The rapid review (type rapid-review).", values: .store(.reviews))
        ],
        options: [
            .value(.to, "NEW-ID", "The new review's id.", required: true),
            .value(
                .type, "TYPE", "The new review's type.",
                values: .oneOf(ReviewType.allowedValues.filter { $0 != ReviewType.rapidReview.rawValue }),
                default: ReviewType.cspr.rawValue),
            .value(.title, "TITLE", "The new review's title (default: the rapid review's)."),
        ],
        examples: ["rlt review convert rr-child-h --to child-h --type cspr"],
        run: run)

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws {
        let rapidID = try slug(arguments.positionals[0], argument: "RAPID-ID", kind: "review")
        let newID = try slug(try arguments.required(.to), argument: "--to", kind: "review")
        let type = try arguments.choice(.type, ReviewType.self) ?? .cspr
        guard type != .rapidReview else {
            throw UsageError.invalidValue(option: "--type", message: "a rapid review converts into a local review, not another rapid review")
        }
        let title = try arguments.text(.title)
        try invocation.write { transaction in
            _ = try transaction.tracker()
            var rapid = try transaction.existingReview(rapidID)
            guard rapid.type == .rapidReview else {
                throw RecordError.required(
                    reference: rapidID,
                    what: "only a rapid review converts, and this is a \(rapid.type.rawValue) (if it is a rapid review, "
                        + "set its type first: 'rlt review update \(rapidID) --type rapid-review')")
            }
            if try transaction.review(newID) != nil { throw RecordError.duplicate(kind: "review", reference: newID) }
            var review = Review(id: newID, type: type, title: title ?? rapid.title)
            review.partnerships = rapid.partnerships
            review.themes = rapid.themes
            review.incident = rapid.incident
            review.notified = rapid.notified
            review.aware = rapid.aware
            review.decided = rapid.decided
            review.convertedFrom = rapidID
            review.history.append(invocation.history("converted from \(rapidID)"))
            rapid.history.append(invocation.history("converted to \(newID)"))
            try transaction.save(review)
            try transaction.save(rapid)
        }
        invocation.out("\(newID)\n")
    }
}
