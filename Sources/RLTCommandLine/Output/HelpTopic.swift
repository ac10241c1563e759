import ReviewLearning

/// `rlt help TOPIC`: the reference pages a once-a-month user needs, generated from the same tables the code uses.
enum HelpTopic: String, CaseIterable, Sendable {
    case dates, statuses, store, formats, timescales
    case exitCodes = "exit-codes"

    var summary: String {
        switch self {
        case .dates: return "Accepted date forms and when a partial date falls due."
        case .statuses: return "Statuses, terminal ones, RAG and assurance levels."
        case .store: return "The store's files, git use, where data lives, permissions."
        case .formats: return "Output formats and the columns of every listing and table."
        case .timescales: return "Review stages, their statutory timescales, working days and late reviews."
        case .exitCodes: return "What each exit code means."
        }
    }

    var text: String {
        switch self {
        case .dates: return Self.datesText
        case .statuses: return Self.statusesText
        case .store: return Self.storeText
        case .formats: return Self.formatsText
        case .timescales: return Self.timescalesText
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

        Versions: every file carries "schema": 3 (or 1 or 2, from an older rlt: read as it is, and upgraded
        when rlt writes that file; schemas 2 and 3 only add fields). A file from a newer rlt is read-only to
        this one.

        The index: queries read .index/, a binary digest of the review files. Every run checks each file's size,
        times and inode against it and reads again only what changed. It is never the source of truth: delete it
        at any time and it is rebuilt; git ignores it; rlt check compares it with the files. RLT_NO_INDEX=1
        makes rlt decode every review file instead.

        """

    private static var timescalesText: String {
        let stages = ReviewStage.allCases.map { "  \($0.rawValue + String(repeating: " ", count: 14 - $0.rawValue.count))\($0.meaning)" }
        let defaults = Timescale.defaults.map { entry in
            let t = entry.timescale
            let body = DisplayWidth.wrap(entry.words, width: 98) + DisplayWidth.wrap("source: " + entry.source, width: 98)
            return "  \(t.type.rawValue) \(t.stage.rawValue): \(t.rule)\n" + body.map { "      \($0)" }.joined(separator: "\n")
        }
        return """
            REVIEW STAGES AND TIMESCALES

            A review's stages, each an optional date (rlt review update ID --STAGE DATE; an empty value clears it):

            \(stages.joined(separator: "\n"))

            A timescale says when a stage of a review of one type is due: N working days, or N months, after an
            earlier stage's date, counted from the last day of a month or year given as a partial date. rlt review
            show prints the timeline: each stage's date, due date, timescale and standing (on time, done late,
            late by, not yet due, passed). A stage with no date is late once its due date has passed (by a working
            day, for a timescale in working days), unless a later stage has a date or the review's status says it
            got further (published, closed…); a closed review is never late. A stage dated only by month or year
            was done late only if that whole period is after its due day. review list shows the late stages
            (--late: only those reviews), overdue lists them first as rows of kind review, summary --by stage
            counts reviews by the stage they reached, and the report has "Reviews in progress against
            timescales".

            The defaults, from the statutory guidance (only figures it states; no default where it gives none):

            \(defaults.joined(separator: "\n"))

            Not a clock rlt counts: the CSPR final report goes to the Panel and the Secretary of State at least 7
            working days before publication (it runs back from a date); the Home Office quality-assurance panel's
            own time; joint, thematic and serious case reviews (set your own). The guidance is revised from time to
            time: check the current text and set the table to match. A store follows these defaults until it
            changes one; from then it keeps its own table (settings.timescales in tracker.json).

              rlt config list                                            the timescales in force
              rlt config set timescale.sar.completed "9 months after decided"
              rlt config set timescale.dhr.completed off                 no timescale
              rlt config set timescale.dhr.completed default             rlt's default again

            Working days are Monday to Friday except the bank holidays of England and Wales (New Year's Day, Good
            Friday, Easter Monday, the early May and spring bank holidays, the summer bank holiday, Christmas Day
            and Boxing Day, with substitute days when they fall at a weekend, and the one-off changes: 2012-06-04
            and 05, 2020-05-08, 2022-06-02 and 03, 2022-09-19, 2023-05-08), and the store's own closure days:
            rlt config set closure-days 2025-12-29,2025-12-30. "Within 15 working days of" a date counts from the
            day after it.

            """
    }

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
        out += "  summary --by stage: stage, total, one column per review type, late, most_late, most_late_days\n"
        out += "  (overdue rows of kind review are late review stages, the stage as the id)\n"
        out += """

            JSON shapes (--format json: one array; jsonl: the same objects, one a line):
              rec list, action list  each record as stored (its fields, outcomes or updates, history) plus
                                     "review" and the derived "rag", "overdue" (true or false),
                                     "days_overdue", "last_update", "slipped_days" (numbers or null)
              overdue                the same objects, each with "kind": "recommendation" or "action";
                                     first, late review stages: "kind": "review", "review", "id" and
                                     "stage" (the stage), "due", "days_overdue", "late_by",
                                     "timescale", "status", "owner" (its partnership), "title"
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
