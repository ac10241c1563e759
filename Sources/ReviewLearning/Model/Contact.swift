/// The rules for an agency's contact fields, shared by `agency add`/`agency update`, import and `rlt check`.
///
/// Both end up in the headers of the chase letters (`To: Name <address>`), so neither may hold a line break or
/// anything else that could add a header of its own.
package enum ContactRules {
    package static let maximumNameLength = 200
    /// RFC 5321's limit on a forward path.
    package static let maximumAddressLength = 254

    /// Why `name` cannot be a contact's name, or nil when it can.
    package static func nameProblem(_ name: String) -> String? {
        if name.unicodeScalars.allSatisfy(\.properties.isWhitespace) { return "must not be empty" }
        if name.unicodeScalars.contains(where: isControl) {
            return "must be one line without control characters"
        }
        if name.count > maximumNameLength { return "must be at most \(maximumNameLength) characters" }
        return nil
    }

    /// Why `address` cannot be an e-mail address for the chase letters, or nil when it can.
    ///
    /// A plain `local@domain.tld`: the local part a dot-atom (letters, digits and ``!#$%&'*+/=?^_`{|}~-``, dots
    /// between), the domain two or more dot-separated labels of letters, digits and inner hyphens. Quoted local
    /// parts, comments and address literals, which RFC 5322 allows but mail from a tracker never needs, are refused.
    package static func emailProblem(_ address: String) -> String? {
        let example = "write it as name@example.org"
        let bytes = Array(address.utf8)
        guard !bytes.isEmpty else { return "must not be empty" }
        guard bytes.count <= maximumAddressLength else { return "must be at most \(maximumAddressLength) characters" }
        let parts = bytes.split(separator: UInt8(ascii: "@"), omittingEmptySubsequences: false)
        guard parts.count == 2 else { return "\"\(printable(address))\" is not an e-mail address (one '@'); \(example)" }
        let (local, domain) = (parts[0], parts[1])
        let localWords = local.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard !local.isEmpty, local.count <= 64, localWords.allSatisfy({ !$0.isEmpty && $0.allSatisfy(isAtomByte) }) else {
            return "\"\(printable(address))\" is not an e-mail address (the part before '@'); \(example)"
        }
        let labels = domain.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        let labelsValid = labels.allSatisfy { label in
            guard let first = label.first, let last = label.last, label.count <= 63 else { return false }
            return label.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "-") } && first != UInt8(ascii: "-")
                && last != UInt8(ascii: "-")
        }
        guard labels.count >= 2, labelsValid else {
            return "\"\(printable(address))\" is not an e-mail address (the domain after '@'); \(example)"
        }
        return nil
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar == "\u{2028}" || scalar == "\u{2029}"
    }

    private static func isAlphanumeric(_ b: UInt8) -> Bool {
        (48...57).contains(b) || (65...90).contains(b) || (97...122).contains(b)
    }

    private static func isAtomByte(_ b: UInt8) -> Bool {
        isAlphanumeric(b) || "!#$%&'*+/=?^_`{|}~-".utf8.contains(b)
    }
}
