import Testing
@testable import AutoencoderKit

/// The trainer stops a run whose loss explodes and keeps the last finite weights.
@Suite struct TrainingDivergenceTests {
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
