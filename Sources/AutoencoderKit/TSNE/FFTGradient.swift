import Foundation

/// The interpolation-based gradient of FIt-SNE (Linderman et al., 2019), in 2-D.
///
/// With K(d) = 1 / (1 + d²)², the repulsion and Z need, for every point, four sums
/// φ_c(i) = Σ_j K(y_i − y_j) q_c(j) with charges q = (1, y_x, y_y, ‖y‖²):
/// Σ_j w_ij² (y_i − y_j) = y_i φ_1 − (φ_2, φ_3), and since K · (1 + d²) = w,
/// Z + N = Σ_i [(1 + ‖y_i‖²) φ_1 − 2 y_i · (φ_2, φ_3) + φ_4].
/// The sums are evaluated on a regular grid: the square around the points is cut into intervals
/// with `p` equispaced nodes each, charges are spread to the nodes of their interval by Lagrange
/// interpolation, the node-to-node sums are one FFT convolution, and the potentials are
/// interpolated back. Intervals are at most `intervalWidth` wide, so the error is fixed in
/// embedding units while the cost grows with the embedding's extent, not with N².
struct FFTGradient: GradientMethod {
    let p: SparseAffinities
    let interpolationPoints: Int
    let minimumIntervals: Int
    let intervalWidth: Double
    private var attraction: [Double]
    private var convolution: GridConvolution?
    private var boxes: [Int]
    private var weights: [Double]
    private var potentials: [Double]

    init(p: SparseAffinities, interpolationPoints: Int, minimumIntervals: Int, intervalWidth: Double) {
        self.p = p
        self.interpolationPoints = max(1, interpolationPoints)
        self.minimumIntervals = max(1, minimumIntervals)
        self.intervalWidth = intervalWidth
        attraction = [Double](repeating: 0, count: p.count * 2)
        boxes = [Int](repeating: 0, count: p.count * 2)
        weights = [Double](repeating: 0, count: p.count * 2 * max(1, interpolationPoints))
        potentials = [Double](repeating: 0, count: p.count * 4)
    }

    /// The grid for an embedding spanning `extent`: intervals per dimension and the FFT size.
    /// The FFT size is the power of two that fits 2 · nodes − 1; the intervals then grow to fill it.
    static func grid(extent: Double, interpolationPoints p: Int, minimumIntervals: Int, intervalWidth: Double) -> (intervals: Int, fftSize: Int) {
        let wanted = max(minimumIntervals, Int(min(1e6, (extent / intervalWidth).rounded(.up))))
        let size = FFT.size(atLeast: 2 * wanted * p - 1)
        return ((size + 1) / (2 * p), size)
    }

    mutating func gradient(of y: [Double], exaggeration: Double, into gradient: inout [Double],
                           computeKL: Bool) -> Double? {
        let n = p.count, np = interpolationPoints
        let klPart = AttractiveForces.compute(p, y: y, dimensions: 2, into: &attraction, klPart: computeKL)
        // Centred coordinates keep ‖y‖² small in the Z identity, which subtracts large terms.
        var mean = (0.0, 0.0)
        for i in 0..<n { mean.0 += y[2 * i]; mean.1 += y[2 * i + 1] }
        mean = (mean.0 / Double(n), mean.1 / Double(n))
        var u = [Double](repeating: 0, count: 2 * n)
        var low = Double.infinity, high = -Double.infinity
        for i in 0..<n {
            u[2 * i] = y[2 * i] - mean.0; u[2 * i + 1] = y[2 * i + 1] - mean.1
            low = min(low, u[2 * i], u[2 * i + 1]); high = max(high, u[2 * i], u[2 * i + 1])
        }
        let extent = max(high - low, 1e-12)
        let (intervals, size) = Self.grid(extent: extent, interpolationPoints: np,
                                          minimumIntervals: minimumIntervals, intervalWidth: intervalWidth)
        let nodes = intervals * np
        let boxWidth = extent / Double(intervals), spacing = boxWidth / Double(np)
        if convolution?.size != size { convolution = GridConvolution(size: size) }
        convolution?.setKernel(nodes: nodes) { dx, dy in
            let d2 = spacing * spacing * Double(dx * dx + dy * dy)
            return 1 / ((1 + d2) * (1 + d2))
        }

        // Interpolation weights of every point in each dimension, at nodes (k + ½) · spacing.
        for t in 0..<(2 * n) {
            let position = (u[t] - low) / boxWidth
            let box = min(intervals - 1, max(0, Int(position)))
            boxes[t] = box
            let local = (position - Double(box)) * Double(np)
            for k in 0..<np {
                var weight = 1.0
                for m in 0..<np where m != k {
                    weight *= (local - (Double(m) + 0.5)) / Double(k - m)
                }
                weights[t * np + k] = weight
            }
        }
        // Spread the four charges to the grid.
        var g0 = [Double](repeating: 0, count: nodes * nodes), g1 = g0, g2 = g0, g3 = g0
        for i in 0..<n {
            let ux = u[2 * i], uy = u[2 * i + 1]
            let charges = (1.0, ux, uy, ux * ux + uy * uy)
            let bx = boxes[2 * i] * np, by = boxes[2 * i + 1] * np
            for ky in 0..<np {
                let wy = weights[(2 * i + 1) * np + ky]
                for kx in 0..<np {
                    let w = wy * weights[2 * i * np + kx], node = (by + ky) * nodes + bx + kx
                    g0[node] += w * charges.0; g1[node] += w * charges.1
                    g2[node] += w * charges.2; g3[node] += w * charges.3
                }
            }
        }
        convolution?.convolve(&g0, &g1, nodes: nodes)
        convolution?.convolve(&g2, &g3, nodes: nodes)
        // Interpolate the potentials back to the points.
        for i in 0..<n {
            var phi = (0.0, 0.0, 0.0, 0.0)
            let bx = boxes[2 * i] * np, by = boxes[2 * i + 1] * np
            for ky in 0..<np {
                let wy = weights[(2 * i + 1) * np + ky]
                for kx in 0..<np {
                    let w = wy * weights[2 * i * np + kx], node = (by + ky) * nodes + bx + kx
                    phi.0 += w * g0[node]; phi.1 += w * g1[node]
                    phi.2 += w * g2[node]; phi.3 += w * g3[node]
                }
            }
            potentials[4 * i] = phi.0; potentials[4 * i + 1] = phi.1
            potentials[4 * i + 2] = phi.2; potentials[4 * i + 3] = phi.3
        }
        var z = -Double(n)
        for i in 0..<n {
            let ux = u[2 * i], uy = u[2 * i + 1]
            z += (1 + ux * ux + uy * uy) * potentials[4 * i] - 2 * (ux * potentials[4 * i + 1] + uy * potentials[4 * i + 2]) + potentials[4 * i + 3]
        }
        for i in 0..<n {
            let rx = u[2 * i] * potentials[4 * i] - potentials[4 * i + 1]
            let ry = u[2 * i + 1] * potentials[4 * i] - potentials[4 * i + 2]
            gradient[2 * i] = 4 * (exaggeration * attraction[2 * i] - rx / z)
            gradient[2 * i + 1] = 4 * (exaggeration * attraction[2 * i + 1] - ry / z)
        }
        return klPart.map { $0 + log(z) }
    }
}
