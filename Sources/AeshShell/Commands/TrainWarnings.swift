import AutoencoderKit

/// The teaching warnings `train` gives about its inputs, its network and its loss curve.
enum TrainWarnings {
    /// Column names that usually hold a 0/1 label.
    static let labelNames: Set<String> = ["label", "labels", "class", "target", "anomaly", "anomalous", "outlier",
                                          "is_anomaly", "is_outlier", "fraud", "y"]

    /// Warns (once per session each) about what `train` was given: `inputs` are the training
    /// rows as the network saw them (scaled, if a scaler was used), `history` the epochs run.
    static func check(session: inout Session, data: Dataset, inputs: Matrix, scaled: Bool,
                      architecture: Architecture, history: [EpochReport], completed: Bool, console: Console) {
        let d = inputs.columns
        if architecture.output == .sigmoid, let outside = outsideUnitRange(inputs) {
            session.warnOnce(.sigmoidOutsideRange, "the sigmoid output gives values in 0..1 only, but \(Format.percent(outside.fraction)) of the training values lie outside (from \(Format.compact(Double(outside.min))) to \(Format.compact(Double(outside.max)))): it can never reproduce them, so their error stays. Use `model … output=linear`, or `scale minmax` for a sigmoid", console: console)
        }
        if !scaled, let spread = spreadRatio(inputs, names: data.columnNames) {
            session.warnOnce(.unscaledData, "the features are not scaled and their spreads differ \(Format.compact(spread.ratio.rounded()))-fold (sd of \"\(spread.widest)\" \(Format.compact(spread.widestSD)), of \"\(spread.narrowest)\" \(Format.compact(spread.narrowestSD))): the error is mostly the widest columns'. `scale standard` puts every column on one footing", console: console)
        }
        if let narrowest = architecture.hidden.min(), narrowest >= d {
            let advice = d == 1
                ? "With one column no bottleneck can be narrower: the column's own value, ranked by `threshold`, is the detector here"
                : "Make the narrowest layer smaller, e.g. `model \(max(1, d / 2))`"
            session.warnOnce(.wideBottleneck, "the bottleneck (\(Format.counted(narrowest, "unit"))) is \(narrowest == d ? "as wide as" : "wider than") the input (\(Format.counted(d, "column"))): the network can learn to copy every row, anomalies included. " + advice, console: console)
        }
        if completed, let fall = lateFall(history) {
            session.warnOnce(.lossStillFalling, "the \(history.last?.validationLoss == nil ? "" : "validation ")loss was still falling fast at the last epoch (\(Format.percent(fall.fraction)) lower over the last \(Format.counted(fall.epochs, "epoch"))): the network has not finished learning. `train more=\(history.count)` goes on from here", console: console)
        }
        if data.labels == nil, let column = labelLikeColumn(data) {
            session.warnOnce(.labelAmongFeatures, "column \"\(column)\" holds only 0 and 1 and is named like a label: it was used as a feature, and the rows it marks 1 were training rows. `load FILE label=\(column)` keeps it out and trains on the normal rows only", console: console)
        }
    }

    /// The share of training values outside 0..1 (with the smallest and largest), or nil when none is.
    static func outsideUnitRange(_ inputs: Matrix) -> (fraction: Double, min: Float, max: Float)? {
        var outside = 0
        var low = Float.infinity, high = -Float.infinity
        for v in inputs.values {
            low = min(low, v); high = max(high, v)
            if v < 0 || v > 1 { outside += 1 }
        }
        guard outside > 0, !inputs.values.isEmpty else { return nil }
        return (Double(outside) / Double(inputs.values.count), low, high)
    }

    /// The widest and narrowest column spreads when they differ more than 10-fold (columns
    /// without spread left out), or nil.
    static func spreadRatio(_ inputs: Matrix, names: [String]) -> (ratio: Double, widest: String, widestSD: Double, narrowest: String, narrowestSD: Double)? {
        guard inputs.rows >= 2 else { return nil }
        var sds: [(Int, Double)] = []
        for c in 0..<inputs.columns {
            if let sd = Statistics.meanAndSD(inputs.column(c).map(Double.init))?.sd, sd > 0, sd.isFinite { sds.append((c, sd)) }
        }
        guard let wide = sds.max(by: { $0.1 < $1.1 }), let narrow = sds.min(by: { $0.1 < $1.1 }), wide.1 > 10 * narrow.1 else { return nil }
        let name = { (c: Int) in names.indices.contains(c) ? names[c] : "#\(c + 1)" }
        return (wide.1 / narrow.1, name(wide.0), wide.1, name(narrow.0), narrow.1)
    }

    /// How much the loss fell over the last tenth of the epochs (at least 2) when that is more
    /// than 1 % per epoch on average, or nil. With a validation loss it is the one judged: a
    /// training loss that falls while the validation loss does not is overfitting, which more
    /// epochs would not mend.
    static func lateFall(_ history: [EpochReport]) -> (fraction: Double, epochs: Int)? {
        let k = max(2, history.count / 10)
        guard history.count > k else { return nil }
        let validated = history.allSatisfy { $0.validationLoss != nil }
        let loss = { (report: EpochReport) in validated ? report.validationLoss ?? report.loss : report.loss }
        let before = loss(history[history.count - 1 - k]), last = loss(history[history.count - 1])
        guard before > 0, before.isFinite, last.isFinite else { return nil }
        let fraction = (before - last) / before
        return fraction > 0.01 * Double(k) ? (fraction, k) : nil
    }

    /// A feature column named like a label that holds only 0 and 1, both present.
    static func labelLikeColumn(_ data: Dataset) -> String? {
        for (c, name) in data.columnNames.enumerated() where labelNames.contains(name.lowercased()) {
            let values = Set(data.features.column(c))
            if values == [0, 1] { return name }
        }
        return nil
    }
}
