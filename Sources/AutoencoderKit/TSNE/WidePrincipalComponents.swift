import Foundation

/// The leading principal components of data too wide for a d × d covariance matrix (a 100,000-wide
/// code would need 80 GB for it), by randomized subspace iteration (Halko, Martinsson & Tropp,
/// 2011; scikit-learn's `svd_solver="randomized"`): memory is the data plus (N + d) · (k + 10)
/// Doubles and time N · d · (k + 10) per pass, whatever d.
enum WidePrincipalComponents {
    /// Extra directions carried along, and the power iterations, as scikit-learn's defaults.
    static let oversampling = 10, powerIterations = 7

    /// Scores (N × k, row-major) of the centred rows of `data` on its first k principal axes, each
    /// axis's sign fixed so that its largest loading is positive; nil when the data has no spread.
    static func scores(_ data: Matrix, components k: Int) -> [Double]? {
        let n = data.rows, d = data.columns
        let l = min(k + oversampling, n, d)
        guard n > 1, d > 0, k >= 1, l >= k else { return nil }
        var mean = [Double](repeating: 0, count: d)
        for i in 0..<n { for c in 0..<d { mean[c] += Double(data.values[i * d + c]) } }
        for c in 0..<d { mean[c] /= Double(n) }
        // A fixed seed of its own: the start directions do not consume the caller's generator.
        var generator = SeededGenerator(seed: 0x5EED_5CA1E)
        var axes = (0..<(d * l)).map { _ in generator.nextNormal() }   // d × l
        var range = [Double](repeating: 0, count: n * l)                  // n × l
        multiply(data, mean, axes, into: &range, columns: l)
        orthonormalize(&range, rows: n, columns: l)
        for _ in 0..<powerIterations {
            multiplyTransposed(data, mean, range, into: &axes, columns: l)
            orthonormalize(&axes, rows: d, columns: l)
            multiply(data, mean, axes, into: &range, columns: l)
            orthonormalize(&range, rows: n, columns: l)
        }
        // B = Qᵀ X_c (l × d) holds the data's top singular structure: B Bᵀ = U Σ² Uᵀ.
        var b = [Double](repeating: 0, count: d * l)                      // Bᵀ, d × l
        multiplyTransposed(data, mean, range, into: &b, columns: l)
        var gram = [Double](repeating: 0, count: l * l)
        for c in 0..<d { for a in 0..<l { for e in a..<l { gram[a * l + e] += b[c * l + a] * b[c * l + e] } } }
        for a in 0..<l { for e in a..<l { gram[e * l + a] = gram[a * l + e] } }
        let (values, vectors) = SymmetricEigen.decompose(gram, size: l)
        let order = (0..<l).sorted { values[$0] > values[$1] || (values[$0] == values[$1] && $0 < $1) }
        var result = [Double](repeating: 0, count: n * k)
        for (axis, m) in order.prefix(k).enumerated() {
            let sigma = max(values[m], 0).squareRoot()
            guard sigma.isFinite, sigma > 0 || axis > 0 else { return nil }
            // Loadings v = Bᵀ u / σ; scores X_c v = Q u σ.
            var largest = 0.0
            for c in 0..<d {
                var v = 0.0
                for a in 0..<l { v += b[c * l + a] * vectors[a * l + m] }
                if abs(v) > abs(largest) { largest = v }
            }
            let sign = largest < 0 ? -1.0 : 1.0
            for i in 0..<n {
                var s = 0.0
                for a in 0..<l { s += range[i * l + a] * vectors[a * l + m] }
                result[i * k + axis] = sign * sigma * s
            }
        }
        return result
    }

    /// `out = (X − 1 meanᵀ) · right` for `right` d × columns; `out` is N × columns.
    private static func multiply(_ data: Matrix, _ mean: [Double], _ right: [Double], into out: inout [Double], columns l: Int) {
        let n = data.rows, d = data.columns
        var shift = [Double](repeating: 0, count: l)
        for c in 0..<d { for a in 0..<l { shift[a] += mean[c] * right[c * l + a] } }
        for i in 0..<n {
            var row = [Double](repeating: 0, count: l)
            for c in 0..<d {
                let x = Double(data.values[i * d + c])
                for a in 0..<l { row[a] += x * right[c * l + a] }
            }
            for a in 0..<l { out[i * l + a] = row[a] - shift[a] }
        }
    }

    /// `out = (X − 1 meanᵀ)ᵀ · left` for `left` N × columns; `out` is d × columns.
    private static func multiplyTransposed(_ data: Matrix, _ mean: [Double], _ left: [Double], into out: inout [Double], columns l: Int) {
        let n = data.rows, d = data.columns
        for t in out.indices { out[t] = 0 }
        var sums = [Double](repeating: 0, count: l)
        for i in 0..<n {
            for a in 0..<l { sums[a] += left[i * l + a] }
            for c in 0..<d {
                let x = Double(data.values[i * d + c])
                for a in 0..<l { out[c * l + a] += x * left[i * l + a] }
            }
        }
        for c in 0..<d { for a in 0..<l { out[c * l + a] -= mean[c] * sums[a] } }
    }

    /// Orthonormalizes the columns of a row-major `rows × columns` matrix in place (modified
    /// Gram–Schmidt, twice for accuracy); a column with nothing left becomes zero.
    private static func orthonormalize(_ m: inout [Double], rows: Int, columns l: Int) {
        for _ in 0..<2 {
            for a in 0..<l {
                for e in 0..<a {
                    var dot = 0.0
                    for r in 0..<rows { dot += m[r * l + a] * m[r * l + e] }
                    for r in 0..<rows { m[r * l + a] -= dot * m[r * l + e] }
                }
                var norm = 0.0
                for r in 0..<rows { norm += m[r * l + a] * m[r * l + a] }
                norm = norm.squareRoot()
                let scale = norm > 0 && norm.isFinite ? 1 / norm : 0
                for r in 0..<rows { m[r * l + a] *= scale }
            }
        }
    }
}
