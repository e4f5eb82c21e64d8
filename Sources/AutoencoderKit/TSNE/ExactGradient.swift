import Foundation

/// The gradient over all N² pairs: exact, O(N²) time and memory, for up to a few thousand points.
struct ExactGradient: GradientMethod {
    let p: DenseAffinities
    let dimensions: Int
    private var repulsion: [Double]
    private var attraction: [Double]

    init(p: DenseAffinities, dimensions: Int) {
        self.p = p
        self.dimensions = dimensions
        repulsion = [Double](repeating: 0, count: p.count * dimensions)
        attraction = repulsion
    }

    mutating func gradient(of y: [Double], exaggeration: Double, into gradient: inout [Double],
                           computeKL: Bool) -> Double? {
        let n = p.count, dims = dimensions
        var zParts = [Double](repeating: 0, count: 16)
        var klParts = [Double](repeating: 0, count: 16)
        // Each row sums over all j on its own (both halves of every pair), so rows run in parallel.
        y.withUnsafeBufferPointer { y in
            p.values.withUnsafeBufferPointer { pv in
                repulsion.withUnsafeMutableBufferPointer { rep in
                    attraction.withUnsafeMutableBufferPointer { att in
                        zParts.withUnsafeMutableBufferPointer { zParts in
                            klParts.withUnsafeMutableBufferPointer { klParts in
                                Parallel.forEachChunk(count: n) { chunk, range in
                                    var z = 0.0, kl = 0.0
                                    for i in range {
                                        var r = (0.0, 0.0, 0.0), a = (0.0, 0.0, 0.0)
                                        let yi = y.baseAddress! + i * dims
                                        for j in 0..<n where j != i {
                                            let yj = y.baseAddress! + j * dims
                                            let d0 = yi[0] - yj[0], d1 = yi[1] - yj[1]
                                            let d2 = dims == 3 ? yi[2] - yj[2] : 0
                                            let w = 1 / (1 + d0 * d0 + d1 * d1 + d2 * d2)
                                            let pij = Double(pv[i * n + j])
                                            z += w
                                            let ww = w * w, pw = pij * w
                                            r.0 += ww * d0; r.1 += ww * d1; r.2 += ww * d2
                                            a.0 += pw * d0; a.1 += pw * d1; a.2 += pw * d2
                                            if computeKL, pij > 0 { kl += pij * log(pij / w) }
                                        }
                                        rep[i * dims] = r.0; rep[i * dims + 1] = r.1
                                        att[i * dims] = a.0; att[i * dims + 1] = a.1
                                        if dims == 3 { rep[i * dims + 2] = r.2; att[i * dims + 2] = a.2 }
                                    }
                                    zParts[chunk] = z
                                    klParts[chunk] = kl
                                }
                            }
                        }
                    }
                }
            }
        }
        let z = zParts.reduce(0, +)
        for t in 0..<(n * dims) { gradient[t] = 4 * (exaggeration * attraction[t] - repulsion[t] / z) }
        return computeKL ? klParts.reduce(0, +) + log(z) : nil
    }
}
