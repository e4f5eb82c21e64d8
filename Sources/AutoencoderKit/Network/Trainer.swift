/// Mini-batch training of an autoencoder to reconstruct its input.
public enum Trainer {
    /// Adam on MSE. shouldStop is polled at least once per batch (Ctrl-C); onEpoch after each epoch;
    /// onBatch(done, total) for a progress bar: batches done in the current epoch and batches per
    /// epoch, called at most about a hundred times an epoch, and after its last batch.
    ///
    /// The validation rows are a seeded random subset, held out for the whole run; the training
    /// rows are reshuffled every epoch. The same model, data and options give bit-identical results.
    /// Training stops as `.diverged`, keeping the weights from before the batch, when a batch's
    /// loss is not finite or exceeds a million times the data's mean square (at least 1), or when
    /// an Adam step would make a weight non-finite.
    /// Throws a `TrainingError` for empty or non-finite data, a column mismatch, bad options or an
    /// invalid model.
    public static func train(
        _ model: Autoencoder, on data: Matrix, options: TrainingOptions,
        shouldStop: () -> Bool = { false },
        onBatch: (Int, Int) -> Void = { _, _ in },
        onEpoch: (EpochReport) -> Void = { _ in }
    ) throws -> TrainingResult {
        try train(model, on: data, options: options, parallelThreshold: TrainingWorkspace.defaultParallelThreshold,
                  shouldStop: shouldStop, onBatch: onBatch, onEpoch: onEpoch)
    }

    /// The batch work (rows × multiply-adds a row) from which `train` splits a batch over two
    /// threads.
    public static let defaultParallelThreshold = TrainingWorkspace.defaultParallelThreshold

    /// `train` with the batch work from which batches are split over two threads (see
    /// `TrainingWorkspace.defaultParallelThreshold`), so that tests can force either path and an
    /// ensemble can keep each network on one thread (`EnsembleTraining.oneThread`).
    public static func train(
        _ model: Autoencoder, on data: Matrix, options: TrainingOptions, parallelThreshold: Int,
        shouldStop: () -> Bool = { false },
        onBatch: (Int, Int) -> Void = { _, _ in },
        onEpoch: (EpochReport) -> Void = { _ in }
    ) throws -> TrainingResult {
        try checkInputs(model, data, options)
        // Offset from the seed so the split and shuffles do not replay the stream that the caller
        // may have used, with the same seed, for the initial weights.
        var generator = SeededGenerator(seed: options.seed ^ 0x5452_4149_4E45_5221)
        let (trainingRows, validationRows) = try holdOut(rows: data.rows, fraction: options.validationFraction, generator: &generator)
        let capacity = min(options.batchSize, trainingRows.count)
        let workspace = TrainingWorkspace(model: model, capacity: capacity, learningRate: options.learningRate,
                                          parallelThreshold: parallelThreshold)
        var start = options
        start.epochs = 0
        let state = TrainingState(options: start, rows: data.rows, columns: data.columns,
                                  parallelThreshold: parallelThreshold, generator: generator,
                                  order: trainingRows, validationRows: validationRows, adam: workspace.adam,
                                  firstMoment: [], secondMoment: [], bestWeights: [], bestLoss: .infinity,
                                  bestEpoch: nil, epochsWithoutImprovement: 0)
        return run(model, workspace: workspace, state: state, epochs: options.epochs, history: [], on: data,
                   shouldStop: shouldStop, onBatch: onBatch, onEpoch: onEpoch)
    }

    /// Goes on with a run that finished every epoch it was asked for: `more` epochs from
    /// `model`'s weights (the run's result) and `state`, exactly as if the first run had been asked
    /// for its epochs plus `more`. `history` is the first run's, and the result's history holds both.
    /// Throws a `TrainingError` when `data` is not the data the run started on (by shape) or
    /// `more` is below 1.
    public static func train(
        _ model: Autoencoder, continuing state: TrainingState, history: [EpochReport], more: Int, on data: Matrix,
        shouldStop: () -> Bool = { false },
        onBatch: (Int, Int) -> Void = { _, _ in },
        onEpoch: (EpochReport) -> Void = { _ in }
    ) throws -> TrainingResult {
        guard more >= 1 else { throw TrainingError(description: "more epochs must be at least 1, got \(more)") }
        var total = state.options
        total.epochs = state.epochsDone + more
        try checkInputs(model, data, total)
        guard data.rows == state.rows, data.columns == state.columns else {
            throw TrainingError(description: "the run started on \(state.rows) rows × \(state.columns) columns, the data now has \(data.rows) × \(data.columns): train again instead of going on")
        }
        let capacity = min(state.options.batchSize, state.order.count)
        let workspace = TrainingWorkspace(model: model, capacity: capacity, learningRate: state.options.learningRate,
                                          parallelThreshold: state.parallelThreshold)
        workspace.adam = state.adam
        workspace.firstMoment.copy(from: state.firstMoment)
        workspace.secondMoment.copy(from: state.secondMoment)
        if !state.bestWeights.isEmpty { workspace.best.copy(from: state.bestWeights) }
        return run(model, workspace: workspace, state: state, epochs: more, history: history, on: data,
                   shouldStop: shouldStop, onBatch: onBatch, onEpoch: onEpoch)
    }

    /// The epochs `state.epochsDone + 1 … + epochs` of a run.
    private static func run(
        _ model: Autoencoder, workspace: TrainingWorkspace, state initial: TrainingState, epochs: Int,
        history earlier: [EpochReport], on data: Matrix,
        shouldStop: () -> Bool, onBatch: (Int, Int) -> Void, onEpoch: (EpochReport) -> Void
    ) -> TrainingResult {
        let options = initial.options
        var generator = initial.generator
        let validationRows = initial.validationRows
        let capacity = min(options.batchSize, initial.order.count)
        let firstEpoch = initial.epochsDone + 1, lastEpoch = initial.epochsDone + epochs

        var order = initial.order
        var history = earlier
        history.reserveCapacity(min(history.count + epochs, 100_000))
        var stop = TrainingStop.completed
        var bestLoss = initial.bestLoss, bestEpoch = initial.bestEpoch
        var epochsWithoutImprovement = initial.epochsWithoutImprovement
        let batches = (order.count + capacity - 1) / capacity
        let progressStride = max(1, (batches + 99) / 100)
        let valuesPerEpoch = Double(order.count * data.columns)
        // A batch whose mean squared error is a million times worse than reconstructing every
        // value as 0 (or than 1, for data near 0) has blown up, even while it is still finite.
        let meanSquare = sumOfSquares(data.values) / Double(max(1, data.values.count))
        let explodedBatchMSE = 1e6 * max(meanSquare, 1)
        data.values.withUnsafeBufferPointer { values in
            guard let base = values.baseAddress else { return }
            training: for epoch in firstEpoch...lastEpoch {
                generator.shuffle(&order)
                var sum = 0.0
                let finished = order.withUnsafeBufferPointer { indices -> Bool in
                    guard let firstIndex = indices.baseAddress else { return false }
                    for batch in 0..<batches {
                        if shouldStop() {
                            stop = .interrupted(bestEpoch: bestEpoch)
                            return false
                        }
                        let first = batch * capacity, rows = min(capacity, indices.count - first)
                        let loss = workspace.lossAndGradients(data: base, indices: firstIndex + first, rows: rows)
                        guard loss.isFinite, loss / Double(rows * data.columns) < explodedBatchMSE else {
                            stop = .diverged(epoch: epoch, batch: batch + 1)
                            return false
                        }
                        guard workspace.step() else {
                            stop = .diverged(epoch: epoch, batch: batch + 1)
                            return false
                        }
                        sum += loss
                        if (batch + 1) % progressStride == 0 || batch + 1 == batches { onBatch(batch + 1, batches) }
                    }
                    return true
                }
                guard finished else { break training }

                let validationLoss = validationRows.isEmpty
                    ? nil : meanSquaredError(workspace, data: base, rows: validationRows, columns: data.columns)
                let report = EpochReport(epoch: epoch, loss: sum / valuesPerEpoch, validationLoss: validationLoss)
                history.append(report)
                onEpoch(report)

                // As Keras's EarlyStopping with min_delta 0: only a strictly lower loss counts.
                let monitored = validationLoss ?? report.loss
                if monitored < bestLoss {
                    (bestLoss, bestEpoch, epochsWithoutImprovement) = (monitored, epoch, 0)
                    workspace.saveBest()
                } else {
                    epochsWithoutImprovement += 1
                    if let patience = options.patience, epochsWithoutImprovement >= patience, let bestEpoch {
                        stop = .earlyStopped(bestEpoch: bestEpoch)
                        break training
                    }
                }
            }
        }

        let trained: Autoencoder
        switch stop {
        case .completed, .diverged: trained = workspace.currentModel()
        case .earlyStopped: trained = workspace.bestModel()
        case .interrupted(let bestEpoch): trained = bestEpoch == nil ? model : workspace.bestModel()
        }
        var state: TrainingState?
        if stop == .completed {
            var next = initial
            next.options.epochs = lastEpoch
            next.generator = generator
            next.order = order
            next.adam = workspace.adam
            next.firstMoment = workspace.firstMoment.values
            next.secondMoment = workspace.secondMoment.values
            next.bestWeights = workspace.best.values
            next.bestLoss = bestLoss
            next.bestEpoch = bestEpoch
            next.epochsWithoutImprovement = epochsWithoutImprovement
            state = next
        }
        return TrainingResult(model: trained, history: history, stop: stop,
                              trainingRows: order.count, validationRows: validationRows.count, state: state)
    }

    private static func checkInputs(_ model: Autoencoder, _ data: Matrix, _ options: TrainingOptions) throws {
        try options.validate()
        do {
            try model.validate()
        } catch let error as ModelError {
            throw TrainingError(description: "the model cannot be trained: \(error.description)")
        }
        guard data.rows > 0, data.columns > 0 else {
            throw TrainingError(description: "there are no rows to train on")
        }
        guard data.columns == model.inputSize else {
            throw TrainingError(description: "the data has \(data.columns) columns but the model takes \(model.inputSize) inputs")
        }
        if !sumOfSquares(data.values).isFinite, let bad = data.values.firstIndex(where: { !$0.isFinite }) {
            throw TrainingError(description: "the training data holds \(data.values[bad]) at row index \(bad / data.columns), column index \(bad % data.columns); every value must be a finite number")
        }
    }

    /// Splits row indices 0..<rows into training and validation rows, each in ascending order.
    private static func holdOut(rows: Int, fraction: Double, generator: inout SeededGenerator) throws -> ([Int], [Int]) {
        guard fraction > 0 else { return (Array(0..<rows), []) }
        let count = max(1, Int((Double(rows) * fraction).rounded()))
        guard count < rows else {
            throw TrainingError(description: "validation \(fraction) of \(rows) rows holds out \(count), leaving none to train on")
        }
        var all = Array(0..<rows)
        generator.shuffle(&all)
        return (all[count...].sorted(), all[..<count].sorted())
    }

    /// Σ v² in Double: it only sets the divergence bound (and is not finite exactly when some
    /// value is not), so its rounding decides nothing; a scalar sum of W2's five million values
    /// took longer than an epoch's Adam steps.
    private static func sumOfSquares(_ values: [Float]) -> Double {
        values.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { BatchKernelVariant.selected.kernels.sumOfSquares($0, count: buffer.count) } ?? 0
        }
    }

    /// MSE of the reconstruction of `rows`, run through the workspace batch by batch.
    private static func meanSquaredError(_ workspace: TrainingWorkspace, data: UnsafePointer<Float>, rows: [Int], columns: Int) -> Double {
        let sum = rows.withUnsafeBufferPointer { workspace.squaredError(data: data, indices: $0) }
        return sum / Double(rows.count * columns)
    }
}
