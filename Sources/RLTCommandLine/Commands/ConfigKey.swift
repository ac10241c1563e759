import ReviewLearning

/// The store settings a coordinator may change, by their command-line names.
enum ConfigKey: String, Vocabulary {
    case name
    case amberDays = "amber-days"
    case fileMode = "file-mode"
    case undoDepth = "undo-depth"
    static let noun = "setting"

    func value(in tracker: Tracker) -> String {
        switch self {
        case .name: return tracker.name
        case .amberDays: return String(tracker.settings.amberDays)
        case .fileMode: return tracker.settings.fileMode
        case .undoDepth: return String(tracker.settings.undoDepth)
        }
    }
}

/// The `KEY` argument of `config get` and `config set`; an unknown key is a usage error.
func parseKey(_ text: String) throws(UsageError) -> ConfigKey {
    do {
        return try ConfigKey(parsing: text)
    } catch {
        throw UsageError.invalidArgument(name: "KEY", message: error.description)
    }
}
