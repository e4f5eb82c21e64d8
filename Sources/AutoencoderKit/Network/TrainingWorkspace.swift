/// Every buffer one training run needs, allocated once before the first epoch: the workers'
/// activations, deltas and gradients, Adam's moments, the candidate and the best weights.
/// Nothing is allocated per batch.
///
/// A batch big enough to pay for a hand-off (see `defaultParallelThreshold`) is split into two
/// fixed halves, the first `(rows + 1) / 2` rows and the rest, run on two threads by two workers;
/// their losses and gradients are added in that order, always, so that a run is bit-identical
/// from one run to the next whatever the threads' timing.
final class TrainingWorkspace {
    /// One worker, or two when batches are split between two threads.
    let workers: [BatchWorker]
    /// `workers[0]`, and the second worker when there is one, held directly: the step and the batch
    /// run hundreds of thousands of times in a small network's training, and reaching a worker
    /// through the array costs reference counting each time.
    private let primary: BatchWorker
    private let secondary: BatchWorker?
    /// The number of weights and biases.
    private let parameterCount: Int
    /// Runs the second worker, when there is one.
    private let helper: HelperThread?
    /// Where Adam writes the next weights; swapped with the workers' weights when they are finite.
    private var candidate: FloatBuffer
    let firstMoment: FloatBuffer
    let secondMoment: FloatBuffer
    /// The weights at the end of the best epoch so far.
    let best: FloatBuffer
    private var optimizer: Adam

    /// Multiply-adds of one full batch's forward pass (capacity · Σ inputs · outputs) from which
    /// the batch is split over two threads.
    ///
    /// Measured with release builds on the 2-core development machine, 3-epoch runs on the W2
    /// data: two threads lost at 3,840 (W1, 10 → 6 → 10 at batch 32: twice as slow, the hand-off
    /// costing more than the work), tied at about 70 k (64 → 16 → 64 at batch 32, 64 → 32 → 8 →
    /// 32 → 64 at batch 16) and won from about 150 k (64 → 32 → 8 → 32 → 64 at batch 32: 168
    /// against 180 ms; at batch 256, 1.2 M, W2 itself: 129 against 185 ms for 5 epochs).
    static let defaultParallelThreshold = 131_072

    /// Parameters from which an Adam step is split over the two threads (when there are two):
    /// otherwise the helper waits through every step of a wide network (W2 has 4,744).
    static let parallelAdamParameters = 2_048

    /// The first worker's pass: the whole batch when there is one worker.
    var forward: ForwardPass { primary.forward }
    /// The gradients Adam reads: the first worker's, with the second's added in.
    var gradients: FloatBuffer { primary.gradients }
    var layout: ParameterLayout { forward.layout }

    init(model: Autoencoder, capacity: Int, learningRate: Double,
         blasThreshold: Int = DenseKernel.defaultBLASThreshold,
         parallelThreshold: Int = TrainingWorkspace.defaultParallelThreshold, loops: BatchKernelVariant = .selected) {
        let layout = ParameterLayout(model)
        let perRow = model.multiplyAddsPerRow
        let work = capacity.multipliedReportingOverflow(by: perRow)
        let split = capacity >= 2 && (work.overflow || work.partialValue >= parallelThreshold)
        if split {
            let half = (capacity + 1) / 2
            workers = (0..<2).map { _ in BatchWorker(model: model, capacity: half, blasThreshold: blasThreshold, loops: loops) }
            workers[1].forward.parameters = workers[0].forward.parameters
            helper = HelperThread(worker: workers[1])
        } else {
            workers = [BatchWorker(model: model, capacity: capacity, blasThreshold: blasThreshold, loops: loops)]
            helper = nil
        }
        primary = workers[0]
        secondary = workers.count > 1 ? workers[1] : nil
        let count = layout.count
        parameterCount = count
        candidate = FloatBuffer(count: count)
        firstMoment = FloatBuffer(count: count)
        secondMoment = FloatBuffer(count: count)
        best = FloatBuffer(count: count)
        best.copy(from: workers[0].forward.parameters)
        optimizer = Adam(learningRate: learningRate)
    }

    deinit { helper?.stop() }

    /// Forward pass of the first worker over the first `rows` rows of its input batch, then the
    /// loss and its gradient: Σ (y − x)² in Double (the batch MSE times rows · features).
    func forwardWithLoss(rows: Int) -> Double {
        primary.forwardWithLoss(rows: rows, batchRows: rows)
    }

    /// Backward pass of the first worker over `rows` rows after `forwardWithLoss`: fills `gradients`.
    func backward(rows: Int) { primary.backward(rows: rows) }

    /// Loads the batch of `rows` rows named by `indices`, runs it forward and backward, and leaves
    /// the batch's gradients in `gradients`. Returns Σ (y − x)² over the batch, in Double.
    func lossAndGradients(data: UnsafePointer<Float>, indices: UnsafePointer<Int>, rows: Int) -> Double {
        guard let helper, let secondary else {
            return primary.run(data: data, indices: indices, rows: rows, batchRows: rows)
        }
        let first = (rows + 1) / 2, second = rows - first
        guard second > 0 else {
            return primary.run(data: data, indices: indices, rows: first, batchRows: rows)
        }
        helper.post(.batch(data: data, indices: indices + first, rows: second, batchRows: rows))
        let firstLoss = primary.run(data: data, indices: indices, rows: first, batchRows: rows)
        let secondLoss = helper.wait()
        forward.loops.kernels.add(secondary.gradients.pointer, into: primary.gradients.pointer, count: parameterCount)
        return firstLoss + secondLoss
    }

    /// Σ (y − x)² over the rows named by `indices`, run through the workers chunk by chunk: with
    /// two workers the first takes the first half of the rows and the second the rest, and their
    /// sums are added in that order.
    func squaredError(data: UnsafePointer<Float>, indices: UnsafeBufferPointer<Int>) -> Double {
        guard let base = indices.baseAddress, !indices.isEmpty else { return 0 }
        guard let helper, indices.count >= 2 else {
            return forward.squaredError(data: data, indices: base, count: indices.count)
        }
        let first = (indices.count + 1) / 2
        helper.post(.squaredError(data: data, indices: base + first, count: indices.count - first))
        let firstSum = forward.squaredError(data: data, indices: base, count: first)
        return firstSum + helper.wait()
    }

    /// One Adam step from `gradients`. Returns false, and keeps the current weights, when the
    /// step would make any weight non-finite.
    ///
    /// With two threads and at least `parallelAdamParameters` parameters, the helper updates the
    /// second half of them while this thread updates the first: the same values either way.
    func step() -> Bool {
        let alpha = optimizer.nextStepSize(), count = parameterCount, pass = primary.forward
        let parameters = UnsafePointer(pass.parameters.pointer), gradients = UnsafePointer(primary.gradients.pointer)
        let m = firstMoment.pointer, v = secondMoment.pointer, updated = candidate.pointer
        var finite: Bool
        if let helper, count >= Self.parallelAdamParameters {
            let first = count / 2 / 4 * 4
            helper.post(.adam(stepSize: alpha, parameters: parameters + first, gradients: gradients + first,
                              m: m + first, v: v + first, updated: updated + first, count: count - first))
            finite = Adam.apply(stepSize: alpha, parameters: parameters, gradients: gradients,
                                m: m, v: v, updated: updated, count: first, loops: pass.loops)
            finite = helper.wait() == 0 && finite
        } else {
            finite = Adam.apply(stepSize: alpha, parameters: parameters, gradients: gradients,
                                m: m, v: v, updated: updated, count: count, loops: pass.loops)
        }
        guard finite else { return false }
        let previous = pass.parameters
        pass.parameters = candidate
        secondary?.forward.parameters = candidate
        candidate = previous
        return true
    }

    /// Adam's step count and running powers.
    var adam: Adam {
        get { optimizer }
        set { optimizer = newValue }
    }

    /// Remembers the current weights as the best so far.
    func saveBest() { best.copy(from: forward.parameters) }

    /// The model with the current weights.
    func currentModel() -> Autoencoder { layout.unpack(forward.parameters.pointer) }

    /// The model with the best weights saved so far.
    func bestModel() -> Autoencoder { layout.unpack(best.pointer) }
}
