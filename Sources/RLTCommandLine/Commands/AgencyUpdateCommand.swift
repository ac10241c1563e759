import ReviewLearning

/// `--contact` and `--email` of `agency add` and `agency update`, checked by the core's `ContactRules`.
enum AgencyContact {
    static let specs: [OptionSpec] = [
        .value(.contact, "NAME", "Who the chase letters are addressed to (e.g. \"Head of Safeguarding\")."),
        .value(.email, "ADDRESS", "The e-mail address the chase letters go to (name@example.org)."),
    ]

    /// Sets the contact fields given; a value the rules refuse is a usage error naming the option.
    static func apply(_ arguments: ParsedArguments, to agency: inout Agency) throws(UsageError) {
        if let contact = arguments.string(.contact) {
            if let problem = ContactRules.nameProblem(contact) {
                throw UsageError.invalidValue(option: "--contact", message: problem)
            }
            agency.contact = contact
        }
        if let email = arguments.string(.email) {
            if let problem = ContactRules.emailProblem(email) {
                throw UsageError.invalidValue(option: "--email", message: problem)
            }
            agency.email = email
        }
    }
}

enum AgencyUpdateCommand {
    static let spec = CommandSpec(
        name: "update",
        overview: "Change an agency's name, sector or contact.",
        discussion: """
            Only the options given change. The contact and e-mail address are where 'rlt chase --format email'
            addresses each agency's letter; the code never changes (records refer to it).
            """,
        arguments: [ArgumentSpec(name: "CODE", help: "The agency's code.", values: .store(.agencies))],
        options: [
            .value(.name, "NAME", "The agency's full name."),
            .choice(.sector, Sector.self, "The agency's sector."),
        ] + AgencyContact.specs,
        examples: [
            "rlt agency update lincs-police --contact \"DI Sam Patel\" --email sam.patel@lincs.police.example"
        ],
        run: run)

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws {
        let code = try slug(arguments.positionals[0], argument: "CODE", kind: "agency")
        let name = try arguments.text(.name)
        let sector = try arguments.choice(.sector, Sector.self)
        try invocation.write { transaction in
            var tracker = try transaction.tracker()
            try tracker.requireAgency(code, field: "CODE")
            guard let index = tracker.agencies.firstIndex(where: { $0.code == code }) else { return }
            let before = tracker.agencies[index]
            var agency = before
            if let name { agency.name = name }
            if let sector { agency.sector = sector }
            try AgencyContact.apply(arguments, to: &agency)
            var changes = ChangeLog()
            changes.note("name", before.name, agency.name, text: true)
            changes.note("sector", before.sector.rawValue, agency.sector.rawValue)
            changes.note("contact", before.contact, agency.contact, text: true)
            changes.note("email", before.email, agency.email)
            guard !changes.isEmpty else { throw unchanged("agency \(code)", arguments, status: "") }
            tracker.agencies[index] = agency
            tracker.history.append(invocation.history("updated agency \(code): \(changes.summary)"))
            try transaction.save(tracker)
            invocation.err("updated agency \(code): \(changes.summary)\n")
        }
    }
}
