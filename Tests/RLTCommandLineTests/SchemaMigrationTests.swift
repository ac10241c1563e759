import Foundation
import Testing

@testable import ReviewLearning

/// `Tests/Fixtures/schema-N-store`: the sample store as an earlier release (schema N) wrote it.
private func fixture(_ schema: Int) -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/schema-\(schema)-store").path
}

/// The schemas of earlier releases kept as fixtures: each is read by every command and upgraded on write.
private let earlierSchemas = [1, 2]

/// Stores written by earlier releases: read by every command, upgraded only where a write touches it.
@Suite("Stores of earlier schemas: read, upgraded on write, round-tripped through CSV")
struct SchemaMigrationTests {
    // After the fixtures were written (2026-12-07), so a new history entry comes after their last.
    let cli = CLIHarness(now: Date(timeIntervalSince1970: 1_797_000_000))

    private func copy(_ schema: Int) throws {
        try FileManager.default.copyItem(atPath: fixture(schema), toPath: cli.store)
        try? FileManager.default.removeItem(atPath: "\(cli.store)/README.md")
    }

    private func files() throws -> [String: Data] {
        let names = ["tracker.json", "events.json"]
            + (try FileManager.default.contentsOfDirectory(atPath: "\(cli.store)/reviews")).map { "reviews/\($0)" }
        return Dictionary(uniqueKeysWithValues: try names.map { ($0, try Data(contentsOf: URL(fileURLWithPath: "\(cli.store)/\($0)"))) })
    }

    @Test("each fixture really is of its schema", arguments: earlierSchemas)
    func fixtureIsOfItsSchema(_ schema: Int) throws {
        try copy(schema)
        for (name, data) in try files() {
            #expect(String(decoding: data, as: UTF8.self).contains(try Regex("\"schema\" : \(schema)\\b")), "\(name)")
        }
    }

    @Test(
        "every read command reads it",
        arguments: earlierSchemas, [
            ["overdue"], ["rec", "list"], ["action", "list", "--format", "csv"], ["finding", "list"], ["event", "list"],
            ["review", "list"], ["review", "show", "louise"], ["rec", "show", "louise/10"], ["action", "show", "child-g/A49"],
            ["summary"], ["search", "MARAC", "--count"], ["report"], ["log", "--since", "2000"], ["agency", "list"],
            ["rec", "list", "--format", "json"], ["chase", "--agency", "lscp"], ["check"], ["review", "list", "--late"],
            ["summary", "--by", "stage"], ["report", "--year", "2021-22"], ["config", "list"],
        ])
    func readCommands(_ schema: Int, _ arguments: [String]) throws {
        try copy(schema)
        let before = try files()
        let result = cli.run(arguments)
        #expect(result.code == 0, "\(arguments): \(result.err)")
        #expect(try files() == before, "a read wrote to the store")
    }

    @Test("a write upgrades exactly the file it writes to the current schema, and check stays clean", arguments: earlierSchemas)
    func writeUpgradesOneFile(_ schema: Int) throws {
        try copy(schema)
        let before = try files()
        let result = cli.run("rec", "update", "louise/10", "--note", "Checked with the board")
        #expect(result.code == 0, "\(result.err)")
        let after = try files()
        for (name, data) in after where name != "reviews/louise.json" {
            #expect(data == before[name], "\(name) changed")
        }
        let louise = String(decoding: try #require(after["reviews/louise.json"]), as: UTF8.self)
        #expect(louise.contains("\"schema\" : \(Store.schemaVersion),"))
        let check = cli.run("check", "--strict")
        #expect(check.code == 0, "\(check.out)\(check.err)")
    }

    @Test("it round-trips through CSV: export, import into a new store, export again gives the same tables", arguments: earlierSchemas)
    func csvRoundTrip(_ schema: Int) throws {
        try copy(schema)
        let first = "\(cli.directory)/first", second = "\(cli.directory)/second"
        #expect(cli.run("export", "--out", first).code == 0)
        let fresh = "\(cli.directory)/fresh"
        #expect(cli.run("init", fresh, "--name", "copy").code == 0)
        let env = ["RLT_STORE": fresh]
        for table in ["agencies", "themes", "reviews", "findings", "recommendations", "actions", "outcomes", "updates", "events"] {
            let result = cli.run(["import", table, "\(first)/\(table).csv", "--force"], environment: env)
            #expect(result.code == 0, "\(table): \(result.err)")
        }
        #expect(cli.run(["export", "--out", second], environment: env).code == 0)
        for table in ["findings", "recommendations", "actions", "outcomes", "updates", "events"] {
            let a = try Self.withoutLastUpdate("\(first)/\(table).csv")
            let b = try Self.withoutLastUpdate("\(second)/\(table).csv")
            #expect(a.count > 1, "\(table) is empty")
            #expect(a == b, "\(table)")
        }
    }

    /// The table's cells, without `last_update`: the day of the latest change, which the import itself is.
    private static func withoutLastUpdate(_ path: String) throws -> [[String]] {
        let records = try CSVReader.parse(Array(try Data(contentsOf: URL(fileURLWithPath: path)))).map(\.fields)
        guard let k = records.first?.firstIndex(of: "last_update") else { return records }
        return records.map { row in var row = row; if k < row.count { row.remove(at: k) }; return row }
    }
}
