import ReviewLearning

/// The options shared by `review add` and `review update`.
enum ReviewOptions {
    static let dateFields = ["incident", "notified", "commissioned", "completed", "published"]

    static func specs(forAdd: Bool) -> [OptionSpec] {
        var type = OptionSpec.choice("--type", ReviewType.self, "The kind of review.")
        var title = OptionSpec.value("--title", "TITLE", "The review's name as published (e.g. \"Darren & Bethany\").")
        if forAdd {
            type = type.required()
            title = title.required()
        }
        let replaces = forAdd ? "" : " Replaces the current list."
        return [type, title]
            + [
                .value(
                    "--partnership", "CODE", "Agency code of a commissioning body." + replaces, repeatable: true),
            ]
            + dateFields.map { .value("--\($0)", "DATE", "The \($0) date (YYYY, YYYY-MM, YYYY-Qn, YYYY-MM-DD).") }
            + [
                .choice("--status", ReviewStatus.self, "Where the review is.", default: forAdd ? .inProgress : nil),
                .value("--theme", "THEME", "Theme code." + replaces, repeatable: true),
                .value("--summary", "TEXT", "A short summary."),
                .value("--source", "TEXT", "The document's title or URL."),
                .value("--converted-from", "ID", "The rapid review this review grew out of."),
            ]
    }

    /// Applies every given option to `review`, checking codes against the tracker, and records what changed.
    static func apply(
        _ arguments: ParsedArguments, to review: inout Review, tracker: Tracker, store: Store
    ) throws -> ChangeLog {
        var changes = ChangeLog()
        let checks = CodeChecks(tracker: tracker)
        if let type = try arguments.choice("--type", ReviewType.self) {
            changes.note("type", review.type.rawValue, type.rawValue)
            review.type = type
        }
        if let title = try arguments.text("--title") {
            changes.note("title", review.title, title, text: true)
            review.title = title
        }
        if arguments.has("--partnership") {
            let codes = arguments.strings("--partnership")
            try requireDistinct(codes, option: "--partnership")
            try checks.agencies(codes, option: "--partnership")
            changes.note("partnerships", list(review.partnerships), list(codes))
            review.partnerships = codes
        }
        let dates: [(String, WritableKeyPath<Review, PartialDate?>)] = [
            ("incident", \.incident), ("notified", \.notified), ("commissioned", \.commissioned),
            ("completed", \.completed), ("published", \.published),
        ]
        for (field, keyPath) in dates {
            if let date = try arguments.date("--\(field)") {
                changes.note(field, review[keyPath: keyPath]?.description, date.description)
                review[keyPath: keyPath] = date
            }
        }
        if let status = try arguments.choice("--status", ReviewStatus.self) {
            changes.note("status", review.status.rawValue, status.rawValue)
            review.status = status
        }
        if arguments.has("--theme") {
            let codes = arguments.strings("--theme")
            try requireDistinct(codes, option: "--theme")
            try checks.themes(codes, option: "--theme")
            changes.note("themes", list(review.themes), list(codes))
            review.themes = codes
        }
        if let summary = try arguments.text("--summary") {
            changes.note("summary", review.summary, summary, text: true)
            review.summary = summary
        }
        if let source = try arguments.text("--source") {
            changes.note("source", review.source, source, text: true)
            review.source = source
        }
        if let source = arguments.string("--converted-from") {
            let id = try slug(source, argument: "--converted-from", kind: "review")
            guard id != review.id else {
                throw UsageError.invalidValue(option: "--converted-from", message: "a review cannot be converted from itself")
            }
            _ = try store.existingReview(id)
            changes.note("converted_from", review.convertedFrom, id)
            review.convertedFrom = id
        }
        return changes
    }
}
