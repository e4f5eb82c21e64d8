/// Evaluation of reconstruction errors against labels (0 normal, anything else anomaly), matching
/// sklearn's classification report, `roc_auc_score` and `average_precision_score`.
public enum Metrics {
    /// Confusion matrix, accuracy, per-class metrics and the threshold-free AUCs for `errors`
    /// judged by `error > threshold`.
    ///
    /// One label per error is the caller's contract; if the counts differ only the first
    /// min(errors.count, labels.count) rows are evaluated. A NaN error is predicted normal
    /// (NaN > threshold is false) and makes both AUCs undefined.
    public static func evaluate(errors: [Double], labels: [UInt8], threshold: Double) -> Evaluation {
        let count = min(errors.count, labels.count)
        var tn = 0, fp = 0, fn = 0, tp = 0
        for index in 0..<count {
            let predictedAnomaly = errors[index] > threshold
            switch (labels[index] != 0, predictedAnomaly) {
            case (false, false): tn += 1
            case (false, true): fp += 1
            case (true, false): fn += 1
            case (true, true): tp += 1
            }
        }
        let confusion = ConfusionMatrix(trueNegatives: tn, falsePositives: fp, falseNegatives: fn, truePositives: tp)
        let ranked = RankedGroups(scores: Array(errors.prefix(count)), labels: Array(labels.prefix(count)))
        return Evaluation(
            confusion: confusion,
            accuracy: ratio(tp + tn, count),
            // For the normal class the roles swap: a missed anomaly is a false "normal".
            normal: ClassMetrics(truePositives: tn, falsePositives: fn, falseNegatives: fp),
            anomaly: ClassMetrics(truePositives: tp, falsePositives: fp, falseNegatives: fn),
            rocAUC: ranked.flatMap(rocAUC(of:)),
            averagePrecision: ranked.flatMap(averagePrecision(of:)),
            undefinedReason: undefinedReason(rows: count, ranked: ranked)
        )
    }

    /// ROC AUC with ties counted 1/2: the Mann–Whitney statistic, as sklearn's `roc_auc_score`.
    /// nil when a class is missing or a score is NaN. Extra scores or labels beyond the shorter
    /// array are ignored.
    public static func rocAUC(scores: [Double], labels: [UInt8]) -> Double? {
        RankedGroups(scores: scores, labels: labels).flatMap(rocAUC(of:))
    }

    /// Average precision as sklearn's `average_precision_score`: the step-wise sum of
    /// (recall gained) × precision over the distinct scores, tied rows taken together.
    /// nil when there are no anomalies or a score is NaN; 1 when every row is an anomaly.
    public static func averagePrecision(scores: [Double], labels: [UInt8]) -> Double? {
        RankedGroups(scores: scores, labels: labels).flatMap(averagePrecision(of:))
    }

    /// The standard error of a ROC AUC measured on `positives` anomalies and `negatives` normal
    /// rows (Hanley & McNeil 1982): differences smaller than this are within what another draw
    /// of as many rows would change. nil without rows of both classes or for an AUC outside 0...1.
    public static func rocAUCStandardError(_ auc: Double, positives: Int, negatives: Int) -> Double? {
        guard positives > 0, negatives > 0, (0...1).contains(auc) else { return nil }
        let q1 = auc / (2 - auc), q2 = 2 * auc * auc / (1 + auc)
        let variance = (auc * (1 - auc) + Double(positives - 1) * (q1 - auc * auc) + Double(negatives - 1) * (q2 - auc * auc))
            / (Double(positives) * Double(negatives))
        return max(0, variance).squareRoot()
    }

    /// Each normal row earns the anomalies ranked above it, plus half of those tied with it.
    static func rocAUC(of ranked: RankedGroups) -> Double? {
        guard ranked.positives > 0, ranked.negatives > 0 else { return nil }
        var positivesAbove = 0.0, pairsWon = 0.0
        for group in ranked.groups {
            pairsWon += Double(group.negatives) * (positivesAbove + Double(group.positives) / 2)
            positivesAbove += Double(group.positives)
        }
        return pairsWon / (Double(ranked.positives) * Double(ranked.negatives))
    }

    /// Sums precision at each distinct score, weighted by the recall that score adds.
    static func averagePrecision(of ranked: RankedGroups) -> Double? {
        guard ranked.positives > 0 else { return nil }
        var truePositives = 0, flagged = 0
        var sum = 0.0
        for group in ranked.groups {
            truePositives += group.positives
            flagged += group.positives + group.negatives
            guard group.positives > 0 else { continue }
            sum += Double(group.positives) / Double(ranked.positives) * ratio(truePositives, flagged)
        }
        return sum
    }

    /// Why the AUCs cannot both be given, or nil when they can.
    private static func undefinedReason(rows: Int, ranked: RankedGroups?) -> String? {
        if rows == 0 { return "ROC AUC and PR AUC are undefined: no rows were scored" }
        guard let ranked else { return "ROC AUC and PR AUC are undefined: some errors are not numbers (NaN)" }
        if ranked.positives == 0 {
            return "ROC AUC and PR AUC are undefined: the scored rows are all normal (no anomalies)"
        }
        if ranked.negatives == 0 {
            return "ROC AUC is undefined: the scored rows are all anomalies (no normal rows)"
        }
        return nil
    }
}
