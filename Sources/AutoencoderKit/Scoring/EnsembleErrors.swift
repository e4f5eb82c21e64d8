/// Reconstruction errors of a seed ensemble: several networks trained on the same rows, each row's
/// error the mean of the networks' errors (issue 15: averaging seeds detects better than one).
extension ReconstructionErrors {
    /// Each row's error averaged over `networks` (summed in their order, then divided by their
    /// count), so the same networks give the same numbers everywhere; one network gives exactly
    /// `compute(model:data:)`. data.columns == every network's inputSize, networks not empty
    /// (caller's contract).
    public static func compute(networks: [Autoencoder], data: Matrix) -> ReconstructionErrors {
        guard let first = networks.first else { return ReconstructionErrors(perRow: []) }
        guard networks.count > 1 else { return compute(model: first, data: data) }
        var sum = [Double](repeating: 0, count: data.rows)
        for network in networks {
            let errors = compute(model: network, data: data).perRow
            for r in sum.indices { sum[r] += errors[r] }
        }
        let count = Double(networks.count)
        return ReconstructionErrors(perRow: sum.map { $0 / count })
    }

    /// The squared error of each feature of one row averaged over `networks` (sums to the
    /// ensemble's error times the feature count). row.count == every network's inputSize.
    public static func featureContributions(networks: [Autoencoder], row: [Float]) -> [Double] {
        guard let first = networks.first else { return [] }
        guard networks.count > 1 else { return featureContributions(model: first, row: row) }
        var sum = [Double](repeating: 0, count: row.count)
        for network in networks {
            for (c, value) in featureContributions(model: network, row: row).enumerated() where c < sum.count { sum[c] += value }
        }
        let count = Double(networks.count)
        return sum.map { $0 / count }
    }

    /// The mean of the networks' reconstructions of `data` (in Float, summed in the networks'
    /// order); one network gives its own reconstruction.
    public static func reconstruction(networks: [Autoencoder], data: Matrix) -> Matrix {
        guard let first = networks.first else { return data }
        var sum = first.reconstruct(data)
        guard networks.count > 1 else { return sum }
        for network in networks.dropFirst() {
            let other = network.reconstruct(data)
            for i in sum.values.indices where i < other.values.count { sum.values[i] += other.values[i] }
        }
        let count = Float(networks.count)
        for i in sum.values.indices { sum.values[i] /= count }
        return sum
    }
}
