import Foundation
import ReviewLearning

enum ConfigSetCommand {
    static let spec = CommandSpec(
        name: "set",
        overview: "Change a setting.",
        discussion: """
            name: the partnership's name. amber-days: how many days before its due date a record turns amber
            (default 30). file-mode: 0600 (default) or 0640, the permissions of the store's files (0640 lets the
            owner's group read the store; its directories become 0750). Existing files change at once. undo-depth:
            how many changes 'rlt undo' can revert (default 100; 0 keeps none). closure-days: days the
            partnership's offices are closed besides weekends and bank holidays, as YYYY-MM-DD separated by commas
            (the whole list; empty clears it); working-day timescales skip them.
            timescale.TYPE.STAGE: when a stage of a review of that type is due, "N working days after STAGE" or
            "N months after STAGE"; "off" removes it, "default" puts back rlt's default ('rlt help timescales').
            """,
        arguments: [
            ArgumentSpec(
                name: "KEY", help: "The setting: \(ConfigKey.allowedValues.joined(separator: ", ")), or timescale.TYPE.STAGE.",
                values: .store(.settings)),
            ArgumentSpec(name: "VALUE", help: "The new value."),
        ],
        examples: [
            "rlt config set amber-days 45", "rlt config set timescale.sar.completed \"9 months after decided\"",
            "rlt config set closure-days 2025-12-29,2025-12-30,2025-12-31",
        ],
        run: run)

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws {
        let key = try parseKey(arguments.positionals[0])
        let value = arguments.positionals[1]
        try invocation.write { transaction in
            var tracker = try transaction.tracker()
            let old = key.value(in: tracker)
            switch key {
            case .timescale(let type, let stage): try setTimescale(type, stage, value, in: &tracker.settings)
            case .plain(.name):
                guard !value.trimmingCharacters(in: .whitespaces).isEmpty else {
                    throw UsageError.invalidArgument(name: "VALUE", message: "the name must not be empty")
                }
                tracker.name = value
            case .plain(.amberDays):
                tracker.settings.amberDays = try number(value, in: Settings.amberDaysRange, of: "days")
            case .plain(.fileMode):
                guard value == "0600" || value == "0640" else {
                    throw UsageError.invalidArgument(name: "VALUE", message: "\"\(value)\" is not a file mode; use 0600 or 0640")
                }
                tracker.settings.fileMode = value
            case .plain(.undoDepth):
                tracker.settings.undoDepth = try number(value, in: Settings.undoDepthRange, of: "changes")
            case .plain(.closureDays):
                tracker.settings.closureDays = try days(value)
            }
            let new = key.value(in: tracker)
            tracker.history.append(invocation.history("\(key.name): \(key == .plain(.name) ? "changed" : "\(old.isEmpty ? "(none)" : old) → \(new.isEmpty ? "(none)" : new)")"))
            try transaction.save(tracker)
            if key == .plain(.fileMode) {
                // Existing files and the directories follow at once, not only files rewritten from now on.
                try invocation.store.applyPermissions(fileMode: tracker.settings.permissions)
            }
        }
        invocation.err("\(key.name) set\n")
    }

    /// VALUE as a whole number of `noun` within `range`, else a usage error saying so.
    private static func number(_ value: String, in range: ClosedRange<Int>, of noun: String) throws(UsageError) -> Int {
        guard let number = Int(value), range.contains(number) else {
            throw UsageError.invalidArgument(
                name: "VALUE", message: "\"\(value)\" is not a number of \(noun) from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    /// Sets, removes (`off`) or restores (`default`) one entry of the timescale table; the first change writes the
    /// whole table into the store, which from then on no longer follows rlt's defaults.
    private static func setTimescale(_ type: ReviewType, _ stage: ReviewStage, _ value: String, in settings: inout Settings) throws {
        var table = settings.timescaleTable.filter { !($0.type == type && $0.stage == stage) }
        switch value.lowercased() {
        case "off": break
        case "default":
            guard let entry = Timescale.defaults.first(where: { $0.timescale.type == type && $0.timescale.stage == stage }) else {
                throw UsageError.invalidArgument(
                    name: "VALUE",
                    message: "rlt has no default timescale for \(type.rawValue) \(stage.rawValue) (the guidance gives none); "
                        + "set one, e.g. \"6 months after decided\", or leave it off")
            }
            table.append(entry.timescale)
        default:
            do {
                table.append(try Timescale(parsing: value, type: type, stage: stage))
            } catch {
                throw UsageError.invalidArgument(name: "VALUE", message: error.description + "; or off, or default")
            }
        }
        // In a fixed order (type, then stage), so the same table is always the same bytes.
        let types = ReviewType.allCases
        settings.timescales = table.sorted {
            (types.firstIndex(of: $0.type) ?? 0, $0.stage.order) < (types.firstIndex(of: $1.type) ?? 0, $1.stage.order)
        }
    }

    /// Closure days: whole days separated by commas or spaces, in date order, each once; empty clears the list.
    private static func days(_ value: String) throws(UsageError) -> [PartialDate] {
        var days: [CalendarDay] = []
        for part in value.split(whereSeparator: { $0 == "," || $0 == " " }) {
            guard let date = try? PartialDate(parsing: String(part)), let day = date.day else {
                throw UsageError.invalidArgument(name: "VALUE", message: "\"\(part)\" is not a day; write each closure day as YYYY-MM-DD")
            }
            days.append(day)
        }
        return Set(days).sorted().map(PartialDate.day)
    }
}
