import Foundation
import Testing
@testable import AutoencoderKit

/// The stages of exact t-SNE, and what an exact embedding must achieve.
@Suite struct TSNEExactTests {
    @Test func everyRowReachesThePerplexity() {
        let data = TSNETestData.gaussian(rows: 120, columns: 5, seed: 3)
        for perplexity in [5.0, 30.0] {
            let neighbors = NearestNeighbors.exact(data, k: 90)
            var probabilities = [Double](repeating: 0, count: 90)
            for i in 0..<data.rows {
                let entropy = neighbors.squaredDistances.withUnsafeBufferPointer {
                    Bandwidth.calibrate(squaredDistances: $0.baseAddress! + i * 90, count: 90,
                                        perplexity: perplexity, into: &probabilities)
                }
                // The entropy of the probabilities actually returned, not the one the search reports.
                let measured = -probabilities.filter { $0 > 0 }.reduce(0) { $0 + $1 * log($1) }
                #expect(abs(measured - log(perplexity)) < 1e-5, "row \(i): \(measured) vs \(log(perplexity))")
                #expect(abs(entropy - log(perplexity)) < 1e-5)
                #expect(abs(probabilities.reduce(0, +) - 1) < 1e-12)
            }
        }
    }

    @Test func jointProbabilitiesAreSymmetricAndSumToOne() {
        let data = TSNETestData.gaussian(rows: 60, columns: 4, seed: 5)
        let dense = DenseAffinities.compute(data, perplexity: 10)
        let sparse = SparseAffinities.compute(NearestNeighbors.exact(data, k: 30), count: 60, perplexity: 10)
        #expect(abs(dense.values.reduce(0.0) { $0 + Double($1) } - 1) < 1e-5)
        #expect(abs(sparse.values.reduce(0, +) - 1) < 1e-12)
        for i in 0..<60 {
            #expect(dense.values[i * 60 + i] == 0)
            for j in 0..<60 { #expect(dense.values[i * 60 + j] == dense.values[j * 60 + i]) }
            for t in sparse.rowStart[i]..<sparse.rowStart[i + 1] {
                let j = sparse.columns[t]
                let back = (sparse.rowStart[j]..<sparse.rowStart[j + 1]).first { sparse.columns[$0] == i }
                #expect(back.map { sparse.values[$0] } == sparse.values[t])
            }
        }
    }

    @Test(arguments: [2, 3])
    func exactGradientMatchesFiniteDifferences(dimensions: Int) throws {
        let data = TSNETestData.gaussian(rows: 25, columns: 6, seed: 11)
        let p = DenseAffinities.compute(data, perplexity: 5)
        var method = ExactGradient(p: p, dimensions: dimensions)
        var generator = SeededGenerator(seed: 2)
        let y = (0..<(25 * dimensions)).map { _ in generator.nextNormal() * 2 }
        var gradient = [Double](repeating: 0, count: y.count), scratch = gradient
        _ = method.gradient(of: y, exaggeration: 1, into: &gradient, computeKL: false)
        let largest = gradient.map(abs).max() ?? 0
        #expect(largest > 1e-3)
        let step = 1e-5
        for t in y.indices {
            var plus = y, minus = y
            plus[t] += step; minus[t] -= step
            let up = try #require(method.gradient(of: plus, exaggeration: 1, into: &scratch, computeKL: true))
            let down = try #require(method.gradient(of: minus, exaggeration: 1, into: &scratch, computeKL: true))
            let numeric = (up - down) / (2 * step)
            #expect(abs(numeric - gradient[t]) < 1e-5 * max(1, largest), "coordinate \(t): \(numeric) vs \(gradient[t])")
        }
    }

    @Test func threeSeparatedClustersStaySeparate() throws {
        let (data, labels) = TSNETestData.clusters(3, perCluster: 60, dimensions: 10, seed: 7)
        var options = TSNEOptions()
        options.method = .exact
        options.perplexity = 15
        options.iterations = 400
        let result = try TSNE.embed(data, options: options)
        #expect(result.method == .exact)
        #expect(result.iterations == 400 && !result.stoppedEarly)
        #expect(result.klDivergence.isFinite && result.klDivergence > 0)
        #expect(TSNETestData.oneNearestNeighbourAccuracy(result.embedding, labels: labels) >= 0.99)
    }

    @Test func trustworthinessOfAnEmbeddingIsHigh() throws {
        let (data, _) = TSNETestData.clusters(4, perCluster: 50, dimensions: 8, seed: 21)
        var options = TSNEOptions()
        options.method = .exact
        options.perplexity = 20
        options.iterations = 400
        let result = try TSNE.embed(data, options: options)
        let score = try Trustworthiness.score(input: data, embedding: result.embedding, k: 10)
        #expect(score >= 0.9, "trustworthiness \(score)")
        // The measure itself: 1 for the data against itself, clearly lower for noise.
        #expect(abs(try Trustworthiness.score(input: data, embedding: data, k: 10) - 1) < 1e-12)
        let noise = TSNETestData.gaussian(rows: 200, columns: 2, seed: 1)
        #expect(try Trustworthiness.score(input: data, embedding: noise, k: 10) < 0.7)
    }

    @Test func anEmbeddingWithoutClustersSurvivesEarlyExaggeration() throws {
        // Exaggerated attraction shrinks such an embedding; it must unfold afterwards.
        let data = TSNETestData.lowRank(rows: 600, seed: 4)
        var options = TSNEOptions()
        options.method = .exact
        options.iterations = 350
        var kls: [Int: Double] = [:]
        let result = try TSNE.embed(data, options: options, onIteration: { i, kl in if let kl { kls[i] = kl } })
        // The exaggeration ends when the contracted map stops moving (checked every 50 iterations).
        #expect(result.exaggeratedIterations % 50 == 0 && result.exaggeratedIterations <= 250)
        let afterExaggeration = kls[result.exaggeratedIterations] ?? .nan
        let xs = result.embedding.column(0).map(Double.init)
        #expect((Statistics.meanAndSD(xs)?.sd ?? 0) > 1)
        #expect(result.klDivergence < afterExaggeration - 0.3, "KL \(result.klDivergence) after \(afterExaggeration)")
    }

    @Test func optimizerKeepsTheEmbeddingCentred() {
        // Per-coordinate gains make the steps' mean drift; a contracted embedding that drifted off
        // 0 would lose its shape to rounding (seen at 2,000 rows of W3: 1e-20 spread at 5e-6).
        var generator = SeededGenerator(seed: 6)
        var y = (0..<200).map { _ in generator.nextNormal() * 1e-12 }
        var optimizer = Optimizer(count: 100, dimensions: 2, maximumStep: 5)
        for _ in 0..<20 {
            let gradient = (0..<200).map { _ in generator.nextNormal() + 0.3 }
            optimizer.step(&y, gradient: gradient, learningRate: 1e-12, momentum: 0.5)
            let mean = (0..<100).reduce(0.0) { $0 + y[2 * $1] } / 100
            #expect(abs(mean) < 1e-25)
        }
    }

    @Test func sameSeedSameEmbedding() throws {
        let data = TSNETestData.gaussian(rows: 80, columns: 5, seed: 9)
        var options = TSNEOptions()
        options.perplexity = 10
        options.iterations = 120
        options.initialization = .random
        options.seed = 4
        let first = try TSNE.embed(data, options: options)
        let second = try TSNE.embed(data, options: options)
        #expect(first.embedding == second.embedding)
        options.seed = 5
        #expect(try TSNE.embed(data, options: options).embedding != first.embedding)
    }

    @Test func stopsWhenAsked() throws {
        let data = TSNETestData.gaussian(rows: 40, columns: 3, seed: 1)
        var options = TSNEOptions()
        options.perplexity = 5
        var seen = 0
        let result = try TSNE.embed(data, options: options, shouldStop: { seen >= 7 }, onIteration: { i, _ in seen = i })
        #expect(result.stoppedEarly && result.iterations == 7)
    }

    @Test func badSettingsAreErrors() {
        let data = TSNETestData.gaussian(rows: 20, columns: 3, seed: 1)
        var options = TSNEOptions()
        #expect(throws: TSNEError.self) { try TSNE.embed(data, options: options) }  // perplexity 30 ≥ 19
        options.perplexity = 5
        options.dimensions = 4
        #expect(throws: TSNEError.self) { try TSNE.embed(data, options: options) }
        options.dimensions = 2
        var bad = data
        bad[0, 0] = .nan
        #expect(throws: TSNEError.self) { try TSNE.embed(bad, options: options) }
    }
}

/// A map that matches P exactly has KL 0; rounding must not report it below zero (issue 17 item 6).
@Suite struct TSNEKLSignTests {
    @Test(arguments: [TSNEMethod.exact, .barnesHut])
    func identicalRowsReportANonNegativeKL(method: TSNEMethod) throws {
        let data = try #require(Matrix(rows: 300, columns: 3, values: [Float](repeating: 1, count: 900)))
        var options = TSNEOptions()
        options.method = method
        options.iterations = 300
        options.klInterval = 10
        var reported: [Double] = []
        let result = try TSNE.embed(data, options: options) { _, kl in if let kl { reported.append(kl) } }
        #expect(result.klDivergence >= 0, "final KL \(result.klDivergence)")
        #expect(!reported.isEmpty && reported.allSatisfy { $0 >= 0 }, "\(reported)")
    }
}
