import Foundation
import Testing

@testable import ReviewLearning

/// The csv-spectrum conformance cases vendored in `Tests/Fixtures/csv-spectrum/` (BSD-2-Clause, see its README).
enum CSVSpectrum {
    /// `<package>/Tests/Fixtures/csv-spectrum`; this file is `<package>/Tests/ReviewLearningTests/CSVTests.swift`.
    static let directory: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/csv-spectrum").standardizedFileURL.path

    static let missing = "(csv-spectrum cases not found)"

    /// Case names (`comma_in_quotes`, …); a single placeholder when the folder is missing, so the test fails clearly.
    static let names: [String] = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: "\(directory)/csvs")) ?? []
        let names = files.filter { $0.hasSuffix(".csv") }.map { String($0.dropLast(4)) }.sorted()
        return names.isEmpty ? [missing] : names
    }()
}

/// Parses `text` (as UTF-8) or fails the test.
private func records(_ text: String) throws -> [CSVRecord] {
    try CSVReader.parse(Array(text.utf8))
}

/// The CSV syntax error `text` gives, or nil when it parses.
private func syntaxError(_ text: String) -> CSVSyntaxError? {
    do {
        _ = try CSVReader.parse(Array(text.utf8))
        return nil
    } catch {
        return error
    }
}

private func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

@Suite("CSV")
struct CSVTests {}

extension CSVTests {
    @Suite("CSV reader: csv-spectrum")
    struct Spectrum {
        @Test("the csv-spectrum folder is there with its cases")
        func folderIsThere() {
            #expect(
                CSVSpectrum.names != [CSVSpectrum.missing],
                "no csv-spectrum cases in \(CSVSpectrum.directory)/csvs")
            #expect(CSVSpectrum.names.count >= 11)
        }

        @Test("every csv-spectrum case parses to the rows of its json twin", arguments: CSVSpectrum.names)
        func spectrumCase(_ name: String) throws {
            try #require(name != CSVSpectrum.missing, "no csv-spectrum cases in \(CSVSpectrum.directory)/csvs")
            let csv = try #require(FileManager.default.contents(atPath: "\(CSVSpectrum.directory)/csvs/\(name).csv"))
            let json = try #require(
                FileManager.default.contents(atPath: "\(CSVSpectrum.directory)/json/\(name).json"), "no json twin for \(name)")
            let expected = try JSONDecoder().decode([[String: String]].self, from: json)

            let (utf8, encoding) = try #require(TextDecoding.utf8Bytes(Array(csv)))
            #expect(encoding == .utf8)
            let parsed = try CSVReader.parse(utf8)
            let header = try #require(parsed.first, "\(name) has no header").fields
            let rows = Array(parsed.dropFirst())
            try #require(rows.count == expected.count, "\(name): \(rows.count) rows, expected \(expected.count)")
            for (record, object) in zip(rows, expected) {
                #expect(record.fields.count == header.count, "\(name) line \(record.line): \(record.fields)")
                #expect(Set(header) == Set(object.keys), "\(name): header \(header) vs keys \(object.keys.sorted())")
                for (column, value) in zip(header, record.fields) {
                    let want = object[column] ?? "<no such key>"
                    #expect(bytes(value) == bytes(want), "\(name) line \(record.line) column \(column): \(value.debugDescription) vs \(want.debugDescription)")
                }
            }
        }
    }
}

extension CSVTests {
    @Suite("CSV writer")
    struct Writer {
        @Test(
            "fields are quoted only when they must be, with quotes doubled",
            arguments: [
                ("plain", "plain"),
                ("", ""),
                ("two words", "two words"),
                (" padded ", " padded "),
                ("a,b", "\"a,b\""),
                ("say \"hi\"", "\"say \"\"hi\"\"\""),
                ("\"", "\"\"\"\""),
                ("\"\"", "\"\"\"\"\"\""),
                ("line\nbreak", "\"line\nbreak\""),
                ("line\rbreak", "\"line\rbreak\""),
                ("line\r\nbreak", "\"line\r\nbreak\""),
                ("semi; colon", "semi; colon"),
                ("caf\u{E9}", "caf\u{E9}"),
            ])
        func quoting(_ value: String, _ expected: String) {
            #expect(bytes(CSVWriter.field(value)) == bytes(expected), "\(value.debugDescription) → \(CSVWriter.field(value).debugDescription)")
        }

        @Test("every record ends with CRLF, the last one too")
        func recordEnds() {
            #expect(Delimited.csv.render(header: nil, rows: [["a", "b"]]) == "a,b\r\n")
            #expect(Delimited.csv.render(header: nil, rows: [[""]]) == "\r\n")
            #expect(Delimited.csv.render(header: nil, rows: [["", ""]]) == ",\r\n")
            let text = Delimited.csv.render(header: ["h1", "h2"], rows: [["1", "x\ny"], ["2", ""]])
            #expect(bytes(text) == bytes("h1,h2\r\n1,\"x\ny\"\r\n2,\r\n"))
            #expect(Delimited.csv.render(header: ["h"], rows: []) == "h\r\n")
            #expect(Delimited.csv.render(header: nil, rows: []) == "")
            #expect(Delimited.csv.render(header: nil, rows: [["a"]]) == "a\r\n")
        }

        @Test(
            "a cell a spreadsheet would run as a formula gets a leading '",
            arguments: [
                "=1+2", "=HYPERLINK(\"http://x\")", "+44 1234", "-1+2", "-A1", "-1e5", "-.5", "-1.", "--1", "-1.2.3", "+1",
                "-1 ", "-\u{663}", "-", "@SUM(A1)", "\tTab", "\rCR", "=", "+", "@",
            ])
        func formulaPrefix(_ value: String) {
            #expect(bytes(CSVWriter.neutralised(value)) == bytes("'" + value))
            let written = CSVWriter.field(value)
            let firstContent = written.unicodeScalars.first == "\"" ? written.unicodeScalars.dropFirst().first : written.unicodeScalars.first
            #expect(firstContent == "'", "\(written.debugDescription)")
            #expect(bytes(Importer.unneutralised(CSVWriter.neutralised(value))) == bytes(value))
        }

        @Test(
            "cells that are not formulas are left alone",
            arguments: ["a=b", " =1", "x-1", "'quoted", "'", "''", "", "1-2", "\u{FF1D}not ascii", "\nline", "'a=b"])
        func notFormulas(_ value: String) {
            #expect(bytes(CSVWriter.neutralised(value)) == bytes(value))
            #expect(bytes(Importer.unneutralised(value)) == bytes(value))
        }

        @Test(
            "a plain number, negative or decimal, is not prefixed (a slipped_days of -366 stays a number)",
            arguments: ["-366", "-1", "-0.5", "-12.25", "0", "42", "3.14"])
        func plainNumbers(_ value: String) {
            #expect(bytes(CSVWriter.neutralised(value)) == bytes(value))
            #expect(bytes(CSVWriter.field(value)) == bytes(value))
            #expect(bytes(Importer.unneutralised(value)) == bytes(value))
        }

        @Test(
            "a cell already starting with ' before a trigger gets one more ' and comes back exactly",
            arguments: [("'=x", "''=x"), ("''+1", "'''+1"), ("'-", "''-"), ("'@a", "''@a"), ("'\tx", "''\tx"), ("'-366", "''-366")])
        func apostropheThenTrigger(_ value: String, _ exported: String) {
            #expect(bytes(CSVWriter.neutralised(value)) == bytes(exported))
            #expect(bytes(Importer.unneutralised(exported)) == bytes(value))
        }

        @Test("the importer strips exactly the one ' export added, nothing else")
        func unneutralisedIsExact() {
            #expect(Importer.unneutralised("'=x") == "=x")
            #expect(bytes(Importer.unneutralised("''=x")) == bytes("'=x"))
            #expect(Importer.unneutralised("'x") == "'x")
            #expect(Importer.unneutralised("=x") == "=x")
            #expect(bytes(Importer.unneutralised("'\r")) == bytes("\r"))
        }

        @Test("a quote or comma followed by a combining mark is still quoted and doubled")
        func combiningMarks() throws {
            // As Characters, "\"\u{301}" and ",\u{301}" are single graphemes that are neither a quote nor a comma.
            #expect(bytes(CSVWriter.field("\"\u{301}")) == bytes("\"\"\"\u{301}\""))
            #expect(bytes(CSVWriter.field("a,\u{301}b")) == bytes("\"a,\u{301}b\""))
            #expect(bytes(CSVWriter.field("x\n\u{301}")) == bytes("\"x\n\u{301}\""))
            #expect(bytes(CSVWriter.field("x\r\n\u{301}")) == bytes("\"x\r\n\u{301}\""))
            #expect(bytes(CSVWriter.neutralised("=\u{301}")) == bytes("'=\u{301}"))
            #expect(bytes(CSVWriter.neutralised("-\u{301}1")) == bytes("'-\u{301}1"))
            #expect(bytes(Importer.unneutralised("'=\u{301}")) == bytes("=\u{301}"))

            let line = Delimited.csv.render(header: nil, rows: [["\"\u{301}", "a,\u{301}b", "e\u{301}"]])
            let parsed = try records(line)
            #expect(parsed.count == 1)
            #expect(parsed[0].fields.map(bytes) == [bytes("\"\u{301}"), bytes("a,\u{301}b"), bytes("e\u{301}")])
        }

        @Test("writer output reads back byte for byte")
        func writerReaderRoundTrip() throws {
            let values = [
                "plain", "", "a,b", "\"", "\"\"x\"\"", "\r", "\n", "\r\n", "x\r\ny\rz\nw", "\"\u{301}", ",\u{301}", "e\u{301}",
                "\u{E9}", "😀👩‍👩‍👧🇬🇧", "\u{FEFF}bom inside", "tab\there", String(repeating: "long,\"\r\n", count: 500), " ", "'", "=1",
            ]
            let rows = values.map { [$0, "end"] }
            let text = Delimited.csv.render(header: ["value", "marker"], rows: rows)
            let parsed = try records(text)
            #expect(parsed.count == values.count + 1)
            for (record, value) in zip(parsed.dropFirst(), values) {
                #expect(record.fields.count == 2)
                #expect(bytes(Importer.unneutralised(record.fields[0])) == bytes(value), "\(value.debugDescription)")
                #expect(record.fields.last == "end")
            }
        }

        @Test("TSV escapes tab, CR, LF and backslash")
        func tsv() {
            let text = Delimited.tsv.render(header: ["a", "b"], rows: [["x\ty", "1\r\n2\\"], ["plain", ""]])
            #expect(text == "a\tb\nx\\ty\t1\\r\\n2\\\\\nplain\t\n")
        }
    }
}

extension CSVTests {
    @Suite("CSV reader")
    struct Reader {
        @Test("CRLF, LF and CR record ends; a missing final newline; line numbers of each record")
        func recordEnds() throws {
            for text in ["a,b\r\n1,2\r\n", "a,b\n1,2\n", "a,b\r1,2\r", "a,b\r\n1,2", "a,b\n1,2"] {
                let parsed = try records(text)
                #expect(parsed.map(\.fields) == [["a", "b"], ["1", "2"]], "\(text.debugDescription)")
                #expect(parsed.map(\.line) == [1, 2], "\(text.debugDescription)")
            }
            #expect(try records("").isEmpty)
            #expect(try records("a,\r\n").map(\.fields) == [["a", ""]])
            #expect(try records(",\r\n").map(\.fields) == [["", ""]])
            #expect(try records("\"\"").map(\.fields) == [[""]])
        }

        @Test("newlines inside quoted fields are kept as they are and counted in line numbers")
        func newlinesInQuotes() throws {
            let parsed = try records("h,t\r\n1,\"a\r\nb\"\r\n2,\"c\nd\re\"\r\n3,x\r\n")
            #expect(parsed.map(\.line) == [1, 2, 4, 7])
            #expect(parsed.map { bytes($0.fields[1]) } == [bytes("t"), bytes("a\r\nb"), bytes("c\nd\re"), bytes("x")])
        }

        @Test("doubled quotes inside quoted fields")
        func doubledQuotes() throws {
            let parsed = try records("\"say \"\"hi\"\"\",\"\"\"\"\r\n")
            #expect(parsed.map(\.fields) == [["say \"hi\"", "\""]])
        }

        @Test("an unterminated quote is an error on the line the field starts")
        func unterminated() throws {
            let error = try #require(syntaxError("a,b\r\n1,2\r\n3,\"never closed\r\nmore\r\n"))
            #expect(error.line == 3)
            #expect(error.message.contains("never closed"))
            #expect(error.description.hasPrefix("line 3: "))
        }

        @Test("a quote inside an unquoted field is an error with its line")
        func strayQuote() throws {
            let error = try #require(syntaxError("a,b\r\n1,2\r\nx,ab\"c\r\n"))
            #expect(error.line == 3)
            #expect(error.message.contains("inside an unquoted field"))
        }

        @Test("text after a closing quote is an error with its line, also after a multi-line field")
        func textAfterQuote() throws {
            let first = try #require(syntaxError("a\r\n\"x\"y\r\n"))
            #expect(first.line == 2)
            #expect(first.message.contains("after a closing quote"))
            let second = try #require(syntaxError("a,b\r\n\"1\r\n2\"x,3\r\n"))
            #expect(second.line == 3)
        }

        @Test("a quote or comma followed by a combining mark is still a delimiter")
        func combiningMarks() throws {
            let parsed = try records("x,\u{301}y,\"q\"\"\u{301}\",\"\u{301}\"\r\n")
            #expect(parsed.count == 1)
            #expect(parsed[0].fields.map(bytes) == [bytes("x"), bytes("\u{301}y"), bytes("q\"\u{301}"), bytes("\u{301}")])
        }

        @Test("NFD text is read without normalisation")
        func nfd() throws {
            let parsed = try records("e\u{301},\u{E9}\r\n")
            #expect(parsed[0].fields.map(bytes) == [[0x65, 0xCC, 0x81], [0xC3, 0xA9]])
        }
    }
}

extension CSVTests {
    @Suite("Text decoding")
    struct Decoding {
        @Test("Windows-1252 smart quotes and accents are converted, never replaced")
        func windows1252() throws {
            let input: [UInt8] = [0x93, 0x48, 0x69, 0x94, 0x20, 0x63, 0x61, 0x66, 0xE9, 0x20, 0x80, 0x96, 0x85]
            let (utf8, encoding) = try #require(TextDecoding.utf8Bytes(input))
            #expect(encoding == .windows1252)
            #expect(utf8 == bytes("\u{201C}Hi\u{201D} caf\u{E9} \u{20AC}\u{2013}\u{2026}"))
            #expect(!String(decoding: utf8, as: UTF8.self).unicodeScalars.contains("\u{FFFD}"))
        }

        @Test("every assigned Windows-1252 byte decodes to one scalar, none to U+FFFD")
        func everyByte() throws {
            let unassigned: Set<UInt8> = [0x81, 0x8D, 0x8F, 0x90, 0x9D]
            for byte in UInt8(0x80)...UInt8(0xFF) where !unassigned.contains(byte) {
                let (utf8, encoding) = try #require(TextDecoding.utf8Bytes([0x61, byte]), "byte \(byte)")
                #expect(encoding == .windows1252)
                let scalars = Array(String(decoding: utf8, as: UTF8.self).unicodeScalars)
                #expect(scalars.count == 2)
                #expect(scalars.last != "\u{FFFD}")
                if byte >= 0xA0 { #expect(scalars.last?.value == UInt32(byte)) }
            }
        }

        @Test("bytes that are neither UTF-8 nor Windows-1252 are rejected", arguments: [0x81, 0x8D, 0x8F, 0x90, 0x9D] as [UInt8])
        func invalid(_ byte: UInt8) {
            #expect(TextDecoding.utf8Bytes([0x61, 0x2C, byte, 0x0D, 0x0A]) == nil)
        }

        @Test("UTF-8 with and without a byte-order mark")
        func bom() throws {
            let text = bytes("a,b\r\n\u{E9},\u{201C}\r\n")
            let plain = try #require(TextDecoding.utf8Bytes(text))
            #expect(plain.0 == text)
            #expect(plain.1 == .utf8)
            let marked = try #require(TextDecoding.utf8Bytes([0xEF, 0xBB, 0xBF] + text))
            #expect(marked.0 == text)
            #expect(marked.1 == .utf8WithBOM)
            #expect(TextDecoding.utf8Bytes([0xEF, 0xBB, 0xBF, 0x61, 0xE9]) == nil)
            let empty = try #require(TextDecoding.utf8Bytes([0xEF, 0xBB, 0xBF]))
            #expect(empty.0.isEmpty)
        }

        @Test("the importer reads a header after a BOM and refuses undecodable bytes")
        func importerEncodings() throws {
            let state = ImportState(tracker: Tracker(name: "t"), reviews: [:], events: EventsFile())
            let context = ImportContext(asOf: try #require(CalendarDay(year: 2024, month: 3, day: 1)), author: "t", timestamp: "2024-03-01T09:30:00Z")
            let csv = bytes("code,name,sector\r\nx-police,Caf\u{E9} Police,police\r\n")
            let plan = try Importer.plan(.agencies, bytes: [0xEF, 0xBB, 0xBF] + csv, state: state, context: context).get()
            #expect(plan.added == ["agency x-police"])
            #expect(bytes(try #require(plan.state.tracker.agency("x-police")).name) == bytes("Caf\u{E9} Police"))

            let latin = bytes("code,name,sector\r\nx-police,Caf") + [0xE9] + bytes(" Police,police\r\n")
            let converted = try Importer.plan(.agencies, bytes: latin, state: state, context: context).get()
            #expect(bytes(try #require(converted.state.tracker.agency("x-police")).name) == bytes("Caf\u{E9} Police"))
            #expect(converted.notes.contains { $0.contains("Windows-1252") })

            switch Importer.plan(.agencies, bytes: bytes("code,name,sector\r\nx,") + [0x81] + bytes(",police\r\n"), state: state, context: context) {
            case .success: Issue.record("an undecodable file was accepted")
            case .failure(let failure):
                #expect(failure.problems.count == 1)
                #expect(failure.problems[0].message.contains("neither UTF-8 nor Windows-1252"))
            }
        }

        @Test("the importer reports a CSV syntax error with its line")
        func importerSyntaxError() throws {
            let state = ImportState(tracker: Tracker(name: "t"), reviews: [:], events: EventsFile())
            let context = ImportContext(asOf: try #require(CalendarDay(year: 2024, month: 3, day: 1)), author: "t", timestamp: "2024-03-01T09:30:00Z")
            let csv = bytes("code,name,sector\r\na,A,police\r\nb,\"B\r\n")
            switch Importer.plan(.agencies, bytes: csv, state: state, context: context) {
            case .success: Issue.record("an unterminated quote was accepted")
            case .failure(let failure):
                #expect(failure.problems.map(\.line) == [3])
                #expect(failure.problems[0].description(file: "x.csv").hasPrefix("x.csv:3: "))
            }
        }
    }
}
