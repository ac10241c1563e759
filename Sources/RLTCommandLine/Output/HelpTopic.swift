import ReviewLearning

/// `rlt help TOPIC`: the reference pages a once-a-month user needs, generated from the same tables the code uses.
enum HelpTopic: String, CaseIterable, Sendable {
    case dates, statuses, store, formats
    case exitCodes = "exit-codes"

    var summary: String {
        switch self {
        case .dates: return "Accepted date forms and when a partial date falls due."
        case .statuses: return "Statuses, terminal ones, RAG and assurance levels."
        case .store: return "The store's files, git use, where data lives, permissions."
        case .formats: return "Output formats and the columns of every listing and table."
        case .exitCodes: return "What each exit code means."
        }
    }

    var text: String {
        switch self {
        case .dates: return Self.datesText
        case .statuses: return Self.statusesText
        case .store: return Self.storeText
        case .formats: return Self.formatsText
        case .exitCodes: return Self.exitCodesText
        }
    }

    private static let datesText = """
        DATES

        Reviews give dates as precisely as they know them, and so does rlt. Every date option (--due,
        --completed, --date, --since, --due-before, --as-of…) and every date column of an import takes:

          2024          a year         falls due on 2024-12-31
          2024-06       a month        falls due on 2024-06-30
          2024-Q2       a quarter      falls due on 2024-06-30 (Q1 Jan-Mar, Q2 Apr-Jun, Q3 Jul-Sep, Q4 Oct-Dec)
          2024-06-30    a day
          30/06/2024    a day, UK order (day/month/year); stored as 2024-06-30

        Dates with slashes are in UK order, day first: 05/06/2024 is 5 June 2024, never 6 May.

        A partial due date falls due at the END of its period: a recommendation due 2024-06 is not overdue on
        2024-06-30 and is overdue from 2024-07-01.

        Nothing is ever rolled over or guessed: 2024-02-30 (no such day), 06/15/2024 (US order: no month 15),
        2024-6-5 (use two digits) and 2024-13 are errors. Dates do not depend on the time zone.

        --as-of DATE (or $RLT_AS_OF) sets the day treated as today for overdue, RAG, stale and default dates, so
        every date-dependent output can be reproduced: rlt overdue --as-of 2022-01-01

        What has happened cannot be dated in the future: a completed date, an outcome's date and a progress
        note's date may not be after --as-of. A month, quarter or year is in the future only if it STARTS after
        --as-of (2024-03 is fine on 2024-03-01). Dates long before the record was typed in are normal.
        History timestamps are UTC, e.g. 2024-05-20T09:30:00Z.

        Reported dates: rec update, action update and outcome add take --on DATE, when the change happened or
        was reported (default --as-of; not after it), e.g. an update an agency sent on 2024-05-02 and typed in on
        2024-05-09. History keeps both: at (when it was typed, from the clock) and on (for other commands, the
        --as-of day). last_update, --stale,
        chase and log --since count from on; log --recorded-since from at. --since last-board (log, report)
        starts at the latest board meeting recorded with 'rlt event add --kind board --date DATE'.

        """

    private static var statusesText: String {
        func list<V: Vocabulary>(_ type: V.Type, terminal: (V) -> Bool) -> String {
            V.allCases.map { terminal($0) ? "\($0.rawValue) (terminal)" : $0.rawValue }.joined(separator: ", ")
        }
        return """
            STATUSES

            Review:          \(list(ReviewStatus.self) { $0.isTerminal })
            Recommendation:  \(list(RecommendationStatus.self) { $0.isTerminal })
            Action:          \(list(ActionStatus.self) { $0.isTerminal })
            Assurance:       \(AssuranceLevel.allowedValues.joined(separator: ", ")) (default not-assessed)

            A terminal status is never overdue. Rules:
              not-accepted      needs --reason (SAB annual reports must give reasons)
              already-in-place  needs --reason saying where existing practice meets it
              superseded        needs --link to the replacing recommendation
              dropped (action)  needs --reason
              done (action)     records the completed date (default: --as-of; never after --as-of)

            Changes people regret:
              reopening         a terminal recommendation or action back to a live status (assured → open,
                                done → in-progress) needs --reason; the reason is kept in the record's reason
                                field and history says "status: assured → open (reopened)". A reopened action
                                loses its completed date (history keeps it).
              closed review     takes no new findings, recommendations or actions (rec add, finding add,
                                action add, import), and its records are not reopened; reopen the review
                                first with rlt review update ID --status published
              closing a review  is refused while any of its recommendations or actions is open, unless --force
              review remove     says what it would delete and needs --yes

            RAG as of --as-of:
              blue   terminal status
              red    overdue: has a due date, its period ended before today, not terminal
              amber  due within the amber window (default 30 days; rlt config set amber-days N)
              green  due later
              grey   no due date

            Stale (--stale DAYS): not terminal, and no history entry, outcome or progress update for DAYS days.
            Slippage: moving a due date keeps the first one as original_due; slipped_days is the difference.

            """
    }

    private static let storeText = """
        THE STORE

        A store is a directory:

          tracker.json        schema, partnership name, agency directory, theme vocabulary, settings
          reviews/<id>.json   one review with its findings, recommendations, actions, outcomes, history
          events.json         dissemination events
          .lock               the writers' lock file (not data)
          .index/             a derived index of the review files, for fast queries (not data)
          .undo/              the undo journal of the last changes, for 'rlt undo' and 'rlt redo' (not data)

        Where: --store DIR, else $RLT_STORE, else ./data (from this repository's root, the sample store). The
        path must be a directory: a file there is refused (exit 66; rlt init: exit 73).

        The files are pretty-printed JSON with sorted keys and a final newline: keep the store in git. Two
        coordinators editing different reviews never conflict; after a merge, run 'rlt check'.

        Safety: every write goes to a temporary file in the same folder, is flushed to disk, then renamed over
        the old file, and the folder is flushed: a crash or power cut leaves the old or the new file, never a
        mix. One writer at a time holds the lock (.lock); another waits up to $RLT_LOCK_TIMEOUT seconds
        (default 10), then gives up with exit 75. A file changed by someone else while rlt was updating it is
        not overwritten (exit 75: run the command again).

        Permissions: files are created 0600 (owner only) because these are sensitive records. To share with a
        group: rlt config set file-mode 0640. Symbolic links inside the store are refused.

        Versions: every file carries "schema": 2 (or 1, from an older rlt: read as it is, and upgraded when
        rlt writes that file; schema 2 only adds fields). A file from a newer rlt is read-only to this one.

        The index: queries read .index/, a binary digest of the review files. Every run checks each file's size,
        times and inode against it and reads again only what changed. It is never the source of truth: delete it
        at any time and it is rebuilt; git ignores it; rlt check compares it with the files. RLT_NO_INDEX=1
        makes rlt decode every review file instead.

        """

    private static var formatsText: String {
        var out = """
            FORMATS

            Listings (rec list, action list, review list, overdue, summary, search, log) take
              --format table   aligned columns; on a terminal fitted to its width and coloured; never cut in a pipe
              --format csv     RFC 4180, CRLF line ends, lists joined with "; ", formula cells prefixed with '
              --format tsv     tab-separated; tab, newline, CR and backslash written as \\t \\n \\r \\\\
              --format json    one array; the records as stored plus review and derived rag, overdue,
                               days_overdue, last_update, slipped_days, and in overdue kind
                               (with --columns: just those columns)
              --format jsonl   the same, one object a line
            and --columns a,b,c, --no-header. show takes --format table|json.

            Columns of the listings (defaults marked *):

            """
        func line(_ name: String, _ columns: [String], _ defaults: [String]) -> String {
            "  \(name): " + columns.map { defaults.contains($0) ? "\($0)*" : $0 }.joined(separator: ", ") + "\n"
        }
        func line(_ name: String, _ kind: RecordKind) -> String {
            line(name, RecordColumn.all(kind).map(\.name), RecordColumn.defaults(kind))
        }
        out += line("rec list", .recommendations)
        out += line("action list", .actions)
        out += line("review list", Listings.reviews.columns.map(\.name), Listings.reviews.defaults)
        out += line("overdue", .overdue)
        out += line("search", SearchHit.listing.columns.map(\.name), SearchHit.listing.defaults)
        out += line("log", LogEntry.listing.columns.map(\.name), LogEntry.listing.defaults)
        out += "  summary: the grouping, total, one column per status, blue, red, amber, green, grey, overdue,\n"
        out += "           assured_pct (done_pct for actions), oldest_overdue, oldest_overdue_days\n"
        out += """

            JSON shapes (--format json: one array; jsonl: the same objects, one a line):
              rec list, action list  each record as stored (its fields, outcomes or updates, history) plus
                                     "review" and the derived "rag", "overdue" (true or false),
                                     "days_overdue", "last_update", "slipped_days" (numbers or null)
              overdue                the same objects, each with "kind": "recommendation" or "action"
              rec show, action show  one such object, without the derived fields
              review list            each review as stored; review show: one
              finding list           each finding as stored plus "review"
              event, agency, theme   each record as stored
              summary                one object a row, with the keys of the CSV header: counts and
                                     assured_pct (done_pct) are numbers, oldest_overdue a reference
              search, log            one object a row, with the keys of the CSV header
            With --columns, objects of just those keys, typed as the records are:

            """
        var types: [String: Set<String>] = [:]
        let records = [RecordKind.recommendations, .actions, .overdue].flatMap { RecordColumn.all($0).map(\.name) }
        for name in records + Listings.reviews.columns.map(\.name) { types["\(CellType.of(name))", default: []].insert(name) }
        out += "  numbers (null when empty): \((types["integer"] ?? []).sorted().joined(separator: ", "))\n"
        out += "  true or false: \((types["boolean"] ?? []).sorted().joined(separator: ", "))\n"
        out += "  arrays (empty: []): \((types["list"] ?? []).sorted().joined(separator: ", "))\n"
        out += "  strings (null when empty): every other column; outcomes is the number of outcomes\n"
        out += "\nTables of rlt export / rlt import (CSV headers, in order):\n\n"
        for table in ExportTable.allCases {
            out += "  \(table.rawValue): \(table.columns.joined(separator: ", "))\n"
        }
        out += """

            rag, overdue, days_overdue and last_update are computed on export (as of --as-of) and ignored on
            import. --excel adds a UTF-8 byte-order mark. Import also reads hand-made sheets: see
            'rlt import --help'.

            """
        return out
    }

    private static let exitCodesText = """
        EXIT CODES

          0   success; a query that matches nothing still succeeds
          1   failure; 'rlt check' found problems; --fail-if-any and something matched
          64  usage error: unknown command or option, missing or malformed value (bad date, unknown status),
              a removal without --yes, --text - with nothing on standard input, an output path (--out,
              init DIR) inside a store
          65  bad data: unknown agency or theme code, duplicate id, missing record, a broken rule (a reopen
              without --reason, adding to a closed review, a date in the future…), a corrupt store file or one
              from a newer rlt, an import file with problems, nothing to undo or redo, a file changed since
              the step undo would revert
          66  no store at the given path (tracker.json missing, or the path is a file, not a directory), or an
              input file that does not exist
          73  cannot create (e.g. init where a store already exists, or where a file is in the way)
          74  cannot read or write a file (permissions, disk full, read-only store), or standard output (full,
              closed); a reader that stops early (rlt … | head) keeps the command's own code
          75  try again: the store is locked by another rlt, or a file changed during the update

        Every error is one line on stderr starting 'error:'. When a command fails, nothing has been written.

        """
}
