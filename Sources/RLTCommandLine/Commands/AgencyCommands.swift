import ReviewLearning

enum AgencyAddCommand {
    static let spec = CommandSpec(
        name: "add",
        overview: "Add an agency to the directory.",
        discussion: "Every owner, lead agency, audience and partnership must name a code from the directory,\nso the same agency is never spelt five ways.",
        arguments: [ArgumentSpec(name: "CODE", help: "A short code: lower-case letters, digits and '-' (e.g. lincs-police).")],
        options: [
            .value("--name", "NAME", "The agency's full name.", required: true),
            .choice("--sector", Sector.self, "The agency's sector.", default: nil).required(),
        ],
        examples: ["rlt agency add lincs-police --name \"Lincolnshire Police\" --sector police"],
        run: run)

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws {
        let code = try slug(arguments.positionals[0], argument: "CODE", kind: "agency")
        let name = try arguments.text("--name") ?? ""
        let sector = try arguments.choice("--sector", Sector.self) ?? .other
        try invocation.write { transaction in
            var tracker = try transaction.tracker()
            if tracker.agencies.contains(where: { $0.code == code }) {
                throw RecordError.duplicate(kind: "agency", reference: code)
            }
            tracker.agencies.append(Agency(code: code, name: name, sector: sector))
            tracker.agencies.sort { $0.code < $1.code }
            tracker.history.append(invocation.history("added agency \(code)"))
            try transaction.save(tracker)
        }
        invocation.out("\(code)\n")
    }
}

enum AgencyListCommand {
    static let spec = CommandSpec(
        name: "list",
        overview: "List the agency directory.",
        options: [.choice("--sector", Sector.self, "Only agencies of this sector."), OutputFormat.option],
        examples: ["rlt agency list --sector police"],
        run: run)

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws {
        let sector = try arguments.choice("--sector", Sector.self)
        let agencies = try invocation.store.loadTracker().agencies.filter { sector == nil || $0.sector == sector }
        switch try arguments.choice("--format", OutputFormat.self) ?? .table {
        case .json:
            invocation.out(try JSONOutput.render(agencies))
        case .table:
            var table = TextTable(["code", "sector", "name"])
            for agency in agencies { table.add([agency.code, agency.sector.rawValue, agency.name]) }
            invocation.out(table.render(width: invocation.terminalWidth))
        }
    }
}

enum ThemeAddCommand {
    static let spec = CommandSpec(
        name: "add",
        overview: "Add a theme to the vocabulary.",
        arguments: [ArgumentSpec(name: "CODE", help: "A short code: lower-case letters, digits and '-' (e.g. substance-misuse).")],
        options: [.value("--label", "LABEL", "How the theme reads in reports.", required: true)],
        examples: ["rlt theme add substance-misuse --label \"Substance misuse\""],
        run: run)

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws {
        let code = try slug(arguments.positionals[0], argument: "CODE", kind: "theme")
        let label = try arguments.text("--label") ?? code
        try invocation.write { transaction in
            var tracker = try transaction.tracker()
            if tracker.themes.contains(where: { $0.code == code }) {
                throw RecordError.duplicate(kind: "theme", reference: code)
            }
            tracker.themes.append(Theme(code: code, label: label))
            tracker.history.append(invocation.history("added theme \(code)"))
            try transaction.save(tracker)
        }
        invocation.out("\(code)\n")
    }
}

enum ThemeListCommand {
    static let spec = CommandSpec(
        name: "list",
        overview: "List the theme vocabulary.",
        options: [OutputFormat.option],
        examples: ["rlt theme list"],
        run: run)

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws {
        let themes = try invocation.store.loadTracker().themes
        switch try arguments.choice("--format", OutputFormat.self) ?? .table {
        case .json:
            invocation.out(try JSONOutput.render(themes))
        case .table:
            var table = TextTable(["code", "label"])
            for theme in themes { table.add([theme.code, theme.label]) }
            invocation.out(table.render(width: invocation.terminalWidth))
        }
    }
}
