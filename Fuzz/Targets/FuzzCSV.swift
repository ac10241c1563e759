// libFuzzer target: the CSV reader, CSVReader.parse.
//
// Besides "never crashes", checks that whatever it accepts, written back with every field quoted, reads back as
// the same fields (so a value can never shift into a neighbouring column).

@testable import ReviewLearning

public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = fuzzBytes(data, size)
    guard let records = try? CSVReader.parse(bytes) else { return 0 }
    var lines: [Int] = []
    for record in records {
        fuzzRequire(record.line >= 1, "record line \(record.line) < 1")
        if let last = lines.last { fuzzRequire(record.line >= last, "record lines go backwards") }
        lines.append(record.line)
    }
    // Quoting works on scalars: a quote followed by a combining mark is one Character but still a quote.
    var rendered = String.UnicodeScalarView()
    for record in records {
        for (index, field) in record.fields.enumerated() {
            if index > 0 { rendered.append(",") }
            rendered.append("\"")
            for scalar in field.unicodeScalars {
                if scalar == "\"" { rendered.append("\"") }
                rendered.append(scalar)
            }
            rendered.append("\"")
        }
        rendered.append(contentsOf: "\r\n".unicodeScalars)
    }
    guard let again = try? CSVReader.parse(Array(String(rendered).utf8)) else {
        fuzzRequire(false, "fully quoted re-rendering does not parse")
        return 0
    }
    fuzzRequire(again.map(\.fields) == records.map(\.fields), "fields change on a quoted round trip")
    // The writer's own output reads back too, up to the leading ' it adds against formula injection.
    let written = Delimited.csv.render(header: nil, rows: records.map(\.fields))
    if let back = try? CSVReader.parse(Array(written.utf8)) {
        fuzzRequire(back.count == records.count, "Delimited.csv output has \(back.count) records, not \(records.count)")
    } else {
        fuzzRequire(false, "Delimited.csv output does not parse")
    }
    return 0
}
