/// Who made a change, as history's `by` records it (from `--author`, `$RLT_AUTHOR` or `$USER`).
package enum Author {
    /// The longest name history takes, in Unicode scalars.
    package static let maximumLength = 200

    /// Why `name` cannot go into history, or nil when it can. History lines are one line each and are printed by
    /// `log`: a line break or control character would forge or garble them, and a huge value is a mistake (a file
    /// pasted into the variable).
    package static func problem(with name: String) -> String? {
        let scalars = name.unicodeScalars
        if scalars.contains(where: { TerminalText.isUnsafe($0) || $0 == "\u{2028}" || $0 == "\u{2029}" }) {
            return "holds a line break or control character; give a plain name, e.g. \"Jo Bloggs\""
        }
        if scalars.count > maximumLength {
            return "is \(scalars.count) characters long; give a name of at most \(maximumLength)"
        }
        return nil
    }
}
