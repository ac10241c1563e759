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
            var table = TextTable(["code", "sector", "name"])
            for agency in agencies { table.add([agency.code, agency.sector.rawValue, agency.name]) }
            invocation.out(table.render(width: invocation.terminalWidth))
        }
    }
}
