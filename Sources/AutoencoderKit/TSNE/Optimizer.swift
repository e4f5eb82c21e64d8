import Foundation

/// Gradient descent with momentum and per-coordinate gains, as in the reference implementations
/// (Jacobs' delta-bar-delta: a gain grows by 0.2 while the gradient keeps pointing against the last
/// step and shrinks by a factor 0.8 when it flips, never below 0.01).
struct Optimizer {
    private var gains: [Double]
    private var update: [Double]
    let dimensions: Int
    /// No point moves further than this in one step.
    let maximumStep: Double

    init(count: Int, dimensions: Int, maximumStep: Double) {
        gains = [Double](repeating: 1, count: count * dimensions)
        update = [Double](repeating: 0, count: count * dimensions)
        self.dimensions = dimensions
        self.maximumStep = maximumStep
    }

    /// Forgets the gains and the momentum, as the references do when early exaggeration ends.
    mutating func reset() {
        for t in gains.indices { gains[t] = 1; update[t] = 0 }
    }

    /// One step: `update = momentum · update − rate · gains · gradient`, `y += update`. Returns
    /// the norm of `gains · gradient` over all coordinates, which scikit-learn compares with its
    /// `min_grad_norm` (see `TSNEOptions.minimumGradientNorm`).
    @discardableResult
    mutating func step(_ y: inout [Double], gradient: [Double], learningRate: Double, momentum: Double) -> Double {
        let dims = dimensions
        var squaredNorm = 0.0
        for t in gains.indices {
            let sameDirection = (gradient[t] > 0) == (update[t] > 0)
            gains[t] = max(sameDirection ? gains[t] * 0.8 : gains[t] + 0.2, 0.01)
            let scaled = gains[t] * gradient[t]
            squaredNorm += scaled * scaled
            // Not `learningRate * scaled`: the product is (rate · gain) · gradient, rounded as it
            // always was; grouping it the other way changes every embedding's last bits.
            update[t] = momentum * update[t] - learningRate * gains[t] * gradient[t]
        }
        if maximumStep > 0 {
            for i in 0..<(gains.count / dims) {
                var norm = 0.0
                for c in 0..<dims { norm += update[i * dims + c] * update[i * dims + c] }
                norm = norm.squareRoot()
                if norm > maximumStep {
                    for c in 0..<dims { update[i * dims + c] *= maximumStep / norm }
                }
            }
        }
        for t in y.indices { y[t] += update[t] }
        // KL is unchanged by translation. Keeping the mean at 0 keeps the coordinates' precision on
        // the points' differences: under early exaggeration an embedding without clusters can
        // contract far below 1e-4, and an off-centre contracted embedding would lose its shape to
        // rounding.
        let n = gains.count / dims
        guard n > 0 else { return squaredNorm.squareRoot() }
        for c in 0..<dims {
            var mean = 0.0
            for i in 0..<n { mean += y[i * dims + c] }
            mean /= Double(n)
            for i in 0..<n { y[i * dims + c] -= mean }
        }
        return squaredNorm.squareRoot()
    }
}
