import Foundation

/// The cross-record rules of one review: known codes, unique ids, links that resolve, required reasons.
struct ReviewRules {
    let tracker: Tracker
    let reviewIDs: Set<String>
    /// The record ids of each review that could be read, for links to other reviews; a review that could not be
    /// read is reported once, not again at every link to it.
    let recordIDs: [String: Set<String>]

    func check(_ review: Review, into report: inout FileReport) {
        if !Identifiers.isSlug(review.id) { report.add([.key("id")], "review id is not a valid id") }
        for (i, code) in review.partnerships.enumerated() where tracker.agency(code) == nil {
            report.add([.key("partnerships"), .index(i)], unknownAgency(code))
        }
        checkThemes(review.themes, at: [.key("themes")], into: &report)
        for stage in ReviewStage.allCases {
            dated(review[keyPath: stage.keyPath], at: [.key(stage.rawValue)], "review", into: &report)
        }
        if let source = review.convertedFrom, !reviewIDs.contains(source) {
            report.add([.key("converted_from")], "converted_from names no review \(printable(source))")
        }
        var seen: [String: String] = [:]
        func claim(_ id: String, at path: [JSONPathComponent], report: inout FileReport) {
            if !Identifiers.isRecordID(id) { report.add(path, "id \(printable(id)) is not a valid id") }
            if let earlier = seen[id.lowercased()] {
                report.add(path, "duplicate id \(printable(id)) (also \(printable(earlier)))")
            }
            seen[id.lowercased()] = id
        }
        for (i, finding) in review.findings.enumerated() {
            let base: [JSONPathComponent] = [.key("findings"), .index(i)]
            claim(finding.id, at: base + [.key("id")], report: &report)
            if tracker.agency(finding.audience) == nil && Sector(rawValue: finding.audience) == nil {
                report.add(base + [.key("audience")], "finding \(finding.id): audience \(printable(finding.audience)) is not a known agency code or sector")
            }
            for (j, audience) in finding.with.enumerated()
            where tracker.agency(audience) == nil && Sector(rawValue: audience) == nil || audience == finding.audience {
                report.add(
                    base + [.key("with"), .index(j)],
                    audience == finding.audience
                        ? "finding \(finding.id): \(printable(audience)) is already its audience"
                        : "finding \(finding.id): audience \(printable(audience)) is not a known agency code or sector")
            }
            checkThemes(finding.themes, at: base + [.key("themes")], into: &report)
        }
        let recIDs = Set(review.recommendations.map(\.id))
        let findingIDs = Set(review.findings.map(\.id))
        for (i, rec) in review.recommendations.enumerated() {
            let base: [JSONPathComponent] = [.key("recommendations"), .index(i)]
            claim(rec.id, at: base + [.key("id")], report: &report)
            let name = "recommendation \(rec.id)"
            if rec.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                report.add(base + [.key("text")], "\(name): has no text")
            }
            for (j, owner) in rec.owners.enumerated() where tracker.agency(owner) == nil {
                report.add(base + [.key("owners"), .index(j)], "\(name): owner \(unknownAgency(owner))")
            }
            checkThemes(rec.themes, at: base + [.key("themes")], into: &report)
            for (j, link) in rec.links.enumerated() {
                if let problem = linkProblem(link, recIDs: recIDs) {
                    report.add(base + [.key("links"), .index(j)], "\(name): \(problem)")
                }
            }
            for (j, code) in rec.assuranceBy.enumerated() where code != Tracker.allPartners && tracker.agency(code) == nil {
                report.add(base + [.key("assurance_by"), .index(j)], "\(name): assurance by \(unknownAgency(code))")
            }
            for (j, code) in rec.engage.enumerated() where tracker.agency(code) == nil {
                report.add(base + [.key("engage"), .index(j)], "\(name): body to engage \(unknownAgency(code))")
            }
            if let issuer = rec.issuedBy, tracker.agency(issuer) == nil {
                report.add(base + [.key("issued_by")], "\(name): issued by \(unknownAgency(issuer))")
            }
            dated(rec.due, at: base + [.key("due")], name, into: &report)
            dated(rec.originalDue, at: base + [.key("original_due")], name, into: &report)
            check(rec.timing, at: base, name, into: &report)
            do {
                try ChangeRules.requireComplete(rec, reference: name)
            } catch {
                report.add(base + [.key("status")], error.message(input: Self.input))
            }
            for (j, outcome) in rec.outcomes.enumerated() {
                let at = base + [.key("outcomes"), .index(j)]
                if let by = outcome.by, by != Tracker.allPartners, tracker.agency(by) == nil {
                    report.add(at + [.key("by")], "\(name): outcome by \(unknownAgency(by))")
                }
                for (k, code) in outcome.with.enumerated() where tracker.agency(code) == nil {
                    report.add(at + [.key("with"), .index(k)], "\(name): outcome with \(unknownAgency(code))")
                }
            }
        }
        for (i, action) in review.actions.enumerated() {
            let base: [JSONPathComponent] = [.key("actions"), .index(i)]
            claim(action.id, at: base + [.key("id")], report: &report)
            if tracker.agency(action.agency) == nil {
                report.add(base + [.key("agency")], "action \(action.id): agency \(unknownAgency(action.agency))")
            }
            for (j, code) in action.with.enumerated() where tracker.agency(code) == nil || code == action.agency {
                report.add(
                    base + [.key("with"), .index(j)],
                    code == action.agency
                        ? "action \(action.id): \(printable(code)) is already its lead agency"
                        : "action \(action.id): joint agency \(unknownAgency(code))")
            }
            let name = "action \(action.id)"
            dated(action.due, at: base + [.key("due")], name, into: &report)
            dated(action.originalDue, at: base + [.key("original_due")], name, into: &report)
            check(action.timing, at: base, name, into: &report)
            for (j, note) in action.updates.enumerated() {
                dated(note.date, at: base + [.key("updates"), .index(j), .key("date")], name, into: &report)
            }
            for (j, target) in action.respondsTo.enumerated() where !recIDs.contains(target) && !findingIDs.contains(target) {
                report.add(
                    base + [.key("responds_to"), .index(j)],
                    "action \(action.id): responds to missing recommendation or finding \(printable(target))")
            }
            do {
                try ChangeRules.requireComplete(action, reference: "action \(action.id)")
            } catch {
                report.add(base + [.key("status")], error.message(input: Self.input))
            }
        }
    }

    /// What is wrong with a recommendation's link, or nil: a same-review link names a recommendation of the review,
    /// a cross-review link a record of a review in the store.
    private func linkProblem(_ link: String, recIDs: Set<String>) -> String? {
        switch RecordLink(link) {
        case .sameReview(let id):
            return recIDs.contains(id) ? nil : "links to missing recommendation \(printable(id))"
        case .otherReview(let ref):
            guard reviewIDs.contains(ref.review) else { return "links to \(printable(link)), but there is no review \(printable(ref.review))" }
            guard let ids = recordIDs[ref.review], !ids.contains(ref.id) else { return nil }
            return "links to \(printable(link)), but review \(ref.review) has no record \(printable(ref.id))"
        case nil:
            return "link \(printable(link)) is neither an id nor REVIEW/ID"
        }
    }

    /// `undated` is for a completion or an outcome the document gives no date for; anywhere else it is a mistake.
    private func dated(_ date: PartialDate?, at path: [JSONPathComponent], _ name: String, into report: inout FileReport) {
        if date?.isUndated == true {
            report.add(path, "\(name): \(path.last.map(Self.keyName) ?? "date") cannot be \"undated\"; give a date or leave it out")
        }
    }

    private func check(_ timing: Timing, at base: [JSONPathComponent], _ name: String, into report: inout FileReport) {
        dated(timing.from, at: base + [.key("from")], name, into: &report)
        dated(timing.through, at: base + [.key("through")], name, into: &report)
        do {
            try ChangeRules.requireOrdered(timing, reference: name)
        } catch {
            report.add(base + [.key("through")], error.message(input: Self.input))
        }
    }

    private static func keyName(_ component: JSONPathComponent) -> String {
        if case .key(let key) = component { return key }
        return "date"
    }

    /// A stored record has no options: the check names what is missing ("needs a reason").
    static func input(_ field: String) -> String {
        switch field {
        case "links": return "a link"
        case "from", "through": return field
        default: return withArticle(field)
        }
    }

    private func checkThemes(_ themes: [String], at path: [JSONPathComponent], into report: inout FileReport) {
        for (i, theme) in themes.enumerated() where tracker.theme(theme) == nil {
            report.add(path + [.index(i)], "theme \(printable(theme)) is not in the theme vocabulary")
        }
    }

    private func unknownAgency(_ code: String) -> String {
        "\(printable(code)) is not a known agency code"
    }
}
