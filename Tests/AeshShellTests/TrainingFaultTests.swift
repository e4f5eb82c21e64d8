import Testing
@testable import AeshShell
@testable import AutoencoderKit

/// Training that blows up is caught, reported with advice, and keeps usable weights.
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

    @Test func trainerStopsWhenTheLossExplodes() throws {
        var generator = SeededGenerator(seed: 1)
        let rows = (0..<256).map { _ in (0..<4).map { _ in Float(generator.nextNormal()) } }
        let data = try #require(Matrix(rowArrays: rows))
        let model = Autoencoder(inputSize: 4, hidden: [2], activation: .relu, output: .linear, generator: &generator)
        let result = try Trainer.train(model, on: data, options: TrainingOptions(epochs: 5, batchSize: 16, learningRate: 1e6, validationFraction: 0, seed: 1))
        guard case .diverged = result.stop else {
            Issue.record("expected divergence, got \(result.stop)")
            return
        }
        #expect(result.model.layers.compactMap(\.dense).allSatisfy { $0.weights.allSatisfy { $0.isFinite && abs($0) < 1e7 } })
    }
}
