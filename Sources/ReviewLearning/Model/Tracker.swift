/// Store-wide settings.
package struct Settings: Codable, Equatable, Sendable {
    /// Days before a due date that a record turns amber.
    package var amberDays: Int = 30
    /// Permissions of the files rlt writes: 0600 (default) or 0640 for a shared group.
    package var fileMode: String = "0600"
    /// How many changes `rlt undo` can revert (0: none are kept).
    package var undoDepth: Int = Settings.defaultUndoDepth {
        didSet { undoDepthWritten = true }
    }
    /// Whether `undo_depth` is written: once set, or when the file had it, so a file's own key is never dropped.
    private var undoDepthWritten = false
    /// The store's own table of review timescales; nil (the key left out) means the defaults, `Timescale.defaults`,
    /// so a store that never changed them follows the guidance as rlt knows it (schema 3).
    package var timescales: [Timescale]?
    /// Days the partnership's offices are closed besides weekends and bank holidays (schema 3; left out when empty).
    package var closureDays: [PartialDate] = []

    package static let defaultUndoDepth = 100
    /// The values `undo_depth` may take.
    package static let undoDepthRange = 0...10_000

    package init() {}

    enum CodingKeys: String, CodingKey {
        case amberDays = "amber_days", fileMode = "file_mode", undoDepth = "undo_depth", timescales
        case closureDays = "closure_days"
    }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        amberDays = try c.decodeIfPresent(Int.self, forKey: .amberDays) ?? 30
        fileMode = try c.decodeIfPresent(String.self, forKey: .fileMode) ?? "0600"
        // (Observers do not run in an initialiser: the key's presence is noted here.)
        if let depth = try c.decodeIfPresent(Int.self, forKey: .undoDepth) {
            undoDepth = depth
            undoDepthWritten = true
        }
        timescales = try c.decodeIfPresent([Timescale].self, forKey: .timescales)
        closureDays = try c.decodeIfPresent([PartialDate].self, forKey: .closureDays) ?? []
    }

    /// `undo_depth` only once set (or read), so stores that never set it keep their bytes.
    package func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(amberDays, forKey: .amberDays)
        try c.encode(fileMode, forKey: .fileMode)
        if undoDepthWritten { try c.encode(undoDepth, forKey: .undoDepth) }
        try c.encodeIfPresent(timescales, forKey: .timescales)
        if !closureDays.isEmpty { try c.encode(closureDays, forKey: .closureDays) }
    }

    /// The timescales in force: the store's table, or the defaults.
    package var timescaleTable: [Timescale] { timescales ?? Timescale.defaults.map(\.timescale) }

    /// The working-day calendar: weekends, bank holidays and the store's closure days.
    package var workingDays: WorkingDays { WorkingDays(closures: Set(closureDays.compactMap(\.day))) }

    /// The permission bits for new and rewritten files.
    package var permissions: UInt32 { fileMode == "0640" ? 0o640 : 0o600 }

    /// The permission bits of the store's directories for files of mode `permissions`: the group may enter them
    /// exactly when it may read the files.
    package static func directoryPermissions(forFiles mode: UInt32) -> UInt32 { mode == 0o640 ? 0o750 : 0o700 }

    /// The values `amber_days` may take (`rlt config set` refuses others, `rlt check` reports them).
    package static let amberDaysRange = 0...3650
}

/// `tracker.json`: the partnership, its agency directory, its theme vocabulary and settings.
package struct Tracker: Codable, Equatable, Sendable {
    package var schema: Int = Store.schemaVersion
    package var name: String
    package var agencies: [Agency] = []
    package var themes: [Theme] = Tracker.defaultThemes
    package var settings = Settings()
    package var history: [HistoryEntry] = []

    package init(name: String) {
        self.name = name
    }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schema = try c.decodeIfPresent(Int.self, forKey: .schema) ?? Store.schemaVersion
        name = try c.decodeIfPresent(String.self, forKey: .name) ?? ""
        agencies = try c.decodeIfPresent([Agency].self, forKey: .agencies) ?? []
        themes = try c.decodeIfPresent([Theme].self, forKey: .themes) ?? []
        settings = try c.decodeIfPresent(Settings.self, forKey: .settings) ?? Settings()
        history = try c.decodeIfPresent([HistoryEntry].self, forKey: .history) ?? []
    }

    package func agency(_ code: String) -> Agency? { agencies.first { $0.code == code } }
    package func theme(_ code: String) -> Theme? { themes.first { $0.code == code } }

    /// The common domestic homicide review themes every new store starts with.
    package static let defaultThemes: [Theme] = [
        ("awareness", "Awareness of domestic abuse"),
        ("health-response", "Health response"),
        ("risk-assessment", "Risk assessment"),
        ("information-sharing", "Information sharing"),
        ("complex-needs", "Complex needs"),
        ("perpetrators", "Working with perpetrators"),
        ("safeguarding-children", "Safeguarding children"),
        ("coercive-control", "Coercive control"),
        ("professional-curiosity", "Professional curiosity"),
        ("training", "Training"),
        ("trauma-informed", "Trauma-informed practice"),
        ("whole-family", "Whole-family approach"),
        ("intersectional", "Intersectionality"),
        ("domestic-abuse-informed", "Domestic-abuse-informed practice"),
        ("marac-mappa", "MARAC and MAPPA"),
    ].map { Theme(code: $0.0, label: $0.1) }
}

extension DisseminationEvent {
    /// The latest board meeting on or before `asOf` (`--since last-board`); of two on one date, the last recorded.
    package static func lastBoard(in events: [DisseminationEvent], asOf: CalendarDay) -> DisseminationEvent? {
        events.enumerated().filter { $0.element.kind == .board && $0.element.date.start <= asOf }
            .max { a, b in (a.element.date.start, a.offset) < (b.element.date.start, b.offset) }?.element
    }
}

extension DisseminationEvent {
    /// `312`, `312 of 360 expected`, `planned: 360 expected` (or just `planned`), with `in 3 sessions` when it pools
    /// several; nil when nothing is known of a held event. How listings and reports show attendance, so a forecast never reads as a count.
    package var attendanceText: String? {
        var parts: [String] = status == .planned ? ["planned:"] : []
        switch (attendees, expected) {
        case (let n?, let e?): parts.append("\(n) of \(e) expected")
        case (let n?, nil): parts.append(String(n))
        case (nil, let e?): parts.append("\(e) expected")
        case (nil, nil): if status != .planned { return nil }
        }
        if let sessions, sessions > 1 { parts.append("in \(sessions) sessions") }
        return parts == ["planned:"] ? "planned" : parts.joined(separator: " ")
    }
}

/// `events.json`: the dissemination events of the whole store.
package struct EventsFile: Codable, Equatable, Sendable {
    package var schema: Int = Store.schemaVersion
    package var events: [DisseminationEvent] = []

    package init(events: [DisseminationEvent] = []) {
        self.events = events
    }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schema = try c.decodeIfPresent(Int.self, forKey: .schema) ?? Store.schemaVersion
        events = try c.decodeIfPresent([DisseminationEvent].self, forKey: .events) ?? []
    }
}
