/// Turns a `ThresholdRule` into a threshold value for the rule `error > threshold`.
public enum ThresholdCalculator {
    /// The threshold value for `rule`.
    ///
    /// - Parameters:
    ///   - scored: errors of the rows being judged (used by `.percentile` and `.bestF1`).
    ///   - training: errors of the training rows (used by `.sigma`).
    ///   - labels: labels of the scored rows (used by `.bestF1`; 0 normal, anything else anomaly).
    /// - Throws: `ThresholdError` when the errors a rule uses are empty or not finite, `.bestF1` has
    ///   no labels, a different number of labels than errors, or only one class, a percentile is
    ///   not inside (0, 1), a value is not finite, or k is negative or not finite.
    ///   `.value` uses no errors, so it only checks the value itself.
    ///
    /// `.bestF1` returns the highest error among the rows it leaves normal, so `error > threshold`
    /// flags exactly the rows of the best cut; when every row is flagged it returns the value just
    /// below the lowest error. When several cuts share the best F1 the highest one (fewest rows
    /// flagged) is returned.
    public static func threshold(for rule: ThresholdRule, scored: [Double], training: [Double],
                                 labels: [UInt8]?) throws -> Double {
        switch rule {
        case .percentile(let q):
            guard q.isFinite, q > 0, q < 1 else {
                throw ThresholdError(message: "the percentile must be a fraction between 0 and 1 (exclusive), e.g. 0.92; got \(plainNumber(q))")
            }
            try validate(scored, name: "scored")
            guard let value = Percentile.linear(scored, fraction: q) else {
                throw ThresholdError(message: "cannot take a percentile of the scored errors")
            }
            return value
        case .value(let value):
            guard value.isFinite else {
                throw ThresholdError(message: "the threshold value must be a finite number; got \(plainNumber(value))")
            }
            return value
        case .sigma(let k):
            guard k.isFinite, k >= 0 else {
                throw ThresholdError(message: "k in mean + k sd must be a finite number of at least 0; got \(plainNumber(k))")
            }
            try validate(training, name: "training")
            let (mean, sd) = Statistics.meanAndSD(training) ?? (0, 0)
            let value = mean + k * sd
            guard value.isFinite else {
                throw ThresholdError(message: "mean + \(plainNumber(k)) sd of the training errors is too large to be a threshold")
            }
            return value
        case .bestF1:
            return try bestF1Cut(scored: scored, labels: labels)
        }
    }

    /// Throws unless `errors` is non-empty and every error is finite.
    private static func validate(_ errors: [Double], name: String) throws {
        guard !errors.isEmpty else {
            throw ThresholdError(message: "cannot choose a threshold: there are no \(name) errors")
        }
        if let index = errors.firstIndex(where: { !$0.isFinite }) {
            throw ThresholdError(message: "cannot choose a threshold: \(name) error \(index) (counting from 0) is \(errors[index]), not a finite number")
        }
    }

    /// Scans the cuts between distinct scored errors from the highest down, keeping the first
    /// (highest) cut with the largest anomaly F1 = 2TP / (2TP + FP + FN).
    private static func bestF1Cut(scored: [Double], labels: [UInt8]?) throws -> Double {
        guard let labels else {
            throw ThresholdError(message: "best-F1 needs labels for the scored rows, and these rows have none")
        }
        try validate(scored, name: "scored")
        guard labels.count == scored.count else {
            throw ThresholdError(message: "best-F1 needs one label per scored row: \(scored.count) errors but \(labels.count) labels")
        }
        guard let ranked = RankedGroups(scores: scored, labels: labels) else {
            throw ThresholdError(message: "cannot choose a threshold: a scored error is not a number")
        }
        guard ranked.positives > 0, ranked.negatives > 0 else {
            let only = ranked.positives > 0 ? "anomalies" : "normal"
            throw ThresholdError(message: "best-F1 needs both normal and anomalous rows, but the scored rows are all \(only)")
        }
        var truePositives = 0, falsePositives = 0
        var bestF1 = -1.0, bestIndex = 0
        for (index, group) in ranked.groups.enumerated() {
            truePositives += group.positives
            falsePositives += group.negatives
            let falseNegatives = ranked.positives - truePositives
            let f1 = Double(2 * truePositives) / Double(2 * truePositives + falsePositives + falseNegatives)
            if f1 > bestF1 {
                bestF1 = f1
                bestIndex = index
            }
        }
        return ranked.cut(after: bestIndex)
    }
}
