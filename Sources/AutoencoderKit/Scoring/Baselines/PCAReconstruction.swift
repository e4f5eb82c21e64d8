import CBLAS

/// Anomaly scores by principal-component reconstruction: the baseline an autoencoder should beat.
///
/// Fitted on the normal training rows, it keeps the fewest principal axes that explain more than a
/// share of their variance (scikit-learn's `PCA(n_components=0.9)`: the smallest k whose
/// cumulative explained-variance ratio exceeds the share) and scores a row by the mean squared
/// difference between the row and its projection onto those axes, the same per-row measure as the
/// autoencoder's reconstruction error. A linear autoencoder with k bottleneck units learns the same
/// subspace at best, so an autoencoder that scores worse than this gains nothing from its
/// non-linearity. The covariance matrix is decomposed by LAPACK's `dsyevd` (through OpenBLAS) in
/// Double; the result is deterministic.
public struct PCAReconstruction: Sendable, Equatable {
    /// The share of the variance kept when none is asked for, as the issue's reference (and
    /// ADBench's PCA) has it.
    public static let defaultVarianceShare = 0.9
    /// The widest rows accepted: their covariance matrix takes 800 MB.
    public static let maximumFeatures = 10_000

    /// The training rows' mean, per feature.
    public let mean: [Double]
    /// The variance along every principal axis, largest first (scikit-learn's
    /// `explained_variance_`, with the sample variance's n − 1).
    public let variances: [Double]
    /// How many axes the reconstruction keeps.
    public let componentCount: Int
    /// The kept axes, `componentCount × features`, row-major, each of unit length and signed so
    /// that its largest loading is positive.
    let axes: [Double]

    /// The number of features the detector was fitted on.
    public var featureCount: Int { mean.count }

    /// The share of the total variance that the kept axes explain.
    public var explainedShare: Double {
        let total = variances.reduce(0, +)
        return total > 0 ? variances.prefix(componentCount).reduce(0, +) / total : 0
    }

    /// Fits the principal axes of `data` (the normal training rows) and keeps the fewest whose
    /// explained variance exceeds `varianceShare` (0 < share < 1). Throws when there are fewer
    /// than two rows, a value is not finite, the rows have no spread, or they are too wide.
    public static func fit(_ data: Matrix, varianceShare: Double = defaultVarianceShare) throws(BaselineError) -> PCAReconstruction {
        let n = data.rows, d = data.columns
        guard varianceShare > 0, varianceShare < 1 else {
            throw BaselineError("the variance share must lie strictly between 0 and 1, not \(varianceShare)")
        }
        guard n >= 2 else { throw BaselineError("PCA needs at least 2 training rows, there \(n == 1 ? "is 1" : "are \(n)")") }
        guard n < Int(Int32.max) else { throw BaselineError("PCA is limited to \(Int32.max - 1) training rows (OpenBLAS's integers)") }
        guard d >= 1 else { throw BaselineError("PCA needs at least one feature column") }
        guard d <= maximumFeatures else {
            throw BaselineError("PCA is limited to \(maximumFeatures) columns (its covariance matrix grows with their square), the rows have \(d)")
        }
        guard data.isFinite else { throw BaselineError("the training rows hold a value that is not a finite number") }
        var mean = [Double](repeating: 0, count: d)
        for i in 0..<n { for c in 0..<d { mean[c] += Double(data.values[i * d + c]) } }
        for c in 0..<d { mean[c] /= Double(n) }
        var centred = [Double](repeating: 0, count: n * d)
        for i in 0..<n { for c in 0..<d { centred[i * d + c] = Double(data.values[i * d + c]) - mean[c] } }
        // Upper triangle of Xcᵀ Xc / (n − 1), d × d.
        var covariance = [Double](repeating: 0, count: d * d)
        BLASThreads.configured
        cblas_dsyrk(CblasRowMajor, CblasUpper, CblasTrans, blasint(d), blasint(n),
                    1 / Double(n - 1), centred, blasint(d), 0, &covariance, blasint(d))
        guard let (ascending, vectors) = LAPACKSymmetricEigen.decompose(covariance, size: d) else {
            throw BaselineError("the eigen-decomposition of the training rows' covariance failed")
        }
        // Rounding leaves the null directions' variances a little below zero.
        let variances = ascending.reversed().map { max($0, 0) }
        let total = variances.reduce(0, +)
        guard total > 0, total.isFinite else { throw BaselineError("the training rows have no spread: every column is constant") }
        var componentCount = min(d, n), cumulative = 0.0
        for (k, v) in variances.enumerated() {
            cumulative += v
            if cumulative / total > varianceShare { componentCount = min(k + 1, componentCount); break }
        }
        var axes = [Double](repeating: 0, count: componentCount * d)
        for axis in 0..<componentCount {
            let row = d - 1 - axis   // dsyevd's vectors come in ascending order of their values
            var largest = 0.0
            for c in 0..<d where abs(vectors[row * d + c]) > abs(largest) { largest = vectors[row * d + c] }
            let sign = largest < 0 ? -1.0 : 1.0
            for c in 0..<d { axes[axis * d + c] = sign * vectors[row * d + c] }
        }
        return PCAReconstruction(mean: mean, variances: variances, componentCount: componentCount, axes: axes)
    }

    /// Rows scored at once: bounds the Double copies `errors` makes, whatever the row count.
    static let chunkRows = 4096

    /// The mean squared difference between each row of `data` and its reconstruction from the kept
    /// axes; larger is more anomalous. Throws when the rows' width is not the fitted one.
    public func errors(_ data: Matrix) throws(BaselineError) -> [Double] {
        let d = featureCount, k = componentCount
        guard data.columns == d else { throw BaselineError.width(data.columns, fitted: d) }
        var result = [Double](repeating: 0, count: data.rows)
        var residual = [Double](repeating: 0, count: Self.chunkRows * d)
        var projection = [Double](repeating: 0, count: Self.chunkRows * k)
        BLASThreads.configured
        for first in stride(from: 0, to: data.rows, by: Self.chunkRows) {
            let m = min(Self.chunkRows, data.rows - first)
            for i in 0..<m { for c in 0..<d { residual[i * d + c] = Double(data.values[(first + i) * d + c]) - mean[c] } }
            // projection = Xc Vᵀ (m × k); residual = Xc − projection V (m × d).
            cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, blasint(m), blasint(k), blasint(d),
                        1, residual, blasint(d), axes, blasint(d), 0, &projection, blasint(k))
            cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, blasint(m), blasint(d), blasint(k),
                        -1, projection, blasint(k), axes, blasint(d), 1, &residual, blasint(d))
            for i in 0..<m {
                var sum = 0.0
                for c in 0..<d { sum += residual[i * d + c] * residual[i * d + c] }
                result[first + i] = sum / Double(d)
            }
        }
        return result
    }
}
