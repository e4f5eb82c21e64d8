import Foundation
import AutoencoderKit

/// Charts of the reconstruction errors: their histogram and the error of every row.
enum ErrorCharts {
    /// Histogram of the errors, normal and anomaly rows overlaid in two colours when labels are
    /// known, the threshold as a vertical line with its value in the key; `logX` bins and draws
    /// the errors on a log axis.
    static func histogram(_ scores: Scores, subject: ChartSubject, logX: Bool) throws -> Chart {
        let finite = scores.errors.filter(\.isFinite)
        guard !finite.isEmpty else { throw ShellError("no finite reconstruction errors to plot") }
        let smallestPositive = finite.filter { $0 > 0 }.min()
        if logX && smallestPositive == nil {
            throw ShellError("log=yes needs errors above 0, and every error is 0")
        }
        // On a log axis the bins are equal in log10(error); an error of 0 goes into the first bin.
        let position: (Double) -> Double = logX ? { log10(max($0, smallestPositive ?? 1)) } : { $0 }
        let values = scores.errors.map { $0.isFinite ? position($0) : Double.nan }
        let low = finite.map(position).min() ?? 0, high = finite.map(position).max() ?? 1
        let bins = min(50, max(10, finite.count / 10))
        let width = high > low ? (high - low) / Double(bins) : (logX ? 0.1 : max(abs(low) * 0.1, 1e-6))
        func counts(_ selection: [Double]) -> [[Double]] {
            var counts = [Double](repeating: 0, count: bins)
            for v in selection where v.isFinite {
                counts[min(bins - 1, max(0, Int((v - low) / width)))] += 1
            }
            return (0..<bins).map { i in
                let centre = low + (Double(i) + 0.5) * width
                return [logX ? pow(10, centre) : centre, counts[i]]
            }
        }
        var blocks: [(name: String, rows: [[Double]])] = []
        var plot: [String] = []
        if let labels = scores.labels, labels.count == values.count {
            for anomaly in [false, true] {
                let selection = zip(values, labels).filter { ($0.1 != 0) == anomaly }.map(\.0)
                guard !selection.isEmpty else { continue }
                let name = anomaly ? "anomaly" : "normal"
                blocks.append((name, counts(selection)))
                plot.append("$\(name) using 1:2 with boxes lc rgb \(anomaly ? Palette.anomaly : Palette.normal) title \(Gnuplot.quote(subject.classKey(anomaly: anomaly, count: selection.count)))")
            }
        } else {
            blocks.append(("rows", counts(values)))
            plot.append("$rows using 1:2 with boxes lc rgb \(Palette.normal) title \(Gnuplot.quote("\(Format.count(values.count)) rows"))")
        }
        // The axis covers the bins and the threshold, with half a bin to spare on each side.
        var axisLow = low - width, axisHigh = high + width
        // Room above the tallest bar for the key.
        let tallest = blocks.flatMap { $0.rows.map { $0[1] } }.max() ?? 1
        var settings = ["set key top right", "set style fill transparent solid 0.45 border", "set yrange [0:\((tallest * 1.3).rounded(.up))]"]
        if let threshold = subject.threshold {
            let key = Gnuplot.quote(subject.thresholdKey(threshold))
            if threshold.value.isFinite, !logX || threshold.value > 0 {
                let x = threshold.value
                axisLow = min(axisLow, position(x) - width)
                axisHigh = max(axisHigh, position(x) + width)
                settings.append("set arrow from first \(x), graph 0 to first \(x), graph 1 nohead back lw 2 dt 2 lc rgb \(Palette.threshold)")
                plot.append("NaN with lines lw 2 dt 2 lc rgb \(Palette.threshold) title \(key)")
            } else {
                plot.append("NaN with lines lw 2 dt 2 lc rgb \(Palette.threshold) title \(Gnuplot.quote(subject.thresholdKey(threshold) + ", not on the log axis"))")
            }
        }
        if logX {
            settings += ["set logscale x", "set boxwidth 0.9 relative",
                         "set xrange [\(pow(10, axisLow)):\(pow(10, axisHigh))]"]
        } else {
            settings += ["set boxwidth \(width * 0.9) absolute", "set xrange [\(max(0, axisLow)):\(axisHigh)]"]
        }
        return Chart(kind: "errors", title: "Reconstruction errors", subtitle: subject.line(scores),
                     xLabel: "reconstruction error (mean squared error of the row)" + (logX ? ", log scale" : ""),
                     yLabel: "rows per bin", settings: settings, blocks: blocks,
                     plotCommand: "plot " + plot.joined(separator: ", "))
    }

    /// The error of every scored row against its row number in the data: the threshold as a line,
    /// rows above it circled, true anomalies drawn in another colour and shape.
    static func scores(_ scores: Scores, sourceRows: [Int], subject: ChartSubject) -> Chart {
        var normal: [[Double]] = [], anomaly: [[Double]] = [], flagged: [[Double]] = []
        for (k, error) in scores.errors.enumerated() {
            let index = scores.rowIndices.indices.contains(k) ? scores.rowIndices[k] : k
            let x = Double(sourceRows.indices.contains(index) ? sourceRows[index] : index)
            let isAnomaly = scores.labels.map { $0.indices.contains(k) && $0[k] != 0 } ?? false
            if isAnomaly { anomaly.append([x, error]) } else { normal.append([x, error]) }
            if let threshold = subject.threshold, error > threshold.value { flagged.append([x, error]) }
        }
        let finite = scores.errors.filter(\.isFinite)
        let low = finite.min() ?? 0, high = finite.max() ?? 1
        let logY = low > 0 && high / low >= 10
        var settings = [Chart.keyBelow, logY ? "set logscale y" : "set yrange [0:*]"]
        var plot: [String] = []
        if scores.labels == nil {
            plot.append("$normal using 1:2 with points pt 7 ps 0.4 lc rgb \(Palette.normal) title \(Gnuplot.quote("\(Format.count(normal.count)) rows"))")
        } else {
            plot.append("$normal using 1:2 with points pt 7 ps 0.4 lc rgb \(Palette.normal) title \(Gnuplot.quote(subject.classKey(anomaly: false, count: normal.count)))")
            plot.append("$anomaly using 1:2 with points pt 9 ps 0.8 lc rgb \(Palette.anomaly) title \(Gnuplot.quote(subject.classKey(anomaly: true, count: anomaly.count)))")
        }
        if let threshold = subject.threshold, threshold.value.isFinite, !logY || threshold.value > 0 {
            plot.append("$flagged using 1:2 with points pt 6 ps 1.2 lc rgb \(Palette.flagged) title \(Gnuplot.quote("\(Format.count(flagged.count)) flagged: above the threshold"))")
            settings.append("set arrow from graph 0, first \(threshold.value) to graph 1, first \(threshold.value) nohead front lw 2 dt 2 lc rgb \(Palette.threshold)")
            plot.append("NaN with lines lw 2 dt 2 lc rgb \(Palette.threshold) title \(Gnuplot.quote(subject.thresholdKey(threshold)))")
        }
        let empty: [[Double]] = [[.nan, .nan]]
        return Chart(kind: "scores", title: "Reconstruction error per row", subtitle: subject.line(scores),
                     xLabel: "row of the data (counted from 0)",
                     yLabel: "reconstruction error (mean squared error)" + (logY ? ", log scale" : ""),
                     settings: settings,
                     blocks: [("normal", normal.isEmpty ? empty : normal), ("anomaly", anomaly.isEmpty ? empty : anomaly),
                              ("flagged", flagged.isEmpty ? empty : flagged)],
                     plotCommand: "plot " + plot.joined(separator: ", "))
    }
}
