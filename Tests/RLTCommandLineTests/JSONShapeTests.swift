import Foundation
import Testing

@testable import RLTCommandLine
import ReviewLearning

/// Issue 13 §4: JSON a script can trust — the same types with `--columns` as without, summary keys as its CSV header.
@Suite("JSON shapes")
struct JSONShapeTests {
    static func sample() -> CLIHarness {
        let cli = CLIHarness()
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        try? FileManager.default.copyItem(atPath: root.appendingPathComponent("data").path, toPath: cli.store)
        return cli
    }

    /// A parsed JSON value that keeps booleans apart from numbers.
    enum Value: Decodable, Equatable {
        case null, boolean(Bool), number(Double), string(String), array([Value]), object([String: Value])

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                self = .null
            } else if let value = try? container.decode(Bool.self) {
                self = .boolean(value)
            } else if let value = try? container.decode(Double.self) {
                self = .number(value)
            } else if let value = try? container.decode(String.self) {
                self = .string(value)
            } else if let value = try? container.decode([Value].self) {
                self = .array(value)
            } else {
                self = .object(try container.decode([String: Value].self))
            }
        }

        var kind: String {
            switch self {
            case .null: "null"
            case .boolean: "boolean"
            case .number: "number"
            case .string: "string"
            case .array: "array"
            case .object: "object"
            }
        }
    }

    static func objects(_ text: String) throws -> [[String: Value]] {
        try JSONDecoder().decode([[String: Value]].self, from: Data(text.utf8))
    }

    @Test(
        "each column alone has the type and value the whole record's key has",
        arguments: [
            (["rec", "list"], RecordColumn.all(.recommendations).map(\.name)),
            (["action", "list"], RecordColumn.all(.actions).map(\.name)),
            (["overdue"], RecordColumn.all(.overdue).map(\.name)),
        ])
    func columnsKeepTypes(_ command: [String], _ columns: [String]) throws {
        let cli = Self.sample()
        let asOf = ["--as-of", "2024-07-01"]
        let whole = try Self.objects(cli.run(command + asOf + ["--format", "json"]).out)
        #expect(!whole.isEmpty)
        for column in columns {
            let picked = try Self.objects(cli.run(command + asOf + ["--format", "json", "--columns", column]).out)
            #expect(picked.count == whole.count)
            for (one, full) in zip(picked, whole) {
                #expect(Array(one.keys) == [column])
                // Columns the stored record has no key for: `outcomes` (their number), `lead`, `latest_outcome`,
                // `owner` (overdue's owners or agency).
                if ["outcomes", "lead", "latest_outcome", "owner"].contains(column) { continue }
                let value = one[column] ?? .null
                // Schema 2's lists are left out of a stored record when empty (so files that do not use them keep
                // their bytes); the column still shows the empty list.
                let schema2Lists = ["with", "assurance_by", "engage"]
                let stored = full[column] ?? (schema2Lists.contains(column) ? .array([]) : .null)
                #expect(value == stored, "\(command) --columns \(column): \(value) where the record has \(stored)")
            }
        }
    }

    @Test("numbers, yes/no and lists are typed; an empty value is null, an empty list []")
    func typedCells() throws {
        let cli = Self.sample()
        let rows = try Self.objects(
            cli.run(
                "rec", "list", "--review", "darren-bethany", "--as-of", "2024-07-01", "--format", "json", "--columns",
                "id,owners,overdue,days_overdue,due,outcomes,links,reason"
            ).out)
        let five = try #require(rows.first { $0["id"] == .string("5i") })
        #expect(five["owners"] == .array([.string("lscp"), .string("ldap")]))
        #expect(five["overdue"] == .boolean(true))
        #expect(five["days_overdue"] == .number(62))
        #expect(five["reason"] == .null)
        #expect(five["links"] == .array([]))
        #expect(five["outcomes"]?.kind == "number")
        let one = try #require(rows.first { $0["id"] == .string("1") })
        #expect(one["due"] == .null && one["days_overdue"] == .null)
        #expect(one["overdue"] == .boolean(false))
    }

    @Test("summary JSON has the keys of its CSV header, counts as numbers, with or without --columns",
          arguments: ["review", "owner", "theme", "status"])
    func summaryKeys(_ grouping: String) throws {
        let cli = Self.sample()
        let base = ["summary", "--by", grouping, "--as-of", "2024-07-01"]
        let header = try #require(cli.run(base + ["--format", "csv"]).out.split(separator: "\r\n").first)
            .split(separator: ",").map(String.init)
        let rows = try Self.objects(cli.run(base + ["--format", "json"]).out)
        #expect(!rows.isEmpty)
        for row in rows {
            #expect(Set(row.keys) == Set(header))
            #expect(row["total"]?.kind == "number" && row["overdue"]?.kind == "number")
            #expect(row["open"]?.kind == "number" && row["red"]?.kind == "number")
            #expect(["number", "null"].contains(row["assured_pct"]?.kind))
            #expect(row[grouping]?.kind == "string")
        }
        let picked = try Self.objects(cli.run(base + ["--format", "json", "--columns", "\(grouping),total,assured_pct"]).out)
        for (one, full) in zip(picked, rows) {
            #expect(Set(one.keys) == [grouping, "total", "assured_pct"])
            #expect(one["total"] == full["total"])
        }
    }
}
