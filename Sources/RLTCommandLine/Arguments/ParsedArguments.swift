import Foundation
import ReviewLearning

/// What the user typed for one command, checked against its spec.
struct ParsedArguments: Sendable {
    /// The words that chose the command, e.g. `["rec", "add"]`.
    var path: [String]
    var positionals: [String] = []
    var values: [String: [String]] = [:]
    var flags: Set<String> = []
    /// The usage line, repeated in usage errors.
    var usage: String = ""

    func flag(_ name: OptionName) -> Bool { flags.contains(name.rawValue) }

    func string(_ name: OptionName) -> String? { values[name.rawValue]?.last }

    func strings(_ name: OptionName) -> [String] { values[name.rawValue] ?? [] }

    func has(_ name: OptionName) -> Bool { values[name.rawValue] != nil || flags.contains(name.rawValue) }

    func required(_ name: OptionName) throws(UsageError) -> String {
        guard let value = string(name) else { throw UsageError.missingOption(name.rawValue) }
        return value
    }

    func positional(_ index: Int) -> String? { index < positionals.count ? positionals[index] : nil }

    /// A non-empty text option; an empty string is refused rather than stored.
    func text(_ name: OptionName) throws(UsageError) -> String? {
        guard let value = string(name) else { return nil }
        guard !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw UsageError.invalidValue(option: name.rawValue, message: "must not be empty")
        }
        return value
    }

    /// A date option; `undated` too where `allowingUndated` (a completion or outcome the document does not date).
    func date(_ name: OptionName, allowingUndated: Bool = false) throws(UsageError) -> PartialDate? {
        guard let text = string(name) else { return nil }
        do {
            return try PartialDate(parsing: text, allowingUndated: allowingUndated)
        } catch {
            throw UsageError.invalidValue(option: name.rawValue, message: error.description)
        }
    }

    /// An update's date option that an empty value clears: nil when not given, `.some(nil)` for `--from ""`.
    func clearableDate(_ name: OptionName) throws(UsageError) -> PartialDate?? {
        guard let text = string(name) else { return nil }
        if text.isEmpty { return .some(nil) }
        return .some(try date(name))
    }

    /// An update's text option that an empty value clears: nil when not given, `.some(nil)` for `--date-note ""`.
    func clearableText(_ name: OptionName) throws(UsageError) -> String?? {
        guard let value = string(name) else { return nil }
        if value.isEmpty { return .some(nil) }
        return .some(try text(name))
    }

    /// An update's count option that an empty value clears: nil when not given, `.some(nil)` for `--expected ""`.
    func clearableInteger(_ name: OptionName, range: ClosedRange<Int>) throws(UsageError) -> Int?? {
        guard let text = string(name) else { return nil }
        if text.isEmpty { return .some(nil) }
        return .some(try integer(name, range: range))
    }

    func choice<V: Vocabulary>(_ name: OptionName, _ type: V.Type) throws(UsageError) -> V? {
        guard let text = string(name) else { return nil }
        return try parse(text, as: type, option: name.rawValue)
    }

    func choices<V: Vocabulary>(_ name: OptionName, _ type: V.Type) throws(UsageError) -> [V] {
        var result: [V] = []
        for text in strings(name) { result.append(try parse(text, as: type, option: name.rawValue)) }
        return result
    }

    func integer(_ name: OptionName, range: ClosedRange<Int>) throws(UsageError) -> Int? {
        guard let text = string(name) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw UsageError.invalidValue(
                option: name.rawValue, message: "\"\(text)\" is not a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    private func parse<V: Vocabulary>(_ text: String, as type: V.Type, option: String) throws(UsageError) -> V {
        do {
            return try V(parsing: text)
        } catch {
            throw UsageError.invalidValue(option: option, message: error.description)
        }
    }
}
