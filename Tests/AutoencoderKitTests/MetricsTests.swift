import Testing
@testable import AutoencoderKit

/// Expected values were checked against scikit-learn 1.9 (confusion_matrix,
/// precision_recall_fscore_support with zero_division=0, roc_auc_score, average_precision_score,
/// roc_curve, precision_recall_curve); the hand calculations are in the comments.
@Suite struct MetricsTests {
    private func close(_ a: Double?, _ b: Double, tolerance: Double = 1e-12) -> Bool {
        guard let a else { return false }
        return abs(a - b) <= tolerance
    }

    // Sorted by error: 0.9(1) 0.8(0) 0.7(1) 0.5(0) 0.3(0) 0.2(0) 0.1(0) 0.05(1).
    private let errors = [0.1, 0.5, 0.3, 0.9, 0.7, 0.2, 0.8, 0.05]
    private let labels: [UInt8] = [0, 0, 0, 1, 1, 0, 0, 1]

    @Test func confusionMatrixAndClassMetrics() {
        let e = Metrics.evaluate(errors: errors, labels: labels, threshold: 0.4)
        // Flagged (> 0.4): 0.5(0) 0.9(1) 0.7(1) 0.8(0); missed anomaly: 0.05.
        #expect(e.confusion == ConfusionMatrix(trueNegatives: 3, falsePositives: 2, falseNegatives: 1, truePositives: 2))
        #expect(e.confusion.total == 8)
        #expect(e.accuracy == 5.0 / 8)
        #expect(close(e.anomaly.precision, 0.5))
        #expect(close(e.anomaly.recall, 2.0 / 3))
        #expect(close(e.anomaly.f1, 4.0 / 7))
        #expect(e.anomaly.support == 3)
        #expect(close(e.normal.precision, 0.75))   // 3 of the 4 rows predicted normal
        #expect(close(e.normal.recall, 0.6))       // 3 of the 5 normal rows
        #expect(close(e.normal.f1, 2.0 / 3))
        #expect(e.normal.support == 5)
        #expect(e.undefinedReason == nil)
    }

    @Test func thresholdIsStrictlyGreater() {
        let e = Metrics.evaluate(errors: [0.5, 0.5, 0.6], labels: [0, 1, 1], threshold: 0.5)
        #expect(e.confusion == ConfusionMatrix(trueNegatives: 1, falsePositives: 0, falseNegatives: 1, truePositives: 1))
    }

    @Test func aucsOfTheEvaluation() {
        // ROC: each normal row counts the anomalies above it: 0.8 -> 1, the other four -> 2: 9 / 15.
        // AP: precision at each anomaly times 1/3: (1/1 + 2/3 + 3/8) / 3.
        let e = Metrics.evaluate(errors: errors, labels: labels, threshold: 0.4)
        #expect(close(e.rocAUC, 0.6))
        #expect(close(e.averagePrecision, (1 + 2.0 / 3 + 3.0 / 8) / 3))
        #expect(close(e.averagePrecision, 0.6805555555555556))
    }

    @Test func zeroDivisionGivesZero() {
        // Nothing flagged: anomaly precision 0/0 -> 0, recall 0, F1 0 (sklearn zero_division=0).
        let none = Metrics.evaluate(errors: errors, labels: labels, threshold: 10)
        #expect(none.anomaly == ClassMetrics(precision: 0, recall: 0, f1: 0, support: 3))
        #expect(close(none.normal.precision, 0.625))
        #expect(none.normal.recall == 1)
        #expect(close(none.normal.f1, 10.0 / 13))
        // Everything flagged: now the normal class has no predictions.
        let all = Metrics.evaluate(errors: errors, labels: labels, threshold: -1)
        #expect(all.normal == ClassMetrics(precision: 0, recall: 0, f1: 0, support: 5))
        #expect(close(all.anomaly.precision, 0.375))
        #expect(close(all.anomaly.f1, 6.0 / 11))
    }

    @Test func rocAUCCountsTiesAsHalf() {
        // Sorted: 0.9(1) 0.8(1) 0.4(1,0,0) 0.35(1) 0.1(0,0). Normals at 0.4: 2 above + 1/2 tie each;
        // normals at 0.1: 4 above each. (2.5 + 2.5 + 4 + 4) / 16 = 0.8125.
        let scores = [0.1, 0.4, 0.35, 0.8, 0.4, 0.4, 0.9, 0.1]
        let y: [UInt8] = [0, 0, 1, 1, 1, 0, 1, 0]
        #expect(Metrics.rocAUC(scores: scores, labels: y) == 0.8125)
        #expect(Metrics.rocAUC(scores: [0.2, 0.2, 0.2, 0.2], labels: [0, 1, 0, 1]) == 0.5)
        #expect(Metrics.rocAUC(scores: [1, 2, 3], labels: [1, 0, 0]) == 0)
        #expect(Metrics.rocAUC(scores: [1, 2, 3], labels: [0, 0, 1]) == 1)
    }

    @Test func averagePrecisionGroupsTies() {
        // Per distinct score: 0.9 p=1/1, 0.8 p=2/2, 0.4 p=3/5 (one anomaly, two normals together),
        // 0.35 p=4/6; each adds recall 1/4: (1 + 1 + 0.6 + 2/3) / 4 = 0.81666…
        let scores = [0.1, 0.4, 0.35, 0.8, 0.4, 0.4, 0.9, 0.1]
        let y: [UInt8] = [0, 0, 1, 1, 1, 0, 1, 0]
        #expect(close(Metrics.averagePrecision(scores: scores, labels: y), 0.8166666666666667))
        #expect(close(Metrics.averagePrecision(scores: [0.2, 0.2, 0.2, 0.2], labels: [0, 1, 0, 1]), 0.5))
        #expect(Metrics.averagePrecision(scores: [0.1, 0.5, 0.3], labels: [1, 1, 1]) == 1)
        #expect(Metrics.averagePrecision(scores: [0.1, 0.5], labels: [0, 0]) == nil)
    }

    @Test func allNormalRowsLeaveBothAUCsUndefined() {
        let e = Metrics.evaluate(errors: [0.1, 0.9, 0.3], labels: [0, 0, 0], threshold: 0.5)
        #expect(e.rocAUC == nil)
        #expect(e.averagePrecision == nil)
        #expect(e.undefinedReason == "ROC AUC and PR AUC are undefined: the scored rows are all normal (no anomalies)")
        #expect(e.confusion == ConfusionMatrix(trueNegatives: 2, falsePositives: 1, falseNegatives: 0, truePositives: 0))
        #expect(e.anomaly == ClassMetrics(precision: 0, recall: 0, f1: 0, support: 0))
    }

    @Test func allAnomalousRowsLeaveOnlyROCUndefined() {
        let e = Metrics.evaluate(errors: [0.1, 0.9], labels: [1, 1], threshold: 0.5)
        #expect(e.rocAUC == nil)
        #expect(e.averagePrecision == 1)
        #expect(e.undefinedReason == "ROC AUC is undefined: the scored rows are all anomalies (no normal rows)")
    }

    @Test func degenerateInputsDoNotTrap() {
        let empty = Metrics.evaluate(errors: [], labels: [], threshold: 0)
        #expect(empty.accuracy == 0)
        #expect(empty.confusion.total == 0)
        #expect(empty.undefinedReason == "ROC AUC and PR AUC are undefined: no rows were scored")
        // Mismatched counts: only the common prefix is judged.
        let short = Metrics.evaluate(errors: [0.9, 0.1, 0.5], labels: [1, 0], threshold: 0.4)
        #expect(short.confusion == ConfusionMatrix(trueNegatives: 1, falsePositives: 0, falseNegatives: 0, truePositives: 1))
        #expect(short.rocAUC == 1)
        // NaN cannot be ranked: predicted normal, AUCs undefined.
        let nan = Metrics.evaluate(errors: [.nan, 0.9], labels: [1, 0], threshold: 0.4)
        #expect(nan.confusion.falseNegatives == 1)
        #expect(nan.rocAUC == nil && nan.averagePrecision == nil)
        #expect(nan.undefinedReason == "ROC AUC and PR AUC are undefined: some errors are not numbers (NaN)")
        #expect(Metrics.rocAUC(scores: [1, 2], labels: []) == nil)
    }

    @Test func rocCurveMatchesSklearnPoints() {
        let scores = [0.1, 0.4, 0.35, 0.8, 0.4, 0.4, 0.9, 0.1]
        let y: [UInt8] = [0, 0, 1, 1, 1, 0, 1, 0]
        // sklearn roc_curve(drop_intermediate=False): fpr 0 0 0 .5 .5 1, tpr 0 .25 .5 .75 1 1.
        #expect(Curves.roc(scores: scores, labels: y) == [
            CurvePoint(x: 0, y: 0, threshold: 0.9),
            CurvePoint(x: 0, y: 0.25, threshold: 0.8),
            CurvePoint(x: 0, y: 0.5, threshold: 0.4),
            CurvePoint(x: 0.5, y: 0.75, threshold: 0.35),
            CurvePoint(x: 0.5, y: 1, threshold: 0.1),
            CurvePoint(x: 1, y: 1, threshold: 0.1.nextDown),
        ])
    }

    @Test func curvePointThresholdsReproduceThePoints() {
        let scores = [0.1, 0.4, 0.35, 0.8, 0.4, 0.4, 0.9, 0.1]
        let y: [UInt8] = [0, 0, 1, 1, 1, 0, 1, 0]
        for point in Curves.roc(scores: scores, labels: y) {
            let c = Metrics.evaluate(errors: scores, labels: y, threshold: point.threshold).confusion
            #expect(point.x == Double(c.falsePositives) / 4 && point.y == Double(c.truePositives) / 4)
        }
        for point in Curves.precisionRecall(scores: scores, labels: y).dropFirst() {
            let e = Metrics.evaluate(errors: scores, labels: y, threshold: point.threshold)
            #expect(point.x == e.anomaly.recall && point.y == e.anomaly.precision)
        }
    }

    @Test func precisionRecallCurveMatchesSklearnPoints() {
        let scores = [0.1, 0.4, 0.35, 0.8, 0.4, 0.4, 0.9, 0.1]
        let y: [UInt8] = [0, 0, 1, 1, 1, 0, 1, 0]
        // sklearn precision_recall_curve, reversed to rising recall:
        // recall 0 .25 .5 .75 1 1, precision 1 1 1 .6 .667 .5.
        let points = Curves.precisionRecall(scores: scores, labels: y)
        #expect(points.map(\.x) == [0, 0.25, 0.5, 0.75, 1, 1])
        #expect(points.map(\.y) == [1, 1, 1, 0.6, 4.0 / 6, 0.5])
        #expect(points.map(\.threshold) == [0.9, 0.8, 0.4, 0.35, 0.1, 0.1.nextDown])
    }

    @Test func undefinedCurvesAreEmpty() {
        #expect(Curves.roc(scores: [0.1, 0.2], labels: [0, 0]).isEmpty)
        #expect(Curves.roc(scores: [0.1, 0.2], labels: [1, 1]).isEmpty)
        #expect(Curves.roc(scores: [], labels: []).isEmpty)
        #expect(Curves.precisionRecall(scores: [0.1, 0.2], labels: [0, 0]).isEmpty)
        #expect(Curves.precisionRecall(scores: [.nan, 0.2], labels: [1, 0]).isEmpty)
        #expect(Curves.precisionRecall(scores: [0.1, 0.2], labels: [1, 1]).count == 3)
    }

    @Test func largerTiedCaseMatchesSklearn() throws {
        // 30 rows rounded to 0.1 (many ties), from a numpy generator; references from sklearn/numpy.
        let scores = [0.7, 0.0, 0.5, 0.9, 0.7, 0.3, 0.8, 0.8, 0.6, 0.7, 0.4, 1.3, 0.2, 0.3, 0.8,
                      0.5, 0.5, 0.2, 0.0, 1.4, 0.1, 1.3, 0.4, 1.5, 0.4, 0.9, 1.1, 0.2, 0.7, 1.2]
        let y: [UInt8] = [0, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 1, 0, 0, 1, 0, 0, 1]
        #expect(close(Metrics.rocAUC(scores: scores, labels: y), 0.9349999999999999))
        #expect(close(Metrics.averagePrecision(scores: scores, labels: y), 0.8827272727272726))
        #expect(Percentile.linear(scores, fraction: 0.92) == 1.3)
        // F1 over the cuts "> c" peaks only at c = 0.8 (7/9); 0.9 gives 0.75, 0.7 gives 0.7619.
        let cut = try ThresholdCalculator.threshold(for: .bestF1, scored: scores, training: [], labels: y)
        #expect(cut == 0.8)
        #expect(close(Metrics.evaluate(errors: scores, labels: y, threshold: cut).anomaly.f1, 7.0 / 9))
    }
}
