/// Counts of rows by true label (normal 0, anomaly 1) and prediction (`error > threshold`).
/// The field order is sklearn's `confusion_matrix(...).ravel()`: tn, fp, fn, tp.
public struct ConfusionMatrix: Equatable, Sendable {
    /// Normal rows predicted normal.
    public var trueNegatives: Int
    /// Normal rows predicted anomalous (false alarms).
    public var falsePositives: Int
    /// Anomalous rows predicted normal (missed anomalies).
    public var falseNegatives: Int
    /// Anomalous rows predicted anomalous.
    public var truePositives: Int

    /// Creates a matrix from its four counts.
    public init(trueNegatives: Int, falsePositives: Int, falseNegatives: Int, truePositives: Int) {
        self.trueNegatives = trueNegatives
        self.falsePositives = falsePositives
        self.falseNegatives = falseNegatives
        self.truePositives = truePositives
    }

    /// All rows counted.
    public var total: Int { trueNegatives + falsePositives + falseNegatives + truePositives }
}

/// Precision, recall and F1 of one class, as sklearn's `classification_report` row.
///
/// A ratio whose denominator is 0 is reported as 0 (sklearn's `zero_division=0`): precision when
/// nothing was predicted as this class, recall when the class has no rows, F1 when both are 0.
public struct ClassMetrics: Equatable, Sendable {
    /// Of the rows predicted as this class, the fraction that are.
    public var precision: Double
    /// Of the rows of this class, the fraction predicted as it.
    public var recall: Double
    /// The harmonic mean of precision and recall, 2TP / (2TP + FP + FN).
    public var f1: Double
    /// Rows that truly belong to this class.
    public var support: Int

    /// Creates the metrics from their values.
    public init(precision: Double, recall: Double, f1: Double, support: Int) {
        self.precision = precision
        self.recall = recall
        self.f1 = f1
        self.support = support
    }

    /// The metrics of a class from its own true positives, false positives and false negatives.
    init(truePositives tp: Int, falsePositives fp: Int, falseNegatives fn: Int) {
        precision = ratio(tp, tp + fp)
        recall = ratio(tp, tp + fn)
        f1 = ratio(2 * tp, 2 * tp + fp + fn)
        support = tp + fn
    }
}

/// Everything `evaluate` reports about a threshold applied to labelled errors.
public struct Evaluation: Equatable, Sendable {
    /// Rows by true label and prediction.
    public var confusion: ConfusionMatrix
    /// Fraction of rows predicted correctly (0 when there are no rows).
    public var accuracy: Double
    /// Metrics of the normal class (label 0).
    public var normal: ClassMetrics
    /// Metrics of the anomaly class (label 1).
    public var anomaly: ClassMetrics
    /// Area under the ROC curve of the errors as scores; nil when undefined.
    public var rocAUC: Double?
    /// Average precision (PR AUC) of the errors as scores; nil when undefined.
    public var averagePrecision: Double?
    /// Why `rocAUC` or `averagePrecision` is nil; nil when both are defined.
    public var undefinedReason: String?

    /// Creates an evaluation from its parts.
    public init(confusion: ConfusionMatrix, accuracy: Double, normal: ClassMetrics, anomaly: ClassMetrics,
                rocAUC: Double?, averagePrecision: Double?, undefinedReason: String?) {
        self.confusion = confusion
        self.accuracy = accuracy
        self.normal = normal
        self.anomaly = anomaly
        self.rocAUC = rocAUC
        self.averagePrecision = averagePrecision
        self.undefinedReason = undefinedReason
    }
}

/// numerator / denominator, or 0 when the denominator is 0 (sklearn's zero_division=0).
func ratio(_ numerator: Int, _ denominator: Int) -> Double {
    denominator == 0 ? 0 : Double(numerator) / Double(denominator)
}
