import Foundation
import Testing

@testable import ReviewLearning

/// What each agency owes (`Chase`), the contact rules, and the pieces of a draft e-mail.
@Suite("Chase: what each agency owes, and the letters asking for it")
struct ChaseTests {
    static let asOf = CalendarDay(year: 2024, month: 6, day: 30)!

    func date(_ text: String) throws -> PartialDate { try PartialDate(parsing: text) }

    /// One review: 1 (police lead, health co-owner) overdue since 2024-03; 2 (health) due 2024-07-10; 3 (health)
    /// due 2025 and updated 2024-06-01; 4 (health) due 2025, never updated since 2023; 5 (police) assured
    /// (terminal) though past its date. Actions: A1 police overdue since 2024-01, A2 council done.
    func review() throws -> Review {
        var review = Review(id: "r1", type: .dhr, title: "Review One")
        func rec(_ id: String, _ owners: [String], due: String, status: RecommendationStatus = .inProgress, touched: String)
            throws -> Recommendation
        {
            var rec = Recommendation(id: id, text: "Recommendation \(id)")
            rec.owners = owners
            rec.due = try date(due)
            rec.status = status
            rec.history = [HistoryEntry(at: "\(touched)T10:00:00Z", by: "alice", change: "added")]
            return rec
        }
        review.recommendations = [
            try rec("1", ["police", "health"], due: "2024-03", touched: "2024-06-20"),
            try rec("2", ["health"], due: "2024-07-10", touched: "2024-06-20"),
            try rec("3", ["health"], due: "2025", touched: "2024-06-01"),
            try rec("4", ["health"], due: "2025", touched: "2023-12-31"),
            try rec("5", ["police"], due: "2024-01", status: .assured, touched: "2024-06-20"),
        ]
        review.recommendations[0].originalDue = try date("2023-12")
        review.recommendations[0].outcomes = [
            Outcome(date: try date("2024-05-01"), text: "First report", author: "alice"),
            Outcome(date: try date("2024-06-02"), text: "Latest report", author: "alice"),
        ]
        var a1 = AgencyAction(id: "A1", agency: "police", text: "Brief officers")
        a1.due = try date("2024-01")
        a1.status = .inProgress
        a1.updates = [ProgressNote(date: try date("2024-04-02"), text: "Half the officers briefed", author: "bob")]
        var a2 = AgencyAction(id: "A2", agency: "council", text: "Done already")
        a2.due = try date("2024-01")
        a2.status = .done
        review.actions = [a1, a2]
        return review
    }

    func letters(within: Int = 30, stale: Int? = 90, agencies: [String] = [], filter: RecordFilter = RecordFilter()) throws
        -> [Chase.Letter]
    {
        var collector = Chase.Collector(
            filter: filter, asOf: Self.asOf, withinDays: within, staleDays: stale, agencies: agencies)
        collector.add([try review()])
        var tracker = Tracker(name: "Partnership")
        tracker.agencies = [
            Agency(code: "police", name: "The Police", sector: .police),
            Agency(code: "health", name: "The Health Trust", sector: .health),
        ]
        return collector.letters(tracker)
    }

    /// A letter's items as `reference role reason`.
    func described(_ letter: Chase.Letter) -> [String] {
        letter.items.map { "\($0.reference) \($0.role.rawValue) \($0.reason.rawValue)" }
    }

    @Test("each agency owes its overdue, due-soon and stale items, most overdue agency first, terminal ones never")
    func owed() throws {
        let letters = try letters()
        #expect(letters.map(\.agency.code) == ["police", "health"])
        // Police: A1 overdue since the end of January (151 days), rec 1 since the end of March (91).
        #expect(described(letters[0]) == ["r1/A1 action overdue", "r1/1 lead overdue"])
        #expect(letters[0].items.map(\.daysOverdue) == [151, 91])
        #expect(described(letters[1]) == ["r1/1 co-owner overdue", "r1/2 lead due-soon", "r1/4 lead stale"])
        #expect(letters[1].items[1].daysToDue == 10)
        let item = letters[0].items[1]
        let (latest, original) = (try date("2024-06-02"), try date("2023-12"))
        #expect(item.lastNoteText == "Latest report" && item.lastNoteDate == latest)
        #expect(item.slippedDays == 91 && item.originalDue == original)
        #expect(letters[0].items[0].lastNoteText == "Half the officers briefed")
        #expect(item.reviewTitle == "Review One")
    }

    @Test("the windows: --within widens what is due soon, --stale off leaves silent items out, a tighter one adds")
    func windows() throws {
        let health = { (letters: [Chase.Letter]) in letters.first { $0.agency.code == "health" }.map(self.described) }
        #expect(try health(letters(within: 5)) == ["r1/1 co-owner overdue", "r1/4 lead stale"])
        #expect(try health(letters(stale: nil)) == ["r1/1 co-owner overdue", "r1/2 lead due-soon"])
        #expect(try health(letters(stale: 20)) == ["r1/1 co-owner overdue", "r1/2 lead due-soon", "r1/4 lead stale", "r1/3 lead stale"])
    }

    @Test("--agency keeps only those agencies' letters, with their items as co-owners too")
    func oneAgency() throws {
        let letters = try letters(agencies: ["health"])
        #expect(letters.map(\.agency.code) == ["health"])
        #expect(described(letters[0]).first == "r1/1 co-owner overdue")
        var themes = RecordFilter()
        themes.text = TextMatcher("officers")
        #expect(try self.letters(filter: themes).map(described) == [["r1/A1 action overdue"]])
    }

    @Test("rows name the same columns in every format", arguments: [0, 1])
    func rows(_ k: Int) throws {
        let letter = try letters()[k]
        for item in letter.items {
            let cells = ChaseOutput.cells(letter, item)
            #expect(cells.count == ChaseOutput.columns.count)
            let row = Dictionary(uniqueKeysWithValues: zip(ChaseOutput.columns, cells))
            #expect(row["agency"] == letter.agency.code && row["id"] == item.id && row["reason"] == item.reason.rawValue)
        }
    }

    @Test("contact names and e-mail addresses", arguments: [
        ("jo@example.org", true), ("jo.brown+dhr@mail.lincs.gov.uk", true), ("o'neil@example.org", true),
        ("jo@example", false), ("jo@@example.org", false), ("jo example@x.org", false), ("jo@-x.org", false),
        ("jo@x-.org", false), (".jo@x.org", false), ("jo..b@x.org", false), ("\"jo\"@x.org", false),
        ("jo@x.org\r\nBcc: all@x.org", false), ("", false), ("jö@x.org", false), ("jo@x..org", false),
    ])
    func emails(_ address: String, _ valid: Bool) {
        #expect((ContactRules.emailProblem(address) == nil) == valid, "\(address)")
    }

    @Test("a contact name is one line of text", arguments: [
        ("Jo Brown", true), ("Ànne O'Neil, Head of \"DA\"", true), ("  ", false), ("Jo\nBcc: x@y.org", false),
        ("Jo\u{2028}Brown", false), (String(repeating: "x", count: 201), false),
    ])
    func names(_ name: String, _ valid: Bool) {
        #expect((ContactRules.nameProblem(name) == nil) == valid)
    }

    @Test("quoted-printable keeps lines within 76 characters and round-trips any text")
    func quotedPrintable() {
        let text = "Café = 3 × 2 \nA line that goes on " + String(repeating: "and on ", count: 30) + "\n\tend\t"
        let encoded = MailFormat.quotedPrintable(text)
        let lines = encoded.components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { $0.count <= 76 })
        #expect(lines.allSatisfy { $0.utf8.allSatisfy { $0 < 127 } })
        #expect(encoded.hasPrefix("Caf=C3=A9 =3D 3 =C3=97 2=20\r\n"))
        #expect(encoded.hasSuffix("\tend=09\r\n"))
        #expect(decodeQuotedPrintable(encoded) == text + "\n")
    }

    /// RFC 2045's decoding: soft breaks joined, `=XX` read as a byte.
    func decodeQuotedPrintable(_ text: String) -> String {
        var bytes: [UInt8] = []
        let joined = Array(text.replacingOccurrences(of: "=\r\n", with: "").replacingOccurrences(of: "\r\n", with: "\n").utf8)
        var k = 0
        while k < joined.count {
            if joined[k] == UInt8(ascii: "="), k + 2 < joined.count, let byte = UInt8(String(decoding: joined[k + 1...k + 2], as: UTF8.self), radix: 16) {
                bytes.append(byte)
                k += 3
            } else {
                bytes.append(joined[k])
                k += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test("headers: plain text folded at spaces, other text as encoded words, dates as RFC 5322 writes them")
    func headers() {
        let subject = MailFormat.header("Subject", "Partnership: update requested on 3 items by 2024-07-14 " + String(repeating: "word ", count: 12))
        #expect(subject.components(separatedBy: "\r\n").allSatisfy { $0.count <= 78 })
        #expect(subject.hasPrefix("Subject: Partnership: update requested"))
        let encoded = MailFormat.header("Subject", "Ànne’s partnership")
        #expect(encoded == "Subject: =?UTF-8?B?w4BubmXigJlzIHBhcnRuZXJzaGlw?=\r\n")
        // RFC 2047: a line holding encoded words stays within 76 characters, whatever the text.
        let long = MailFormat.header("Subject", "Safer Lincolnshire Partnership’s board: update requested on 12 items by 2024-07-14 — thank you")
        #expect(long.components(separatedBy: "\r\n").allSatisfy { $0.count <= 76 }, "\(long)")
        #expect(MailFormat.mailbox("Jo =?x?=", "jo@x.org").first?.hasPrefix("=?UTF-8?B?") == true)
        #expect(MailFormat.mailbox("Jo Brown", "jo@x.org") == ["Jo", "Brown", "<jo@x.org>"])
        #expect(MailFormat.mailbox("Brown, Jo", "jo@x.org") == ["\"Brown, Jo\"", "<jo@x.org>"])
        #expect(MailFormat.mailbox(nil, "jo@x.org") == ["<jo@x.org>"])
        #expect(MailFormat.date(Date(timeIntervalSince1970: 1_715_679_000)) == "Tue, 14 May 2024 09:30:00 +0000")
        #expect(MailFormat.date(Date(timeIntervalSince1970: 0)) == "Thu, 01 Jan 1970 00:00:00 +0000")
    }

    @Test("a letter lists every item with its reference and asks for a dated reply by the date")
    func letter() throws {
        let letter = try letters()[1]
        let context = ChaseContext(
            partnership: "Safer Partnership", asOf: Self.asOf, replyBy: CalendarDay(year: 2024, month: 7, day: 14)!,
            withinDays: 30, staleDays: 90)
        let text = ChaseOutput.letter(letter, context)
        #expect(text.hasPrefix("Dear The Health Trust,\n"))
        for reference in ["r1/1 (recommendation, co-owner): 91 days overdue", "r1/2 (recommendation, lead): due in 10 days",
            "r1/4 (recommendation, lead): nothing recorded since 2023-12-31"]
        {
            #expect(text.contains(reference))
        }
        #expect(text.contains("Please reply by 2024-07-14"))
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 72 })
        #expect(ChaseOutput.message(letter, context, date: Date(), from: nil) == nil)
        var injected = letter
        injected.agency.email = "a@b.org>\r\nBcc: all@x.org"
        #expect(ChaseOutput.message(injected, context, date: Date(), from: nil) == nil, "a refused address gets no draft")
        var withEmail = letter
        withEmail.agency.email = "health@x.org"
        let message = try #require(ChaseOutput.message(withEmail, context, date: Date(timeIntervalSince1970: 0), from: nil))
        #expect(message.hasPrefix("To: <health@x.org>\r\nSubject: Safer Partnership: update requested on 3 items by 2024-07-14\r\n"))
        #expect(message.contains("\r\nX-Unsent: 1\r\n\r\nDear The Health Trust,\r\n"))
    }
}
