import Foundation

/// `--text -`, `--note -`, `--reason -`: a long text read from standard input instead of the command line.
enum StandardInput {
    /// Replaces the one `-` value of an option that may read standard input with what standard input holds.
    ///
    /// At most one option may ask for it (there is only one standard input); it must hold non-empty UTF-8 text.
    /// Trailing line ends are dropped, as the shell's `$(…)` does, so `echo text | rlt … --text -` stores `text`.
    static func substitute(into parsed: inout ParsedArguments, options: [OptionSpec], context: ToolContext) throws {
        let readers = options.filter { $0.readsStandardInput && parsed.values[$0.name]?.last == "-" }.map(\.name)
        guard let name = readers.first else { return }
        guard readers.count == 1 else { throw UsageError.standardInputTwice(readers) }
        let data: Data
        do {
            data = try context.readStandardInput()
        } catch {
            throw CommandFailure(
                message: "\(name) -: cannot read standard input (\(error.localizedDescription)); give the text on the command line",
                code: ExitCode.cannotWrite)
        }
        guard var text = String(validating: data, as: UTF8.self) else {
            throw UsageError.invalidValue(option: "\(name) -", message: "standard input is not UTF-8 text; save it as UTF-8")
        }
        while let last = text.last, last == "\n" || last == "\r\n" || last == "\r" { text.removeLast() }
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw UsageError.invalidValue(
                option: "\(name) -", message: "standard input is empty; pipe the text in (… \(name) - < file.txt) or give it after \(name)")
        }
        parsed.values[name] = [text]
    }
}
