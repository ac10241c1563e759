import Foundation
import Testing

@testable import RLTCommandLine

/// Fixes from the reliability work (docs/RELIABILITY.md): group sharing, output paths that are not plain files, and
/// `check` reporting a damaged review once.
@Suite("Sharing, output paths and check")
struct SharingAndOutputTests {
    func mode(_ path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int
    }

    @Test("config set file-mode changes existing files and the directories at once, both ways")
    func fileModeAppliesToTheStore() throws {
        let cli = CLIHarness()
        cli.seed()
        let files = ["tracker.json", "events.json", "reviews/darren-bethany.json", ".gitignore", ".lock"]
        #expect(cli.run("config", "set", "file-mode", "0640").code == 0)
        for file in files { #expect(mode("\(cli.store)/\(file)") == 0o640, "\(file)") }
        for directory in ["", "/reviews"] { #expect(mode("\(cli.store)\(directory)") == 0o750, "\(directory)") }
        cli.run("review", "add", "later", "--type", "sar", "--title", "T")
        #expect(mode("\(cli.store)/reviews/later.json") == 0o640)

        #expect(cli.run("config", "set", "file-mode", "0600").code == 0)
        for file in files + ["reviews/later.json"] { #expect(mode("\(cli.store)/\(file)") == 0o600, "\(file)") }
        for directory in ["", "/reviews"] { #expect(mode("\(cli.store)\(directory)") == 0o700, "\(directory)") }
    }

    @Test("a file that is not rlt's keeps its mode")
    func othersFilesUntouched() throws {
        let cli = CLIHarness()
        cli.seed()
        let readme = "\(cli.store)/README.md"
        try Data("notes".utf8).write(to: URL(fileURLWithPath: readme))
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: readme)
        cli.run("config", "set", "file-mode", "0640")
        #expect(mode(readme) == 0o644)
    }

    @Test("export --out through a symbolic link writes the target and keeps the link")
    func exportThroughLink() throws {
        let cli = CLIHarness()
        cli.seed()
        let target = "\(cli.directory)/target.csv"
        let link = "\(cli.directory)/link.csv"
        try Data().write(to: URL(fileURLWithPath: target))
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        let result = cli.run("export", "recommendations", "--out", link)
        #expect(result.code == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
        let csv = String(decoding: try Data(contentsOf: URL(fileURLWithPath: target)), as: UTF8.self)
        #expect(csv.hasPrefix("review_id,"))
        #expect(csv.contains("darren-bethany,3i,"))
    }

    @Test("export and report --out to a full device fail with exit 74 and keep the device")
    func exportToFullDevice() throws {
        try #require(FileManager.default.fileExists(atPath: "/dev/full"))
        let cli = CLIHarness()
        cli.seed()
        for arguments in [["export", "recommendations", "--out", "/dev/full"], ["report", "--out", "/dev/full"]] {
            let result = cli.run(arguments)
            #expect(result.code == 74)
            #expect(result.err == "error: cannot write /dev/full: no space left on the device\n")
        }
        #expect(try FileManager.default.attributesOfItem(atPath: "/dev/full")[.type] as? FileAttributeType == .typeCharacterSpecial)
    }

    @Test("a damaged review named by an event and another review is reported once")
    func noCascade() throws {
        let cli = CLIHarness()
        cli.seed()
        cli.run("review", "add", "other", "--type", "dhr", "--title", "T")
        cli.run("event", "add", "--kind", "seminar", "--title", "S", "--date", "2024-02", "--review", "other")
        #expect(cli.run("check").code == 0)
        let path = "\(cli.store)/reviews/other.json"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacing(#/("schema" : \d+)/#) { "\($0.1)," }
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        let result = cli.run("check")
        #expect(result.code == 1)
        #expect(result.out.split(separator: "\n").count == 1, "\(result.out)")
        #expect(result.out.hasPrefix("\(path):"))
    }
}
