/// One point of a ROC or precision–recall curve.
public struct CurvePoint: Equatable, Sendable {
    /// FPR on a ROC curve, recall on a PR curve.
    public var x: Double
    /// TPR on a ROC curve, precision on a PR curve.
    public var y: Double
    /// Flagging rows with `error > threshold` gives exactly this point.
    public var threshold: Double

    /// Creates a point.
    public init(x: Double, y: Double, threshold: Double) {
        self.x = x
        self.y = y
        self.threshold = threshold
    }
}

/// ROC and precision–recall curves of errors as anomaly scores, for plotting.
///
/// Both start from the cut that flags nothing (threshold = the highest score) and add one point
/// per distinct score, lowering the cut until every row is flagged. Each point's threshold is the
/// next lower distinct score (the highest one left normal), so the project's rule `error > threshold`
/// reproduces it; sklearn labels the same points with the score itself under `>=`.
/// Both return [] when the curve is undefined (a class missing, no rows, or a NaN score).
public enum Curves {
    /// x = false positive rate, y = true positive rate, from (0, 0) to (1, 1).
    public static func roc(scores: [Double], labels: [UInt8]) -> [CurvePoint] {
        guard let ranked = RankedGroups(scores: scores, labels: labels),
              ranked.positives > 0, ranked.negatives > 0 else { return [] }
        var points = [CurvePoint(x: 0, y: 0, threshold: ranked.cutFlaggingNothing)]
        points.reserveCapacity(ranked.groups.count + 1)
        var truePositives = 0, falsePositives = 0
        for (index, group) in ranked.groups.enumerated() {
            truePositives += group.positives
            falsePositives += group.negatives
            points.append(CurvePoint(x: ratio(falsePositives, ranked.negatives),
                                     y: ratio(truePositives, ranked.positives),
                                     threshold: ranked.cut(after: index)))
        }
        return points
    }

    /// x = recall, y = precision, in order of rising recall. The first point is (0, 1) by
    /// sklearn's convention, since precision is undefined when nothing is flagged.
    /// Needs at least one anomaly; normal rows may be absent.
    public static func precisionRecall(scores: [Double], labels: [UInt8]) -> [CurvePoint] {
        guard let ranked = RankedGroups(scores: scores, labels: labels), ranked.positives > 0 else { return [] }
        var points = [CurvePoint(x: 0, y: 1, threshold: ranked.cutFlaggingNothing)]
        points.reserveCapacity(ranked.groups.count + 1)
        var truePositives = 0, flagged = 0
        for (index, group) in ranked.groups.enumerated() {
            truePositives += group.positives
            flagged += group.positives + group.negatives
            points.append(CurvePoint(x: ratio(truePositives, ranked.positives),
                                     y: ratio(truePositives, flagged),
                                     threshold: ranked.cut(after: index)))
        }
        return points
    }
}
