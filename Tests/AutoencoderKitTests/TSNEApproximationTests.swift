import Foundation
import Testing
@testable import AutoencoderKit

/// The approximate gradients against the exact one on the same sparse P.
@Suite struct TSNEApproximationTests {
    /// A sparse P, the same P as a dense matrix, and a spread-out embedding to take gradients at.
    static func problem(count: Int, dimensions: Int) -> (SparseAffinities, DenseAffinities, [Double]) {
        let data = TSNETestData.gaussian(rows: count, columns: 8, seed: 17)
        let sparse = TSNE.sparseAffinities(data, { var o = TSNEOptions(); o.perplexity = 10; return o }())
        var dense = [Float](repeating: 0, count: count * count)
        for i in 0..<count {
            for t in sparse.rowStart[i]..<sparse.rowStart[i + 1] { dense[i * count + sparse.columns[t]] = Float(sparse.values[t]) }
        }
        var generator = SeededGenerator(seed: 8)
        let y = (0..<(count * dimensions)).map { _ in generator.nextNormal() * 8 }
        return (sparse, DenseAffinities(values: dense, count: count), y)
    }

    static func gradients(_ method: inout some GradientMethod, _ y: [Double], exaggeration: Double = 1) -> ([Double], Double) {
        var gradient = [Double](repeating: 0, count: y.count)
        let kl = method.gradient(of: y, exaggeration: exaggeration, into: &gradient, computeKL: true) ?? .nan
        return (gradient, kl)
    }

    @Test(arguments: [2, 3])
    func barnesHutApproachesTheExactGradient(dimensions: Int) {
        let (sparse, dense, y) = Self.problem(count: 300, dimensions: dimensions)
        var exact = ExactGradient(p: dense, dimensions: dimensions)
        let (reference, referenceKL) = Self.gradients(&exact, y)
        var errors: [Double] = []
        for theta in [0.8, 0.5, 0.2] {
            var bh = BarnesHutGradient(p: sparse, dimensions: dimensions, theta: theta)
            let (gradient, kl) = Self.gradients(&bh, y)
            errors.append(TSNETestData.relativeError(gradient, reference))
            #expect(abs(kl - referenceKL) < 0.02 * abs(referenceKL))
        }
        #expect(errors[1] < 0.05, "θ = 0.5: \(errors)")
        #expect(errors[2] < errors[1] && errors[1] < errors[0], "\(errors)")
        var zero = BarnesHutGradient(p: sparse, dimensions: dimensions, theta: 0)
        #expect(TSNETestData.relativeError(Self.gradients(&zero, y).0, reference) < 1e-6)
    }

    @Test func barnesHutSeparatesClusters() throws {
        let (data, labels) = TSNETestData.clusters(3, perCluster: 60, dimensions: 10, seed: 7)
        var options = TSNEOptions()
        options.method = .barnesHut
        options.perplexity = 15
        options.iterations = 300
        let result = try TSNE.embed(data, options: options)
        #expect(result.method == .barnesHut)
        #expect(TSNETestData.oneNearestNeighbourAccuracy(result.embedding, labels: labels) >= 0.99)
        #expect(try TSNE.embed(data, options: options).embedding == result.embedding)
    }

    @Test func coincidentPointsDoNotBreakTheTree() throws {
        // Forty copies of one row and a few others: the tree stops splitting at its depth limit.
        var rows = [[Float]](repeating: [1, 2, 3], count: 40)
        for k in 0..<20 { rows.append([Float(k), 0, Float(k % 3)]) }
        var options = TSNEOptions()
        options.method = .barnesHut
        options.perplexity = 5
        options.iterations = 50
        let result = try TSNE.embed(try #require(Matrix(rowArrays: rows)), options: options)
        #expect(result.embedding.isFinite && result.klDivergence.isFinite)
    }

    @Test func stopIsHeardWhileNeighboursAreFound() throws {
        let data = TSNETestData.gaussian(rows: 600, columns: 5, seed: 3)
        var options = TSNEOptions()
        options.method = .barnesHut
        var calls = 0
        // The first poll comes before the first block of 256 rows, the second before the next one;
        // saying stop there must end the run before any iteration.
        let result = try TSNE.embed(data, options: options, shouldStop: {
            calls += 1
            return calls >= 2
        })
        #expect(result.stoppedEarly)
        #expect(result.iterations == 0)
        #expect(calls == 2)
    }

    /// Values whose squared distances overflow Float would turn every affinity into NaN: the
    /// approximate methods refuse them with an error that says so; the exact one (Double) copes.
    @Test func valuesTooLargeForFloatDistancesAreRefused() throws {
        let rows: [Float] = [1e30, 2, -1e30, 3, 5, 1e30, 4, 4, 3, 3, 2, 2, 1, 1, 0, 0]
        let data = try #require(Matrix(rows: 8, columns: 2, values: rows))
        var options = TSNEOptions()
        options.perplexity = 2
        for method in [TSNEMethod.barnesHut, .fft] {
            options.method = method
            #expect(throws: TSNEError.self) { try TSNE.embed(data, options: options) }
        }
        options.method = .exact
        options.iterations = 50
        #expect(try TSNE.embed(data, options: options).klDivergence.isFinite)
    }
}
