import Foundation
import Testing
@testable import AutoencoderKit

@Suite struct ThresholdTests {
    private func threshold(_ rule: ThresholdRule, scored: [Double] = [], training: [Double] = [],
                           labels: [UInt8]? = nil) throws -> Double {
        try ThresholdCalculator.threshold(for: rule, scored: scored, training: training, labels: labels)
    }

    /// The message of the ThresholdError thrown by `body`, or nil if it did not throw one.
    private func message(_ body: () throws -> Double) -> String? {
        do { _ = try body(); return nil } catch let error as ThresholdError { return error.description } catch { return nil }
    }

    @Test func descriptions() {
        #expect(ThresholdRule.percentile(0.92).description == "percentile 0.92")
        #expect(ThresholdRule.value(0.5).description == "value 0.5")
        #expect(ThresholdRule.sigma(3).description == "mean + 3 sd")
        #expect(ThresholdRule.sigma(2.5).description == "mean + 2.5 sd")
        #expect(ThresholdRule.bestF1.description == "best F1")
    }

    @Test func rulesRoundTripThroughCodable() throws {
        let rules: [ThresholdRule] = [.percentile(0.92), .value(0.5), .sigma(3), .bestF1]
        let data = try JSONEncoder().encode(rules)
        #expect(try JSONDecoder().decode([ThresholdRule].self, from: data) == rules)
    }

    @Test func percentileUsesScoredErrorsOnly() throws {
        let t = try threshold(.percentile(0.92), scored: [3.5, -1, 10, 2.25, 7], training: [100, 200])
        #expect(t == 9.040000000000001)  // numpy: np.percentile([3.5, -1, 10, 2.25, 7], 92)
    }

    @Test func valueIsReturnedAsIs() throws {
        #expect(try threshold(.value(0.5)) == 0.5)
        #expect(try threshold(.value(-2), scored: [1, 2]) == -2)
    }

    @Test func sigmaUsesTrainingMeanAndPopulationSD() throws {
        // mean 2.5, population variance (2.25 + 0.25 + 0.25 + 2.25) / 4 = 1.25.
        let training = [1.0, 2, 3, 4]
        let t = try threshold(.sigma(2), scored: [50, 60], training: training)
        #expect(abs(t - (2.5 + 2 * 1.25.squareRoot())) < 1e-12)
        #expect(try threshold(.sigma(0), training: training) == 2.5)
    }

    @Test func bestF1OnTiedScores() throws {
        // Cuts from the top: flag {0.9} F1 2/5, {>=0.8} 4/6, {>=0.4} 6/9, {>=0.35} 8/10, all 8/12.
        // The best flags every row >= 0.35, so the threshold is the next lower error, 0.1.
        let scored = [0.1, 0.4, 0.35, 0.8, 0.4, 0.4, 0.9, 0.1]
        let labels: [UInt8] = [0, 0, 1, 1, 1, 0, 1, 0]
        let t = try threshold(.bestF1, scored: scored, labels: labels)
        #expect(t == 0.1)
        #expect(abs(Metrics.evaluate(errors: scored, labels: labels, threshold: t).anomaly.f1 - 0.8) < 1e-12)
    }

    @Test func bestF1TiesPickTheHighestCut() throws {
        // Flagging {0.9} and flagging {>=0.6} both give F1 2/3; the higher cut (0.8) wins.
        let t = try threshold(.bestF1, scored: [0.9, 0.8, 0.7, 0.6, 0.1], labels: [1, 0, 0, 1, 0])
        #expect(t == 0.8)
    }

    @Test func bestF1FlaggingEveryRowReturnsJustBelowTheLowest() throws {
        // Only the lowest error is normal-looking yet anomalous: flagging all is best (F1 1 vs 2/3).
        let t = try threshold(.bestF1, scored: [0.2, 0.5, 0.5], labels: [1, 1, 0])
        // {>=0.5}: tp1 fp1 fn1 -> 1/2; all: tp2 fp1 -> 4/5.
        #expect(t == 0.2.nextDown)
        #expect(Metrics.evaluate(errors: [0.2, 0.5, 0.5], labels: [1, 1, 0], threshold: t).confusion.truePositives == 2)
    }

    @Test func bestF1ReachesTheMaximumOverAllCuts() throws {
        var generator = SeededGenerator(seed: 11)
        for _ in 0..<20 {
            let n = 60
            let labels: [UInt8] = (0..<n).map { _ in generator.nextUniform() < 0.3 ? 1 : 0 }
            // Rounded so many errors tie; anomalies tend to score higher.
            let scored = labels.map { label in
                ((generator.nextUniform() + (label == 1 ? 0.4 : 0)) * 20).rounded() / 20
            }
            guard labels.contains(0), labels.contains(1) else { continue }
            let t = try threshold(.bestF1, scored: scored, labels: labels)
            let f1 = Metrics.evaluate(errors: scored, labels: labels, threshold: t).anomaly.f1
            let cuts = Set(scored).map { $0 } + [(scored.min() ?? 0).nextDown]
            let best = cuts.map { Metrics.evaluate(errors: scored, labels: labels, threshold: $0).anomaly.f1 }.max() ?? -1
            #expect(f1 == best)
        }
    }

    @Test func emptyAndNonFiniteErrorsThrow() {
        #expect(message { try threshold(.percentile(0.9)) } == "cannot choose a threshold: there are no scored errors")
        #expect(message { try threshold(.sigma(3), scored: [1]) } == "cannot choose a threshold: there are no training errors")
        #expect(message { try threshold(.bestF1, labels: []) } == "cannot choose a threshold: there are no scored errors")
        #expect(message { try threshold(.percentile(0.9), scored: [1, .nan]) }
                == "cannot choose a threshold: scored error 1 (counting from 0) is nan, not a finite number")
        #expect(message { try threshold(.sigma(1), training: [.infinity, 2]) }
                == "cannot choose a threshold: training error 0 (counting from 0) is inf, not a finite number")
        #expect(message { try threshold(.bestF1, scored: [1, -.infinity], labels: [0, 1]) }
                == "cannot choose a threshold: scored error 1 (counting from 0) is -inf, not a finite number")
    }

    @Test func bestF1LabelProblemsThrow() {
        #expect(message { try threshold(.bestF1, scored: [1, 2]) }
                == "best-F1 needs labels for the scored rows, and these rows have none")
        #expect(message { try threshold(.bestF1, scored: [1, 2], labels: [0, 0]) }
                == "best-F1 needs both normal and anomalous rows, but the scored rows are all normal")
        #expect(message { try threshold(.bestF1, scored: [1, 2], labels: [1, 1]) }
                == "best-F1 needs both normal and anomalous rows, but the scored rows are all anomalies")
        #expect(message { try threshold(.bestF1, scored: [1, 2], labels: [0, 1, 0]) }
                == "best-F1 needs one label per scored row: 2 errors but 3 labels")
    }

    @Test func badRuleParametersThrow() {
        let scored = [1.0, 2, 3]
        for q in [0.0, 1, -0.1, 92, .nan] {
            #expect(message { try threshold(.percentile(q), scored: scored) }?
                .hasPrefix("the percentile must be a fraction between 0 and 1 (exclusive)") == true)
        }
        #expect(message { try threshold(.percentile(92), scored: scored) }
                == "the percentile must be a fraction between 0 and 1 (exclusive), e.g. 0.92; got 92")
        #expect(message { try threshold(.value(.nan)) } == "the threshold value must be a finite number; got nan")
        #expect(message { try threshold(.value(.infinity)) } == "the threshold value must be a finite number; got inf")
        #expect(message { try threshold(.sigma(-1), training: scored) }
                == "k in mean + k sd must be a finite number of at least 0; got -1")
        #expect(message { try threshold(.sigma(.infinity), training: scored) }?.hasPrefix("k in mean + k sd") == true)
        #expect(message { try threshold(.sigma(1e308), training: [0, 4]) }
                == "mean + 1e+308 sd of the training errors is too large to be a threshold")
    }
}
