/// Finds a named column among a table's columns, suggesting the closest name when there is none.
enum ColumnLookup {
    /// The index of `name` in `columns`; throws naming the columns and the closest one otherwise.
    static func index(of name: String, in columns: [String], source: String) throws -> Int {
        if let exact = columns.firstIndex(of: name) { return exact }
        let shown = columns.prefix(12).joined(separator: ", ")
            + (columns.count > 12 ? ", … (\(columns.count) columns)" : "")
        var message = "no column \"\(name)\"; the columns are \(shown)"
        if let closest = closest(to: name, among: columns) { message += " (did you mean \"\(closest)\"?)" }
        throw DataFileError(path: source, line: nil, column: name, locatedMessage: message)
    }

    /// The candidate with the smallest case-insensitive edit distance (the first one on ties), when
    /// it is close enough to be a likely typo: "label" must not suggest "a".
    static func closest(to name: String, among candidates: [String]) -> String? {
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let distance = Suggestion.editDistance(name.lowercased(), candidate.lowercased())
            if let current = best, current.distance <= distance { continue }
            best = (candidate, distance)
        }
        guard let best, best.distance <= max(2, min(name.count, best.name.count) / 3),
              best.distance < max(name.count, best.name.count) else { return nil }
        return best.name
    }
}
