import Foundation
import Testing
@testable import AutoencoderKit

/// The FFT itself, and the interpolation-based gradient against the exact one.
@Suite struct TSNEFFTTests {
    @Test(arguments: [2, 8, 64])
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

    @Test func gridConvolutionIsTheDirectSum() {
        let n = 5
        var generator = SeededGenerator(seed: 1)
        let a = (0..<(n * n)).map { _ in generator.nextNormal() }, b = (0..<(n * n)).map { _ in generator.nextNormal() }
        let kernel = { (dx: Int, dy: Int) in 1 / (1 + Double(dx * dx) + 0.5 * Double(dy * dy)) }
        var convolution = GridConvolution(size: 16)
        convolution.setKernel(nodes: n, kernel)
        var ca = a, cb = b
        convolution.convolve(&ca, &cb, nodes: n)
        for y in 0..<n {
            for x in 0..<n {
                var sa = 0.0, sb = 0.0
                for v in 0..<n { for w in 0..<n { sa += kernel(x - w, y - v) * a[v * n + w]; sb += kernel(x - w, y - v) * b[v * n + w] } }
                #expect(abs(ca[y * n + x] - sa) < 1e-10 && abs(cb[y * n + x] - sb) < 1e-10)
            }
        }
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
        #expect(errors[1] < 1e-3, "\(errors)")
        #expect(errors[2] < errors[1] && errors[1] < errors[0], "\(errors)")
    }

    @Test func fftSeparatesClustersAndIsDeterministic() throws {
        let (data, labels) = TSNETestData.clusters(3, perCluster: 60, dimensions: 10, seed: 7)
        var options = TSNEOptions()
        options.method = .fft
        options.perplexity = 15
        options.iterations = 300
        // A coarse grid keeps the debug-build test fast; accuracy is tested above.
        options.minimumIntervals = 10
        options.intervalWidth = 4
        let result = try TSNE.embed(data, options: options)
        #expect(result.method == .fft)
        #expect(TSNETestData.oneNearestNeighbourAccuracy(result.embedding, labels: labels) >= 0.99)
        #expect(try TSNE.embed(data, options: options).embedding == result.embedding)
        options.dimensions = 3
        #expect(throws: TSNEError.self) { try TSNE.embed(data, options: options) }
    }
}
