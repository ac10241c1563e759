import Foundation

/// What the letters of `rlt chase` say, apart from the items: the partnership, the day the items are as of, when
/// a reply is wanted, and the windows that chose them.
package struct ChaseContext: Sendable {
    package var partnership: String
    package var asOf: CalendarDay
    package var replyBy: CalendarDay
    package var withinDays: Int
    package var staleDays: Int?

    package init(partnership: String, asOf: CalendarDay, replyBy: CalendarDay, withinDays: Int, staleDays: Int?) {
        self.partnership = partnership
        self.asOf = asOf
        self.replyBy = replyBy
        self.withinDays = withinDays
        self.staleDays = staleDays
    }
}

/// The outputs of `rlt chase` as pure functions of the letters: rows (CSV, JSON), Markdown, and the letters
/// themselves as plain text and as draft e-mail messages.
package enum ChaseOutput {
    /// The columns of CSV and JSON, one row per agency and item, in this order.
    package static let columns = [
        "agency", "agency_name", "contact", "email", "review", "id", "kind", "role", "reason", "days_overdue",
        "days_to_due", "due", "original_due", "slipped_days", "status", "last_update", "last_note_date", "last_note",
        "text",
    ]

    /// The cells of one item of a letter, in `columns`' order.
    package static func cells(_ letter: Chase.Letter, _ item: Chase.Item) -> [String] {
        let number: (Int?) -> String = { $0.map(String.init) ?? "" }
        return [
            letter.agency.code, letter.agency.name, letter.agency.contact ?? "", letter.agency.email ?? "", item.review,
            item.id, item.kind, item.role.rawValue, item.reason.rawValue, number(item.daysOverdue), number(item.daysToDue),
            item.due?.description ?? "", item.originalDue?.description ?? "", number(item.slippedDays), item.status,
            item.lastUpdate?.description ?? "", item.lastNoteDate?.description ?? "", item.lastNoteText ?? "", item.text,
        ]
    }

    /// The heading of each group of items in a letter.
    package static func heading(_ reason: Chase.Reason, _ context: ChaseContext) -> String {
        switch reason {
        case .overdue: return "Overdue"
        case .dueSoon: return "Due within \(counted(context.withinDays, "day"))"
        case .stale: return "Nothing recorded for \(counted(context.staleDays ?? 0, "day")) or more"
        }
    }

    /// How much the item is owed, in words: `250 days overdue`, `due in 12 days`, `nothing recorded since 2024-02-01`.
    package static func owed(_ item: Chase.Item) -> String {
        switch item.reason {
        case .overdue: return "\(counted(item.daysOverdue ?? 0, "day")) overdue"
        case .dueSoon:
            let days = item.daysToDue ?? 0
            return days == 0 ? "due today" : "due in \(counted(days, "day"))"
        case .stale: return item.lastUpdate.map { "nothing recorded since \($0)" } ?? "nothing recorded yet"
        }
    }

    /// `2024-03 (originally 2023-12, slipped 91 days)`, or `none`.
    package static func due(_ item: Chase.Item) -> String {
        guard let due = item.due else { return "none" }
        guard let original = item.originalDue, original != due else { return due.description }
        return "\(due) (originally \(original)\(item.slippedDays.map { ", slipped \(counted($0, "day"))" } ?? ""))"
    }

    /// `due 2024-03 (originally 2023-12, slipped 91 days)`, or `no due date`.
    package static func dueLine(_ item: Chase.Item) -> String {
        item.due == nil ? "no due date" : "due \(due(item))"
    }

    /// `recommendation, lead`, `recommendation, co-owner` or `action`.
    package static func what(_ item: Chase.Item) -> String {
        item.isAction ? (item.role == .joint ? "action, joint" : "action") : "recommendation, \(item.role.rawValue)"
    }

    /// `2024-02-01: text`, or `nothing reported yet`.
    package static func lastReported(_ item: Chase.Item) -> String {
        guard let date = item.lastNoteDate, let text = item.lastNoteText else { return "nothing reported yet" }
        return "\(date): \(text)"
    }

    /// The subject of a letter: the partnership, how many items, and the reply-by date.
    package static func subject(_ letter: Chase.Letter, _ context: ChaseContext) -> String {
        "\(context.partnership): update requested on \(counted(letter.items.count, "item")) by \(context.replyBy)"
    }

    // MARK: Markdown

    /// Every letter as a Markdown section: the agency, its contact, and a table of its items per reason.
    package static func markdown(_ letters: [Chase.Letter], _ context: ChaseContext) -> String {
        var out = "# What each agency owes, as of \(context.asOf)\n\n"
        out += "\(MarkdownText.inline(context.partnership)). Updates requested by \(context.replyBy).\n"
        if letters.isEmpty { out += "\nNo agency owes anything.\n" }
        for letter in letters {
            out += "\n## \(MarkdownText.inline(letter.agency.name)) (`\(letter.agency.code)`)\n\n"
            if let contact = contactLine(letter.agency) { out += "Contact: \(MarkdownText.inline(contact))\n\n" }
            out += summary(letter, context) + "\n"
            for reason in Chase.Reason.allCases where letter.count(reason) > 0 {
                out += "\n### \(heading(reason, context)) (\(letter.count(reason)))\n\n"
                out += "| reference | kind | role | owed | due | status | last_update | last reported | text |\n"
                out += "|---|---|---|---|---|---|---|---|---|\n"
                for item in letter.items where item.reason == reason {
                    let cells = [
                        item.reference, item.kind, item.role.rawValue, owed(item), due(item), item.status,
                        item.lastUpdate?.description ?? "", lastReported(item), item.text,
                    ]
                    out += "| " + cells.map(MarkdownText.cell).joined(separator: " | ") + " |\n"
                }
            }
        }
        return out
    }

    /// `3 items: 2 overdue, 1 due within 30 days`.
    package static func summary(_ letter: Chase.Letter, _ context: ChaseContext) -> String {
        let parts = Chase.Reason.allCases.filter { letter.count($0) > 0 }.map { reason -> String in
            switch reason {
            case .overdue: return "\(letter.count(reason)) overdue"
            case .dueSoon: return "\(letter.count(reason)) due within \(counted(context.withinDays, "day"))"
            case .stale: return "\(letter.count(reason)) with nothing recorded for \(counted(context.staleDays ?? 0, "day"))"
            }
        }
        return "\(counted(letter.items.count, "item")): \(parts.joined(separator: ", "))."
    }

    /// `Name <address>`, the name or the address alone, or nil.
    package static func contactLine(_ agency: Agency) -> String? {
        switch (agency.contact, agency.email) {
        case (let name?, let email?): return "\(name) <\(email)>"
        case (let name?, nil): return name
        case (nil, let email?): return email
        case (nil, nil): return nil
        }
    }

    // MARK: Letters

    /// The letter to one agency as plain text, lines within 72 characters where words allow.
    package static func letter(_ letter: Chase.Letter, _ context: ChaseContext) -> String {
        var lines: [String] = ["Dear \(letter.agency.contact ?? letter.agency.name),", ""]
        lines += wrap(
            "\(context.partnership) is asking each agency for an update on what it owes before the board meets. "
                + "As of \(context.asOf), our tracker shows the items below for \(letter.agency.name) "
                + "(\(summary(letter, context).dropLast())). Please reply by \(context.replyBy) with a dated update on "
                + "each: what has been done and when, and the evidence; or, if it cannot be done in time, a revised "
                + "date and the reason.", width: 72)
        var number = 0
        for reason in Chase.Reason.allCases where letter.count(reason) > 0 {
            lines += ["", "\(heading(reason, context)) (\(letter.count(reason)))", ""]
            for item in letter.items where item.reason == reason {
                number += 1
                let head = "\(number). "
                let indent = String(repeating: " ", count: head.count)
                lines.append("\(head)\(item.reference) (\(what(item))): \(owed(item))")
                lines += wrap("Due: \(due(item)); status \(item.status).", width: 72, indent: indent)
                lines += wrap("Review: \(item.reviewTitle)", width: 72, indent: indent)
                lines += wrap("Last reported: \(lastReported(item))", width: 72, indent: indent)
                lines += wrap("Text: \(item.text)", width: 72, indent: indent)
                lines.append("")
            }
            lines.removeLast()
        }
        lines += [""]
        lines += wrap(
            "Please quote each reference (for example \(letter.items[0].reference)) and give the date each thing "
                + "happened, so the board sees when it was done rather than when it was typed.", width: 72)
        lines += ["", "Thank you,", context.partnership]
        return lines.joined(separator: "\n") + "\n"
    }

    /// The letter as a draft e-mail message (RFC 5322, MIME, UTF-8 quoted-printable) to the agency's address;
    /// nil when the agency has no address the contact rules accept (a hand-edited directory is checked again here,
    /// so nothing in it can add a header). `X-Unsent: 1` makes mail clients open it as a draft to send.
    package static func message(_ letter: Chase.Letter, _ context: ChaseContext, date: Date, from: String?) -> String? {
        guard let email = letter.agency.email, ContactRules.emailProblem(email) == nil else { return nil }
        var out = MailFormat.header("To", words: MailFormat.mailbox(letter.agency.contact, email))
        if let from { out += MailFormat.header("From", words: MailFormat.mailbox(nil, from)) }
        out += MailFormat.header("Subject", subject(letter, context))
        out += MailFormat.header("Date", MailFormat.date(date))
        out += "MIME-Version: 1.0\r\n"
        out += "Content-Type: text/plain; charset=utf-8\r\n"
        out += "Content-Transfer-Encoding: quoted-printable\r\n"
        out += "X-Unsent: 1\r\n"
        out += "\r\n"
        out += MailFormat.quotedPrintable(self.letter(letter, context).replacingOccurrences(of: "\r", with: ""))
        return out
    }

    /// The letter for an agency without an e-mail address: its subject, then the letter.
    package static func printableLetter(_ letter: Chase.Letter, _ context: ChaseContext) -> String {
        "To: \(letter.agency.name) (no e-mail address in the directory)\nSubject: \(subject(letter, context))\n\n"
            + self.letter(letter, context)
    }

    /// `text` (any line breaks read as spaces) in lines of at most `width` characters where words allow, each line
    /// after the first indented by `indent`, and the first by it too.
    static func wrap(_ text: String, width: Int, indent: String = "") -> [String] {
        var lines: [String] = []
        var line = indent
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" }) {
            if line.count > indent.count && line.count + 1 + word.count > width {
                lines.append(line)
                line = indent
            }
            line += (line.count > indent.count ? " " : "") + word
        }
        lines.append(line)
        return lines
    }
}
