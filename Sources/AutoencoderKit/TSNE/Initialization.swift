import Foundation

/// The starting embedding: PCA scaled to a tiny spread (openTSNE's default), or seeded noise.
enum Initialization {
    /// The standard deviation of the first coordinate at the start.
    static let spread = 1e-4

    /// `count × dimensions` starting coordinates, row-major.
    static func embedding(for data: Matrix, dimensions: Int, method: TSNEInitialization,
                          generator: inout SeededGenerator) -> [Double] {
        if method == .pca, let projected = principalComponents(data, dimensions: dimensions, generator: &generator) {
            return projected
        }
        return (0..<(data.rows * dimensions)).map { _ in generator.nextNormal() * spread }
    }

    /// The data projected on its first principal axes, scaled so that the first axis has sd 1e-4;
    /// nil when the data has no spread. Axes beyond the data's own columns are seeded noise.
    static func principalComponents(_ data: Matrix, dimensions: Int, generator: inout SeededGenerator) -> [Double]? {
        let n = data.rows, d = data.columns
        guard n > 1, d > 0 else { return nil }
        if d > covarianceLimit {
            guard let result = WidePrincipalComponents.scores(data, components: dimensions) else { return nil }
            return scaled(result, count: n, dimensions: dimensions)
        }
        var mean = [Double](repeating: 0, count: d)
        for i in 0..<n { for c in 0..<d { mean[c] += Double(data.values[i * d + c]) } }
        for c in 0..<d { mean[c] /= Double(n) }
        var covariance = [Double](repeating: 0, count: d * d)
        var centred = [Double](repeating: 0, count: d)
        for i in 0..<n {
            for c in 0..<d { centred[c] = Double(data.values[i * d + c]) - mean[c] }
            for a in 0..<d { for b in a..<d { covariance[a * d + b] += centred[a] * centred[b] } }
        }
        for a in 0..<d { for b in a..<d { covariance[b * d + a] = covariance[a * d + b] } }
        let (eigenvalues, eigenvectors) = SymmetricEigen.decompose(covariance, size: d)
        let order = (0..<d).sorted { eigenvalues[$0] > eigenvalues[$1] || (eigenvalues[$0] == eigenvalues[$1] && $0 < $1) }
        var result = [Double](repeating: 0, count: n * dimensions)
        for (axis, k) in order.prefix(dimensions).enumerated() {
            // The sign of an eigenvector is arbitrary: fix it so the largest component is positive.
            var largest = 0
            for c in 0..<d where abs(eigenvectors[c * d + k]) > abs(eigenvectors[largest * d + k]) { largest = c }
            let sign = eigenvectors[largest * d + k] < 0 ? -1.0 : 1.0
            for i in 0..<n {
                var s = 0.0
                for c in 0..<d { s += (Double(data.values[i * d + c]) - mean[c]) * eigenvectors[c * d + k] }
                result[i * dimensions + axis] = sign * s
            }
        }
        guard var start = scaled(result, count: n, dimensions: dimensions) else { return nil }
        if d < dimensions {
            for i in 0..<n { for axis in d..<dimensions { start[i * dimensions + axis] = generator.nextNormal() * spread } }
        }
        return start
    }

    /// The widest data whose components come from its d × d covariance matrix (cyclic Jacobi,
    /// d³ a sweep); wider data uses `WidePrincipalComponents`, in memory linear in d.
    static let covarianceLimit = 256

    /// `scores` scaled so that the first coordinate has sd `spread`; nil when it has no spread.
    private static func scaled(_ scores: [Double], count n: Int, dimensions: Int) -> [Double]? {
        var first = [Double](repeating: 0, count: n)
        for i in 0..<n { first[i] = scores[i * dimensions] }
        let sd = Statistics.meanAndSD(first)?.sd ?? 0
        guard sd > 0, sd.isFinite else { return nil }
        return scores.map { $0 * spread / sd }
    }
}

/// Eigenvalues and eigenvectors of a small symmetric matrix by cyclic Jacobi rotations.
enum SymmetricEigen {
    /// Eigenvalues, and eigenvectors as the columns of a row-major `size × size` matrix.
    static func decompose(_ matrix: [Double], size d: Int) -> ([Double], [Double]) {
        var a = matrix
        var v = [Double](repeating: 0, count: d * d)
        for i in 0..<d { v[i * d + i] = 1 }
        for _ in 0..<100 {
            var off = 0.0
            for p in 0..<d { for q in (p + 1)..<max(p + 1, d) { off += a[p * d + q] * a[p * d + q] } }
            if off < 1e-30 { break }
            for p in 0..<d {
                for q in (p + 1)..<max(p + 1, d) where a[p * d + q] != 0 {
                    let theta = (a[q * d + q] - a[p * d + p]) / (2 * a[p * d + q])
                    let t = (theta >= 0 ? 1.0 : -1.0) / (abs(theta) + (theta * theta + 1).squareRoot())
                    let c = 1 / (t * t + 1).squareRoot(), s = t * c
                    for k in 0..<d {
                        let akp = a[k * d + p], akq = a[k * d + q]
                        a[k * d + p] = c * akp - s * akq
                        a[k * d + q] = s * akp + c * akq
                    }
                    for k in 0..<d {
                        let apk = a[p * d + k], aqk = a[q * d + k]
                        a[p * d + k] = c * apk - s * aqk
                        a[q * d + k] = s * apk + c * aqk
                    }
                    for k in 0..<d {
                        let vkp = v[k * d + p], vkq = v[k * d + q]
                        v[k * d + p] = c * vkp - s * vkq
                        v[k * d + q] = s * vkp + c * vkq
                    }
                }
            }
        }
        return ((0..<d).map { a[$0 * d + $0] }, v)
    }
}
