import Foundation
import ReviewLearning

/// `rlt chase`'s terminal text and its letter files.
enum ChaseLetters {
    /// Each agency's items, a heading per agency, every line cut to `width` (nil: whole lines).
    static func text(_ letters: [Chase.Letter], _ context: ChaseContext, width: Int?) -> String {
        func fit(_ line: String) -> String {
            let line = TerminalText.sanitized(line)
            return (width.map { DisplayWidth.cut(line, to: $0) } ?? line) + "\n"
        }
        // Texts wrap under their indent, so a letter reads whole at any width.
        func wrapped(_ text: String) -> String {
            let text = TerminalText.sanitized(text)
            guard let width, width > 26 else { return fit("      " + text) }
            return DisplayWidth.wrap(text, width: width - 6).map { "      \($0)\n" }.joined()
        }
        guard !letters.isEmpty else {
            return fitted("No agency owes anything as of \(context.asOf).", width: width)
        }
        var out = ""
        for letter in letters {
            out += fit("\(letter.agency.code) — \(letter.agency.name): \(ChaseOutput.summary(letter, context))")
            out += fit("  contact: \(ChaseOutput.contactLine(letter.agency) ?? "none (rlt agency update \(letter.agency.code) --email ADDRESS)")")
            for reason in Chase.Reason.allCases where letter.count(reason) > 0 {
                out += fit("  \(ChaseOutput.heading(reason, context))")
                for item in letter.items where item.reason == reason {
                    out += fit("    \(item.reference) (\(ChaseOutput.what(item))): \(ChaseOutput.owed(item))")
                    out += fit("      \(ChaseOutput.dueLine(item)); status \(item.status); last update \(item.lastUpdate?.description ?? "none")")
                    out += wrapped("last reported: \(ChaseOutput.lastReported(item))")
                    out += wrapped("text: \(item.text)")
                }
            }
            out += "\n"
        }
        let items = letters.reduce(0) { $0 + $1.items.count }
        let agencies = letters.count == 1 ? "1 agency owes" : "\(letters.count) agencies owe"
        return out + fit("\(agencies) \(counted(items, "item")) as of \(context.asOf).")
    }

    /// Writes `DIR/<code>.eml` for each agency with an e-mail address and `DIR/<code>.txt` for the others, all or
    /// none: every path is checked, then every file written, then all are moved into place.
    static func write(
        _ letters: [Chase.Letter], _ context: ChaseContext, to directory: String, from: String?, _ invocation: Invocation
    ) throws {
        guard !letters.isEmpty else {
            invocation.err("No agency owes anything as of \(context.asOf); no letters written.\n")
            return
        }
        let files = letters.map { letter in
            let message = ChaseOutput.message(letter, context, date: invocation.context.now, from: from)
            return (
                path: "\(directory)/\(letter.agency.code).\(message == nil ? "txt" : "eml")",
                text: message ?? ChaseOutput.printableLetter(letter, context), letter: letter
            )
        }
        for path in [directory] + files.map(\.path) {
            try OutputPath.requireOutsideStore(path, store: invocation.storePath, option: "--out")
        }
        // Letters of an earlier round would be sent again with these (or a .txt left beside a new .eml).
        let earlier = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.hasSuffix(".eml") || $0.hasSuffix(".txt") }.sorted()
        if let first = earlier.first {
            throw UsageError.invalidValue(
                option: "--out",
                message: "\(directory) already holds letters (\(first)\(earlier.count > 1 ? " and \(earlier.count - 1) more" : "")); "
                    + "choose a new directory for this round, or remove them")
        }
        try FileSystem.makeDirectory(directory)
        let outputs = try files.map { file throws(StoreError) in try OutputFile(file.path) }
        for (output, file) in zip(outputs, files) { try output.write(file.text) }
        for output in outputs { try output.commit() }
        let printed = files.filter { $0.path.hasSuffix(".txt") }
        for file in printed {
            let why = file.letter.agency.email == nil ? "has no e-mail address" : "has an e-mail address 'rlt check' refuses"
            invocation.err("note: \(file.letter.agency.code) (\(TerminalText.sanitized(file.letter.agency.name))) \(why); its letter is \(file.path)\n")
        }
        let drafts = counted(files.count - printed.count, "e-mail draft")
        invocation.err("wrote \(drafts) and \(counted(printed.count, "letter")) to print to \(directory)\n")
    }
}
