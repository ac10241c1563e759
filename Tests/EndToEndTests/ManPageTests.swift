import Foundation
import Testing

@testable import RLTCommandLine

/// Runs `program arguments` with `input` on stdin; returns its exit status, stdout and stderr.
private func run(
    _ program: String, _ arguments: [String], input: String, environment: [String: String]
) throws -> RLTResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = arguments
    process.environment = environment
    let output = try CapturedOutput()
    output.attach(to: process)
    let inputPath = output.directory + "/stdin"
    try Data(input.utf8).write(to: URL(fileURLWithPath: inputPath))
    process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: inputPath))
    try process.run()
    process.waitUntilExit()
    return output.result(of: process)
}

@Suite("End to end: the man page, as man shows it")
struct ManPageTests {
    let page = runRLT(["manpage"])

    @Test(
        "rlt manpage | man -l - renders with no warning from groff, in a UTF-8 and in an ASCII locale",
        arguments: ["C.UTF-8", "C"])
    func noWarnings(locale: String) throws {
        #expect(page.status == 0)
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/man") else {
            Issue.record("man is not installed; .ci/run installs man-db and groff-base")
            return
        }
        for width in ["80", "60"] {
            let shown = try run(
                "/usr/bin/man", ["--warnings", "-l", "-"], input: page.stdout,
                environment: ["MANWIDTH": width, "MANPAGER": "cat", "PATH": "/usr/bin:/bin", "LANG": locale])
            #expect(shown.status == 0)
            #expect(shown.stderr.isEmpty, "man at \(width) columns in \(locale):\n\(shown.stderr)")
            #expect(shown.stdout.contains("rlt rec add") && shown.stdout.contains("EXIT CODES"))
        }
    }

    @Test("groff -ww (every warning) has nothing to say on any terminal device", arguments: ["utf8", "ascii", "latin1"])
    func groffWarnings(device: String) throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/groff") else {
            Issue.record("groff is not installed; .ci/run installs man-db and groff-base")
            return
        }
        let checked = try run(
            "/usr/bin/groff", ["-man", "-T\(device)", "-ww", "-z"], input: page.stdout,
            environment: ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"])
        #expect(checked.status == 0)
        #expect(checked.stderr.isEmpty, "\(checked.stderr)")
    }

    /// The page as `man -l -` shows it at 80 columns in `language`.
    func man(language: String) throws -> RLTResult {
        try run(
            "/usr/bin/man", ["-l", "-"], input: page.stdout,
            environment: ["MANWIDTH": "80", "MANPAGER": "cat", "PATH": "/usr/bin:/bin", "LANG": language])
    }

    @Test("the page is ASCII; other characters are groff escapes that still show as themselves in UTF-8")
    func escapes() throws {
        #expect(page.stdout.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(page.stdout.contains("\\[u2026]") && page.stdout.contains(".if !c\\[u2026] .char \\[u2026] \\&..."))
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/man") else {
            Issue.record("man is not installed; .ci/run installs man-db and groff-base")
            return
        }
        let shown = try man(language: "C.UTF-8")
        #expect(shown.stdout.contains("A1, A2… are assigned"))
        let ascii = try man(language: "C")
        #expect(ascii.stdout.contains("A1, A2... are assigned"))
    }

    @Test("every command of the table has a section with its arguments, options and their values")
    func everyCommand() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/man") else {
            Issue.record("man is not installed; .ci/run installs man-db and groff-base")
            return
        }
        let shown = try man(language: "C.UTF-8")
        // Sections start with a line "   rlt …" (a subsection heading); their text runs to the next heading.
        var sections: [String: String] = [:]
        var heading: String?
        for line in shown.stdout.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("   rlt") && !line.hasPrefix("    ") {
                heading = line.trimmingCharacters(in: .whitespaces)
                sections[heading ?? ""] = ""
            } else if let heading, line.hasPrefix("   ") {
                sections[heading, default: ""] += line + "\n"
            } else if !line.isEmpty {
                heading = nil
            }
        }
        func words(_ text: String) -> Set<String> {
            Set(text.split(whereSeparator: { " \n,.;:()[]".contains($0) }).map(String.init))
        }
        func visit(_ spec: CommandSpec, _ path: [String]) {
            let title = (["rlt"] + path).joined(separator: " ")
            if !path.isEmpty {
                let section = sections[title]
                #expect(section != nil, "no section for \(title)")
                let shownWords = words(section ?? "")
                if spec.run != nil {
                    for argument in spec.arguments {
                        #expect(shownWords.contains(argument.name), "\(title): argument \(argument.name)")
                        for value in argument.values.allowed {
                            #expect(shownWords.contains(value), "\(title) \(argument.name): \(value)")
                        }
                    }
                    for option in spec.options {
                        #expect(shownWords.contains(option.name), "\(title): \(option.name)")
                        for value in option.allowed {
                            #expect(shownWords.contains(value), "\(title) \(option.name): \(value)")
                        }
                    }
                }
                for alias in spec.aliases { #expect(shownWords.contains(alias), "\(title): also spelt \(alias)") }
            }
            for sub in spec.subcommands { visit(sub, path + [sub.name]) }
        }
        visit(CommandTable.root, [])
        let global = words(shown.stdout)
        for option in CommandTable.globalOptions {
            #expect(global.contains(option.name))
            for value in option.allowed { #expect(global.contains(value)) }
        }
    }
}
