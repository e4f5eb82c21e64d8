import Foundation

/// One way to compute the gradient of t-SNE's KL divergence; `method=exact|bh|fft` picks one.
///
/// With w_ij = 1 / (1 + ‖y_i − y_j‖²), Z = Σ_{k≠l} w_kl and q_ij = w_ij / Z, the gradient is
/// ∂KL/∂y_i = 4 Σ_j (α p_ij − q_ij) w_ij (y_i − y_j): an attractive sum over P (α is the early
/// exaggeration) and a repulsive sum over all pairs, which is where the methods differ.
protocol GradientMethod {
    /// Writes the gradient for the embedding `y` (`count × dimensions`, row-major) into `gradient`.
    /// When `computeKL`, also returns KL(P ‖ Q) for the unexaggerated P.
    mutating func gradient(of y: [Double], exaggeration: Double, into gradient: inout [Double],
                           computeKL: Bool) -> Double?
}

/// The attractive half of the gradient and the P-part of KL for a sparse P, shared by the
/// Barnes–Hut and FFT methods.
enum AttractiveForces {
    /// `attraction[i] = Σ_j p_ij w_ij (y_i − y_j)`; returns Σ p_ij log(p_ij / w_ij) when asked
    /// (KL = that + log Z, since Σ p_ij = 1).
    static func compute(_ p: SparseAffinities, y: [Double], dimensions dims: Int,
                        into attraction: inout [Double], klPart: Bool) -> Double? {
        let n = p.count
        var partials = [Double](repeating: 0, count: 16)
        y.withUnsafeBufferPointer { y in
            attraction.withUnsafeMutableBufferPointer { out in
                p.rowStart.withUnsafeBufferPointer { rowStart in
                    p.columns.withUnsafeBufferPointer { columns in
                        p.values.withUnsafeBufferPointer { values in
                            partials.withUnsafeMutableBufferPointer { partials in
                                Parallel.forEachChunk(count: n) { chunk, range in
                                    var kl = 0.0
                                    var force = (0.0, 0.0, 0.0)
                                    for i in range {
                                        force = (0, 0, 0)
                                        let yi = y.baseAddress! + i * dims
                                        for t in rowStart[i]..<rowStart[i + 1] {
                                            let yj = y.baseAddress! + columns[t] * dims
                                            let d0 = yi[0] - yj[0], d1 = yi[1] - yj[1]
                                            let d2 = dims == 3 ? yi[2] - yj[2] : 0
                                            let w = 1 / (1 + d0 * d0 + d1 * d1 + d2 * d2)
                                            let pw = values[t] * w
                                            force.0 += pw * d0; force.1 += pw * d1; force.2 += pw * d2
                                            if klPart, values[t] > 0 { kl += values[t] * log(values[t] / w) }
                                        }
                                        out[i * dims] = force.0
                                        out[i * dims + 1] = force.1
                                        if dims == 3 { out[i * dims + 2] = force.2 }
                                    }
                                    partials[chunk] = kl
                                }
                            }
                        }
                    }
                }
            }
        }
        return klPart ? partials.reduce(0, +) : nil
    }
}
