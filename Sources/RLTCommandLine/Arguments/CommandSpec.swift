import ReviewLearning

/// One option of a command: a flag (`--yes`) or an option with a value (`--due DATE`).
struct OptionSpec: Sendable {
    var name: String
    var short: Character?
    /// The value's placeholder (`DATE`); nil for a flag.
    var valueName: String?
    var help: String
    var isRepeatable = false
    var isRequired = false
    /// Where the value comes from: a closed set (shown in help, offered by completion), the store, or a path.
    var values: ValueSource = .any
    var defaultValue: String?
    /// Whether `-` as the value means "read it from standard input" (`--text -`).
    var readsStandardInput = false

    static func flag(_ name: OptionName, short: Character? = nil, _ help: String) -> OptionSpec {
        OptionSpec(name: name.rawValue, short: short, valueName: nil, help: help)
    }

    static func value(
        _ name: OptionName, _ valueName: String, _ help: String, repeatable: Bool = false, required: Bool = false,
        values: ValueSource = .any, default defaultValue: String? = nil
    ) -> OptionSpec {
        OptionSpec(
            name: name.rawValue, short: nil, valueName: valueName, help: help, isRepeatable: repeatable, isRequired: required,
            values: values, defaultValue: defaultValue)
    }

    /// A free-text option whose value may be `-`, read from standard input (for long texts).
    static func text(_ name: OptionName, _ help: String, required: Bool = false) -> OptionSpec {
        var option = value(name, "TEXT", help, required: required)
        option.readsStandardInput = true
        return option
    }

    /// A date option; its help lists the accepted forms.
    static func date(_ name: OptionName, _ help: String, required: Bool = false) -> OptionSpec {
        value(name, "DATE", help + " " + dateForms, required: required)
    }

    /// The date forms every date option accepts, for help.
    static let dateForms = "Dates: YYYY, YYYY-MM, YYYY-Qn, YYYY-MM-DD or DD/MM/YYYY (UK order, day first)."

    /// An option whose value is one of a vocabulary's words.
    static func choice<V: Vocabulary>(
        _ name: OptionName, _ type: V.Type, _ help: String, repeatable: Bool = false, default defaultValue: V? = nil
    ) -> OptionSpec {
        value(
            name, type.noun.split(separator: " ").last.map { $0.uppercased() } ?? "VALUE", help,
            repeatable: repeatable, values: .words(V.self), default: defaultValue?.rawValue)
    }

    var takesValue: Bool { valueName != nil }

    /// The closed set of values this option takes, or nothing.
    var allowed: [String] { values.allowed }

    /// `--owner CODE` or `--yes`, as shown in usage lines.
    var synopsis: String { valueName.map { "\(name) \($0)" } ?? name }
}

/// A positional argument.
struct ArgumentSpec: Sendable {
    var name: String
    var help: String
    var isOptional = false
    /// Whether it takes one or more values (`REVIEW/ID ...`); only the last argument can.
    var isRepeatable = false
    /// Where the value comes from, for help and completion.
    var values: ValueSource = .any
}

/// A command or a group of commands, with its help text next to it.
struct CommandSpec: Sendable {
    typealias Handler = @Sendable (ParsedArguments, Invocation) throws -> Void

    var name: String
    var aliases: [String] = []
    var overview: String
    var discussion: String?
    var arguments: [ArgumentSpec] = []
    var options: [OptionSpec] = []
    var examples: [String] = []
    var subcommands: [CommandSpec] = []
    var run: Handler?

    func subcommand(named word: String) -> CommandSpec? {
        subcommands.first { $0.name == word || $0.aliases.contains(word) }
    }
}

extension OptionSpec {
    /// The same option, marked required.
    func required() -> OptionSpec {
        var copy = self
        copy.isRequired = true
        return copy
    }
}
