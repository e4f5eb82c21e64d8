import AutoencoderKit

/// The t-SNE map: rows coloured by their true label, rows the threshold flags ringed.
enum TSNEChart {
    /// The embedding as a scatter plot (`splot` in 3-D). `scores` and `threshold` mark the rows
    /// flagged as anomalies (only rows that were scored can be flagged); `subject` names the data,
    /// the label column, the model and the threshold in the subtitle and the key.
    static func embedding(_ embedding: Embedding, scores: Scores?, threshold: ModelThreshold?,
                          subject: ChartSubject? = nil) -> Chart {
        let dims = embedding.dimensions
        var errorOfRow: [Int: Double] = [:]
        if let scores, threshold != nil {
            for (k, row) in scores.rowIndices.enumerated() where scores.errors.indices.contains(k) { errorOfRow[row] = scores.errors[k] }
        }
        var normal: [[Double]] = [], anomaly: [[Double]] = [], flagged: [[Double]] = []
        for k in 0..<min(embedding.rows.count, embedding.coordinates.rows) {
            let point = embedding.coordinates.row(k).prefix(dims).map(Double.init)
            if let labels = embedding.labels, labels.indices.contains(k), labels[k] != 0 {
                anomaly.append(point)
            } else {
                normal.append(point)
            }
            if let threshold, let error = errorOfRow[embedding.rows[k]], error > threshold.value { flagged.append(point) }
        }
        let empty = [Double](repeating: .nan, count: dims)
        let using = dims == 3 ? "using 1:2:3" : "using 1:2"
        let normalKey = embedding.labels == nil ? Format.counted(normal.count, "row")
            : subject?.classKey(anomaly: false, count: normal.count) ?? Format.counted(normal.count, "normal row")
        var plot = ["$normal \(using) with points pt 7 ps 0.4 lc rgb '#1f77b4' title \(Gnuplot.quote(normalKey))"]
        if embedding.labels != nil {
            let key = Format.counted(anomaly.count, "true anomaly", "true anomalies") + (subject?.labelName.map { " (\($0) = 1)" } ?? "")
            plot.append("$anomaly \(using) with points pt 9 ps 0.7 lc rgb '#d62728' title \(Gnuplot.quote(key))")
        }
        if let threshold, !errorOfRow.isEmpty {
            let rule = subject?.thresholdKey(threshold) ?? "threshold"
            plot.append("$flagged \(using) with points pt 6 ps 1.1 lc rgb '#000000' title \(Gnuplot.quote("\(Format.count(flagged.count)) flagged (above \(rule))"))")
        }
        let what = embedding.input == .latent ? "latent codes" : "inputs"
        let trained = embedding.epochs.map { " after \(Format.counted($0, "epoch"))" } ?? ""
        let title = "t-SNE of the \(what)\(trained) (\(embedding.rows.count) rows, perplexity \(TSNECommand.perplexityText(embedding.perplexity)), KL \(Format.number(embedding.klDivergence, digits: 4)))"
        let subtitle = subject.map { subject in
            ([subject.source] + (embedding.input == .latent ? subject.model.map { [$0] } ?? [] : [])).joined(separator: " · ")
        }
        return Chart(kind: "tsne", title: title, subtitle: subtitle, xLabel: "t-SNE 1", yLabel: "t-SNE 2",
                     zLabel: dims == 3 ? "t-SNE 3" : nil,
                     settings: dims == 3 ? ["set key top right", "set xyplane 0", "set view 60,30,1.1"] : ["set key top right", "set size ratio -1"],
                     blocks: [("normal", normal.isEmpty ? [empty] : normal),
                              ("anomaly", anomaly.isEmpty ? [empty] : anomaly),
                              ("flagged", flagged.isEmpty ? [empty] : flagged)],
                     plotCommand: (dims == 3 ? "splot " : "plot ") + plot.joined(separator: ", "))
    }
}
