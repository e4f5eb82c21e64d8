import AutoencoderKit

/// ROC and precision–recall curves with the current threshold's operating point.
enum CurveCharts {
    /// The ROC curve with its AUC in the key, the chance diagonal, and the operating point of the
    /// threshold in force; `overlays` (other models', baselines' scores of the same rows) are drawn
    /// beside it, each with its AUC, and then `name` says whose the main curve is.
    static func roc(_ scores: Scores, labels: [UInt8], subject: ChartSubject, name: String? = nil,
                    overlays: [ROCOverlay] = []) throws -> Chart {
        let points = Curves.roc(scores: scores.errors, labels: labels)
        guard !points.isEmpty, let auc = Metrics.rocAUC(scores: scores.errors, labels: labels) else {
            throw ShellError("the ROC curve needs both normal and anomaly rows among the scored rows")
        }
        let title = overlays.isEmpty ? "ROC curve" : name ?? "current model"
        var blocks: [(name: String, rows: [[Double]])] = [("curve", points.map { [$0.x, $0.y] })]
        var plot = ["$curve using 1:2 with lines lw 2 lc rgb \(Palette.normal) title \(Gnuplot.quote("\(title), AUC \(ChartSubject.metric(auc))"))"]
        for (k, overlay) in overlays.enumerated() {
            let curve = Curves.roc(scores: overlay.scores, labels: overlay.labels)
            guard !curve.isEmpty, let overlayAUC = Metrics.rocAUC(scores: overlay.scores, labels: overlay.labels) else { continue }
            blocks.append(("overlay\(k)", curve.map { [$0.x, $0.y] }))
            let colour = Palette.series[k % Palette.series.count]
            plot.append("$overlay\(k) using 1:2 with lines lw 1.5 \(overlay.isBaseline ? "dt 2 " : "")lc rgb \(colour) title \(Gnuplot.quote("\(overlay.name), AUC \(ChartSubject.metric(overlayAUC))"))")
        }
        plot.append("x with lines dt 3 lw 1.5 lc rgb \(Palette.reference) title 'chance (AUC 0.5)'")
        // Several curves' entries would cover the curves' lower right: they go under the plot,
        // one a line, with the bottom margin made room for (gnuplot 5.4 does not, see keyBelow).
        let entries = plot.count + (subject.threshold == nil ? 0 : 2)
        let key = overlays.isEmpty ? "set key inside bottom right vertical Left reverse"
            : "set key below vertical maxrows \(entries) Left reverse; set bmargin \(entries + 5)"
        if let threshold = subject.threshold, let point = operatingPoint(scores.errors, labels, threshold.value) {
            blocks.append(("point", [[point.fpr, point.recall]]))
            plot.append("$point using 1:2 with points pt 7 ps 1.8 lc rgb \(Palette.anomaly) title \(Gnuplot.quote(subject.thresholdKey(threshold)))")
            plot.append(Chart.keyNote("false positive rate \(ChartSubject.metric(point.fpr)), recall \(ChartSubject.metric(point.recall))"))
        }
        return Chart(kind: "roc", title: "ROC curve", subtitle: subject.line(scores),
                     xLabel: "false positive rate (normal rows flagged)", yLabel: "true positive rate (anomalies flagged, recall)",
                     settings: unitSquare + ["if (GPVAL_TERM ne 'dumb') { set size ratio -1 }", key],
                     blocks: blocks, plotCommand: "plot " + plot.joined(separator: ", "))
    }

    /// The precision–recall curve, drawn as the steps that average precision sums, with the
    /// average precision in the key, the precision of flagging everything as the chance line, and
    /// the threshold's operating point.
    static func precisionRecall(_ scores: Scores, labels: [UInt8], subject: ChartSubject) throws -> Chart {
        var points = Curves.precisionRecall(scores: scores.errors, labels: labels)
        guard !points.isEmpty, let ap = Metrics.averagePrecision(scores: scores.errors, labels: labels) else {
            throw ShellError("the precision-recall curve needs anomaly rows among the scored rows")
        }
        // Points after full recall is first reached only lower the precision at recall 1; like
        // scikit-learn, the curve stops there (the average precision does not change).
        if let full = points.firstIndex(where: { $0.x >= 1 }) { points = Array(points[...full]) }
        let count = min(labels.count, scores.errors.count)
        let prevalence = Double(labels.prefix(count).filter { $0 != 0 }.count) / Double(max(1, count))
        var blocks: [(name: String, rows: [[Double]])] = [("curve", points.map { [$0.x, $0.y] })]
        var plot = ["$curve using 1:2 with fsteps lw 2 lc rgb \(Palette.normal) title \(Gnuplot.quote("curve: average precision \(ChartSubject.metric(ap))"))",
                    "\(prevalence) with lines dt 3 lw 1.5 lc rgb \(Palette.reference) title \(Gnuplot.quote("chance: anomaly share \(ChartSubject.metric(prevalence))"))"]
        if let threshold = subject.threshold, let point = operatingPoint(scores.errors, labels, threshold.value) {
            blocks.append(("point", [[point.recall, point.precision]]))
            plot.append("$point using 1:2 with points pt 7 ps 1.8 lc rgb \(Palette.anomaly) title \(Gnuplot.quote(subject.thresholdKey(threshold)))")
            plot.append(Chart.keyNote("recall \(ChartSubject.metric(point.recall)), precision \(ChartSubject.metric(point.precision))"))
        }
        return Chart(kind: "pr", title: "Precision-recall curve", subtitle: subject.line(scores),
                     xLabel: "recall (anomalies flagged)", yLabel: "precision (flagged rows that are anomalies)",
                     settings: unitSquare + [Chart.keyBelow],
                     blocks: blocks, plotCommand: "plot " + plot.joined(separator: ", "))
    }

    /// Both axes from 0 to 1, with a little room so curves along the edges stay visible.
    private static let unitSquare = ["set xrange [-0.02:1.02]", "set yrange [-0.02:1.02]", "set xtics 0.1", "set ytics 0.1"]

    /// False positive rate, recall and precision when rows above `threshold` are flagged.
    static func operatingPoint(_ errors: [Double], _ labels: [UInt8], _ threshold: Double) -> (fpr: Double, recall: Double, precision: Double)? {
        let e = Metrics.evaluate(errors: errors, labels: labels, threshold: threshold).confusion
        let negatives = e.trueNegatives + e.falsePositives, positives = e.truePositives + e.falseNegatives
        guard positives > 0 else { return nil }
        let flagged = e.truePositives + e.falsePositives
        return (negatives > 0 ? Double(e.falsePositives) / Double(negatives) : 0,
                Double(e.truePositives) / Double(positives),
                flagged > 0 ? Double(e.truePositives) / Double(flagged) : 1)
    }
}
