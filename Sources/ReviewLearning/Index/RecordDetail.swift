/// Schema 2's record fields as listing cells: what the index keeps of them (a short table per record, only what is
/// set) and what the `RecordColumn`s and the finding listing print. The cell text is made here, once, for both
/// record sources; the scanner never meets these fields (a file that has them is read by the decoder).
///
/// Each record's cells are listed in the order of the raw values, as the scanner sorts them.
package enum RecordDetail: UInt32, Sendable, CaseIterable {
    case from, through, approximate, dateNote, assuranceBy, engage, issuedBy, with, kind, para

    static func cells(of rec: Recommendation) -> [(RecordDetail, String)] {
        timing(rec.timing) + [
            (.assuranceBy, rec.assuranceBy.joined(separator: "; ")), (.engage, rec.engage.joined(separator: "; ")),
            (.issuedBy, rec.issuedBy ?? ""),
        ].filter { !$0.1.isEmpty }
    }

    static func cells(of action: AgencyAction) -> [(RecordDetail, String)] {
        timing(action.timing) + [(.with, action.with.joined(separator: "; "))].filter { !$0.1.isEmpty }
    }

    static func cells(of finding: Finding) -> [(RecordDetail, String)] {
        [
            (.with, finding.with.joined(separator: "; ")), (.kind, finding.kind == .learning ? "" : finding.kind.rawValue),
            (.para, finding.para ?? ""),
        ].filter { !$0.1.isEmpty }
    }

    private static func timing(_ t: Timing) -> [(RecordDetail, String)] {
        [
            (.from, t.from?.description ?? ""), (.through, t.through?.description ?? ""),
            (.approximate, t.approximate ? "yes" : ""), (.dateNote, t.note ?? ""),
        ].filter { !$0.1.isEmpty }
    }
}
