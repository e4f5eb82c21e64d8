/// The arithmetic of one dense layer over raw buffers: the forward pass and its backward pass
/// side by side.
///
/// Activations are stored feature-major: a batch `x` of `rows` rows and `inputs` features is
/// `inputs × stride` with `x[i * stride + r]` feature `i` of row `r` (`stride` is at least the
/// batch capacity, `rows ≤ capacity`). That puts a batch's values of one feature side by side, so the
/// small-layer loops vectorise over rows, and sgemm takes the same layout through its transposes.
///
/// Two implementations of each product: OpenBLAS's sgemm, which wins on big layers, and the plain
/// SIMD loops of BatchKernels (in the compilation `loops` names), which win on tiny ones (10 → 6 at
/// batch 32), where a BLAS call costs more than the arithmetic. The choice is made once per layer
/// from the batch capacity, so that every batch of a run takes the same path; scoring never takes
/// sgemm (see `Autoencoder.inferenceBLASThreshold`).
struct DenseKernel {
    let inputs: Int
    let outputs: Int
    let activation: Activation
    /// Distance between consecutive features of a batch.
    let stride: Int
    let usesBLAS: Bool
    /// The compilation of the loops that runs everything sgemm does not.
    let loops: BatchKernelVariant

    /// Multiply-adds per full batch (capacity · inputs · outputs) from which sgemm is used.
    ///
    /// Measured with a release build on the 2-core development machine (OpenBLAS 0.3.21, one
    /// thread): the loops win below about 4,000 (10 → 6 at batch 32, 1,920: 0.47 against 0.54 ms
    /// an epoch), tie around it and lose above it (16 → 8 at batch 32, 4,096: 1.4 against 1.9 ms;
    /// 64 → 32 at batch 32: 11 against 25 ms).
    static let defaultBLASThreshold = 4_096

    init(inputs: Int, outputs: Int, activation: Activation, capacity: Int, stride: Int, blasThreshold: Int,
         loops: BatchKernelVariant) {
        self.inputs = inputs
        self.outputs = outputs
        self.activation = activation
        self.stride = stride
        self.loops = loops
        let work = capacity.multipliedReportingOverflow(by: inputs).partialValue
            .multipliedReportingOverflow(by: outputs)
        usesBLAS = inputs > 0 && outputs > 0 && capacity > 0
            && (work.overflow || work.partialValue >= blasThreshold)
    }

    /// Forward: y = act(x · W + b).
    /// x: inputs × stride (feature-major), weights: inputs × outputs, bias: outputs,
    /// y: outputs × stride (written for the first `rows` rows).
    func forward(
        x: UnsafePointer<Float>, rows: Int, weights: UnsafePointer<Float>, bias: UnsafePointer<Float>,
        y: UnsafeMutablePointer<Float>
    ) {
        guard usesBLAS else {
            loops.kernels.forward(x: x, stride: stride, rows: rows, inputs: inputs, outputs: outputs,
                                  weights: weights, bias: bias, activation: activation.kernel, y: y)
            return
        }
        // yᵀ = Wᵀ · xᵀ: (outputs × inputs) · (inputs × rows)
        sgemm(transposeA: true, transposeB: false, m: outputs, n: rows, k: inputs,
              alpha: 1, a: weights, lda: outputs, b: x, ldb: stride, beta: 0, c: y, ldc: stride)
        loops.kernels.addBiasAndActivate(y: y, stride: stride, rows: rows, outputs: outputs, bias: bias, activation: activation.kernel)
    }

    /// Backward: from dL/dy to dL/dW, dL/db and, when `dx` is given, dL/dx.
    /// x: inputs × stride (the forward input), y: outputs × stride (the forward output),
    /// dy: outputs × stride, dL/dy on entry and dL/dz = dL/dy ⊙ act'(z) on return,
    /// weights: inputs × outputs, dW: inputs × outputs and db: outputs (both overwritten),
    /// dx: inputs × stride (overwritten).
    func backward(
        x: UnsafePointer<Float>, y: UnsafePointer<Float>, dy: UnsafeMutablePointer<Float>, rows: Int,
        weights: UnsafePointer<Float>,
        dW: UnsafeMutablePointer<Float>, db: UnsafeMutablePointer<Float>, dx: UnsafeMutablePointer<Float>?
    ) {
        loops.kernels.activationGradient(dy: dy, y: y, stride: stride, rows: rows, outputs: outputs, activation: activation.kernel, db: db)
        let dz = UnsafePointer(dy)
        guard usesBLAS else {
            loops.kernels.backward(x: x, dz: dz, stride: stride, rows: rows, inputs: inputs, outputs: outputs,
                                   weights: weights, dW: dW, dx: dx)
            return
        }
        // dW = x · dzᵀ in feature-major terms: (inputs × rows) · (rows × outputs)
        sgemm(transposeA: false, transposeB: true, m: inputs, n: outputs, k: rows,
              alpha: 1, a: x, lda: stride, b: dz, ldb: stride, beta: 0, c: dW, ldc: outputs)
        // dx = W · dz: (inputs × outputs) · (outputs × rows)
        if let dx {
            sgemm(transposeA: false, transposeB: false, m: inputs, n: rows, k: outputs,
                  alpha: 1, a: weights, lda: outputs, b: dz, ldb: stride, beta: 0, c: dx, ldc: stride)
        }
    }
}

extension DenseKernel: LayerKernel {
    /// The forward pass with the layer's parameters as one slice: weights, then biases.
    @inline(__always)
    func forward(x: UnsafePointer<Float>, rows: Int, parameters: UnsafePointer<Float>,
                 y: UnsafeMutablePointer<Float>, mode: LayerMode) {
        forward(x: x, rows: rows, weights: parameters, bias: parameters + inputs * outputs, y: y)
    }

    /// The backward pass with the parameters and their gradients as slices: weights, then biases.
    @inline(__always)
    func backward(x: UnsafePointer<Float>, y: UnsafePointer<Float>, dy: UnsafeMutablePointer<Float>, rows: Int,
                  parameters: UnsafePointer<Float>, gradients: UnsafeMutablePointer<Float>,
                  dx: UnsafeMutablePointer<Float>?) {
        backward(x: x, y: y, dy: dy, rows: rows, weights: parameters,
                 dW: gradients, db: gradients + inputs * outputs, dx: dx)
    }
}
