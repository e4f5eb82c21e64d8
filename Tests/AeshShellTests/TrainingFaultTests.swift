import Testing
@testable import AeshShell
@testable import AutoencoderKit

/// Training that blows up is caught, reported with advice, and keeps usable weights (the
/// trainer's own stop is tested in AutoencoderKitTests' TrainingDivergenceTests).
@Suite struct TrainingFaultTests {
    @Test func hugeLearningRateIsCaughtAndKeepsFiniteWeights() throws {
        let harness = try ShellHarness()
        #expect(harness.run("""
        generate normal=2000 anomalies=100 features=6 seed=4
        split seed=4
        scale standard
        model 3 output=linear
        """) == 0)
        #expect(!harness.execute("train epochs=3 lr=1e6 seed=4"))
        #expect(harness.console.errors.contains("train: training diverged in epoch 1"))
        #expect(harness.console.errors.contains("try a smaller learning rate, e.g. lr=10000"))
        let network = try #require(harness.shell.session.network, "the last finite weights are kept")
        #expect(network.layers.compactMap(\.dense).allSatisfy { $0.weights.allSatisfy(\.isFinite) && $0.bias.allSatisfy(\.isFinite) })
        // The kept model scores without a NaN reaching errors, thresholds or metrics.
        #expect(harness.run("""
        errors
        threshold 0.9
        evaluate
        """) == 0, "\(harness.console.errors)")
        #expect(harness.shell.session.scores?.errors.allSatisfy(\.isFinite) == true)
    }
}
