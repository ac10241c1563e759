/// A command that would break the store's rules; nothing is written when one is thrown.
package enum RecordError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalidID(kind: String, value: String, rule: String)
    case invalidReference(String, expected: String)
    case unknownCode(field: String, code: String, kind: String, suggestions: [String], fix: String)
    case duplicate(kind: String, reference: String)
    case notFound(kind: String, reference: String, suggestions: [String])
    case required(reference: String, what: String)
    case stillReferenced(reference: String, by: [String])
    case unchanged(reference: String)
    /// Every value given is already set: `status` names the status when one was given.
    case alreadySet(reference: String, status: String?)

    package var description: String {
        switch self {
        case .invalidID(let kind, let value, let rule):
            return "\(kind) id \"\(printable(value))\" is not valid: \(rule)"
        case .invalidReference(let value, let expected):
            return "\"\(printable(value))\" is not a reference; use \(expected)"
        case .unknownCode(let field, let code, let kind, let suggestions, let fix):
            return "\(field): \"\(printable(code))\" is not a known \(kind)\(didYouMean(suggestions)); \(fix)"
        case .duplicate(let kind, let reference):
            return "\(kind) \(reference) already exists; use 'update' to change it or choose another id"
        case .notFound(let kind, let reference, let suggestions):
            guard suggestions.isEmpty else { return "no \(kind) \(printable(reference))\(didYouMean(suggestions))" }
            return "no \(kind) \(printable(reference)); \(listHint(kind: kind, reference: reference))"
        case .required(let reference, let what):
            return "\(reference): \(what)"
        case .stillReferenced(let reference, let by):
            return "\(reference) is still referred to by \(by.joined(separator: ", ")); change those first"
        case .unchanged(let reference):
            return "\(reference): nothing to change; give at least one option (see --help)"
        case .alreadySet(let reference, let status?):
            return "\(reference) is already \(status); nothing to change"
        case .alreadySet(let reference, nil):
            return "\(reference) already has the values given; nothing to change"
        }
    }
}

/// Where to look up the ids that do exist.
private func listHint(kind: String, reference: String) -> String {
    let review = reference.split(separator: "/").first.map(String.init) ?? reference
    switch kind {
    case "review": return "'rlt review list' shows the reviews"
    case "action": return "'rlt action list --review \(printable(review))' shows its actions"
    case "finding": return "'rlt finding list --review \(printable(review))' shows its findings"
    default: return "'rlt review show \(printable(review))' shows its records"
    }
}

private func didYouMean(_ suggestions: [String]) -> String {
    switch suggestions.count {
    case 0: return ""
    case 1: return "; did you mean \"\(suggestions[0])\"?"
    default: return "; did you mean one of \(suggestions.map { "\"\($0)\"" }.joined(separator: ", "))?"
    }
}

/// Makes user-typed values safe to echo: control and bidi characters become visible escapes.
func printable(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars.prefix(80) {
        out += TerminalText.isUnsafe(scalar) ? "\\u{\(String(scalar.value, radix: 16))}" : String(scalar)
    }
    return text.unicodeScalars.count > 80 ? out + "…" : out
}
