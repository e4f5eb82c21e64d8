import Foundation
import Testing
@testable import AutoencoderKit

/// t-SNE of wide rows: the PCA start of a 100,000-wide code asked for a d × d covariance matrix
/// (80 GB) and aborted; memory now grows linearly with the width (issue 17 item 4).
struct TSNEWideTests {
    /// Rows on two strong directions plus a little noise, `columns` wide.
    static func twoDirections(rows: Int, columns: Int, seed: UInt64) -> Matrix {
        var generator = SeededGenerator(seed: seed)
        let u = (0..<columns).map { _ in generator.nextNormal() }, v = (0..<columns).map { _ in generator.nextNormal() }
        var values: [Float] = []
        for _ in 0..<rows {
            let a = 3 * generator.nextNormal(), b = generator.nextNormal()
            for c in 0..<columns { values.append(Float(a * u[c] + b * v[c] + 0.05 * generator.nextNormal())) }
        }
        return Matrix(rows: rows, columns: columns, values: values)!
    }

    /// The randomized components agree with the covariance matrix's on data narrow enough for both.
    @Test func randomizedComponentsMatchTheCovariancePath() throws {
        let data = Self.twoDirections(rows: 60, columns: 200, seed: 4)
        #expect(data.columns <= Initialization.covarianceLimit)
        var generator = SeededGenerator(seed: 1)
        let reference = try #require(Initialization.principalComponents(data, dimensions: 2, generator: &generator))
        let scores = try #require(WidePrincipalComponents.scores(data, components: 2))
        // Scaled the same way: the first coordinate's sd is Initialization.spread.
        let first = (0..<data.rows).map { scores[2 * $0] }
        let sd = try #require(Statistics.meanAndSD(first)).sd
        let wide = scores.map { $0 * Initialization.spread / sd }
        #expect(TSNETestData.relativeError(wide, reference) < 1e-6, "\(TSNETestData.relativeError(wide, reference))")
    }

    /// 20 rows of 30,000 columns (a 7 GB covariance matrix) embed from a PCA start, and the same call gives the same map.
    @Test func twentyRowsOfThirtyThousandColumnsEmbed() throws {
        let data = Self.twoDirections(rows: 20, columns: 30_000, seed: 2)
        #expect(data.columns > Initialization.covarianceLimit)
        var options = TSNEOptions()
        options.perplexity = 5
        options.iterations = 100
        let result = try TSNE.embed(data, options: options)
        #expect(result.embedding.rows == 20 && result.embedding.values.allSatisfy(\.isFinite))
        #expect(result.klDivergence.isFinite && result.klDivergence >= 0)
        var generator = SeededGenerator(seed: 0)
        let start = try #require(Initialization.principalComponents(data, dimensions: 2, generator: &generator))
        let first = (0..<20).map { start[2 * $0] }
        #expect(abs((Statistics.meanAndSD(first)?.sd ?? 0) - Initialization.spread) < 1e-12)
        #expect(try TSNE.embed(data, options: options).embedding == result.embedding)
    }

    /// A perplexity that keeps more neighbour entries than memory allows is refused before
    /// anything is allocated, naming the perplexity.
    @Test func tooManyNeighboursAreRefused() throws {
        let data = TSNETestData.gaussian(rows: 20, columns: 2, seed: 1)
        var options = TSNEOptions()
        options.method = .barnesHut
        options.perplexity = 5
        _ = try TSNE.embed(data, options: { var o = options; o.iterations = 10; return o }())
        // N × 3 · perplexity past the limit: 60,000 rows at perplexity 300 would need 86 GB.
        #expect(TSNE.maximumNeighbours < 60_000 * 900)
        let wide = Matrix(rows: 60_000, columns: 1)
        options.perplexity = 300
        #expect(throws: TSNEError.self) { try TSNE.embed(wide, options: options) }
        do { _ = try TSNE.embed(wide, options: options) } catch let error as TSNEError {
            #expect(error.description.contains("perplexity 300.0 keeps 900 neighbours for each of 60000 rows"), "\(error)")
        }
    }
}
