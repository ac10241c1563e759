import ReviewLearning

/// One line of `rlt overdue`: a recommendation or an action, past its due date.
enum OverdueRow: Sendable {
    case recommendation(RecommendationRow)
    case action(ActionRow)

    var review: Review {
        switch self {
        case .recommendation(let row): return row.review
        case .action(let row): return row.review
        }
    }

    var daysOverdue: Int {
        switch self {
        case .recommendation(let row): return row.state.daysOverdue ?? 0
        case .action(let row): return row.state.daysOverdue ?? 0
        }
    }

    static let listing = Listing<OverdueRow>(
        columns: [
            Column(name: "review") { $0.review.id },
            Column(name: "kind") { row in
                if case .recommendation = row { return "recommendation" } else { return "action" }
            },
            Column(name: "id") { row in
                switch row {
                case .recommendation(let r): return r.recommendation.id
                case .action(let a): return a.action.id
                }
            },
            Column(name: "due") { row in
                switch row {
                case .recommendation(let r): return r.recommendation.due?.description ?? ""
                case .action(let a): return a.action.due?.description ?? ""
                }
            },
            Column(name: "days_overdue") { String($0.daysOverdue) },
            Column(name: "owner") { row in
                switch row {
                case .recommendation(let r): return Listings.joined(r.recommendation.owners)
                case .action(let a): return a.action.agency
                }
            },
            Column(name: "status") { row in
                switch row {
                case .recommendation(let r): return r.recommendation.status.rawValue
                case .action(let a): return a.action.status.rawValue
                }
            },
            Column(name: "last_update") { row in
                switch row {
                case .recommendation(let r): return r.recommendation.lastUpdate?.description ?? ""
                case .action(let a): return a.action.lastUpdate?.description ?? ""
                }
            },
            Column(name: "text") { row in
                switch row {
                case .recommendation(let r): return r.recommendation.text
                case .action(let a): return a.action.text
                }
            },
        ],
        defaults: ["review", "kind", "id", "due", "days_overdue", "owner", "status", "last_update", "text"],
        json: { row in
            switch row {
            case .recommendation(let r): return WithKind(kind: "recommendation", record: Listings.recommendations.json(r))
            case .action(let a): return WithKind(kind: "action", record: Listings.actions.json(a))
            }
        })
}

/// A record's JSON object with a `kind` key added, so each object of the mixed overdue list says what it is.
private struct WithKind: Encodable {
    let kind: String
    let record: any Encodable

    private enum Key: String, CodingKey { case kind }

    func encode(to encoder: any Encoder) throws {
        try record.encode(to: encoder)
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(kind, forKey: .kind)
    }
}

enum OverdueCommand {
    static let spec = CommandSpec(
        name: "overdue",
        overview: "List overdue recommendations and agency actions, grouped by review.",
        discussion: """
            Overdue as of --as-of (default today): has a due date, the period ended before that day (a month or
            quarter falls due at its end), and the status is not terminal. Within a review the oldest come first.
            An action is listed even when the recommendation it answers is on time.
            """,
        options: FilterOptions.specs(.both).filter { $0.name != "--overdue" } + Ordering.specs + ListingOptions.specs,
        examples: [
            "rlt overdue",
            "rlt overdue --as-of 2022-01-01 --owner south-yorkshire-police",
            "rlt overdue --format csv --fail-if-any",
        ],
        run: run)

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws {
        var context = try QueryContext(arguments, invocation, target: .both)
        context.query.filter.overdueOnly = true
        let query = context.query
        let reviews: [Review]
        switch try context.answerListing(fromIndex: { try IndexListing.overdue($0, $1, arguments, invocation) }) {
        case .printedFromIndex: return
        case .decodedReviews(let decoded): reviews = decoded
        }
        var rows: [OverdueRow] = []
        for review in reviews {
            let group = query.recommendations(in: [review]).map(OverdueRow.recommendation)
                + query.actions(in: [review]).map(OverdueRow.action)
            rows += group.enumerated().sorted { a, b in
                a.element.daysOverdue != b.element.daysOverdue ? a.element.daysOverdue > b.element.daysOverdue : a.offset < b.offset
            }.map(\.element)
        }
        let (shown, total) = try Ordering.apply(rows, arguments) { row in
            switch row {
            case .recommendation(let r): return r.orderingKey
            case .action(let a): return a.orderingKey
            }
        }
        let options = try ListingOptions(arguments, invocation)
        if options.format == .table && arguments.string("--sort") == nil {
            // Unsorted, the rows shown are the first of `rows`: headings and totals count from all of them.
            invocation.out(
                try grouped(
                    total: total, shown: shown.count, reviewID: { rows[$0].review.id }, title: { rows[$0].review.title },
                    isRecommendation: { if case .recommendation = rows[$0] { true } else { false } },
                    layout: { try $0.layout(shown, OverdueRow.listing) }, options: options, asOf: invocation.asOf))
        } else {
            invocation.out(try options.render(shown, OverdueRow.listing))
        }
        try Ordering.finish(total: total, arguments)
    }

    /// The table with a heading line before each review's rows, indented under it, and a closing count.
    ///
    /// Rows `0..<total` are every match in order; the first `shown` are printed (`--limit`). Headings and the
    /// closing line count every match, and say how many are shown when that is fewer. `layout` lays out the shown
    /// rows with the options it is given (the review column left out, two cells narrower).
    static func grouped(
        total: Int, shown: Int, reviewID: (Int) -> String, title: (Int) -> String, isRecommendation: (Int) -> Bool,
        layout: (ListingOptions) throws -> TextTable.Layout, options: ListingOptions, asOf: CalendarDay
    ) throws -> String {
        guard total > 0 else { return fitted("Nothing overdue as of \(asOf).", width: options.width) }
        var options = options
        options.columns = (options.columns ?? OverdueRow.listing.defaults).filter { $0 != "review" }
        options.width = options.width.map { $0 - 2 }
        var out = ""
        if shown > 0 {
            let table = try layout(options)
            out = table.header.map { "  \($0)\n" }.joined()
            var index = 0
            while index < shown {
                let review = reviewID(index)
                var end = index + 1
                while end < total && reviewID(end) == review { end += 1 }
                let printed = min(end, shown)
                out += (out.isEmpty ? "" : "\n")
                    + heading(review, title(index), count: end - index, shown: printed - index, width: options.width.map { $0 + 2 })
                    + "\n"
                for (k, row) in table.rows[index..<printed].enumerated() {
                    if table.separated && k > 0 { out += "\n" }
                    for line in row { out += line.isEmpty ? "\n" : "  \(line)\n" }
                }
                index = end
            }
            out += "\n"
        }
        let recs = (0..<total).filter(isRecommendation).count
        var sentence = "\(total) overdue as of \(asOf): \(counted(recs, "recommendation")), \(counted(total - recs, "action"))"
        if shown < total { sentence += shown == 0 ? "; none shown (--limit 0)" : "; the first \(shown) shown (--limit \(shown))" }
        return out + fitted(sentence + ".", width: options.width.map { $0 + 2 })
    }

    /// `child-g — Child G (13 overdue)`, or `(13 overdue, 2 shown)` under `--limit`; the title cut (or left out) to
    /// fit the width.
    private static func heading(_ review: String, _ title: String, count: Int, shown: Int, width: Int?) -> String {
        let review = TerminalText.sanitized(review)
        let tail = shown < count ? " (\(count) overdue, \(shown) shown)" : " (\(count) overdue)"
        guard let width else { return "\(review) — \(TerminalText.sanitized(title))\(tail)" }
        let room = width - DisplayWidth.of(review) - DisplayWidth.of(tail) - 3
        if room >= 8 { return "\(review) — \(DisplayWidth.cut(TerminalText.sanitized(title), to: room))\(tail)" }
        return DisplayWidth.cut(review + tail, to: width)
    }
}
