import Foundation

/// The interpolation-based gradient of FIt-SNE (Linderman et al., 2019), in 2-D.
///
/// The repulsion Σ_j w_ij² (y_i − y_j) and Z = Σ_{i≠j} w_ij are sums of smooth kernels over all
/// points. They are evaluated on a regular grid: the square around the points is cut into
/// intervals with `p` equispaced nodes each, each point's unit charge is spread to the nodes of its
/// interval by Lagrange interpolation, the node-to-node sums are FFT convolutions
/// (`GridConvolution`), and the forces are interpolated back to the points. Intervals are at most
/// `intervalWidth` wide, so the error is fixed in embedding units and the cost grows with the
/// embedding's extent, not with N². Unlike FIt-SNE's four charges (1, y, ‖y‖²) with one kernel,
/// the force kernels are convolved directly, which avoids cancelling large terms when the
/// embedding is wide.
struct FFTGradient: GradientMethod {
    let p: SparseAffinities
    let interpolationPoints: Int
    let minimumIntervals: Int
    let intervalWidth: Double
    private var attraction: [Double]
    private var convolution: GridConvolution?
    private var boxes: [Int]
    private var weights: [Double]
    /// The node spacing and count the kernels were last computed for.
    private var kernelGrid: (spacing: Double, nodes: Int)?
    /// The largest FFT per dimension: its grids take about 3.5 · size² Doubles (117 MB at 2,048).
    static let maximumFFTSize = 2048

    init(p: SparseAffinities, interpolationPoints: Int, minimumIntervals: Int, intervalWidth: Double) {
        self.p = p
        self.interpolationPoints = max(1, interpolationPoints)
        self.minimumIntervals = max(1, minimumIntervals)
        self.intervalWidth = intervalWidth
        attraction = [Double](repeating: 0, count: p.count * 2)
        boxes = [Int](repeating: 0, count: p.count * 2)
        weights = [Double](repeating: 0, count: p.count * 2 * max(1, interpolationPoints))
    }

    /// The grid for an embedding spanning `extent`: intervals per dimension and the FFT size.
    /// The FFT size is the power of two that fits 2 · nodes − 1; the intervals then grow to fill it.
    /// Past `maximumFFTSize` the intervals widen instead (an embedding thousands of units wide).
    static func grid(extent: Double, interpolationPoints p: Int, minimumIntervals: Int, intervalWidth: Double) -> (intervals: Int, fftSize: Int) {
        let most = (maximumFFTSize + 1) / (2 * p)
        let wanted = min(most, max(minimumIntervals, Int(min(1e6, (extent / intervalWidth).rounded(.up)))))
        let size = FFT.size(atLeast: 2 * wanted * p - 1)
        return ((size + 1) / (2 * p), size)
    }

    mutating func gradient(of y: [Double], exaggeration: Double, into gradient: inout [Double],
                           computeKL: Bool) -> Double? {
        let n = p.count, np = interpolationPoints
        let klPart = AttractiveForces.compute(p, y: y, dimensions: 2, into: &attraction, klPart: computeKL)
        var low = Double.infinity, high = -Double.infinity
        for t in 0..<(2 * n) { low = min(low, y[t]); high = max(high, y[t]) }
        guard low.isFinite, high.isFinite else {
            // A diverged embedding: no grid can hold it; the caller reports the divergence.
            for t in gradient.indices { gradient[t] = .nan }
            return computeKL ? .nan : nil
        }
        let extent = max(high - low, 1e-12)
        let (intervals, size) = Self.grid(extent: extent, interpolationPoints: np,
                                          minimumIntervals: minimumIntervals, intervalWidth: intervalWidth)
        let nodes = intervals * np
        // Once the embedding is wider than the fewest intervals allow, intervals are exactly
        // `intervalWidth` wide, so the kernels change only when the grid grows.
        let boxWidth = max(extent / Double(intervals), extent > Double(minimumIntervals) * intervalWidth ? intervalWidth : 0)
        let spacing = boxWidth / Double(np)
        if convolution?.size != max(size, GridConvolution.smallestSize) {
            convolution = GridConvolution(size: size)
            kernelGrid = nil
        }
        if kernelGrid?.spacing != spacing || kernelGrid?.nodes != nodes {
            convolution?.setKernels(nodes: nodes, spacing: spacing)
            kernelGrid = (spacing, nodes)
        }

        // Interpolation weights of every point in each dimension, at nodes (k + ½) · spacing.
        for t in 0..<(2 * n) {
            let position = (y[t] - low) / boxWidth
            let box = min(intervals - 1, max(0, Int(position)))
            boxes[t] = box
            let local = (position - Double(box)) * Double(np)
            for k in 0..<np {
                var weight = 1.0
                for m in 0..<np where m != k { weight *= (local - (Double(m) + 0.5)) / Double(k - m) }
                weights[t * np + k] = weight
            }
        }
        var charges = [Double](repeating: 0, count: nodes * nodes)
        for i in 0..<n {
            let bx = boxes[2 * i] * np, by = boxes[2 * i + 1] * np
            for ky in 0..<np {
                let wy = weights[(2 * i + 1) * np + ky]
                for kx in 0..<np { charges[(by + ky) * nodes + bx + kx] += wy * weights[2 * i * np + kx] }
            }
        }
        var forceX = charges, forceY = charges
        let total = convolution?.apply(charges, nodes: nodes, forceX: &forceX, forceY: &forceY) ?? 0
        // The grid sum includes each point's w_ii = 1.
        let z = total - Double(n)
        for i in 0..<n {
            var force = (0.0, 0.0)
            let bx = boxes[2 * i] * np, by = boxes[2 * i + 1] * np
            for ky in 0..<np {
                let wy = weights[(2 * i + 1) * np + ky]
                for kx in 0..<np {
                    let w = wy * weights[2 * i * np + kx], node = (by + ky) * nodes + bx + kx
                    force.0 += w * forceX[node]; force.1 += w * forceY[node]
                }
            }
            gradient[2 * i] = 4 * (exaggeration * attraction[2 * i] - force.0 / z)
            gradient[2 * i + 1] = 4 * (exaggeration * attraction[2 * i + 1] - force.1 / z)
        }
        return klPart.map { $0 + log(z) }
    }
}
