import Foundation
import AutoencoderKit

/// Charts of training and of the reconstruction errors.
enum TrainingCharts {
    /// Training and validation loss per epoch; a log y-axis when the loss spans decades.
    static func loss(_ history: [EpochReport]) -> Chart {
        let rows = history.map { [Double($0.epoch), $0.loss, $0.validationLoss ?? .nan] }
        let values = history.flatMap { [$0.loss] + ($0.validationLoss.map { [$0] } ?? []) }.filter { $0 > 0 && $0.isFinite }
        var settings = ["set key top right"]
        if let low = values.min(), let high = values.max(), high / low >= 100 { settings.append("set logscale y") }
        var plot = "plot $loss using 1:2 with linespoints pt 7 ps 0.6 lw 2 lc rgb '#1f77b4' title 'training loss'"
        if history.contains(where: { $0.validationLoss != nil }) {
            plot += ", $loss using 1:3 with linespoints pt 5 ps 0.6 lw 2 lc rgb '#ff7f0e' title 'validation loss'"
        }
        return Chart(kind: "loss", title: "Training loss per epoch (mean squared error)", xLabel: "epoch",
                     yLabel: "loss (MSE)", settings: settings, blocks: [("loss", rows)], plotCommand: plot)
    }

    /// Histogram of the errors, normal and anomaly rows overlaid, the threshold as a vertical line.
    static func errorHistogram(_ scores: Scores, threshold: ThresholdState?, logX: Bool, digits: Int) -> Chart {
        let positive = scores.errors.filter { $0 > 0 && $0.isFinite }
        let transform: (Double) -> Double = logX ? { log10(max($0, positive.min() ?? 1e-12)) } : { $0 }
        let values = scores.errors.map(transform)
        let low = values.min() ?? 0, high = values.max() ?? 1
        let bins = 50
        let width = high > low ? (high - low) / Double(bins) : 1
        func histogram(_ selection: [Double]) -> [[Double]] {
            var counts = [Double](repeating: 0, count: bins)
            for v in selection {
                let index = min(bins - 1, max(0, Int((v - low) / width)))
                counts[index] += 1
            }
            return (0..<bins).map { i in
                let centre = low + (Double(i) + 0.5) * width
                return [logX ? pow10(centre) : centre, counts[i]]
            }
        }
        var blocks: [(String, [[Double]])] = []
        var plot: [String] = []
        if let labels = scores.labels {
            blocks.append(("normal", histogram(zip(values, labels).filter { $0.1 == 0 }.map(\.0))))
            blocks.append(("anomaly", histogram(zip(values, labels).filter { $0.1 != 0 }.map(\.0))))
            plot.append("$normal using 1:2 with boxes fs transparent solid 0.5 lc rgb '#1f77b4' title 'normal rows'")
            plot.append("$anomaly using 1:2 with boxes fs transparent solid 0.5 lc rgb '#d62728' title 'anomaly rows'")
        } else {
            blocks.append(("all", histogram(values)))
            plot.append("$all using 1:2 with boxes fs solid 0.5 lc rgb '#1f77b4' title 'rows'")
        }
        var settings = ["set key top right", "set style fill transparent solid 0.5 border -1", "set yrange [0:*]"]
        if logX {
            settings.append("set logscale x")
            settings.append("set boxwidth 0.9 relative")
        } else {
            settings.append("set boxwidth \(width * 0.95) absolute")
        }
        if let threshold, threshold.value.isFinite {
            let label = "threshold \(Format.number(threshold.value, digits: digits))"
            settings.append("set arrow from \(threshold.value), graph 0 to \(threshold.value), graph 1 nohead lw 2 dt 2 lc rgb '#2ca02c'")
            plot.append("NaN with lines lw 2 dt 2 lc rgb '#2ca02c' title \(Gnuplot.quote(label))")
        }
        return Chart(kind: "errors", title: "Reconstruction errors of the \(partName(scores)) rows",
                     xLabel: "reconstruction error (MSE)" + (logX ? ", log scale" : ""), yLabel: "rows",
                     settings: settings, blocks: blocks.map { (name: $0.0, rows: $0.1) },
                     plotCommand: "plot " + plot.joined(separator: ", "))
    }

    /// Error per row, threshold as a line, flagged rows and true anomalies marked differently.
    static func scores(_ scores: Scores, sourceRows: [Int], threshold: ThresholdState?, digits: Int) -> Chart {
        var normal: [[Double]] = [], anomaly: [[Double]] = [], flagged: [[Double]] = []
        for (k, error) in scores.errors.enumerated() {
            let x = Double(sourceRows.indices.contains(scores.rowIndices[k]) ? sourceRows[scores.rowIndices[k]] : k)
            if scores.labels.map({ $0[k] != 0 }) ?? false { anomaly.append([x, error]) } else { normal.append([x, error]) }
            if let threshold, error > threshold.value { flagged.append([x, error]) }
        }
        var plot = ["$normal using 1:2 with points pt 7 ps 0.4 lc rgb '#1f77b4' title \(Gnuplot.quote(scores.labels == nil ? "rows" : "normal rows"))"]
        if scores.labels != nil {
            plot.append("$anomaly using 1:2 with points pt 9 ps 0.7 lc rgb '#d62728' title 'true anomalies'")
        }
        var settings = ["set key top left", "set logscale y"]
        if let threshold, threshold.value > 0 {
            plot.append("$flagged using 1:2 with points pt 6 ps 1.1 lc rgb '#000000' title 'flagged (above threshold)'")
            settings.append("set arrow from graph 0, first \(threshold.value) to graph 1, first \(threshold.value) nohead lw 2 dt 2 lc rgb '#2ca02c'")
            plot.append("NaN with lines lw 2 dt 2 lc rgb '#2ca02c' title \(Gnuplot.quote("threshold \(Format.number(threshold.value, digits: digits))"))")
        }
        return Chart(kind: "scores", title: "Reconstruction error per row (\(partName(scores)) rows)", xLabel: "row",
                     yLabel: "reconstruction error (MSE, log scale)", settings: settings,
                     blocks: [("normal", normal.isEmpty ? [[Double.nan, Double.nan]] : normal),
                              ("anomaly", anomaly.isEmpty ? [[Double.nan, Double.nan]] : anomaly),
                              ("flagged", flagged.isEmpty ? [[Double.nan, Double.nan]] : flagged)],
                     plotCommand: "plot " + plot.joined(separator: ", "))
    }

    static func partName(_ scores: Scores) -> String {
        scores.part == .all ? "all" : scores.part.rawValue
    }

    private static func pow10(_ x: Double) -> Double { exp(x * log(10)) }
}
