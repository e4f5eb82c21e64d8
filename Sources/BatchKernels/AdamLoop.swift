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
        // Sixteen at a time, then one at a time: the same IEEE operations either way, so a
        // weight's update does not depend on its position. x · 0 is 0 for finite x and NaN for
        // ±inf and NaN, so one sum checks every new weight.
        var poison16 = SIMD16<Float>()
        var i = 0
        while i + 16 <= count {
            let g = BatchMath.load16(gradients + i), oldM = BatchMath.load16(m + i), oldV = BatchMath.load16(v + i)
            let mi = oldM + (g - oldM) * keep1
            let vi = oldV + (g * g - oldV) * keep2
            BatchMath.store16(mi, m + i)
            BatchMath.store16(vi, v + i)
            let w = BatchMath.load16(parameters + i) - alpha * mi / (vi.squareRoot() + epsilon)
            BatchMath.store16(w, updated + i)
            poison16 += w * 0
            i += 16
        }
        var poison = poison16.sum()
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
