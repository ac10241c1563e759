import Foundation
import Testing

// Issue 6, case 13: what the fuzzers found, replayed through the built binary so a fix is noticed and a regression
// caught. The raw inputs are in Fuzz/crashes/ (docs/RELIABILITY.md).

@Suite("Reliability 13: fuzzer findings")
struct ReliabilityFuzzFindingsTests {
    @Test("overdue --columns with an unknown column is a usage error, not a crash",
          arguments: [["--columns", "ovcsv"], ["--columns", "ovcsv", "--fail-if-any"], ["--columns", "text,bogus"]])
    func overdueUnknownColumn(_ extra: [String]) throws {
        try withTemporaryDirectory { directory in
            let store = makeSmallStore(in: directory)  // has overdue records as of 2030
            let result = runRLT(["--store", store, "--as-of", "2030-01-01", "overdue"] + extra)
            reportFigure("fuzz finding overdue-columns-crash (overdue \(extra.joined(separator: " "))): exit \(result.status), crashed = \(crashed(result))")
            do {
                #expect(!crashed(result), "\(result)")
                #expect(result.status == 64, "\(result)")
                #expect(result.stderr.contains("bogus") || result.stderr.contains("ovcsv"), "the error names the column: \(result)")
            }
        }
    }

    /// `review` is a valid column (`--format csv` prints it); grouping moves it into the headings, so what is left
    /// is the headings and the closing count: a valid request, exit 0.
    @Test("overdue --columns review (the only column is the one grouping removes) does not crash")
    func overdueOnlyReviewColumn() throws {
        try withTemporaryDirectory { directory in
            let store = makeSmallStore(in: directory)
            let result = runRLT(["--store", store, "--as-of", "2030-01-01", "overdue", "--columns", "review"])
            #expect(!crashed(result), "\(result)")
            #expect(result.status == 0, "\(result)")
            #expect(result.stdout.contains("darren-bethany") && result.stdout.contains("overdue as of 2030-01-01"),
                    "the headings and the count: \(result)")
        }
    }
}
