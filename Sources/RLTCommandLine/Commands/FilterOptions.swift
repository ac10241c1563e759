import ReviewLearning

/// The list filters of DESIGN §5 as options, shared by `list`, `overdue`, `summary` and `export`.
enum FilterOptions {
    /// Which records a command lists, which decides the statuses `--status` accepts.
    enum Target {
        case recommendations, actions, both
    }

    static func specs(_ target: Target) -> [OptionSpec] {
        let statuses: [String]
        switch target {
        case .recommendations: statuses = RecommendationStatus.allowedValues
        case .actions: statuses = ActionStatus.allowedValues
        case .both: statuses = RecommendationStatus.allowedValues + ActionStatus.allowedValues.filter { !RecommendationStatus.allowedValues.contains($0) }
        }
        return [
            .value(.review, "ID", "Only this review.", repeatable: true, values: .store(.reviews)),
            .choice(.type, ReviewType.self, "Only reviews of this type.", repeatable: true),
            .value(.status, "STATUS", "Only records with this status.", repeatable: true, values: .oneOf(statuses)),
            .value(
                .owner, "CODE", "Only recommendations this agency owns (any owner), or its actions (led or shared).",
                repeatable: true, values: .store(.agencies)),
            .value(
                .lead, "CODE", "Only recommendations this agency leads (first owner), or its actions.",
                repeatable: true, values: .store(.agencies)),
            .value(.agency, "CODE", "Same as --owner.", repeatable: true, values: .store(.agencies)),
            .value(
                .theme, "THEME", "Only records with this theme (actions: through what they respond to).",
                repeatable: true, values: .store(.themes)),
            .choice(.level, RecommendationLevel.self, "Only recommendations at this level.", repeatable: true),
            .choice(.assurance, AssuranceLevel.self, "Only recommendations with this assurance.", repeatable: true),
            .choice(.rag, RAG.self, "Only records with this RAG rating as of --as-of.", repeatable: true),
            .date(.dueBefore, "Only records due before this date starts."),
            .date(.dueAfter, "Only records due after this date ends."),
            .flag(.overdue, "Only records overdue as of --as-of."),
            .value(.stale, "DAYS", "Only open records with no update for at least DAYS days."),
            .value(.text, "TEXT", "Only records whose text contains TEXT (ignoring case and accents)."),
        ]
    }

    /// Options that filter recommendations and actions rather than reviews.
    static let recordOnly: [OptionName] = [
        .status, .owner, .lead, .agency, .theme, .level, .assurance, .rag, .dueBefore, .dueAfter, .stale, .overdue,
    ]

    /// Reads the filter options, checking codes against the directory so a typo is an error, not an empty list.
    static func parse(_ arguments: ParsedArguments, tracker: Tracker, target: Target) throws -> RecordFilter {
        var filter = RecordFilter()
        filter.reviews = try arguments.strings(.review).map { try slug($0, argument: "--review", kind: "review") }
        filter.types = try arguments.choices(.type, ReviewType.self)
        for text in arguments.strings(.status) {
            let rec = try? RecommendationStatus(parsing: text)
            let action = try? ActionStatus(parsing: text)
            switch target {
            case .recommendations where rec == nil, .actions where action == nil, .both where rec == nil && action == nil:
                let allowed = FilterOptions.specs(target).first { $0.name == OptionName.status.rawValue }?.allowed ?? []
                throw UsageError.invalidValue(
                    option: "--status", message: "\"\(text)\" is not a status here; use one of: \(allowed.joined(separator: ", "))")
            default:
                break
            }
            if let rec { filter.recommendationStatuses.append(rec) }
            if let action { filter.actionStatuses.append(action) }
        }
        // A status that names only the other kind (e.g. "done") leaves that kind out entirely.
        if target == .both && !arguments.strings(.status).isEmpty {
            if filter.recommendationStatuses.isEmpty { filter.excludeRecommendations = true }
            if filter.actionStatuses.isEmpty { filter.excludeActions = true }
        }
        filter.owners = arguments.strings(.owner) + arguments.strings(.agency)
        filter.leads = arguments.strings(.lead)
        for code in filter.owners + filter.leads {
            try tracker.requireAgency(code, field: arguments.has(.lead) && filter.leads.contains(code) ? "--lead" : "--owner")
        }
        filter.themes = arguments.strings(.theme)
        try CodeChecks(tracker: tracker).themes(filter.themes, option: "--theme")
        filter.levels = try arguments.choices(.level, RecommendationLevel.self)
        filter.assurance = try arguments.choices(.assurance, AssuranceLevel.self)
        filter.rags = try arguments.choices(.rag, RAG.self)
        filter.dueBefore = try arguments.date(.dueBefore)
        filter.dueAfter = try arguments.date(.dueAfter)
        filter.overdueOnly = arguments.flag(.overdue)
        filter.staleDays = try arguments.integer(.stale, range: 0...100_000)
        filter.text = try arguments.text(.text).map(TextMatcher.init)
        return filter
    }
}
