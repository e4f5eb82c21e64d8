import AutoencoderKit

/// ROC and precision–recall curves with the current threshold's operating point.
enum CurveCharts {
    /// The ROC curve with its AUC in the key.
    static func roc(_ scores: Scores, labels: [UInt8], threshold: ThresholdState?, digits: Int) throws -> Chart {
        let points = Curves.roc(scores: scores.errors, labels: labels)
        guard !points.isEmpty, let auc = Metrics.rocAUC(scores: scores.errors, labels: labels) else {
            throw ShellError("the ROC curve needs both normal and anomaly rows among the scored rows")
        }
        var blocks: [(name: String, rows: [[Double]])] = [("curve", points.map { [$0.x, $0.y] })]
        var plot = ["$curve using 1:2 with lines lw 2 lc rgb '#1f77b4' title \(Gnuplot.quote("ROC curve (AUC \(Format.number(auc, digits: 4)))"))",
                    "x with lines dt 3 lc rgb '#7f7f7f' title 'chance'"]
        if let threshold, let point = operatingPoint(scores.errors, labels, threshold.value) {
            blocks.append(("point", [[point.fpr, point.recall]]))
            plot.append("$point using 1:2 with points pt 7 ps 1.6 lc rgb '#d62728' title \(Gnuplot.quote("threshold \(Format.number(threshold.value, digits: digits))"))")
        }
        return Chart(kind: "roc", title: "ROC curve of the \(TrainingCharts.partName(scores)) rows",
                     xLabel: "false positive rate", yLabel: "true positive rate (recall)",
                     settings: ["set xrange [0:1]", "set yrange [0:1.02]", "set key bottom right", "set size ratio -1"],
                     blocks: blocks, plotCommand: "plot " + plot.joined(separator: ", "))
    }

    /// The precision–recall curve with the average precision in the key.
    static func precisionRecall(_ scores: Scores, labels: [UInt8], threshold: ThresholdState?, digits: Int) throws -> Chart {
        let points = Curves.precisionRecall(scores: scores.errors, labels: labels)
        guard !points.isEmpty, let ap = Metrics.averagePrecision(scores: scores.errors, labels: labels) else {
            throw ShellError("the precision–recall curve needs anomaly rows among the scored rows")
        }
        var blocks: [(name: String, rows: [[Double]])] = [("curve", points.map { [$0.x, $0.y] })]
        var plot = ["$curve using 1:2 with steps lw 2 lc rgb '#1f77b4' title \(Gnuplot.quote("PR curve (average precision \(Format.number(ap, digits: 4)))"))"]
        if let threshold, let point = operatingPoint(scores.errors, labels, threshold.value) {
            blocks.append(("point", [[point.recall, point.precision]]))
            plot.append("$point using 1:2 with points pt 7 ps 1.6 lc rgb '#d62728' title \(Gnuplot.quote("threshold \(Format.number(threshold.value, digits: digits))"))")
        }
        return Chart(kind: "pr", title: "Precision–recall curve of the \(TrainingCharts.partName(scores)) rows",
                     xLabel: "recall", yLabel: "precision",
                     settings: ["set xrange [0:1]", "set yrange [0:1.02]", "set key bottom left"],
                     blocks: blocks, plotCommand: "plot " + plot.joined(separator: ", "))
    }

    /// False positive rate, recall and precision when rows above `threshold` are flagged.
    static func operatingPoint(_ errors: [Double], _ labels: [UInt8], _ threshold: Double) -> (fpr: Double, recall: Double, precision: Double)? {
        let e = Metrics.evaluate(errors: errors, labels: labels, threshold: threshold).confusion
        let negatives = e.trueNegatives + e.falsePositives, positives = e.truePositives + e.falseNegatives
        guard negatives > 0, positives > 0 else { return nil }
        let flagged = e.truePositives + e.falsePositives
        return (Double(e.falsePositives) / Double(negatives), Double(e.truePositives) / Double(positives),
                flagged > 0 ? Double(e.truePositives) / Double(flagged) : 1)
    }
}
