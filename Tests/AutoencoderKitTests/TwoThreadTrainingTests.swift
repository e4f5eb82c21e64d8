import Testing
@testable import AutoencoderKit

/// Batches split over two threads (forced here with a zero threshold): the halves' gradients and
/// losses are added in a fixed order, so runs repeat bit for bit and stay close to one thread.
@Suite struct TwoThreadTrainingTests {
    // 304 rows with 30 held out leave 274 = 39 · 7 + 1 training rows: the last batch of each
    // epoch has one row, which has no second half.
    let data = lowRankData(rows: 304, width: 8, rank: 2, seed: 17)
    let options = TrainingOptions(epochs: 6, batchSize: 7, learningRate: 0.005, validationFraction: 0.1, seed: 4)

    @Test func smallBatchesRunOnOneThreadByDefault() {
        let model = initialModel(8, [6, 3, 6], .relu)
        #expect(TrainingWorkspace(model: model, capacity: 32, learningRate: 0.001).workers.count == 1)
        #expect(TrainingWorkspace(model: model, capacity: 32, learningRate: 0.001, parallelThreshold: 0).workers.count == 2)
        // A batch of one row cannot be split.
        #expect(TrainingWorkspace(model: model, capacity: 1, learningRate: 0.001, parallelThreshold: 0).workers.count == 1)
    }

    @Test(arguments: [Activation.relu, .tanh])
    func twoThreadRunsRepeatBitForBitAndMatchOneThread(activation: Activation) throws {
        let model = initialModel(8, [6, 3, 6], activation)
        let a = try Trainer.train(model, on: data, options: options, parallelThreshold: 0)
        let b = try Trainer.train(model, on: data, options: options, parallelThreshold: 0)
        #expect(a == b)
        #expect((a.trainingRows, a.validationRows) == (274, 30))

        let one = try Trainer.train(model, on: data, options: options, parallelThreshold: .max)
        #expect(one.stop == .completed && a.stop == .completed)
        #expect(one.history.count == a.history.count)
        for (split, single) in zip(a.history, one.history) {
            #expect(abs(split.loss - single.loss) <= 1e-3 * single.loss, "epoch \(single.epoch): \(split.loss) against \(single.loss)")
            let splitValidation = try #require(split.validationLoss), singleValidation = try #require(single.validationLoss)
            #expect(abs(splitValidation - singleValidation) <= 1e-3 * singleValidation)
        }
        // Rounding differs between the two, so the weights are close but not the same bits.
        #expect(a.model != one.model)
        let first = try #require(a.history.first), last = try #require(a.history.last)
        #expect(last.loss < first.loss)
    }

    /// With two threads, a model of at least `parallelAdamParameters` parameters has its Adam step
    /// split between them: runs still repeat bit for bit and still learn.
    @Test func splitAdamStepsRepeatBitForBit() throws {
        let wide = lowRankData(rows: 120, width: 40, rank: 3, seed: 9)
        let model = initialModel(40, [24, 40], .relu)
        #expect(model.parameterCount >= TrainingWorkspace.parallelAdamParameters)
        let options = TrainingOptions(epochs: 4, batchSize: 16, learningRate: 0.003, validationFraction: 0, seed: 2)
        let a = try Trainer.train(model, on: wide, options: options, parallelThreshold: 0)
        let b = try Trainer.train(model, on: wide, options: options, parallelThreshold: 0)
        #expect(a == b)
        let first = try #require(a.history.first), last = try #require(a.history.last)
        #expect(last.loss < first.loss)
    }

    /// The two halves' gradients add up to the whole batch's, which the one-worker path computes.
    @Test func halvesAddUpToTheBatchGradient() throws {
        let model = initialModel(8, [5, 3, 5], .tanh)
        let whole = TrainingWorkspace(model: model, capacity: 13, learningRate: 0.001)
        let split = TrainingWorkspace(model: model, capacity: 13, learningRate: 0.001, parallelThreshold: 0)
        #expect(split.workers.count == 2)
        let indices = [3, 90, 41, 7, 250, 0, 12, 303, 66, 5, 180, 29, 111]
        let (wholeLoss, splitLoss) = data.values.withUnsafeBufferPointer { values in
            indices.withUnsafeBufferPointer { rows in
                (whole.lossAndGradients(data: values.baseAddress!, indices: rows.baseAddress!, rows: 13),
                 split.lossAndGradients(data: values.baseAddress!, indices: rows.baseAddress!, rows: 13))
            }
        }
        #expect(abs(wholeLoss - splitLoss) <= 1e-9 * wholeLoss)
        let count = whole.layout.count
        let a = (0..<count).map { whole.gradients.pointer[$0] }, b = (0..<count).map { split.gradients.pointer[$0] }
        let scale = a.map(abs).max() ?? 1
        #expect(scale > 0)
        for k in 0..<count { #expect(abs(a[k] - b[k]) <= 1e-5 * scale, "parameter \(k): \(a[k]) against \(b[k])") }
    }
}
