import Foundation
import Testing
@testable import AeshShell

@Suite struct ExplainNumbersTests {
    /// `explain STEP` adds the session's own numbers once it has them, computed here independently.
    @Test func explainUsesTheSessionsOwnNumbers() throws {
        let harness = try ShellHarness()
        #expect(harness.execute("explain threshold"))
        #expect(!harness.console.output.contains("Your threshold"), "no numbers before there is a threshold")
        #expect(harness.run("""
        generate normal=400 anomalies=40 features=4 seed=2
        split test=0.25 seed=2
        scale standard
        model 2
        train epochs=3 seed=2
        errors
        threshold 0.95
        evaluate
        """) == 0, "\(harness.console.errors)")
        let session = harness.shell.session
        let scores = try #require(session.scores)
        let labels = try #require(scores.labels)
        let value = try #require(session.threshold).value
        let n = scores.errors.count
        let flagged = scores.errors.filter { $0 > value }.count
        let anomalies = labels.filter { $0 == 1 }.count
        #expect(flagged < anomalies, "the 95th percentile flags fewer rows than the 9 % anomalies")
        let before = harness.console.output.count
        #expect(harness.execute("explain threshold"))
        let threshold = String(harness.console.output.dropFirst(before))
        #expect(threshold.contains(String(format: "flags %.1f %% of the test rows while %.1f %% are anomalies, so recall can be at most %.2f.",
                                          100 * Double(flagged) / Double(n), 100 * Double(anomalies) / Double(n),
                                          Double(flagged) / Double(anomalies))), "\(threshold)")
        let evaluation = try #require(session.evaluation)
        #expect(harness.execute("explain evaluate"))
        let c = evaluation.confusion
        #expect(harness.console.output.contains("Your evaluation: \(c.truePositives) of \(c.truePositives + c.falseNegatives) anomalies caught"))
        // A new threshold drops the evaluation made at the old one, and its numbers with it.
        #expect(harness.execute("threshold 0.8"))
        #expect(harness.execute("explain evaluate"))
        #expect(harness.console.output.components(separatedBy: "Your evaluation:").count == 2)
        let lower = try #require(session.scores).errors.filter { $0 > (harness.shell.session.threshold?.value ?? 0) }.count
        #expect(lower > anomalies)
        #expect(harness.execute("explain threshold"))
        #expect(harness.console.output.contains(String(format: "so precision can be at most %.2f.", Double(anomalies) / Double(lower))))
        #expect(harness.execute("explain data"))
        #expect(harness.console.output.contains("Your data: 440 rows × 4 feature columns, 40 of them labelled anomalies (9.1 %)."))
        #expect(harness.execute("explain train"))
        #expect(harness.console.output.contains("Your training ran 3 epochs"))
    }
}
