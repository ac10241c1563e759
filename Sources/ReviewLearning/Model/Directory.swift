extension Tracker {
    /// Throws unless `code` is in the agency directory, suggesting the nearest codes.
    package func requireAgency(_ code: String, field: String) throws(RecordError) {
        guard agency(code) == nil else { return }
        throw .unknownCode(
            field: field, code: code, kind: "agency code",
            suggestions: nearestMatches(to: code, in: agencies.map(\.code)),
            fix: "add it with 'rlt agency add \(Identifiers.isSlug(code) ? code : "CODE") --name NAME --sector SECTOR'")
    }

    /// A finding's audience is an agency code or a sector.
    package func requireAudience(_ value: String, field: String) throws(RecordError) {
        guard agency(value) == nil, Sector(rawValue: value) == nil else { return }
        throw .unknownCode(
            field: field, code: value, kind: "agency code or sector",
            suggestions: nearestMatches(to: value, in: agencies.map(\.code) + Sector.allowedValues),
            fix: "use a code from 'rlt agency list' or a sector (\(Sector.allowedValues.joined(separator: ", ")))")
    }

    /// Who gives assurance: an agency code, or `all-partners` (every partner agency together).
    package func requireAssurer(_ code: String, field: String) throws(RecordError) {
        guard code != Tracker.allPartners else { return }
        try requireAgency(code, field: field)
    }

    package func requireTheme(_ code: String, field: String) throws(RecordError) {
        guard theme(code) == nil else { return }
        throw .unknownCode(
            field: field, code: code, kind: "theme",
            suggestions: nearestMatches(to: code, in: themes.map(\.code)),
            fix: "add it with 'rlt theme add \(Identifiers.isSlug(code) ? code : "CODE") --label LABEL'")
    }
}

extension Tracker {
    /// The word for "every partner agency" where an assurer is named (outcomes' `by`, recommendations'
    /// `assurance_by`): not an agency code, so it never needs a directory entry.
    package static let allPartners = "all-partners"
}

extension Review {
    /// Throws unless a finding, recommendation or action with this id exists here (a cross-review link's target).
    package func requireRecord(_ id: String) throws(RecordError) {
        guard !childIDs.contains(id) else { return }
        throw .notFound(
            kind: "record", reference: "\(self.id)/\(id)",
            suggestions: nearestMatches(to: id, in: childIDs).map { "\(self.id)/\($0)" })
    }

    /// Throws unless the recommendation exists here, suggesting near ids.
    package func requireRecommendation(_ id: String) throws(RecordError) -> Int {
        if let index = recommendations.firstIndex(where: { $0.id == id }) { return index }
        throw .notFound(
            kind: "recommendation", reference: "\(self.id)/\(id)",
            suggestions: nearestMatches(to: id, in: recommendations.map(\.id)).map { "\(self.id)/\($0)" })
    }

    package func requireFinding(_ id: String) throws(RecordError) -> Int {
        if let index = findings.firstIndex(where: { $0.id == id }) { return index }
        throw .notFound(
            kind: "finding", reference: "\(self.id)/\(id)",
            suggestions: nearestMatches(to: id, in: findings.map(\.id)).map { "\(self.id)/\($0)" })
    }

    package func requireAction(_ id: String) throws(RecordError) -> Int {
        if let index = actions.firstIndex(where: { $0.id == id }) { return index }
        throw .notFound(
            kind: "action", reference: "\(self.id)/\(id)",
            suggestions: nearestMatches(to: id, in: actions.map(\.id)).map { "\(self.id)/\($0)" })
    }

    /// Every id used by a child record; ids are unique across findings, recommendations and actions, ignoring case,
    /// so `REVIEW/ID` always names one record.
    package var childIDs: [String] { findings.map(\.id) + recommendations.map(\.id) + actions.map(\.id) }

    /// Throws when `id` (ignoring case) is already used by a child record of this review.
    package func requireFreeChildID(_ id: String) throws(RecordError) {
        if childIDs.contains(where: { $0.lowercased() == id.lowercased() }) {
            throw .duplicate(kind: "record", reference: "\(self.id)/\(id)")
        }
    }
}
