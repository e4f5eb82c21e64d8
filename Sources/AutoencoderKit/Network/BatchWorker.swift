/// One thread's share of a training batch: its own activations, deltas and gradients, reading
/// weights it shares with the other worker. Everything is allocated once, before the first batch.
final class BatchWorker {
    let forward: ForwardPass
    /// dL/dW and dL/db of the rows this worker ran, for the loss of the whole batch.
    let gradients: FloatBuffer
    /// dL/dy of the layer being differentiated and dL/dx it hands down, swapped layer by layer.
    private var delta: FloatBuffer
    private var deltaBelow: FloatBuffer

    init(model: Autoencoder, capacity: Int, blasThreshold: Int, loops: BatchKernelVariant) {
        forward = ForwardPass(model: model, capacity: capacity, blasThreshold: blasThreshold, loops: loops)
        gradients = FloatBuffer(count: forward.layout.count)
        let widest = forward.layout.layers.map { max($0.inputs, $0.outputs) }.max() ?? 0
        delta = FloatBuffer(count: forward.stride * widest)
        deltaBelow = FloatBuffer(count: forward.stride * widest)
    }

    /// Forward pass over the first `rows` rows of the input batch, then the loss and its gradient.
    ///
    /// Returns Σ (y − x)² in Double and leaves dL/dy = 2 (y − x) / (batchRows · features) of the
    /// output layer in `delta`: `batchRows` is the whole batch's row count, of which these rows may
    /// be a part, so that the parts' gradients add up to the batch's.
    func forwardWithLoss(rows: Int, batchRows: Int) -> Double {
        forward.run(rows: rows, through: forward.layout.layers.count - 1, mode: .training)
        return forward.squaredError(rows: rows, gradient: delta.pointer, gradientRows: batchRows)
    }

    /// Backward pass over `rows` rows after `forwardWithLoss`: fills `gradients`.
    func backward(rows: Int) {
        let layout = forward.layout
        let p = UnsafePointer(forward.parameters.pointer), grad = gradients.pointer
        for l in stride(from: layout.layers.count - 1, through: 0, by: -1) {
            let offset = layout.layers[l].offset
            forward.kernels[l].backward(
                x: forward.activation(l), y: forward.activation(l + 1), dy: delta.pointer, rows: rows,
                parameters: p + offset, gradients: grad + offset,
                dx: l > 0 ? deltaBelow.pointer : nil)
            swap(&delta, &deltaBelow)
        }
    }

    /// Loads the rows named by `indices`, then runs the forward pass, the loss and the backward
    /// pass on them. Returns Σ (y − x)² over those rows.
    func run(data: UnsafePointer<Float>, indices: UnsafePointer<Int>, rows: Int, batchRows: Int) -> Double {
        forward.loadRows(from: data, indices: indices, count: rows)
        let loss = forwardWithLoss(rows: rows, batchRows: batchRows)
        backward(rows: rows)
        return loss
    }
}
