/// Summary statistics accumulated in Double.
public enum Statistics {
    /// Mean and population standard deviation of `values`; nil when empty.
    public static func meanAndSD(_ values: [Double]) -> (mean: Double, sd: Double)? {
        guard !values.isEmpty else { return nil }
        let mean = values.reduce(0, +) / Double(values.count)
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)
        return (mean, variance.squareRoot())
    }
}
