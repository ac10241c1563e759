import ReviewLearning

enum RecAddCommand {
    static let spec = CommandSpec(
        name: "add",
        overview: "Add a recommendation to a review.",
        arguments: [ArgumentSpec(name: "REVIEW/ID", help: "The review and the id as numbered in the report (e.g. darren-bethany/3i).")],
        options: [
            .text(.text, "The recommendation.", required: true),
            .value(
                .owner, "CODE", "Owning agency code; the first is the lead.", repeatable: true,
                values: .store(.agencies)),
            .choice(.level, RecommendationLevel.self, "Whom it is addressed to.", default: .local),
            .date(.due, "When it is due (a month or quarter falls due at its end)."),
            .value(.theme, "THEME", "Theme code.", repeatable: true, values: .store(.themes)),
            DetailOptions.link(update: false),
        ] + DetailOptions.timing(update: false) + DetailOptions.roles(update: false),
        examples: [
            "rlt rec add darren-bethany/3i --text \"Review the escalation policy\" --owner lscp --due 2023-09",
            "rlt rec add darren-bethany/3ii --text \"Audit its use\" --owner lscp --link 3i",
            "rlt rec add darren-bethany/5i --text \"Engage the LCJB\" --owner lscp --owner ldap --engage lincs-lcjb",
        ],
        run: run)

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws {
        let ref = try reference(arguments.positionals[0], argument: "REVIEW/ID")
        var rec = Recommendation(id: ref.id, text: try arguments.text(.text) ?? "")
        rec.level = try arguments.choice(.level, RecommendationLevel.self) ?? .local
        rec.owners = arguments.strings(.owner)
        rec.themes = arguments.strings(.theme)
        rec.links = arguments.strings(.link)
        rec.due = try arguments.date(.due)
        rec.assuranceBy = arguments.strings(.assuranceBy)
        rec.engage = arguments.strings(.engage)
        rec.issuedBy = try arguments.text(.issuedBy)
        let timing = try DetailOptions.timingEdit(arguments)
        try requireDistinct(rec.owners, option: "--owner")
        try requireDistinct(rec.assuranceBy, option: "--assurance-by")
        try requireDistinct(rec.engage, option: "--engage")
        try requireDistinct(rec.themes, option: "--theme")
        try requireDistinct(rec.links, option: "--link")
        try invocation.write { transaction in
            let tracker = try transaction.tracker()
            var review = try transaction.existingReview(ref.review)
            try ChangeRules.requireOpen(review)
            try review.requireFreeChildID(ref.id)
            try CodeChecks(tracker: tracker).agencies(rec.owners, option: "--owner")
            try CodeChecks(tracker: tracker).themes(rec.themes, option: "--theme")
            try CodeChecks(tracker: tracker).agencies(rec.engage, option: "--engage")
            try CodeChecks(tracker: tracker).agencies(rec.issuedBy.map { [$0] } ?? [], option: "--issued-by")
            try DetailOptions.assurers(rec.assuranceBy, tracker: tracker, option: "--assurance-by")
            try DetailOptions.checkLinks(rec.links, of: rec.id, in: review) { try transaction.existingReview($0) }
            var changes = ChangeLog()
            try timing.apply(to: &rec.timing, reference: "\(ref)", &changes)
            rec.history.append(invocation.history("added"))
            review.recommendations.append(rec)
            try transaction.save(review)
        }
        invocation.out("\(ref)\n")
    }
}
