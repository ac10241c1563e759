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
            how many changes 'rlt undo' can revert (default 100; 0 keeps none).
            """,
        arguments: [
            ArgumentSpec(name: "KEY", help: "The setting.", values: .words(ConfigKey.self)),
            ArgumentSpec(name: "VALUE", help: "The new value."),
        ],
        examples: ["rlt config set amber-days 45", "rlt config set file-mode 0640"],
        run: run)

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws {
        let key = try parseKey(arguments.positionals[0])
        let value = arguments.positionals[1]
        try invocation.write { transaction in
            var tracker = try transaction.tracker()
            let old = key.value(in: tracker)
            switch key {
            case .name:
                guard !value.trimmingCharacters(in: .whitespaces).isEmpty else {
                    throw UsageError.invalidArgument(name: "VALUE", message: "the name must not be empty")
                }
                tracker.name = value
            case .amberDays:
                tracker.settings.amberDays = try number(value, in: Settings.amberDaysRange, of: "days")
            case .fileMode:
                guard value == "0600" || value == "0640" else {
                    throw UsageError.invalidArgument(name: "VALUE", message: "\"\(value)\" is not a file mode; use 0600 or 0640")
                }
                tracker.settings.fileMode = value
            case .undoDepth:
                tracker.settings.undoDepth = try number(value, in: Settings.undoDepthRange, of: "changes")
            }
            tracker.history.append(invocation.history("\(key.rawValue): \(key == .name ? "changed" : "\(old) → \(value)")"))
            try transaction.save(tracker)
            if key == .fileMode {
                // Existing files and the directories follow at once, not only files rewritten from now on.
                try invocation.store.applyPermissions(fileMode: tracker.settings.permissions)
            }
        }
        invocation.err("\(key.rawValue) set\n")
    }

    /// VALUE as a whole number of `noun` within `range`, else a usage error saying so.
    private static func number(_ value: String, in range: ClosedRange<Int>, of noun: String) throws(UsageError) -> Int {
        guard let number = Int(value), range.contains(number) else {
            throw UsageError.invalidArgument(
                name: "VALUE", message: "\"\(value)\" is not a number of \(noun) from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }
}
