/// Adam, written as Keras 3 writes it, so that runs compare:
///
///     t += 1
///     alpha = lr · sqrt(1 − β2^t) / (1 − β1^t)
///     m += (g − m) · (1 − β1)
///     v += (g² − v) · (1 − β2)
///     w −= alpha · m / (sqrt(v) + ε)
///
/// with β1 = 0.9, β2 = 0.999, ε = 1e-7. The moments live in the training workspace.
struct Adam {
    static let beta1 = 0.9
    static let beta2 = 0.999
    static let epsilon: Float = 1e-7

    let learningRate: Double
    /// Steps taken so far (t).
    private(set) var step = 0
    /// β1^t and β2^t, kept as running products: the two `pow` calls they replace came to about a
    /// tenth of the instructions of a W1 Adam step under callgrind.
    private var beta1Power = 1.0
    private var beta2Power = 1.0

    init(learningRate: Double) {
        self.learningRate = learningRate
    }

    /// Advances t and returns the step's alpha, for `apply`.
    mutating func nextStepSize() -> Float {
        step += 1
        beta1Power *= Self.beta1
        beta2Power *= Self.beta2
        return Float(learningRate * (1 - beta2Power).squareRoot() / (1 - beta1Power))
    }

    /// One update of `count` parameters with the step's alpha. Reads `parameters` and `gradients`,
    /// updates the moments `m` and `v` in place and writes the new parameters to `updated`, leaving
    /// `parameters` as they were so that a step that overflows can be dropped. Each parameter's new
    /// value depends only on its own gradient and moments, so the parameters may be updated in
    /// parts, on different threads, with the same result.
    ///
    /// Returns whether every updated parameter is finite.
    static func apply(
        stepSize alpha: Float, parameters: UnsafePointer<Float>, gradients: UnsafePointer<Float>,
        m: UnsafeMutablePointer<Float>, v: UnsafeMutablePointer<Float>,
        updated: UnsafeMutablePointer<Float>, count: Int
    ) -> Bool {
        let keep1 = Float(1 - Self.beta1), keep2 = Float(1 - Self.beta2), epsilon = Self.epsilon
        // Four at a time, then one at a time: the same IEEE operations either way, so a weight's
        // update does not depend on its position. x · 0 is 0 for finite x and NaN for ±inf and NaN,
        // so one sum checks every new weight.
        var poison4 = SIMD4<Float>()
        var i = 0
        while i + 4 <= count {
            let g = BatchMath.load4(gradients + i)
            let mi = BatchMath.load4(m + i) + (g - BatchMath.load4(m + i)) * keep1
            let vi = BatchMath.load4(v + i) + (g * g - BatchMath.load4(v + i)) * keep2
            BatchMath.store4(mi, m + i)
            BatchMath.store4(vi, v + i)
            let w = BatchMath.load4(parameters + i) - alpha * mi / (vi.squareRoot() + epsilon)
            BatchMath.store4(w, updated + i)
            poison4 += w * 0
            i += 4
        }
        var poison = poison4.sum()
        while i < count {
            let g = gradients[i]
            let mi = m[i] + (g - m[i]) * keep1
            let vi = v[i] + (g * g - v[i]) * keep2
            m[i] = mi
            v[i] = vi
            let w = parameters[i] - alpha * mi / (vi.squareRoot() + epsilon)
            updated[i] = w
            poison += w * 0
            i += 1
        }
        return poison == 0
    }
}
