import Foundation
import ReviewLearning

enum ImportCommand {
    static let spec = CommandSpec(
        name: "import",
        overview: "Bring in a table from CSV, such as an action-plan spreadsheet; all or nothing.",
        discussion: """
            Reads what 'rlt export' writes and typical hand-made sheets: columns are matched by header, ignoring
            case and punctuation ("Recommendation", "Lead agency", "Target date", "Status", "Progress update"…);
            --map names a column the built-in names miss. Agencies may be given by code or by their directory name.
            UTF-8 with or without BOM; a Windows-1252 file is converted. Each record is matched by its reference
            and updated, or added: importing the same file twice changes nothing. Empty cells leave a field as it
            is. Every problem is reported with its line and column, and if there is any, nothing is written.
            The rules of the commands hold here too: no new findings, recommendations or actions in a closed review,
            no closing a review with open records (both allowed with --force, e.g. to restore a whole store from its
            export), a reason with every reopened record, and no completion, outcome or progress note dated after
            --as-of.
            """,
        arguments: [
            ArgumentSpec(name: "TABLE", help: "The table the file holds.", values: .words(ExportTable.self)),
            ArgumentSpec(name: "FILE", help: "The CSV file.", values: .file),
        ],
        options: [
            .flag(.dryRun, "Report what would be added and changed, and write nothing."),
            .value(.map, "COLUMN=FIELD", "Read COLUMN into FIELD (e.g. --map \"Agreed action=text\").", repeatable: true),
            .value(
                .review, "ID", "The review every row belongs to, for sheets without a review column.",
                values: .store(.reviews)),
            .flag(
                .force,
                "Add records to closed reviews and close reviews with open records (restoring a store from its export)."),
        ],
        examples: [
            "rlt import recommendations plan.csv --dry-run",
            "rlt import actions child-g-actions.csv --review child-g --map \"Owner org=agency\"",
        ],
        run: run)

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws {
        let table = try ExportCommand.parseTable(arguments.positionals[0])
        let file = arguments.positionals[1]
        var mapping: [String: String] = [:]
        for entry in arguments.strings(.map) {
            let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw UsageError.invalidValue(option: "--map", message: "\"\(entry)\" should be COLUMN=FIELD")
            }
            mapping[parts[0]] = parts[1]
        }
        let review = try arguments.string(.review).map { try slug($0, argument: "--review", kind: "review") }
        guard let bytes = try FileSystem.read(file) else {
            throw CommandFailure(message: "cannot read \(file): no such file", code: ExitCode.noStore)
        }
        let context = ImportContext(
            asOf: invocation.asOf, author: invocation.author, timestamp: invocation.timestamp, mapping: mapping, review: review,
            force: arguments.flag(.force))
        let dryRun = arguments.flag(.dryRun)
        let store = invocation.store
        let plan = try invocation.write { transaction in
            var reviews: [String: Review] = [:]
            for id in try store.reviewIDs() { reviews[id] = try transaction.review(id) }
            let state = ImportState(tracker: try transaction.tracker(), reviews: reviews, events: try transaction.events())
            switch Importer.plan(table, bytes: Array(bytes), state: state, context: context) {
            case .failure(let failure):
                throw CommandFailure(
                    message: failure.problems.map { $0.description(file: file) }.joined(separator: "\nerror: ")
                        + "\nnothing was imported; fix the file and run the command again",
                    code: ExitCode.dataError)
            case .success(let plan):
                guard !dryRun else { return plan }
                if plan.trackerChanged { try transaction.save(plan.state.tracker) }
                for id in plan.changedReviews.sorted() {
                    if let review = plan.state.reviews[id] { try transaction.save(review) }
                }
                if plan.eventsChanged { try transaction.save(plan.state.events) }
                return plan
            }
        }
        for note in plan.notes { invocation.err("note: \(file): \(note)\n") }
        let verb = dryRun ? "would add" : "added"
        for reference in plan.added { invocation.out("\(verb) \(reference)\n") }
        for change in plan.changed { invocation.out("\(dryRun ? "would change" : "changed") \(change.reference): \(change.summary)\n") }
        invocation.err(
            "\(dryRun ? "dry run: " : "")\(plan.added.count) added, \(plan.changed.count) changed\(dryRun ? "; nothing written" : "")\n")
    }
}
