/// Percentiles computed the way numpy does by default, so thresholds match the seed notebook.
public enum Percentile {
    /// numpy's default (`method="linear"`) percentile of `values` at fraction `q` in [0, 1].
    ///
    /// `values` need not be sorted. Returns nil for empty input, for a NaN in `values` (it has no
    /// place in the order) and for a NaN `q`; a `q` outside [0, 1] is clamped to it.
    public static func linear(_ values: [Double], fraction q: Double) -> Double? {
        guard !values.isEmpty, !q.isNaN, !values.contains(where: { $0.isNaN }) else { return nil }
        let sorted = values.sorted()
        let fraction = min(max(q, 0), 1)
        // numpy: virtual index (n - 1) * q between the two neighbouring order statistics.
        let virtualIndex = Double(sorted.count - 1) * fraction
        let lowerIndex = min(Int(virtualIndex.rounded(.down)), sorted.count - 1)
        let upperIndex = min(lowerIndex + 1, sorted.count - 1)
        let gamma = virtualIndex - Double(lowerIndex)
        return lerp(sorted[lowerIndex], sorted[upperIndex], gamma)
    }

    /// numpy's `_lerp`: interpolating from the nearer end keeps results monotone and exact at the ends.
    static func lerp(_ a: Double, _ b: Double, _ t: Double) -> Double {
        let difference = b - a
        return t >= 0.5 ? b - difference * (1 - t) : a + difference * t
    }
}
