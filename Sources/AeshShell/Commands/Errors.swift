import AutoencoderKit

/// The keys of `errors`.
struct ErrorsKeys: KeySet {
    let on = OptionalKey<ScoredPart>.choice("on", "the part to score", absent: "test after split, else all")
    let top = OptionalKey.integer("top", "how many of the worst rows to list", in: 0...100_000,
                                  absent: "the top setting, \(Settings.keys.top.fallback)")
}

extension CommandSpec {
    /// `errors`: per-row reconstruction errors with a summary and the worst rows.
    static let errors = CommandSpec(
        name: "errors",
        summary: "score rows by reconstruction error; summary and the top rows",
        details: """
        Runs every row of a part through the autoencoder and measures how badly it comes back: the
        mean squared difference between the row and its reconstruction. Rows unlike the normal
        training rows reconstruct badly, so a large error marks a likely anomaly. Prints a summary
        (by label when labels exist) and the `top` rows with the features that contribute most to
        their error. The scores stay in the session for threshold, evaluate, export and plot.
        Default part: the test part after `split`, all rows before.
        """,
        example: "errors on=test top=5",
        keys: ErrorsKeys.self
    ) { arguments, session, context in
        let data = try session.requireData()
        let model = try session.requireModel()
        let part = try arguments.value(\.on, or: session.defaultScoredPart)
        let top = try arguments.value(\.top, or: session.settings.top)
        let rows = try session.rowIndices(of: part, in: data)
        let inputs = try session.modelInputs(from: data, rows: rows)
        let errors = model.errors(inputs)
        if let bad = errors.firstIndex(where: { !$0.isFinite }) {
            throw ShellError("row \(data.sourceRows[rows[bad]]) reconstructs to a non-finite error: the model or the data holds extreme values")
        }
        let labels = data.labels.map { l in rows.map { l[$0] } }
        session.scores = Scores(part: part, rowIndices: rows, errors: errors, labels: labels)
        session.recordModelScores(Scores(part: part, rowIndices: rows, errors: errors, labels: labels))
        session.evaluation = nil
        let console = context.console
        let digits = session.settings.errorDigits
        console.line("reconstruction errors of \(Format.count(rows.count)) \(part == .all ? "" : part.rawValue + " ")rows (mean squared error per row)")
        console.write(ErrorSummaryTable.render(errors: errors, labels: labels, digits: digits))
        if let note = session.trainingRowOverlapNote(part: part, rows: rows) { console.line(note) }
        if let used = session.model?.columns {
            let ignored = data.columnNames.filter { !used.contains($0) }
            if !ignored.isEmpty {
                console.line("note: the columns do not match: the model uses \(used.count) of the data's \(data.columnCount) columns; \(quotedList(ignored)) \(ignored.count == 1 ? "is" : "are") ignored")
            }
        }
        if let threshold = session.threshold {
            let flagged = errors.filter { $0 > threshold.value }.count
            console.line("\(Format.counted(flagged, "row")) (\(Format.percent(Double(flagged) / Double(max(1, errors.count))))) are above the threshold \(Format.number(threshold.value, digits: digits)) (\(threshold.rule))")
        }
        guard top > 0 else { return }
        let order = errors.indices.sorted { errors[$0] > errors[$1] || (errors[$0] == errors[$1] && $0 < $1) }
        var table: [[String]] = []
        let columns = session.model?.columns ?? data.columnNames
        for k in order.prefix(top) {
            let contributions = model.featureContributions(row: inputs.row(k))
            let total = contributions.reduce(0, +)
            let leading = contributions.indices.sorted { contributions[$0] > contributions[$1] }.prefix(3)
            let described = leading.map { c in
                "\(columns.indices.contains(c) ? columns[c] : "#\(c)") \(Format.percent(total > 0 ? contributions[c] / total : 0, digits: 0))"
            }.joined(separator: ", ")
            let id = data.rowIds.map { [$0[rows[k]]] } ?? []
            table.append([String(data.sourceRows[rows[k]])] + id + [Format.number(errors[k], digits: digits),
                          labels.map { String($0[k]) } ?? "", described])
        }
        console.line("top \(Format.counted(min(top, errors.count), "row")) by error:")
        let header = ["row"] + (data.rowIds == nil ? [] : ["id"]) + ["error", "label", "largest contributions"]
        console.write(Format.table(header: header, rows: table))
    }
}

/// The summary lines of `errors`: overall and per label.
enum ErrorSummaryTable {
    static func render(errors: [Double], labels: [UInt8]?, digits: Int) -> String {
        func summary(_ name: String, _ values: [Double]) -> [String] {
            guard let moments = Statistics.meanAndSD(values) else { return [name, "0", "", "", "", "", ""] }
            let p = { (q: Double) in Format.number(Percentile.linear(values, fraction: q) ?? .nan, digits: digits) }
            return [name, Format.count(values.count), Format.number(moments.mean, digits: digits), p(0.5), p(0.92), p(0.99),
                    Format.number(values.max() ?? .nan, digits: digits)]
        }
        var rows = [summary("all", errors)]
        if let labels {
            rows.append(summary("normal", zip(errors, labels).filter { $0.1 == 0 }.map(\.0)))
            rows.append(summary("anomaly", zip(errors, labels).filter { $0.1 != 0 }.map(\.0)))
        }
        return Format.table(header: ["rows", "count", "mean", "median", "p92", "p99", "max"], rows: rows)
    }
}
