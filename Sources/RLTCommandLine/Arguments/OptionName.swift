/// Every option name a command reads or declares: a typo in code is a compile error, not an option that is never
/// set. The raw value is what users type.
enum OptionName: String, CaseIterable, Sendable {
    case agency = "--agency", asOf = "--as-of", assurance = "--assurance", attendees = "--attendees"
    case audience = "--audience", author = "--author", by = "--by", color = "--color", columns = "--columns"
    case completed = "--completed", convertedFrom = "--converted-from", count = "--count", date = "--date"
    case dryRun = "--dry-run", due = "--due", dueAfter = "--due-after", dueBefore = "--due-before"
    case evidence = "--evidence", excel = "--excel", failIfAny = "--fail-if-any", feedback = "--feedback"
    case `for` = "--for", force = "--force", format = "--format", help = "--help", id = "--id", kind = "--kind"
    case label = "--label", lead = "--lead", level = "--level", limit = "--limit", link = "--link", map = "--map"
    case measure = "--measure", name = "--name", noHeader = "--no-header", note = "--note", of = "--of"
    case out = "--out", overdue = "--overdue", owner = "--owner", partnership = "--partnership", rag = "--rag"
    case reason = "--reason", review = "--review", reviewStatus = "--review-status", sector = "--sector"
    case since = "--since", sort = "--sort", source = "--source", stale = "--stale", staleDays = "--stale-days"
    case status = "--status", store = "--store", strict = "--strict", summary = "--summary", text = "--text"
    case theme = "--theme", title = "--title", type = "--type", values = "--values", version = "--version"
    case yes = "--yes", incident = "--incident", notified = "--notified", commissioned = "--commissioned"
    case published = "--published", contact = "--contact", email = "--email", within = "--within"
    case replyBy = "--reply-by", from = "--from", on = "--on"
    case recordedSince = "--recorded-since", list = "--list", through = "--through", approximate = "--approximate"
    case exact = "--exact", dateNote = "--date-note", with = "--with", assuranceBy = "--assurance-by"
    case engage = "--engage", issuedBy = "--issued-by", para = "--para", expected = "--expected"
    case sessions = "--sessions", location = "--location", serves = "--serves", to = "--to"
}
