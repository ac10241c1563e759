import ReviewLearning

enum ReviewAddCommand {
    static let spec = CommandSpec(
        name: "add",
        overview: "Add a review.",
        arguments: [ArgumentSpec(name: "ID", help: "A short id: lower-case letters, digits and '-' (e.g. darren-bethany).")],
        options: ReviewOptions.specs(forAdd: true),
        examples: [
            "rlt review add darren-bethany --type joint --title \"Darren & Bethany\" --partnership lscp --published 2023-05",
            "rlt review add child-g --type cspr --title \"Child G\" --theme information-sharing",
        ],
        run: run)

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws {
        let id = try slug(arguments.positionals[0], argument: "ID", kind: "review")
        let type = try arguments.choice(.type, ReviewType.self) ?? .other
        try invocation.write { transaction in
            let tracker = try transaction.tracker()
            if try transaction.review(id) != nil { throw RecordError.duplicate(kind: "review", reference: id) }
            var review = Review(id: id, type: type, title: "")
            _ = try ReviewOptions.apply(arguments, to: &review, tracker: tracker, store: invocation.store, asOf: invocation.asOf)
            review.history.append(invocation.history("added"))
            try transaction.save(review)
        }
        invocation.out("\(id)\n")
    }
}
