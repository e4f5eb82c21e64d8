import AutoencoderKit

/// Another curve on the ROC chart: an earlier model's or a baseline's scores of the same rows.
struct ROCOverlay {
    /// Its key entry, before the AUC: "model 1 (4-2-4)", "PCA, 3 of 4 axes (…)".
    var name: String
    /// Its scores of the chart's rows (larger is more anomalous) and their labels.
    var scores: [Double], labels: [UInt8]
    /// Whether it is a baseline (drawn dashed) rather than a model.
    var isBaseline: Bool
}

extension Session {
    /// The curves `plot roc` draws beside its main one, of the same `rows`: every other model of
    /// the session that scored them with `errors` (not the current one), then every baseline of
    /// them but `skipping` (the one drawn as the main curve).
    func rocOverlays(rows: [Int], skipping: BaselineMethod? = nil) -> [ROCOverlay] {
        let current = model == nil ? nil : modelSummaries.indices.last
        var overlays: [ROCOverlay] = []
        for (i, summary) in modelSummaries.enumerated() where i != current {
            guard let kept = summary.scores, let labels = kept.labels, kept.rowIndices == rows else { continue }
            overlays.append(ROCOverlay(name: "model \(i + 1) (\(summary.widths.map(String.init).joined(separator: "-")))",
                                       scores: kept.errors, labels: labels, isBaseline: false))
        }
        for baseline in baselines where baseline.method != skipping {
            guard let labels = baseline.scores.labels, baseline.scores.rowIndices == rows else { continue }
            overlays.append(ROCOverlay(name: baseline.name, scores: baseline.scores.errors, labels: labels, isBaseline: true))
        }
        return overlays
    }

    /// The ROC chart of the session: the current model's scores (from `errors`) with the
    /// threshold's operating point, or without them the first baseline's, and the overlays of the
    /// same rows.
    func rocChart(subject: ChartSubject) throws -> Chart {
        guard scores == nil, let first = baselines.first, let labels = first.scores.labels else {
            // The current model's curve; without scores, the message every chart of scores gives.
            let scores = try requireScores()
            guard let labels = scores.labels else { throw ShellError("roc curves need labels: load the data with label=COLUMN") }
            let name = modelSummaries.indices.last.map { i in "model \(i + 1) (\(modelSummaries[i].widths.map(String.init).joined(separator: "-")))" }
            return try CurveCharts.roc(scores, labels: labels, subject: subject, name: name,
                                       overlays: rocOverlays(rows: scores.rowIndices))
        }
        var plain = subject
        plain.threshold = nil
        return try CurveCharts.roc(first.scores, labels: labels, subject: plain, name: first.name,
                                   overlays: rocOverlays(rows: first.scores.rowIndices, skipping: first.method))
    }
}
