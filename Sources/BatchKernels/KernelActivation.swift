import BatchKernelInterface
import Foundation

/// The activations' arithmetic in this compilation of the loops (the cases are declared once, in
/// BatchKernelInterface, so that every compilation takes the same value).
extension KernelActivation {

    /// Applies the activation in place to `count` values: `z` becomes `act(z)`.
    ///
    /// Sixteen values at a time, then the tail: ReLU's tail one value at a time (the same
    /// comparison), sigmoid's padded into one more vector, so that every value goes through the
    /// same operations wherever it sits in the batch.
    @inline(__always)
    func apply(_ values: UnsafeMutablePointer<Float>, count: Int) {
        switch self {
        case .relu:
            var i = 0
            while i + 16 <= count {
                let v = BatchMath.load16(values + i)
                BatchMath.store16(v.replacing(with: 0, where: v .< 0), values + i)
                i += 16
            }
            while i < count {
                if values[i] < 0 { values[i] = 0 }
                i += 1
            }
        case .sigmoid:
            var i = 0
            while i + 16 <= count {
                BatchMath.store16(Self.sigmoid(BatchMath.load16(values + i)), values + i)
                i += 16
            }
            if i < count {
                let tail = Self.sigmoid(BatchMath.loadPartial16(values + i, count: count - i))
                BatchMath.storePartial16(tail, values + i, count: count - i)
            }
        case .tanh:
            for i in 0..<count { values[i] = Foundation.tanh(values[i]) }
        case .linear:
            break
        }
    }

    /// Multiplies `gradient` in place by act'(z), written through the layer's output y = act(z).
    ///
    /// Expressing the derivative through y (as TensorFlow's ReluGrad, SigmoidGrad and TanhGrad do)
    /// means the pre-activations never have to be kept. ReLU's derivative at 0 is taken as 0.
    @inline(__always)
    func multiplyByDerivative(_ gradient: UnsafeMutablePointer<Float>, output y: UnsafePointer<Float>, count: Int) {
        switch self {
        case .relu:
            var i = 0
            while i + 16 <= count {
                let g = BatchMath.load16(gradient + i)
                BatchMath.store16(g.replacing(with: 0, where: BatchMath.load16(y + i) .<= 0), gradient + i)
                i += 16
            }
            while i < count {
                if !(y[i] > 0) { gradient[i] = 0 }
                i += 1
            }
        case .sigmoid:
            var i = 0
            while i + 16 <= count {
                let v = BatchMath.load16(y + i)
                BatchMath.store16(BatchMath.load16(gradient + i) * (v * (1 - v)), gradient + i)
                i += 16
            }
            while i < count {
                gradient[i] *= y[i] * (1 - y[i])
                i += 1
            }
        case .tanh:
            for i in 0..<count { gradient[i] *= 1 - y[i] * y[i] }
        case .linear:
            break
        }
    }

    /// 1 / (1 + e^−z): saturates to 0 or 1 for large |z| and keeps NaN as NaN. Below −87 the
    /// result would be subnormal, which is slow to compute with; it is flushed to 0.
    @inline(__always)
    static func sigmoid(_ z: SIMD16<Float>) -> SIMD16<Float> {
        (1 / (1 + BatchMath.exp(-z))).replacing(with: 0, where: z .< -87)
    }
}
