import AutoencoderKit

/// What a chart is about, so that it can be read without the command that drew it: where the data
/// came from, the label column, the model, the threshold in force. All of it is text from data or
/// arguments; the chart builders pass it through `Gnuplot.quote` (via `Chart`) and never into
/// command text.
struct ChartSubject {
    /// The data's source: the file as given to `load`, or "generated (seed 42)".
    var source: String
    /// The label column's name, when the data has one.
    var labelName: String?
    /// The model's layout, e.g. "model 10-6-10", when there is one.
    var model: String?
    /// The threshold in force.
    var threshold: ModelThreshold?
    /// Digits after the point for the threshold (as `threshold` prints it).
    var digits: Int

    /// The subject of a session.
    init(session: Session) {
        source = session.dataSource ?? "no data"
        labelName = session.data?.labelName
        if let network = session.network {
            let count = session.model?.networks.count ?? 1
            model = "model " + ([network.inputSize] + network.hiddenSizes + [network.inputSize]).map(String.init).joined(separator: "-")
                + (count > 1 ? " (\(count) networks)" : "")
        }
        threshold = session.threshold
        digits = session.settings.errorDigits
    }

    /// A subject from its parts (for tests).
    init(source: String, labelName: String? = nil, model: String? = nil, threshold: ModelThreshold? = nil, digits: Int = 6) {
        self.source = source
        self.labelName = labelName
        self.model = model
        self.threshold = threshold
        self.digits = digits
    }

    /// "data.csv · 440 test rows · model 10-6-10": the second title line of a chart of scores.
    func line(_ scores: Scores) -> String {
        let part = scores.part == .all ? "" : scores.part.rawValue + " "
        return ([source, "\(Format.count(scores.errors.count)) \(part)rows"] + (model.map { [$0] } ?? [])).joined(separator: " · ")
    }

    /// "threshold 18.198497 (percentile 0.92)": the key entry of the threshold.
    func thresholdKey(_ threshold: ModelThreshold) -> String {
        "threshold \(Format.number(threshold.value, digits: digits)) (\(threshold.rule))"
    }

    /// "400 normal rows (class = 0)": the key entry of one class, naming the label column.
    func classKey(anomaly: Bool, count: Int) -> String {
        let name = "\(Format.count(count)) \(anomaly ? "anomaly" : "normal") row\(count == 1 ? "" : "s")"
        return name + (labelName.map { " (\($0) = \(anomaly ? 1 : 0))" } ?? "")
    }

    /// A number for a key entry: 4 digits after the point.
    static func metric(_ value: Double) -> String { Format.number(value, digits: 4) }
}

/// The colours every chart uses for the same things.
enum Palette {
    static let normal = "'#1f77b4'"
    static let anomaly = "'#d62728'"
    static let threshold = "'#2ca02c'"
    static let secondary = "'#ff7f0e'"
    static let flagged = "'#000000'"
    static let reference = "'#7f7f7f'"
    /// The colours of further curves on one chart (other models, baselines), in turn.
    static let series = ["'#ff7f0e'", "'#9467bd'", "'#8c564b'", "'#e377c2'", "'#17becf'", "'#bcbd22'"]
}
