/// The command tree: the parser, help, and (later) completions all read this one table.
enum CommandTable {
    static let globalOptions = GlobalOptions.all

    static let root = CommandSpec(
        name: "rlt",
        overview: "Track the learning, recommendations and agency actions of statutory reviews.",
        discussion: """
            rlt keeps DHR, CSPR and SAR recommendations, the actions agencies committed to and the assurance
            behind each outcome in a folder of JSON files (the store), so nothing quietly goes overdue.
            """,
        examples: [
            "rlt overdue",
            "rlt review list",
            "rlt rec show darren-bethany/3i",
            "rlt check",
        ],
        subcommands: [
            InitCommand.spec,
            group("review", "Add, change and look at reviews.", [
                ReviewAddCommand.spec, ReviewUpdateCommand.spec, ReviewShowCommand.spec, ReviewListCommand.spec,
                ReviewRemoveCommand.spec, ReviewConvertCommand.spec,
            ]),
            group("rec", aliases: ["recommendation"], "Add, change and look at recommendations.", [
                RecAddCommand.spec, RecUpdateCommand.spec, RecShowCommand.spec, RecListCommand.spec,
                RecRemoveCommand.spec,
            ]),
            group("action", "Add, change and look at agency actions.", [
                ActionAddCommand.spec, ActionUpdateCommand.spec, ActionShowCommand.spec, ActionListCommand.spec,
            ]),
            group("outcome", "Record outcomes and assurance on recommendations.", [OutcomeAddCommand.spec]),
            group("finding", "Add and list findings (learning).", [FindingAddCommand.spec, FindingUpdateCommand.spec, FindingListCommand.spec]),
            group("event", "Record dissemination events.", [EventAddCommand.spec, EventUpdateCommand.spec, EventListCommand.spec]),
            group("agency", "Manage the agency directory.", [
                AgencyAddCommand.spec, AgencyUpdateCommand.spec, AgencyListCommand.spec,
            ]),
            group("theme", "Manage the theme vocabulary.", [ThemeAddCommand.spec, ThemeListCommand.spec]),
            OverdueCommand.spec,
            ChaseCommand.spec,
            SummaryCommand.spec,
            SearchCommand.spec,
            LogCommand.spec,
            ExportCommand.spec,
            ReportCommand.spec,
            ImportCommand.spec,
            group("config", "Show and change the store's settings.", [
                ConfigListCommand.spec, ConfigGetCommand.spec, ConfigSetCommand.spec,
            ]),
            UndoCommand.spec,
            RedoCommand.spec,
            CheckCommand.spec,
            MergeFileCommand.spec,
            group("git", "Keep the store in git with rlt's merge driver.", [GitSetupCommand.spec]),
            CompletionsCommand.spec,
            ManpageCommand.spec,
        ])

    private static func group(
        _ name: String, aliases: [String] = [], _ overview: String, _ subcommands: [CommandSpec]
    ) -> CommandSpec {
        CommandSpec(name: name, aliases: aliases, overview: overview, subcommands: subcommands)
    }
}
