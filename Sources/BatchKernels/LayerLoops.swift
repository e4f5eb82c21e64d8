import BatchKernelInterface

/// A dense layer's arithmetic over one batch, in plain SIMD loops: the whole of a small layer's
/// forward and backward passes, and the parts around the products when sgemm does those.
///
/// Activations are feature-major: a batch `x` of `rows` rows and `inputs` features is
/// `inputs × stride`, with `x[i * stride + r]` feature `i` of row `r`, so one feature's values for
/// consecutive rows are contiguous and the loops vectorise over rows. Weights are
/// `inputs × outputs` row-major, biases one per output.
public enum LayerLoops {
    /// y = act(x · W + b) for the first `rows` rows; y is `outputs × stride`.
    public static func forward(
        x: UnsafePointer<Float>, stride: Int, rows: Int, inputs: Int, outputs: Int,
        weights: UnsafePointer<Float>, bias: UnsafePointer<Float>, activation: KernelActivation,
        y: UnsafeMutablePointer<Float>
    ) {
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
        // One pass over the whole block, the padding between the features included: sigmoid is a
        // long chain of dependent operations, and a batch of 32 rows gives a feature only two
        // vectors, too few to overlap; the block gives the processor many. The padding's values are
        // never read (every loop reads the first `rows` of a feature), and they stay finite: they
        // are zeros or earlier activations, which an activation maps to activations again.
        if rows > 0 { activation.apply(y, count: (outputs - 1) * stride + rows) }
    }

    /// After y = x · W by sgemm: adds the biases and applies the activation, feature by feature.
    public static func addBiasAndActivate(
        y: UnsafeMutablePointer<Float>, stride: Int, rows: Int, outputs: Int,
        bias: UnsafePointer<Float>, activation: KernelActivation
    ) {
        for j in 0..<outputs {
            let yj = y + j * stride, bj = bias[j]
            var r = 0
            while r + 16 <= rows {
                BatchMath.store16(BatchMath.load16(yj + r) + bj, yj + r)
                r += 16
            }
            while r < rows {
                yj[r] += bj
                r += 1
            }
            activation.apply(yj, count: rows)
        }
    }

    /// The start of every backward pass: turns dL/dy (`dy`, `outputs × stride`) into
    /// dL/dz = dL/dy ⊙ act'(z), written through the output `y`, and sums it over the rows into `db`.
    public static func activationGradient(
        dy: UnsafeMutablePointer<Float>, y: UnsafePointer<Float>, stride: Int, rows: Int, outputs: Int,
        activation: KernelActivation, db: UnsafeMutablePointer<Float>
    ) {
        for j in 0..<outputs {
            activation.multiplyByDerivative(dy + j * stride, output: y + j * stride, count: rows)
            db[j] = BatchMath.sum(dy + j * stride, count: rows)
        }
    }

    /// The rest of a small layer's backward pass after `activationGradient`: from dL/dz (`dz`,
    /// `outputs × stride`) and the forward input `x`, dW = x · dzᵀ (`inputs × outputs`,
    /// overwritten) and, when `dx` is given, dL/dx = W · dz (`inputs × stride`, overwritten).
    public static func backward(
        x: UnsafePointer<Float>, dz: UnsafePointer<Float>, stride: Int, rows: Int, inputs: Int, outputs: Int,
        weights: UnsafePointer<Float>, dW: UnsafeMutablePointer<Float>, dx: UnsafeMutablePointer<Float>?
    ) {
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
        guard let dx else { return }
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
