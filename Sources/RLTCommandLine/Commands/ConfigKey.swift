import ReviewLearning

/// The store settings a coordinator may change, by their command-line names.
enum ConfigKey: String, Vocabulary {
    case name
    case amberDays = "amber-days"
    case fileMode = "file-mode"
    case undoDepth = "undo-depth"
    case closureDays = "closure-days"
    static let noun = "setting"

    func value(in tracker: Tracker) -> String {
        switch self {
        case .name: return tracker.name
        case .amberDays: return String(tracker.settings.amberDays)
        case .fileMode: return tracker.settings.fileMode
        case .undoDepth: return String(tracker.settings.undoDepth)
        case .closureDays: return tracker.settings.closureDays.map(\.description).joined(separator: ", ")
        }
    }
}

/// A `KEY` of `config get` and `config set`: a plain setting, or one entry of the timescale table,
/// `timescale.TYPE.STAGE`.
enum SettingKey: Equatable {
    case plain(ConfigKey)
    case timescale(ReviewType, ReviewStage)

    var name: String {
        switch self {
        case .plain(let key): key.rawValue
        case .timescale(let type, let stage): "timescale.\(type.rawValue).\(stage.rawValue)"
        }
    }

    func value(in tracker: Tracker) -> String {
        switch self {
        case .plain(let key): key.value(in: tracker)
        case .timescale(let type, let stage):
            tracker.settings.timescaleTable.first { $0.type == type && $0.stage == stage }?.rule ?? "off"
        }
    }

    /// Every key with a value worth listing: the plain settings, then each timescale in force.
    static func listed(_ tracker: Tracker) -> [SettingKey] {
        ConfigKey.allCases.map(SettingKey.plain) + tracker.settings.timescaleTable.map { .timescale($0.type, $0.stage) }
    }
}

/// The `KEY` argument of `config get` and `config set`; an unknown key is a usage error.
func parseKey(_ text: String) throws(UsageError) -> SettingKey {
    if text.hasPrefix("timescale.") || text.hasPrefix("timescales.") {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let stages = ReviewStage.allCases.map(\.rawValue).joined(separator: ", ")
        guard parts.count == 3 else {
            throw UsageError.invalidArgument(
                name: "KEY", message: "\"\(text)\" is not a timescale key; use timescale.TYPE.STAGE, e.g. timescale.cspr.decided")
        }
        let type: ReviewType
        do {
            type = try ReviewType(parsing: parts[1])
        } catch {
            throw UsageError.invalidArgument(name: "KEY", message: error.description)
        }
        guard let stage = ReviewStage.named(parts[2]) else {
            throw UsageError.invalidArgument(name: "KEY", message: "\"\(parts[2])\" is not a review stage; use one of \(stages)")
        }
        return .timescale(type, stage)
    }
    do {
        return .plain(try ConfigKey(parsing: text))
    } catch {
        throw UsageError.invalidArgument(name: "KEY", message: error.description + "; or timescale.TYPE.STAGE")
    }
}
