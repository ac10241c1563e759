import ReviewLearning

enum AgencyListCommand {
    static let spec = CommandSpec(
        name: "list",
        overview: "List the agency directory.",
        options: [.choice(.sector, Sector.self, "Only agencies of this sector."), OutputFormat.option],
        examples: ["rlt agency list --sector police"],
        run: run)

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws {
        let sector = try arguments.choice(.sector, Sector.self)
        let agencies = try invocation.store.loadTracker().agencies.filter { sector == nil || $0.sector == sector }
        switch try arguments.choice(.format, OutputFormat.self) ?? .table {
        case .json:
            invocation.out(try JSONOutput.render(agencies))
        case .table:
            // The contact columns only once some agency has a contact, so a directory without them stays narrow.
            let contacts = agencies.contains { $0.contact != nil || $0.email != nil }
            var table = TextTable(["code", "sector", "name"] + (contacts ? ["contact", "email"] : []))
            for agency in agencies {
                let cells = [agency.code, agency.sector.rawValue, agency.name]
                table.add(cells + (contacts ? [agency.contact ?? "", agency.email ?? ""] : []))
            }
            invocation.out(table.render(width: invocation.terminalWidth))
        }
    }
}
