import ReviewLearning

/// The `--format` of `chase`.
enum ChaseFormat: String, Vocabulary {
    case text, markdown, csv, json, email
    static let noun = "chase format"
}

enum ChaseCommand {
    /// The review and record filters that make sense for a round of letters (the statuses and dates are chase's).
    private static let filters: [OptionName] = [.review, .type, .theme, .level, .text]

    static let spec = CommandSpec(
        name: "chase",
        overview: "List what each agency owes, or write each agency a letter asking for a dated update.",
        discussion: """
            For each agency: its overdue recommendations (as lead or co-owner) and actions, those due within
            --within days, and open ones with nothing recorded for --stale days, each with its due date and
            slippage, status, and the last thing reported. Agencies that owe nothing are left out; the most overdue
            agency comes first. --format email with --out DIR writes DIR/<code>.eml for each agency with an e-mail
            address (a draft to send: RFC 5322, UTF-8), and DIR/<code>.txt, to print or paste, for the others.
            Contacts are set with 'rlt agency update CODE --contact NAME --email ADDRESS'.
            """,
        options: [
            .value(.agency, "CODE", "Only this agency's items.", repeatable: true, values: .store(.agencies)),
            .value(.within, "DAYS", "Chase what falls due within DAYS days.", default: "the amber window, amber_days"),
            .value(.stale, "DAYS", "Chase open items with nothing recorded for DAYS days; off to leave them out.", default: "90"),
            .value(.format, "FORMAT", "The output format (email needs --out DIR).", values: .words(ChaseFormat.self), default: "text"),
            .value(.out, "PATH", "A directory for --format email; a file for the other formats.", values: .file),
            .date(.replyBy, "The date the letters ask for a reply by (default: 14 days after --as-of)."),
            .value(.from, "ADDRESS", "The From: address of the e-mail drafts (default: none; the mail client adds it)."),
        ] + FilterOptions.specs(.both).filter { spec in filters.contains { $0.rawValue == spec.name } },
        examples: [
            "rlt chase",
            "rlt chase --agency lincs-police --within 14",
            "rlt chase --format email --out letters/ --reply-by 2024-06-07",
        ],
        run: run)

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws {
        let format = try arguments.choice(.format, ChaseFormat.self) ?? .text
        let out = arguments.string(.out)
        if let out, out.isEmpty { throw UsageError.invalidValue(option: "--out", message: "must not be empty") }
        if format == .email && out == nil {
            throw UsageError.invalidValue(option: "--format", message: "email writes one file per agency: add --out DIR")
        }
        let staleDays = try stale(arguments)
        let replyBy = try arguments.date(.replyBy)?.end ?? invocation.asOf.adding(days: 14)
        if replyBy < invocation.asOf {
            throw UsageError.invalidValue(option: "--reply-by", message: "\(replyBy) is before --as-of (\(invocation.asOf))")
        }
        let from = arguments.string(.from)
        if let from, let problem = ContactRules.emailProblem(from) {
            throw UsageError.invalidValue(option: "--from", message: problem)
        }
        // --agency and --stale are chase's own, not the listing filters of the same names.
        var filterArguments = arguments
        filterArguments.values[OptionName.agency.rawValue] = nil
        filterArguments.values[OptionName.stale.rawValue] = nil
        var records = try QueryContext(filterArguments, invocation, target: .both)
        let agencies = arguments.strings(.agency)
        for code in agencies { try records.tracker.requireAgency(code, field: "--agency") }
        let within = try arguments.integer(.within, range: 0...3650) ?? records.tracker.settings.amberDays
        // Only reviews with an open record of these agencies are read.
        records.query.filter.recommendationStatuses = RecommendationStatus.allCases.filter { !$0.isTerminal }
        records.query.filter.actionStatuses = ActionStatus.allCases.filter { !$0.isTerminal }
        var collector = Chase.Collector(
            filter: records.query.filter, asOf: invocation.asOf, withinDays: within, staleDays: staleDays, agencies: agencies)
        try invocation.store.forEachBatch(try records.decodedIDs(try records.index())) { batch in
            collector.add(batch.filter(records.query.filter.includes(review:)))
        }
        let letters = collector.letters(records.tracker)
        let context = ChaseContext(
            partnership: records.tracker.name, asOf: invocation.asOf, replyBy: replyBy, withinDays: within, staleDays: staleDays)
        if format == .email, let out { return try ChaseLetters.write(letters, context, to: out, from: from, invocation) }
        let text: String
        switch format {
        case .text: text = ChaseLetters.text(letters, context, width: out == nil ? invocation.terminalWidth : nil)
        case .markdown: text = ChaseOutput.markdown(letters, context)
        case .csv: text = Delimited.csv.render(header: ChaseOutput.columns, rows: rows(letters))
        case .json:
            text = try JSONOutput.render(
                rows(letters).map { cells in
                    Dictionary(uniqueKeysWithValues: zip(ChaseOutput.columns, cells).map { ($0, CellType.of($0).json($1)) })
                })
        case .email: return
        }
        guard let out else { return invocation.out(text) }
        try OutputPath.requireOutsideStore(out, store: invocation.storePath, option: "--out")
        let file = try OutputFile(out)
        try file.write(text)
        try file.commit()
        invocation.err("wrote \(out)\n")
    }

    /// `--stale DAYS`, 90 by default, nil for `off`.
    private static func stale(_ arguments: ParsedArguments) throws(UsageError) -> Int? {
        if arguments.string(.stale) == "off" { return nil }
        do {
            return try arguments.integer(.stale, range: 1...100_000) ?? 90
        } catch {
            throw UsageError.invalidValue(option: "--stale", message: "\"\(arguments.string(.stale) ?? "")\" is not a whole number from 1 to 100000, or off")
        }
    }

    private static func rows(_ letters: [Chase.Letter]) -> [[String]] {
        letters.flatMap { letter in letter.items.map { ChaseOutput.cells(letter, $0) } }
    }
}
