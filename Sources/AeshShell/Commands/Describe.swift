import AutoencoderKit

extension CommandSpec {
    /// `describe`: rows, columns and per-column statistics.
    static let describe = CommandSpec(
        name: "describe",
        summary: "rows, columns, per-column min/mean/sd/max, label counts",
        details: """
        Summarises the loaded data before scaling: one line per feature column with its minimum,
        mean, standard deviation and maximum, then the label counts and how the rows are split.
        sd is the population standard deviation (n in the denominator, as numpy's std and as
        `scale standard` uses it); pandas' describe divides by n − 1, slightly larger.
        """,
        example: "describe"
    ) { _, session, context in
        let data = try session.requireData()
        let console = context.console
        let digits = session.settings.precision
        console.line("\(session.dataSource ?? "data"): \(Format.counted(data.rowCount, "row")) × \(Format.counted(data.columnCount, "feature column"))")
        var rows: [[String]] = []
        for c in 0..<data.columnCount {
            let column = data.features.column(c).map(Double.init)
            let (mean, sd) = Statistics.meanAndSD(column) ?? (0, 0)
            let minimum = column.min() ?? 0, maximum = column.max() ?? 0
            let missing = session.missingPerColumn.flatMap { $0.indices.contains(c) ? $0[c] : nil } ?? 0
            rows.append([data.columnNames[c], Format.number(minimum, digits: digits), Format.number(mean, digits: digits),
                         Format.number(sd, digits: digits), Format.number(maximum, digits: digits), Format.count(missing)])
        }
        console.write(Format.table(header: ["column", "min", "mean", "sd", "max", "missing"], rows: rows))
        let totalMissing = session.missingPerColumn?.reduce(0, +) ?? 0
        if totalMissing > 0 {
            console.line("missing cells: \(Format.count(totalMissing)), in rows that load dropped (missing=drop)")
        }
        if let labels = data.labels {
            let anomalies = labels.reduce(0) { $0 + Int($1) }
            console.line("labels (\(data.labelName ?? "label")): \(Format.count(labels.count - anomalies)) normal, \(Format.counted(anomalies, "anomaly", "anomalies")) (\(Format.percent(Double(anomalies) / Double(max(1, labels.count)))))")
        } else {
            console.line("labels: none (give load a label= column to evaluate)")
        }
        if let split = session.split {
            console.line("split: \(Format.counted(split.trainIndices.count, "training row")), \(Format.counted(split.testIndices.count, "test row"))")
        }
    }
}
