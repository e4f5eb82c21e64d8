import Testing
@testable import AutoencoderKit

/// Rows on a `rank`-dimensional plane through `width`-dimensional space, plus a little noise.
func lowRankData(rows: Int, width: Int, rank: Int, noise: Double = 0.05, seed: UInt64) -> Matrix {
    var g = SeededGenerator(seed: seed)
    let basis = (0..<(rank * width)).map { _ in g.nextNormal() / Double(rank).squareRoot() }
    var values: [Float] = []
    for _ in 0..<rows {
        let z = (0..<rank).map { _ in g.nextNormal() }
        for c in 0..<width {
            var x = noise * g.nextNormal()
            for k in 0..<rank { x += z[k] * basis[k * width + c] }
            values.append(Float(x))
        }
    }
    return Matrix(rows: rows, columns: width, values: values)!
}

func initialModel(_ width: Int, _ hidden: [Int], _ activation: Activation = .tanh, _ output: Activation = .linear, seed: UInt64 = 1) -> Autoencoder {
    var g = SeededGenerator(seed: seed)
    return Autoencoder(inputSize: width, hidden: hidden, activation: activation, output: output, generator: &g)
}

@Suite struct TrainerTests {
    let data = lowRankData(rows: 600, width: 8, rank: 2, seed: 5)

    @Test func lossDecreasesOnLowRankData() throws {
        let model = initialModel(8, [4])
        let result = try Trainer.train(model, on: data, options: TrainingOptions(epochs: 30, batchSize: 16, learningRate: 0.01, seed: 3))
        #expect(result.stop == .completed)
        #expect(result.history.map(\.epoch) == Array(1...30))
        #expect((result.trainingRows, result.validationRows) == (540, 60))
        let first = try #require(result.history.first), last = try #require(result.history.last)
        #expect(last.loss < 0.2 * first.loss)
        #expect(try #require(last.validationLoss) < 0.2 * (try #require(first.validationLoss)))
        let before = ReconstructionErrors.compute(model: model, data: data).perRow.reduce(0, +)
        let after = ReconstructionErrors.compute(model: result.model, data: data).perRow.reduce(0, +)
        #expect(after < 0.2 * before)
    }

    @Test func sameSeedGivesIdenticalResults() throws {
        let model = initialModel(8, [6, 3, 6], .relu)
        let options = TrainingOptions(epochs: 4, batchSize: 7, learningRate: 0.005, validationFraction: 0.2, seed: 9)
        let a = try Trainer.train(model, on: data, options: options)
        let b = try Trainer.train(model, on: data, options: options)
        #expect(a == b)
        var other = options
        other.seed = 10
        #expect(try Trainer.train(model, on: data, options: other).model != a.model)
    }

    /// One batch holding every row: the epoch's loss is the loss at the initial weights, and
    /// Adam's first step moves each parameter by the learning rate against the reference gradient.
    @Test func oneBatchEpochIsOneAdamStepAlongTheGradient() throws {
        let small = lowRankData(rows: 40, width: 5, rank: 2, seed: 6)
        let model = randomModel(widths: [5, 4, 3, 4, 5], activations: [.relu, .tanh, .sigmoid, .linear], seed: 7)
        let result = try Trainer.train(model, on: small, options: TrainingOptions(epochs: 1, batchSize: 64, learningRate: 0.01, validationFraction: 0))
        let rows = (0..<40).map { small.row($0).map(Double.init) }
        let reference = ReferenceNetwork(model)
        let loss = try #require(result.history.first).loss
        #expect(abs(loss - reference.loss(rows)) < 1e-6 * reference.loss(rows))
        let gradient = reference.numericalGradient(rows)
        let before = reference.parameters, after = ReferenceNetwork(result.model).parameters
        var checked = 0
        for k in gradient.indices where abs(gradient[k]) > 1e-3 {
            #expect(abs((after[k] - before[k]) + 0.01 * (gradient[k] > 0 ? 1 : -1)) < 1e-4, "parameter \(k)")
            checked += 1
        }
        #expect(checked > gradient.count / 2)
    }

    @Test func earlyStoppingRestoresTheBestEpoch() throws {
        var g = SeededGenerator(seed: 4)
        let noise = Matrix(rows: 200, columns: 6, values: (0..<1200).map { _ in Float(g.nextNormal()) })!
        let model = initialModel(6, [3], .linear)
        let options = TrainingOptions(epochs: 200, batchSize: 8, learningRate: 0.05, validationFraction: 0.3, patience: 2, seed: 2)
        let result = try Trainer.train(model, on: noise, options: options)
        guard case .earlyStopped(let best) = result.stop else {
            Issue.record("expected early stopping, got \(result.stop)")
            return
        }
        #expect(result.history.count == best + 2)
        let losses = result.history.compactMap(\.validationLoss)
        #expect(losses[best - 1] == losses.min())
        #expect(losses[best...].allSatisfy { $0 >= losses[best - 1] })
        // The same run cut at the best epoch ends with the weights the early stop restored.
        var cut = options
        (cut.epochs, cut.patience) = (best, nil)
        #expect(try Trainer.train(model, on: noise, options: cut).model == result.model)
    }

    @Test func hugeLearningRateDivergesAndKeepsFiniteWeights() throws {
        var g = SeededGenerator(seed: 8)
        let wide = Matrix(rows: 256, columns: 10, values: (0..<2560).map { _ in Float(g.nextNormal()) })!
        let model = initialModel(10, [8, 4, 8], .relu)
        let result = try Trainer.train(model, on: wide, options: TrainingOptions(epochs: 20, learningRate: 1e6, validationFraction: 0))
        guard case .diverged(let epoch, let batch) = result.stop else {
            Issue.record("expected divergence, got \(result.stop)")
            return
        }
        #expect(result.history.count == epoch - 1)
        #expect((1...8).contains(batch))
        #expect(throws: Never.self) { try result.model.validate() }
        #expect(result.model.layers.allSatisfy { $0.weights.allSatisfy(\.isFinite) && $0.bias.allSatisfy(\.isFinite) })
        #expect(result.model != model)
    }

    /// Weights so large that the first reconstruction overflows: the first batch's loss is not
    /// finite, so training stops there with the weights from before it, the starting ones.
    @Test func overflowingLossStopsAtTheFirstBatch() throws {
        var model = initialModel(8, [4], .linear)
        model.layers[0].weights = model.layers[0].weights.map { $0 * 1e20 }
        model.layers[1].weights = model.layers[1].weights.map { $0 * 1e20 }
        let result = try Trainer.train(model, on: data, options: TrainingOptions(validationFraction: 0))
        #expect(result.stop == .diverged(epoch: 1, batch: 1))
        #expect(result.model == model)
        #expect(result.history.isEmpty)
    }

    @Test func stopRequestBeforeTheFirstEpochKeepsTheStartingWeights() throws {
        let model = initialModel(8, [4])
        var polls = 0
        let result = try Trainer.train(model, on: data, options: TrainingOptions(), shouldStop: { polls += 1; return true })
        #expect(result.stop == .interrupted(bestEpoch: nil))
        #expect(result.model == model)
        #expect(result.history.isEmpty)
        #expect(polls == 1)
    }

    /// A stop in the middle of epoch 3 keeps the best finished epoch: the same weights as a
    /// two-epoch run. The stop is honoured at the next batch, so every batch is a chance.
    @Test func stopRequestMidEpochKeepsTheBestFinishedEpoch() throws {
        let model = initialModel(8, [4])
        let options = TrainingOptions(epochs: 10, batchSize: 50, learningRate: 0.01, validationFraction: 0, seed: 1)
        var polls = 0
        let result = try Trainer.train(model, on: data, options: options, shouldStop: {
            polls += 1
            return polls > 2 * 12 + 5
        })
        #expect(result.stop == .interrupted(bestEpoch: 2))
        #expect(result.history.count == 2)
        #expect(result.history[1].loss < result.history[0].loss)
        var two = options
        two.epochs = 2
        #expect(try Trainer.train(model, on: data, options: two).model == result.model)
    }

    @Test func progressCallbacks() throws {
        var epochs: [EpochReport] = [], batches: [(Int, Int)] = []
        let result = try Trainer.train(
            initialModel(8, [4]), on: data, options: TrainingOptions(epochs: 3, batchSize: 2, validationFraction: 0.5),
            onBatch: { batches.append(($0, $1)) }, onEpoch: { epochs.append($0) })
        #expect(epochs == result.history)
        #expect(batches.allSatisfy { $0.1 == 150 && (1...150).contains($0.0) })
        #expect(batches.filter { $0.0 == 150 }.count == 3)
        #expect(batches.count <= 3 * 101)
    }

    @Test(arguments: [
        (TrainingOptions(epochs: 0), "epochs"),
        (TrainingOptions(batchSize: 0), "batch size"),
        (TrainingOptions(learningRate: 0), "learning rate"),
        (TrainingOptions(learningRate: .nan), "learning rate"),
        (TrainingOptions(validationFraction: 1), "validation"),
        (TrainingOptions(validationFraction: -0.1), "validation"),
        (TrainingOptions(patience: -1), "patience"),
    ])
    func badOptionsAreRejected(options: TrainingOptions, word: String) {
        #expect { try Trainer.train(initialModel(8, [4]), on: data, options: options) } throws: { error in
            (error as? TrainingError)?.description.contains(word) == true
        }
    }

    @Test func badDataIsRejected() throws {
        let model = initialModel(8, [4])
        func message(_ data: Matrix, _ options: TrainingOptions = TrainingOptions()) -> String {
            do {
                _ = try Trainer.train(model, on: data, options: options)
                return "no error"
            } catch {
                return (error as? TrainingError)?.description ?? "\(error)"
            }
        }
        #expect(message(Matrix(rows: 0, columns: 8)).contains("no rows"))
        #expect(message(Matrix(rows: 5, columns: 7)).contains("7 columns but the model takes 8"))
        var poisoned = data
        poisoned[3, 2] = .nan
        #expect(message(poisoned).contains("row index 3, column index 2"))
        #expect(message(Matrix(rows: 1, columns: 8), TrainingOptions(validationFraction: 0.5)).contains("leaving none to train on"))
        var broken = model
        broken.layers[1].bias = [1]
        #expect { try Trainer.train(broken, on: data, options: TrainingOptions()) } throws: { error in
            (error as? TrainingError)?.description.contains("layer 2 of 2 has 1 biases") == true
        }
    }
}
