/// One fully connected layer: y = act(x · W + b). weights: inputs × outputs row-major.
public struct DenseLayer: Codable, Equatable, Sendable {
    /// Width of the layer's input.
    public var inputs: Int
    /// Width of the layer's output.
    public var outputs: Int
    /// `inputs × outputs` row-major: `weights[i * outputs + j]` joins input `i` to output `j`.
    public var weights: [Float]
    /// One bias per output.
    public var bias: [Float]
    /// The non-linearity after the affine map.
    public var activation: Activation

    /// A layer from its parts; `validate()` on the model checks that the counts agree.
    public init(inputs: Int, outputs: Int, weights: [Float], bias: [Float], activation: Activation) {
        self.inputs = inputs
        self.outputs = outputs
        self.weights = weights
        self.bias = bias
        self.activation = activation
    }
}

/// The arithmetic of one dense layer over raw buffers: the forward pass and its backward pass
/// side by side.
///
/// Activations are stored feature-major: a batch `x` of `rows` rows and `inputs` features is
/// `inputs × stride` with `x[i * stride + r]` feature `i` of row `r` (`stride` is at least the
/// batch capacity, `rows ≤ capacity`). That puts a batch's values of one feature side by side, so the
/// small-layer loops vectorise over rows, and sgemm takes the same layout through its transposes.
///
/// Two implementations of each product: OpenBLAS's sgemm, which wins on big layers, and plain
/// SIMD loops, which win on tiny ones (10 → 6 at batch 32), where a BLAS call costs more than the
/// arithmetic. The choice is made once per layer from the batch capacity, so that every batch of a
/// run takes the same path.
struct DenseKernel {
    let inputs: Int
    let outputs: Int
    let activation: Activation
    /// Distance between consecutive features of a batch.
    let stride: Int
    let usesBLAS: Bool

    /// Multiply-adds per full batch (capacity · inputs · outputs) from which sgemm is used.
    ///
    /// Measured with a release build on the 2-core development machine (OpenBLAS 0.3.21, one
    /// thread): the loops win below about 4,000 (10 → 6 at batch 32, 1,920: 0.47 against 0.54 ms
    /// an epoch), tie around it and lose above it (16 → 8 at batch 32, 4,096: 1.4 against 1.9 ms;
    /// 64 → 32 at batch 32: 11 against 25 ms).
    static let defaultBLASThreshold = 4_096

    init(inputs: Int, outputs: Int, activation: Activation, capacity: Int, stride: Int, blasThreshold: Int) {
        self.inputs = inputs
        self.outputs = outputs
        self.activation = activation
        self.stride = stride
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
        if usesBLAS {
            // yᵀ = Wᵀ · xᵀ: (outputs × inputs) · (inputs × rows)
            sgemm(transposeA: true, transposeB: false, m: outputs, n: rows, k: inputs,
                  alpha: 1, a: weights, lda: outputs, b: x, ldb: stride, beta: 0, c: y, ldc: stride)
            for j in 0..<outputs {
                let yj = y + j * stride, bj = bias[j]
                for r in 0..<rows { yj[r] += bj }
            }
        } else {
            var j = 0
            while j + 2 <= outputs {
                BatchMath.combinePair(into: y + j * stride, y + (j + 1) * stride, count: rows,
                                      base0: bias[j], base1: bias[j + 1],
                                      coefficients0: weights + j, weights + j + 1, coefficientStride: outputs,
                                      sources: x, sourceStride: stride, terms: inputs)
                j += 2
            }
            if j < outputs {
                BatchMath.combine(into: y + j * stride, count: rows, base: bias[j],
                                  coefficients: weights + j, coefficientStride: outputs,
                                  sources: x, sourceStride: stride, terms: inputs)
            }
        }
        for j in 0..<outputs { activation.apply(y + j * stride, count: rows) }
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
        for j in 0..<outputs {
            activation.multiplyByDerivative(dy + j * stride, output: y + j * stride, count: rows)
            db[j] = BatchMath.sum(dy + j * stride, count: rows)
        }
        let dz = UnsafePointer(dy)
        if usesBLAS {
            // dW = x · dzᵀ in feature-major terms: (inputs × rows) · (rows × outputs)
            sgemm(transposeA: false, transposeB: true, m: inputs, n: outputs, k: rows,
                  alpha: 1, a: x, lda: stride, b: dz, ldb: stride, beta: 0, c: dW, ldc: outputs)
            // dx = W · dz: (inputs × outputs) · (outputs × rows)
            if let dx {
                sgemm(transposeA: false, transposeB: false, m: inputs, n: rows, k: outputs,
                      alpha: 1, a: weights, lda: outputs, b: dz, ldb: stride, beta: 0, c: dx, ldc: stride)
            }
            return
        }
        for i in 0..<inputs {
            let xi = x + i * stride, row = dW + i * outputs
            var j = 0
            while j + 4 <= outputs {
                let sums = BatchMath.dot4(xi, dz + j * stride, bStride: stride, count: rows)
                for lane in 0..<4 { row[j + lane] = sums[lane] }
                j += 4
            }
            while j < outputs {
                row[j] = BatchMath.dot(xi, dz + j * stride, count: rows)
                j += 1
            }
        }
        if let dx {
            var i = 0
            while i + 2 <= inputs {
                BatchMath.combinePair(into: dx + i * stride, dx + (i + 1) * stride, count: rows, base0: 0, base1: 0,
                                      coefficients0: weights + i * outputs, weights + (i + 1) * outputs,
                                      coefficientStride: 1, sources: dz, sourceStride: stride, terms: outputs)
                i += 2
            }
            if i < inputs {
                BatchMath.combine(into: dx + i * stride, count: rows, base: 0,
                                  coefficients: weights + i * outputs, coefficientStride: 1,
                                  sources: dz, sourceStride: stride, terms: outputs)
            }
        }
    }
}
