/// Adam, written as Keras 3 writes it, so that runs compare:
///
///     t += 1
///     alpha = lr · sqrt(1 − β2^t) / (1 − β1^t)
///     m += (g − m) · (1 − β1)
///     v += (g² − v) · (1 − β2)
///     w −= alpha · m / (sqrt(v) + ε)
///
/// with β1 = 0.9, β2 = 0.999, ε = 1e-7. The moments live in the training workspace.
struct Adam: Equatable, Sendable {
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
        updated: UnsafeMutablePointer<Float>, count: Int, loops: BatchKernelVariant = .selected
    ) -> Bool {
        loops.kernels.adam(alpha: alpha, keep1: Float(1 - beta1), keep2: Float(1 - beta2), epsilon: epsilon,
                   parameters: parameters, gradients: gradients, m: m, v: v, updated: updated, count: count)
    }
}
