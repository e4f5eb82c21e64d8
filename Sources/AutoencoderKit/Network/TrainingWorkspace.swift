/// Every buffer one training run needs, allocated once before the first epoch: the forward
/// activations, the backward deltas, the gradients, Adam's moments, the candidate and the best
/// weights. Nothing is allocated per batch.
final class TrainingWorkspace {
    let forward: ForwardPass
    /// Where Adam writes the next weights; swapped with `forward.parameters` when they are finite.
    private var candidate: FloatBuffer
    let gradients: FloatBuffer
    let firstMoment: FloatBuffer
    let secondMoment: FloatBuffer
    /// The weights at the end of the best epoch so far.
    let best: FloatBuffer
    /// dL/dy of the layer being differentiated and dL/dx it hands down, swapped layer by layer.
    private var delta: FloatBuffer
    private var deltaBelow: FloatBuffer
    private var optimizer: Adam

    var layout: ParameterLayout { forward.layout }

    init(model: Autoencoder, capacity: Int, learningRate: Double,
         blasThreshold: Int = DenseKernel.defaultBLASThreshold) {
        forward = ForwardPass(model: model, capacity: capacity, blasThreshold: blasThreshold)
        let count = forward.layout.count
        candidate = FloatBuffer(count: count)
        gradients = FloatBuffer(count: count)
        firstMoment = FloatBuffer(count: count)
        secondMoment = FloatBuffer(count: count)
        best = FloatBuffer(count: count)
        best.copy(from: forward.parameters)
        let widest = forward.layout.layers.map { max($0.inputs, $0.outputs) }.max() ?? 0
        delta = FloatBuffer(count: forward.stride * widest)
        deltaBelow = FloatBuffer(count: forward.stride * widest)
        optimizer = Adam(learningRate: learningRate)
    }

    /// Forward pass over the first `rows` rows of the input batch, then the loss and its gradient.
    ///
    /// Returns Σ (y − x)² in Double (the batch MSE times rows · features) and leaves
    /// dL/dy = 2 (y − x) / (rows · features) of the output layer in `delta`.
    func forwardWithLoss(rows: Int) -> Double {
        forward.run(rows: rows, through: layout.layers.count - 1)
        return forward.squaredError(rows: rows, gradient: delta.pointer)
    }

    /// Backward pass over `rows` rows after `forwardWithLoss`: fills `gradients`.
    func backward(rows: Int) {
        let p = UnsafePointer(forward.parameters.pointer), grad = gradients.pointer
        for l in stride(from: layout.layers.count - 1, through: 0, by: -1) {
            let place = layout.layers[l]
            forward.kernels[l].backward(
                x: forward.activation(l), y: forward.activation(l + 1), dy: delta.pointer, rows: rows,
                weights: p + place.weightOffset,
                dW: grad + place.weightOffset, db: grad + place.biasOffset,
                dx: l > 0 ? deltaBelow.pointer : nil)
            swap(&delta, &deltaBelow)
        }
    }

    /// One Adam step from `gradients`. Returns false, and keeps the current weights, when the
    /// step would make any weight non-finite.
    func step() -> Bool {
        let finite = optimizer.update(
            parameters: forward.parameters.pointer, gradients: gradients.pointer,
            m: firstMoment.pointer, v: secondMoment.pointer, updated: candidate.pointer, count: layout.count)
        guard finite else { return false }
        swap(&forward.parameters, &candidate)
        return true
    }

    /// Remembers the current weights as the best so far.
    func saveBest() { best.copy(from: forward.parameters) }

    /// The model with the current weights.
    func currentModel() -> Autoencoder { layout.unpack(forward.parameters.pointer) }

    /// The model with the best weights saved so far.
    func bestModel() -> Autoencoder { layout.unpack(best.pointer) }
}
