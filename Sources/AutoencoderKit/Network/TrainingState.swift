/// Everything a finished training run needs to go on as if it had been asked for more epochs
/// from the start: Adam's moments and step count, the shuffling generator and the row order it
/// shuffles, the validation hold-out and the early-stopping bookkeeping.
///
/// `Trainer.train(continuing:…)` with this state and the run's weights gives bit-identical weights
/// and losses to one run of the total number of epochs (`train epochs=3` then `train more=5`
/// equals `train epochs=8`).
public struct TrainingState: Equatable, Sendable {
    /// The options of the run (epochs: how many have run so far).
    public internal(set) var options: TrainingOptions
    /// The data's shape when the run started, to refuse going on with other data.
    public internal(set) var rows: Int
    /// The data's width when the run started.
    public internal(set) var columns: Int
    /// The batch work from which batches were split over two threads: the sums' order, so it
    /// must not change within a run.
    var parallelThreshold: Int
    var generator: SeededGenerator
    var order: [Int]
    var validationRows: [Int]
    var adam: Adam
    var firstMoment: [Float]
    var secondMoment: [Float]
    var bestWeights: [Float]
    var bestLoss: Double
    var bestEpoch: Int?
    var epochsWithoutImprovement: Int

    /// Epochs run so far.
    public var epochsDone: Int { options.epochs }
}

extension FloatBuffer {
    /// The values as an array.
    var values: [Float] { Array(UnsafeBufferPointer(start: pointer, count: count)) }

    /// Copies `values` in (as many as fit).
    func copy(from values: [Float]) {
        values.withUnsafeBufferPointer { source in
            guard let base = source.baseAddress else { return }
            pointer.update(from: base, count: min(count, source.count))
        }
    }
}
