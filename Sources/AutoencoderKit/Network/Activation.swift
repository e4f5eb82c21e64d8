import Foundation

/// The non-linearity applied after a dense layer's affine map.
public enum Activation: String, Codable, CaseIterable, Sendable {
    case relu, sigmoid, tanh, linear

    /// Applies the activation in place to `count` values: `z` becomes `act(z)`.
    @inline(__always)
    func apply(_ values: UnsafeMutablePointer<Float>, count: Int) {
        switch self {
        case .relu:
            var i = 0
            while i + 4 <= count {
                let v = BatchMath.load4(values + i)
                BatchMath.store4(v.replacing(with: 0, where: v .< 0), values + i)
                i += 4
            }
            while i < count {
                if values[i] < 0 { values[i] = 0 }
                i += 1
            }
        case .sigmoid:
            // Four at a time through the vector exp; the tail goes through the same code, padded,
            // so that a row's value does not depend on where it sits in the batch.
            var i = 0
            while i + 4 <= count {
                BatchMath.store4(Self.sigmoid(BatchMath.load4(values + i)), values + i)
                i += 4
            }
            if i < count {
                var tail = SIMD4<Float>()
                for k in 0..<(count - i) { tail[k] = values[i + k] }
                tail = Self.sigmoid(tail)
                for k in 0..<(count - i) { values[i + k] = tail[k] }
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
            while i + 4 <= count {
                let g = BatchMath.load4(gradient + i)
                BatchMath.store4(g.replacing(with: 0, where: BatchMath.load4(y + i) .<= 0), gradient + i)
                i += 4
            }
            while i < count {
                if !(y[i] > 0) { gradient[i] = 0 }
                i += 1
            }
        case .sigmoid:
            for i in 0..<count { gradient[i] *= y[i] * (1 - y[i]) }
        case .tanh:
            for i in 0..<count { gradient[i] *= 1 - y[i] * y[i] }
        case .linear:
            break
        }
    }

    /// 1 / (1 + e^−z): saturates to 0 or 1 for large |z| and keeps NaN as NaN. Below −87 the
    /// result would be subnormal, which is slow to compute with; it is flushed to 0.
    @inline(__always)
    static func sigmoid(_ z: SIMD4<Float>) -> SIMD4<Float> {
        (1 / (1 + BatchMath.exp(-z))).replacing(with: 0, where: z .< -87)
    }
}
