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
/// Barnes–Hut and FFT methods; the loops are `AttractionLoops`, in the kernels module.
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
                                    // t-SNE takes at least 3 rows, each with a neighbour: none of these is empty.
                                    guard let rowStart = rowStart.baseAddress, let columns = columns.baseAddress,
                                          let values = values.baseAddress, let y = y.baseAddress,
                                          let out = out.baseAddress else { return }
                                    partials[chunk] = BatchKernelVariant.selected.kernels.attraction(
                                        range, rowStart: rowStart, columns: columns, values: values, y: y,
                                        dimensions: dims, klPart: klPart, into: out)
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
