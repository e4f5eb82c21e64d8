/// The arithmetic of one Adam step over a run of parameters (the schedule and constants are
/// AutoencoderKit's `Adam`).
public enum AdamLoop {
    /// Updates `count` parameters with the step's `alpha`: reads `parameters` and `gradients`,
    /// updates the moments `m` and `v` in place and writes the new parameters to `updated`:
    ///
    ///     m += (g − m) · keep1;  v += (g² − v) · keep2;  w −= alpha · m / (sqrt(v) + epsilon)
    ///
    /// Each parameter's new value depends only on its own gradient and moments, so the
    /// parameters may be updated in parts, on different threads, with the same result.
    /// Returns whether every updated parameter is finite.
    public static func apply(
        alpha: Float, keep1: Float, keep2: Float, epsilon: Float,
        parameters: UnsafePointer<Float>, gradients: UnsafePointer<Float>,
        m: UnsafeMutablePointer<Float>, v: UnsafeMutablePointer<Float>,
        updated: UnsafeMutablePointer<Float>, count: Int
    ) -> Bool {
        // Sixteen at a time, the tail padded with zeros (whose update is a finite 0) into one more
        // vector: every weight goes through the same operations wherever it sits. x · 0 is 0 for
        // finite x and NaN for ±inf and NaN, so one sum checks every new weight.
        var poison = SIMD16<Float>()
        var i = 0
        while i < count {
            let n = Swift.min(16, count - i)
            let full = n == 16
            let g = full ? BatchMath.load16(gradients + i) : BatchMath.loadPartial16(gradients + i, count: n)
            let oldM = full ? BatchMath.load16(m + i) : BatchMath.loadPartial16(m + i, count: n)
            let oldV = full ? BatchMath.load16(v + i) : BatchMath.loadPartial16(v + i, count: n)
            let p = full ? BatchMath.load16(parameters + i) : BatchMath.loadPartial16(parameters + i, count: n)
            let mi = oldM + (g - oldM) * keep1
            let vi = oldV + (g * g - oldV) * keep2
            let w = p - alpha * mi / (vi.squareRoot() + epsilon)
            if full {
                BatchMath.store16(mi, m + i)
                BatchMath.store16(vi, v + i)
                BatchMath.store16(w, updated + i)
            } else {
                BatchMath.storePartial16(mi, m + i, count: n)
                BatchMath.storePartial16(vi, v + i, count: n)
                BatchMath.storePartial16(w, updated + i, count: n)
            }
            poison += w * 0
            i += 16
        }
        return poison.sum() == 0
    }
}
