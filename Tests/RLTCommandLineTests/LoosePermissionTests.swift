import Foundation
import Testing

@testable import RLTCommandLine

/// A store that the group or others may write (issue 14, item 13): `check` reports each such path, writes warn
/// once and go ahead, and rlt's own writes never widen a mode.
@Suite("Loose permissions")
struct LoosePermissionTests {
    func chmod(_ path: String, _ mode: Int) throws {
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
    }

    func mode(_ path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int
    }

    @Test(
        "check reports a path the group or others may write, with its mode and the fix",
        arguments: [
            ("", 0o777, "others", "0777"), ("/reviews", 0o770, "its group", "0770"),
            ("/reviews/darren-bethany.json", 0o666, "others", "0666"), ("/tracker.json", 0o620, "its group", "0620"),
            ("/events.json", 0o602, "others", "0602"),
        ])
    func checkReports(_ relative: String, _ bits: Int, _ who: String, _ shown: String) throws {
        let cli = CLIHarness()
        cli.seed()
        let path = cli.store + relative
        try chmod(path, bits)
        let result = cli.run("check")
        #expect(result.code == 1)
        #expect(
            result.out + result.err
                == "\(path): writable by \(who) (mode \(shown)), so records can be changed behind rlt's back; run chmod go-w \(path)\n")
        try chmod(path, relative.hasSuffix(".json") ? 0o600 : 0o700)
        #expect(cli.run("check").code == 0)
    }

    @Test("a write warns once on stderr and goes ahead; the file it rewrites gets the store's mode, never a wider one")
    func writesWarn() throws {
        let cli = CLIHarness()
        cli.seed()
        let review = "\(cli.store)/reviews/darren-bethany.json"
        try chmod(cli.store, 0o777)
        try chmod("\(cli.store)/reviews", 0o775)
        // Review files are left to `check` (a write cannot afford to stat every one); the one it rewrites is fixed.
        try chmod(review, 0o666)
        let result = cli.run("rec", "update", "darren-bethany/3i", "--status", "in-progress")
        #expect(result.code == 0)
        let warnings = result.err.split(separator: "\n").filter { $0.hasPrefix("warning:") }
        #expect(warnings.count == 1, "\(result.err)")
        #expect(
            warnings.first?.hasPrefix("warning: \(cli.store) is writable by others (mode 0777)") == true
                && warnings.first?.contains("(and 1 more: 'rlt check' lists them; chmod -R go-w \(cli.store) fixes all)") == true,
            "\(result.err)")
        #expect(mode(review) == 0o600)
        #expect(cli.run("config", "set", "file-mode", "0640").code == 0)
        try chmod(review, 0o666)
        cli.run("rec", "update", "darren-bethany/3i", "--status", "implemented")
        #expect(mode(review) == 0o640)
    }

    @Test("queries and a tidy store give no warning")
    func noWarning() throws {
        let cli = CLIHarness()
        cli.seed()
        #expect(!cli.run("rec", "update", "darren-bethany/3i", "--status", "in-progress").err.contains("warning"))
        try chmod(cli.store, 0o777)
        #expect(cli.run("rec", "list").err == "")
    }
}
