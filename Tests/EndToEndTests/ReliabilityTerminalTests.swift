import Foundation
import Testing

// Issue 6, case 10: control and bidi characters in record text never reach a terminal raw from `show` and `list`
// (and the other human-readable outputs), checked on the output bytes (docs/RELIABILITY.md).

private let esc = "\u{1B}"
/// Text a hostile or careless contributor could paste: a screen clear, a window-title change, a colour, a bell,
/// an 8-bit CSI, carriage return and backspace (overprinting), and the bidi overrides used in "Trojan Source".
let hostileText =
    "Start\(esc)[2J\(esc)]0;owned\u{07}\(esc)[31mred\u{9B}31m\rCR\u{08}BS\u{7F}"
    + "\u{202E}evil\u{202C}\u{2066}iso\u{2069}\u{200F}rlm\u{061C}end"

/// Scalars that must never appear raw in human-readable output (newline and tab aside, which layout may use).
func unsafeScalars(in text: String) -> [String] {
    var found: [String] = []
    for scalar in text.unicodeScalars {
        let v = scalar.value
        let bad = (v < 0x20 && v != 0x0A && v != 0x09) || (0x7F...0x9F).contains(v)
            || [0x200E, 0x200F, 0x061C].contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
        if bad { found.append(String(format: "U+%04X", v)) }
    }
    return found
}

@Suite("Reliability 10: terminal safety")
struct ReliabilityTerminalTests {
    @Test("hostile text in every text field never reaches stdout raw from show, list and the other readable outputs")
    func hostileTextIsEscaped() throws {
        try withTemporaryDirectory { directory in
            let store = makeSmallStore(in: directory)
            let t = hostileText
            let setup: [[String]] = [
                ["review", "update", "darren-bethany", "--title", t, "--summary", t, "--source", t],
                ["rec", "update", "darren-bethany/3i", "--text", t, "--note", t],
                ["rec", "update", "darren-bethany/3ii", "--status", "not-accepted", "--reason", t],
                ["action", "update", "darren-bethany/A1", "--text", t, "--measure", t, "--evidence", t, "--note", t],
                ["outcome", "add", "darren-bethany/3i", "--text", t, "--assurance", "limited", "--by", "lincs-scp"],
                ["finding", "add", "darren-bethany", "--audience", "police", "--text", t],
                ["event", "add", "--kind", "seminar", "--title", t, "--date", "2024-03", "--audience", t, "--feedback", t,
                 "--review", "darren-bethany"],
                ["agency", "add", "hostile-agency", "--name", t, "--sector", "police"],
                ["theme", "add", "hostile-theme", "--label", t],
                ["config", "set", "name", t],
            ]
            for args in setup { rltOK(store, ["--as-of", "2024-04-01"] + args) }
            // An author with control characters is refused (exit 64) before anything is written; one put into
            // history by hand must still print escaped.
            let author = runRLT(["--store", store, "--author", t, "rec", "update", "darren-bethany/3i", "--status", "in-progress"])
            #expect(author.status == 64, "\(author.stderr)")
            let reviewFile = store + "/reviews/darren-bethany.json"
            let hostileBy = "\"by\" : " + String(decoding: try JSONEncoder().encode(t), as: UTF8.self)
            let json = try String(contentsOfFile: reviewFile, encoding: .utf8)
                .replacingOccurrences(of: "\"by\" : \"\(defaultAuthor)\"", with: hostileBy)
            try json.write(toFile: reviewFile, atomically: false, encoding: .utf8)
            let readable: [[String]] = [
                ["rec", "list"], ["rec", "list", "--columns", "review,id,text,reason,latest_outcome"], ["rec", "show", "darren-bethany/3i"],
                ["rec", "show", "darren-bethany/3ii"], ["review", "show", "darren-bethany"], ["review", "list", "--columns", "id,title"],
                ["action", "list", "--columns", "id,text,measure,evidence"], ["action", "show", "darren-bethany/A1"],
                ["finding", "list"], ["event", "list"], ["agency", "list"], ["theme", "list"], ["overdue", "--as-of", "2030-01-01"],
                ["summary", "--by", "owner"], ["search", "Start"], ["log"], ["log", "darren-bethany/3i"], ["config", "list"],
                ["rec", "list", "--format", "table", "--color", "always"], ["rec", "show", "darren-bethany/3i", "--color", "always"],
            ]
            var clean = 0
            for args in readable {
                let result = rltOK(store, args)
                var text = result.stdout
                if args.contains("always") {  // rlt's own colours are fine; only record text must be escaped
                    text = text.replacingOccurrences(of: "\(esc)\\[[0-9;]*m", with: "", options: .regularExpression)
                }
                let found = unsafeScalars(in: text)
                #expect(found.isEmpty, "\(args) printed raw \(Set(found).sorted())")
                if args.first != "summary" {
                    #expect(text.contains("Start"), "\(args) shows the text, escaped")
                }
                if found.isEmpty { clean += 1 }
            }
            reportFigure("terminal safety: \(readable.count) readable outputs with hostile text in every field, raw control/bidi characters = \(readable.count - clean) outputs")

            // config get prints one value for scripts, but a person reads it too.
            let get = rltOK(store, ["config", "get", "name"])
            do {
                #expect(unsafeScalars(in: get.stdout).isEmpty, "\(unsafeScalars(in: get.stdout))")
            }
        }
    }

    @Test("values echoed in error messages are escaped too")
    func errorsEscapeValues() throws {
        try withTemporaryDirectory { directory in
            let store = makeSmallStore(in: directory)
            let t = hostileText
            let bad: [[String]] = [
                ["rec", "update", "darren-bethany/3i", "--status", t], ["rec", "update", "darren-bethany/3i", "--due", t],
                ["rec", "list", "--columns", t], ["rec", "list", "--sort", t], ["rec", "list", "--stale", t],
                ["rec", "list", "--color", t], ["export", t], ["completions", t], ["config", "set", t, "1"],
                ["config", "set", "amber-days", t], ["import", "recommendations", directory + "/" + t],
                ["rec", "add", "darren-bethany/9", "--text", "x", "--owner", t], ["rec", "add", t + "/1", "--text", "x"],
                ["--" + t], [t], ["rec", t], ["help", t], ["rec", "show", "darren-bethany/" + t],
            ]
            var raw: [String] = []
            for args in bad {
                let result = runRLT(["--store", store] + args)
                #expect(result.status != 0 && !crashed(result), "\(args): \(result)")
                if !unsafeScalars(in: result.stderr).isEmpty { raw.append(args.prefix(3).joined(separator: " ")) }
            }
            reportFigure("terminal safety of errors: \(bad.count) bad values, errors echoing raw control/bidi characters = \(raw.count)")
            do {
                #expect(raw.isEmpty, "raw in the errors of: \(raw)")
            }
        }
    }
}
