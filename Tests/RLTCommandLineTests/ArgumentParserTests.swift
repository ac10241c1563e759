import Foundation
import Testing

@testable import RLTCommandLine

@Suite("Argument parsing")
struct ArgumentParserTests {
    let parser = ArgumentParser(root: CommandTable.root, globalOptions: CommandTable.globalOptions)

    func parsed(_ arguments: [String]) throws -> ParsedArguments {
        guard case .run(_, let parsed) = try parser.parse(arguments) else {
            Issue.record("expected a command to run")
            return ParsedArguments(path: [])
        }
        return parsed
    }

    @Test(
        "option spellings are equivalent",
        arguments: [
            ["rec", "add", "r/1", "--text", "a b"], ["rec", "add", "r/1", "--text=a b"],
            ["rec", "add", "--text", "a b", "r/1"], ["--store", "s", "rec", "add", "r/1", "--text", "a b"],
            ["recommendation", "add", "r/1", "--text=a b"],
        ])
    func spellings(arguments: [String]) throws {
        let result = try parsed(arguments)
        #expect(result.path == ["rec", "add"])
        #expect(result.positionals == ["r/1"])
        #expect(result.string(.text) == "a b")
    }

    @Test("values may start with a dash, and -- ends the options")
    func dashes() throws {
        #expect(try parsed(["rec", "add", "r/1", "--text", "-rf"]).string(.text) == "-rf")
        #expect(try parsed(["rec", "add", "r/1", "--text=--x"]).string(.text) == "--x")
        #expect(try parsed(["rec", "add", "--text", "x", "--", "r/1"]).positionals == ["r/1"])
        #expect(try parsed(["rec", "update", "r/1", "--note=a=b"]).string(.note) == "a=b")
    }

    @Test("repeatable options keep their order")
    func repeatable() throws {
        let result = try parsed(["rec", "add", "r/1", "--text", "x", "--owner", "b", "--owner", "a"])
        #expect(result.strings(.owner) == ["b", "a"])
    }

    @Test(
        "usage errors",
        arguments: [
            (["rec", "ad"], "'ad' is not a command of rlt rec; did you mean 'add'?"),
            (["reveiw", "list"], "'reveiw' is not a command of rlt; did you mean 'review'?"),
            (["rec", "add", "r/1", "--txt", "x"], "unknown option '--txt'; did you mean '--text'?"),
            (["rec", "add", "r/1", "--text"], "option '--text' needs a value"),
            (["rec", "add", "r/1", "--text", "a", "--text", "b"], "option '--text' may be given only once"),
            (["rec", "add", "r/1", "--text", "a", "extra"], "unexpected argument 'extra'"),
            (["rec", "add", "--text", "a"], "missing argument REVIEW/ID"),
            (["review", "remove", "x", "--yes=no"], "option '--yes' does not take a value"),
            (["rec", "list", "-x"], "unknown option '-x'"),
        ])
    func usageErrors(arguments: [String], message: String) {
        #expect {
            try parser.parse(arguments)
        } throws: { error in
            (error as? UsageFailure)?.error.description == message
        }
    }

    @Test("help: -h, --help, 'rlt help …' and a bare group")
    func help() throws {
        for arguments in [["rec", "add", "-h"], ["rec", "add", "--help"], ["help", "rec", "add"], ["rec", "add", "r/1", "--help"]] {
            guard case .help(let command, let path) = try parser.parse(arguments) else {
                Issue.record("expected help for \(arguments)")
                continue
            }
            #expect(command.name == "add")
            #expect(path == ["rec", "add"])
        }
        guard case .help(_, let path) = try parser.parse(["rec"]) else {
            Issue.record("a bare group shows its help")
            return
        }
        #expect(path == ["rec"])
        guard case .version = try parser.parse(["--version"]) else {
            Issue.record("--version")
            return
        }
    }

    @Test("every command has help text, and every option and argument is described")
    func helpCoverage() {
        func visit(_ command: CommandSpec, _ path: [String]) {
            #expect(!command.overview.isEmpty, "\(path)")
            for option in command.options { #expect(!option.help.isEmpty, "\(path) \(option.name)") }
            for argument in command.arguments { #expect(!argument.help.isEmpty, "\(path) \(argument.name)") }
            if command.run != nil { #expect(!command.examples.isEmpty, "\(path) has no example") }
            for sub in command.subcommands { visit(sub, path + [sub.name]) }
        }
        visit(CommandTable.root, [])
    }

    @Test("help is laid out as OVERVIEW, USAGE, ARGUMENTS, OPTIONS, EXAMPLES")
    func helpLayout() throws {
        let cli = CLIHarness()
        let out = cli.run("rec", "add", "--help").out
        let order = ["OVERVIEW: ", "USAGE: rlt rec add REVIEW/ID --text TEXT [--owner CODE ...]", "ARGUMENTS:", "OPTIONS:",
                     "GLOBAL OPTIONS:", "EXAMPLES:"]
        var last = out.startIndex
        for heading in order {
            let range = try #require(out.range(of: heading, range: last..<out.endIndex), "\(heading)")
            last = range.upperBound
        }
        #expect(out.contains("--level LEVEL"))
        #expect(out.contains("(values: national, regional, local, agency)"))
        #expect(out.contains("(default: local)"))
        #expect(cli.run("--version").out == "rlt \(RLTTool.version)\n")
        #expect(cli.run("help", "rec", "add").out == out)
    }
}
