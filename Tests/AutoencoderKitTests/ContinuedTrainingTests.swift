import Testing
@testable import AutoencoderKit

/// A run that goes on for more epochs gives exactly the run that was asked for them all at once.
struct ContinuedTrainingTests {
    private func data(rows: Int, columns: Int, seed: UInt64) -> Matrix {
        var generator = SeededGenerator(seed: seed)
        let values = (0..<rows * columns).map { _ in Float(generator.nextNormal()) }
        return Matrix(rows: rows, columns: columns, values: values)!
    }

    private func network(inputs: Int, hidden: [Int], seed: UInt64) -> Autoencoder {
        var generator = SeededGenerator(seed: seed)
        return Autoencoder(inputSize: inputs, hidden: hidden, activation: .relu, output: .linear, generator: &generator)
    }

    @Test(arguments: [
        // One thread, and batches split over two threads (the threshold forces either).
        (rows: 300, hidden: [3], batch: 32, threshold: Int.max),
        (rows: 300, hidden: [6, 2, 6], batch: 64, threshold: 0),
    ])
    func threeThenFiveEpochsEqualEight(rows: Int, hidden: [Int], batch: Int, threshold: Int) throws {
        let matrix = data(rows: rows, columns: 5, seed: 11)
        let start = network(inputs: 5, hidden: hidden, seed: 3)
        let options = TrainingOptions(epochs: 8, batchSize: batch, learningRate: 0.01, validationFraction: 0.2, seed: 9)
        let whole = try Trainer.train(start, on: matrix, options: options, parallelThreshold: threshold)
        var shorter = options
        shorter.epochs = 3
        let first = try Trainer.train(start, on: matrix, options: shorter, parallelThreshold: threshold)
        let state = try #require(first.state)
        #expect(state.epochsDone == 3)
        let continued = try Trainer.train(first.model, continuing: state, history: first.history, more: 5, on: matrix)
        #expect(continued.model == whole.model)
        #expect(continued.history == whole.history)
        #expect(continued.state == whole.state)
        #expect(continued.history.map(\.epoch) == Array(1...8))
    }

    @Test func otherDataOrAStoppedRunCannotGoOn() throws {
        let matrix = data(rows: 100, columns: 4, seed: 1)
        let start = network(inputs: 4, hidden: [2], seed: 1)
        let first = try Trainer.train(start, on: matrix, options: TrainingOptions(epochs: 2, seed: 1))
        let state = try #require(first.state)
        #expect(throws: TrainingError.self) {
            try Trainer.train(first.model, continuing: state, history: first.history, more: 1, on: data(rows: 99, columns: 4, seed: 1))
        }
        #expect(throws: TrainingError.self) {
            try Trainer.train(first.model, continuing: state, history: first.history, more: 0, on: matrix)
        }
        let stopped = try Trainer.train(start, on: matrix, options: TrainingOptions(epochs: 5, seed: 1), shouldStop: { true })
        #expect(stopped.state == nil)
    }
}
