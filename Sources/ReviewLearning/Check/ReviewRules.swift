import Foundation

/// The cross-record rules of one review: known codes, unique ids, links that resolve, required reasons.
struct ReviewRules {
    let tracker: Tracker
    let reviewIDs: Set<String>

    func check(_ review: Review, into report: inout FileReport) {
        if !Identifiers.isSlug(review.id) { report.add([.key("id")], "review id is not a valid id") }
        for (i, code) in review.partnerships.enumerated() where tracker.agency(code) == nil {
            report.add([.key("partnerships"), .index(i)], unknownAgency(code))
        }
        checkThemes(review.themes, at: [.key("themes")], into: &report)
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
            for (j, link) in rec.links.enumerated() where !recIDs.contains(link) {
                report.add(base + [.key("links"), .index(j)], "\(name): links to missing recommendation \(printable(link))")
            }
            do {
                try ChangeRules.requireComplete(rec, reference: name)
            } catch {
                report.add(base + [.key("status")], error.message(input: Self.input))
            }
            for (j, outcome) in rec.outcomes.enumerated() {
                if let by = outcome.by, tracker.agency(by) == nil {
                    report.add(base + [.key("outcomes"), .index(j), .key("by")], "\(name): outcome by \(unknownAgency(by))")
                }
            }
        }
        for (i, action) in review.actions.enumerated() {
            let base: [JSONPathComponent] = [.key("actions"), .index(i)]
            claim(action.id, at: base + [.key("id")], report: &report)
            if tracker.agency(action.agency) == nil {
                report.add(base + [.key("agency")], "action \(action.id): agency \(unknownAgency(action.agency))")
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

    /// A stored record has no options: the check names what is missing ("needs a reason").
    static func input(_ field: String) -> String { field == "links" ? "a link" : withArticle(field) }

    private func checkThemes(_ themes: [String], at path: [JSONPathComponent], into report: inout FileReport) {
        for (i, theme) in themes.enumerated() where tracker.theme(theme) == nil {
            report.add(path + [.index(i)], "theme \(printable(theme)) is not in the theme vocabulary")
        }
    }

    private func unknownAgency(_ code: String) -> String {
        "\(printable(code)) is not a known agency code"
    }
}
