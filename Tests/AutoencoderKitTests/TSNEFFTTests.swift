import Foundation
import Testing
@testable import AutoencoderKit

/// The FFT itself, and the interpolation-based gradient against the exact one.
@Suite struct TSNEFFTTests {
    @Test(arguments: [2, 4, 8, 16, 64, 256])
    func fftMatchesTheDefinitionAndInverts(size: Int) {
        var generator = SeededGenerator(seed: UInt64(size))
        let xr = (0..<size).map { _ in generator.nextNormal() }, xi = (0..<size).map { _ in generator.nextNormal() }
        var re = xr, im = xi
        let fft = FFT(size: size)
        fft.transform(real: &re, imaginary: &im, inverse: false)
        for k in 0..<size {
            var sr = 0.0, si = 0.0
            for t in 0..<size {
                let angle = -2 * Double.pi * Double(k * t) / Double(size)
                sr += xr[t] * cos(angle) - xi[t] * sin(angle)
                si += xr[t] * sin(angle) + xi[t] * cos(angle)
            }
            #expect(abs(re[k] - sr) < 1e-9 && abs(im[k] - si) < 1e-9, "bin \(k)")
        }
        fft.transform(real: &re, imaginary: &im, inverse: true)
        for t in 0..<size {
            #expect(abs(re[t] / Double(size) - xr[t]) < 1e-12 && abs(im[t] / Double(size) - xi[t]) < 1e-12)
        }
    }

    /// Column transforms of a row-major grid, eight columns at a time in place, equal the scalar
    /// transform of each column; rows past `inputRows` count as zero and only `outputRows` are written.
    @Test(arguments: [8, 16, 64])
    func columnTransformsMatchTheScalarTransform(size: Int) {
        var generator = SeededGenerator(seed: UInt64(size) + 100)
        let fft = FFT(size: size)
        let inputRows = size / 2 + 1, outputRows = size / 2 - 1
        for inverse in [false, true] {
            let xr = (0..<(size * size)).map { _ in generator.nextNormal() }
            let xi = (0..<(size * size)).map { _ in generator.nextNormal() }
            var re = xr, im = xi
            re.withUnsafeMutableBufferPointer { re in
                im.withUnsafeMutableBufferPointer { im in
                    withUnsafeTemporaryAllocation(of: SIMD4<Double>.self, capacity: fft.columnScratchCount) { scratch in
                        for column in stride(from: 0, to: size, by: FFT.columnBlock) {
                            fft.transformColumns(real: re.baseAddress!, imaginary: im.baseAddress!, rowStride: size,
                                                 column: column, inputRows: inputRows, outputRows: outputRows,
                                                 inverse: inverse, scratch: scratch.baseAddress!)
                        }
                    }
                }
            }
            for column in 0..<size {
                var cr = (0..<size).map { $0 < inputRows ? xr[$0 * size + column] : 0 }
                var ci = (0..<size).map { $0 < inputRows ? xi[$0 * size + column] : 0 }
                fft.transform(real: &cr, imaginary: &ci, inverse: inverse)
                for t in 0..<size {
                    let (er, ei) = t < outputRows ? (cr[t], ci[t]) : (xr[t * size + column], xi[t * size + column])
                    #expect(re[t * size + column] == er && im[t * size + column] == ei, "column \(column), row \(t)")
                }
            }
        }
    }

    /// The grid sums asked for on the smallest FFT that holds them (2n − 1 rounded up to a power
    /// of two; below 16 the transforms run at 16), for odd, even and single-node grids, against
    /// the direct O(n⁴) sums.
    @Test(arguments: [1, 2, 3, 4, 5, 8, 9, 16, 17])
    func gridSumsOnTheSmallestGridAreTheDirectSums(nodes n: Int) {
        let h = 0.3
        var generator = SeededGenerator(seed: UInt64(n) + 7)
        let g = (0..<(n * n)).map { _ in generator.nextUniform() }
        var convolution = GridConvolution(size: FFT.size(atLeast: 2 * n - 1))
        convolution.setKernels(nodes: n, spacing: h)
        var fx = g, fy = g
        let total = convolution.apply(g, nodes: n, forceX: &fx, forceY: &fy)
        let direct = Self.directGridSums(g, nodes: n, spacing: h)
        var largest = 0.0
        for node in 0..<(n * n) {
            largest = max(largest, direct.potential[node])
            #expect(abs(fx[node] - direct.forceX[node]) < 1e-12 * largest * Double(n * n) + 1e-13, "node \(node % n), \(node / n)")
            #expect(abs(fy[node] - direct.forceY[node]) < 1e-12 * largest * Double(n * n) + 1e-13, "node \(node % n), \(node / n)")
        }
        #expect(abs(total - direct.total) < 1e-12 * direct.total * Double(n))
    }

    @Test func gridSumsAreTheDirectSums() {
        let n = 5, h = 0.7
        var generator = SeededGenerator(seed: 1)
        let g = (0..<(n * n)).map { _ in generator.nextUniform() }
        var convolution = GridConvolution(size: 16)
        convolution.setKernels(nodes: n, spacing: h)
        var fx = g, fy = g
        let total = convolution.apply(g, nodes: n, forceX: &fx, forceY: &fy)
        let direct = Self.directGridSums(g, nodes: n, spacing: h)
        for node in 0..<(n * n) {
            #expect(abs(fx[node] - direct.forceX[node]) < 1e-10 && abs(fy[node] - direct.forceY[node]) < 1e-10)
        }
        #expect(abs(total - direct.total) < 1e-9)
    }

    /// What `GridConvolution.apply` computes, summed directly in O(n⁴): at each node of the n × n
    /// grid with spacing h, the force kernels' and the weight kernel's sums over all charges `g`
    /// (row-major), and Σ g · (weight sum).
    static func directGridSums(_ g: [Double], nodes n: Int, spacing h: Double)
        -> (forceX: [Double], forceY: [Double], potential: [Double], total: Double) {
        var forceX = [Double](repeating: 0, count: n * n), forceY = forceX, potential = forceX
        var total = 0.0
        for y in 0..<n {
            for x in 0..<n {
                var sx = 0.0, sy = 0.0, sw = 0.0
                for v in 0..<n {
                    for u in 0..<n {
                        let dx = h * Double(x - u), dy = h * Double(y - v)
                        let w = 1 / (1 + dx * dx + dy * dy)
                        sw += w * g[v * n + u]; sx += dx * w * w * g[v * n + u]; sy += dy * w * w * g[v * n + u]
                    }
                }
                (forceX[y * n + x], forceY[y * n + x], potential[y * n + x]) = (sx, sy, sw)
                total += g[y * n + x] * sw
            }
        }
        return (forceX, forceY, potential, total)
    }

    @Test func fftGradientApproachesTheExactGradient() {
        let (sparse, dense, y) = TSNEApproximationTests.problem(count: 300, dimensions: 2)
        var exact = ExactGradient(p: dense, dimensions: 2)
        let (reference, referenceKL) = TSNEApproximationTests.gradients(&exact, y, exaggeration: 12)
        var errors: [Double] = []
        for width in [2.0, 1.0, 0.5] {
            var fft = FFTGradient(p: sparse, interpolationPoints: 3, minimumIntervals: 1, intervalWidth: width)
            let (gradient, kl) = TSNEApproximationTests.gradients(&fft, y, exaggeration: 12)
            errors.append(TSNETestData.relativeError(gradient, reference))
            #expect(abs(kl - referenceKL) < 1e-2 * abs(referenceKL), "width \(width): KL \(kl) vs \(referenceKL)")
            if width == 0.5 { #expect(abs(kl - referenceKL) < 1e-3 * abs(referenceKL), "KL \(kl) vs \(referenceKL)") }
        }
        #expect(errors[1] < 0.01, "\(errors)")
        #expect(errors[2] < errors[1] && errors[1] < errors[0], "\(errors)")
    }

    @Test func fftSeparatesClustersAndIsDeterministic() throws {
        // More rows than `TSNEOptions.exactUpTo`, below which method=fft runs exact.
        let (data, labels) = TSNETestData.clusters(3, perCluster: 340, dimensions: 10, seed: 7)
        var options = TSNEOptions()
        options.method = .fft
        options.perplexity = 15
        options.iterations = 300
        // A coarse grid keeps the debug-build test fast; accuracy is tested above.
        options.minimumIntervals = 10
        options.intervalWidth = 4
        options.interpolationPoints = 3
        let result = try TSNE.embed(data, options: options)
        #expect(result.method == .fft)
        #expect(TSNETestData.oneNearestNeighbourAccuracy(result.embedding, labels: labels) >= 0.99)
        #expect(try TSNE.embed(data, options: options).embedding == result.embedding)
        options.dimensions = 3
        #expect(throws: TSNEError.self) { try TSNE.embed(data, options: options) }
    }

    /// The default of five interpolation nodes per interval is there for accuracy: at the same
    /// interval width it must approximate the exact gradient better than FIt-SNE's three.
    @Test func fiveNodesPerIntervalBeatThreeAtTheSameWidth() {
        let (sparse, dense, y) = TSNEApproximationTests.problem(count: 300, dimensions: 2)
        var exact = ExactGradient(p: dense, dimensions: 2)
        let reference = TSNEApproximationTests.gradients(&exact, y).0
        let errors = [3, 5].map { nodes in
            var fft = FFTGradient(p: sparse, interpolationPoints: nodes, minimumIntervals: 1, intervalWidth: 1)
            return TSNETestData.relativeError(TSNEApproximationTests.gradients(&fft, y).0, reference)
        }
        #expect(errors[1] < errors[0] / 2, "\(errors)")
        #expect(TSNEOptions().interpolationPoints == 5)
    }

    /// method=fft on a handful of rows took minutes (its grid grew with the few points' wide
    /// map) and reported a negative or NaN KL; up to `exactUpTo` rows it runs the exact method,
    /// whose KL is finite and not negative, and still refuses what FFT refuses.
    @Test(arguments: [5, 20, 200])
    func fftOnAHandfulOfRowsRunsExact(rows: Int) throws {
        let (data, _) = TSNETestData.clusters(2, perCluster: rows / 2 + rows % 2, dimensions: 4, seed: 3)
        var options = TSNEOptions()
        options.method = .fft
        options.perplexity = min(30, Double(data.rows - 2) / 2)
        #expect(options.resolvedMethod(count: data.rows) == .exact)
        let result = try TSNE.embed(data, options: options) { _, kl in
            if let kl { #expect(kl.isFinite && kl >= 0, "KL \(kl)") }
        }
        #expect(result.method == .exact && result.iterations == 1000)
        #expect(result.klDivergence.isFinite && result.klDivergence >= 0, "KL \(result.klDivergence)")
        options.dimensions = 3
        #expect(throws: TSNEError.self) { try TSNE.embed(data, options: options) }
        #expect(TSNEOptions.exactUpTo == 1_000)
        options.dimensions = 2
        #expect(options.resolvedMethod(count: 1_001) == .fft)
    }

    /// auto: exact up to 1,000 points, Barnes–Hut up to `fftAbove`, FFT above it in 2-D only.
    @Test func autoPicksExactThenBarnesHutThenFFTIn2D() {
        var options = TSNEOptions()
        #expect(options.resolvedMethod(count: 1_000) == .exact)
        #expect(options.resolvedMethod(count: 1_001) == .barnesHut)
        #expect(options.resolvedMethod(count: TSNEOptions.fftAbove) == .barnesHut)
        #expect(options.resolvedMethod(count: TSNEOptions.fftAbove + 1) == .fft)
        options.dimensions = 3
        #expect(options.resolvedMethod(count: TSNEOptions.fftAbove + 1) == .barnesHut)
        options.method = .exact
        #expect(options.resolvedMethod(count: 50_000) == .exact)
    }
}
