import ReviewLearning

/// The options shared by `review add` and `review update`.
enum ReviewOptions {
    /// The option that sets each stage's date (`--decided`), in the stages' order.
    static func option(_ stage: ReviewStage) -> OptionName {
        switch stage {
        case .incident: .incident
        case .aware: .aware
        case .notified: .notified
        case .decided: .decided
        case .commissioned: .commissioned
        case .completed: .completed
        case .submitted: .submitted
        case .approved: .approved
        case .published: .published
        case .closed: .closed
        }
    }

    static func specs(forAdd: Bool) -> [OptionSpec] {
        var type = OptionSpec.choice(.type, ReviewType.self, "The kind of review.")
        var title = OptionSpec.value(.title, "TITLE", "The review's name as published (e.g. \"Darren & Bethany\").")
        if forAdd {
            type = type.required()
            title = title.required()
        }
        let replaces = forAdd ? "" : " Replaces the current list."
        return [type, title]
            + [
                .value(
                    .partnership, "CODE", "Agency code of a commissioning body." + replaces, repeatable: true,
                    values: .store(.agencies)),
            ]
            + ReviewStage.allCases.map { stage in
                .date(option(stage), "Stage date: \(stage.meaning)." + (forAdd ? "" : " An empty value clears it."))
            }
            + [
                .choice(.status, ReviewStatus.self, "Where the review is.", default: forAdd ? .inProgress : nil),
                .value(.theme, "THEME", "Theme code." + replaces, repeatable: true, values: .store(.themes)),
                .value(.summary, "TEXT", "A short summary."),
                .value(.source, "TEXT", "The document's title or URL."),
                .value(.convertedFrom, "ID", "The rapid review this review grew out of.", values: .store(.reviews)),
            ]
    }

    /// Applies every given option to `review`, checking codes against the tracker, and records what changed.
    static func apply(
        _ arguments: ParsedArguments, to review: inout Review, tracker: Tracker, store: Store, asOf: CalendarDay
    ) throws -> ChangeLog {
        var changes = ChangeLog()
        let checks = CodeChecks(tracker: tracker)
        if let type = try arguments.choice(.type, ReviewType.self) { changes.set(&review.type, type, "type") }
        if let title = try arguments.text(.title) { changes.set(&review.title, title, "title", text: true) }
        if let codes = try arguments.list(.partnership, check: { try checks.agencies($0, option: "--partnership") }) {
            changes.setList(&review.partnerships, codes, "partnerships")
        }
        for stage in ReviewStage.allCases {
            if let date = try arguments.clearableDate(option(stage)) {
                if let date { try ChangeRules.requirePast(date, .stage, reference: "\(review.id) --\(stage.rawValue)", asOf: asOf) }
                changes.setClearable(&review[keyPath: stage.keyPath], date, stage.rawValue)
            }
        }
        if let status = try arguments.choice(.status, ReviewStatus.self) { changes.setStatus(&review.status, status) }
        if let codes = try arguments.list(.theme, check: { try checks.themes($0, option: "--theme") }) {
            changes.setList(&review.themes, codes, "themes")
        }
        if let summary = try arguments.text(.summary) { changes.setOptional(&review.summary, summary, "summary", text: true) }
        if let source = try arguments.text(.source) { changes.setOptional(&review.source, source, "source", text: true) }
        if let source = arguments.string(.convertedFrom) {
            let id = try slug(source, argument: "--converted-from", kind: "review")
            guard id != review.id else {
                throw UsageError.invalidValue(option: "--converted-from", message: "a review cannot be converted from itself")
            }
            _ = try store.existingReview(id)
            changes.setOptional(&review.convertedFrom, id, "converted_from")
        }
        return changes
    }
}
