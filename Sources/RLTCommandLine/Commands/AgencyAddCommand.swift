import ReviewLearning

enum AgencyAddCommand {
    static let spec = CommandSpec(
        name: "add",
        overview: "Add an agency to the directory.",
        discussion: "Every owner, lead agency, audience and partnership must name a code from the directory,\nso the same agency is never spelt five ways.",
        arguments: [ArgumentSpec(name: "CODE", help: "A short code: lower-case letters, digits and '-' (e.g. lincs-police).")],
        options: [
            .value(.name, "NAME", "The agency's full name.", required: true),
            .choice(.sector, Sector.self, "The agency's sector.", default: nil).required(),
        ] + AgencyContact.specs,
        examples: [
            "rlt agency add lincs-police --name \"Lincolnshire Police\" --sector police",
            "rlt agency add lpft --name \"Lincolnshire Partnership NHS FT\" --sector health --email safeguarding@lpft.example",
        ],
        run: run)

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws {
        let code = try slug(arguments.positionals[0], argument: "CODE", kind: "agency")
        let name = try arguments.text(.name) ?? ""
        let sector = try arguments.choice(.sector, Sector.self) ?? .other
        var agency = Agency(code: code, name: name, sector: sector)
        try AgencyContact.apply(arguments, to: &agency)
        try invocation.write { transaction in
            var tracker = try transaction.tracker()
            if tracker.agencies.contains(where: { $0.code == code }) {
                throw RecordError.duplicate(kind: "agency", reference: code)
            }
            tracker.agencies.append(agency)
            tracker.agencies.sort { $0.code < $1.code }
            tracker.history.append(invocation.history("added agency \(code)"))
            try transaction.save(tracker)
        }
        invocation.out("\(code)\n")
    }
}
