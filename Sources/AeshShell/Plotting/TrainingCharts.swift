import AutoencoderKit

/// The chart of a training run.
enum TrainingCharts {
    /// Training and validation loss per epoch, the epoch of the lowest validation loss marked; a
    /// log y-axis when the loss spans a decade or more.
    static func loss(_ history: [EpochReport], subject: ChartSubject) throws -> Chart {
        let values = history.flatMap { [$0.loss] + ($0.validationLoss.map { [$0] } ?? []) }.filter(\.isFinite)
        guard let last = history.last, let low = values.min(), let high = values.max() else {
            throw ShellError("no finite loss to plot: the training run has no epochs with a finite loss")
        }
        let logY = low > 0 && high / low >= 10
        var settings = ["set key top right"]
        // Epochs are whole numbers; the range is fixed so that one epoch is not an empty range.
        let first = history.first?.epoch ?? 1
        settings.append("set xrange [\(Double(first) - 0.5):\(Double(last.epoch) + 0.5)]")
        if last.epoch - first <= 12 { settings.append("set xtics 1") }
        if logY {
            settings.append("set logscale y")
        } else if high == low {
            let pad = low == 0 ? 1 : abs(low) * 0.1
            settings.append("set yrange [\(low - pad):\(high + pad)]")
        }
        let rows = history.map { [Double($0.epoch), $0.loss.isFinite ? $0.loss : .nan, $0.validationLoss ?? .nan] }
        var blocks: [(name: String, rows: [[Double]])] = [("loss", rows)]
        var plot = ["$loss using 1:2 with linespoints pt 7 ps 0.6 lw 2 lc rgb \(Palette.normal) title 'training loss'"]
        let validated = history.compactMap { report in report.validationLoss.map { (report.epoch, $0) } }.filter { $0.1.isFinite }
        if let best = validated.min(by: { $0.1 < $1.1 }) {
            plot.append("$loss using 1:3 with linespoints pt 5 ps 0.6 lw 2 lc rgb \(Palette.secondary) title 'validation loss'")
            blocks.append(("best", [[Double(best.0), best.1]]))
            let key = "lowest validation loss \(ChartSubject.metric(best.1)) (epoch \(best.0))"
            plot.append("$best using 1:2 with points pt 6 ps 2 lw 2 lc rgb \(Palette.threshold) title \(Gnuplot.quote(key))")
        }
        let line = [subject.source, "\(history.count) epoch\(history.count == 1 ? "" : "s")"] + (subject.model.map { [$0] } ?? [])
        return Chart(kind: "loss", title: "Training loss per epoch", subtitle: line.joined(separator: " · "),
                     xLabel: "epoch", yLabel: "loss (mean squared error)" + (logY ? ", log scale" : ""),
                     settings: settings, blocks: blocks, plotCommand: "plot " + plot.joined(separator: ", "))
    }
}
