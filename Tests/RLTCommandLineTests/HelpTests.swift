import Foundation
import Testing

@testable import RLTCommandLine

@Suite("Help that teaches")
struct HelpTests {
    let parser = ArgumentParser(root: CommandTable.root, globalOptions: CommandTable.globalOptions)

    @Test("every runnable command has OVERVIEW, USAGE, OPTIONS and 1-3 examples; every option has help")
    func everyCommand() {
        func visit(_ command: CommandSpec, _ path: [String]) {
            if command.run != nil {
                let cli = CLIHarness()
                let help = cli.run(path + ["--help"]).out
                for heading in ["OVERVIEW: ", "USAGE: rlt \(path.joined(separator: " "))", "GLOBAL OPTIONS:", "EXAMPLES:"] {
                    #expect(help.contains(heading), "\(path): \(heading)")
                }
                #expect((1...3).contains(command.examples.count), "\(path) has \(command.examples.count) examples")
                #expect(cli.run(["help"] + path).out == help)
                for example in command.examples where example.hasPrefix("rlt ") {
                    #expect(throws: Never.self, "\(example)") { try parser.parse(commandWords(String(example.dropFirst(4)))) }
                }
            }
            for option in command.options {
                #expect(!option.help.isEmpty, "\(path) \(option.name)")
                if option.takesValue { #expect(option.valueName?.isEmpty == false) }
            }
            for sub in command.subcommands { visit(sub, path + [sub.name]) }
        }
        visit(CommandTable.root, [])
    }

    @Test("help topics", arguments: HelpTopic.allCases)
    func topics(topic: HelpTopic) {
        let out = CLIHarness().run("help", topic.rawValue).out
        #expect(out == topic.text)
        #expect(out.count > 300)
    }

    @Test("topic text comes from the code's own tables")
    func topicContent() {
        #expect(HelpTopic.dates.text.contains("2024-02-30"))
        #expect(HelpTopic.statuses.text.contains("superseded (terminal)"))
        for table in ["recommendations: review_id, rec_id", "actions: review_id, action_id"] {
            #expect(HelpTopic.formats.text.contains(table))
        }
        #expect(HelpTopic.exitCodes.text.contains("75  try again"))
    }

    @Test("the README's tour names only commands and options that exist")
    func readmeTour() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        var inCode = false
        var checked = 0
        for line in readme.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") {
                inCode.toggle()
                continue
            }
            let text = line.trimmingCharacters(in: .whitespaces)
            if inCode, text.hasPrefix("rlt ") {
                let command = String(text.dropFirst(4).split(separator: "#", maxSplits: 1).first ?? "")
                do {
                    _ = try parser.parse(commandWords(command))
                } catch {
                    Issue.record("README: '\(text)': \(error.error)")
                }
                checked += 1
            }
            if text.hasPrefix("| `rlt ") {
                let name = text.dropFirst(7).prefix { $0.isLetter || $0 == "-" }
                #expect(name == "help" || CommandTable.root.subcommand(named: String(name)) != nil, "README table names 'rlt \(name)'")
            }
        }
        #expect(checked >= 20)
    }

    /// The words of one rlt invocation, up to the first redirection or pipe.
    func commandWords(_ text: String) -> [String] {
        Array(words(text).prefix { ![">", "|", "&&", ";", "2>"].contains($0) })
    }

    /// Shell-like words: spaces separate, double or single quotes group.
    func words(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        var quote: Character?
        var inWord = false
        for character in text {
            if let q = quote {
                if character == q { quote = nil } else { current.append(character) }
            } else if character == "\"" || character == "'" {
                quote = character
                inWord = true
            } else if character == " " {
                if inWord { result.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(character)
                inWord = true
            }
        }
        if inWord { result.append(current) }
        return result
    }
}

extension UsageFailure: CustomStringConvertible {
    public var description: String { error.description }
}
