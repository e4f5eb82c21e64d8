import Foundation
@testable import AutoencoderKit

/// Small seeded data sets for the t-SNE tests.
enum TSNETestData {
    /// `clusters` Gaussian blobs (sd 1) with centres 10 apart on different axes, in `dimensions`-D;
    /// returns the data and each row's cluster.
    static func clusters(_ clusters: Int, perCluster: Int, dimensions: Int, seed: UInt64) -> (Matrix, [Int]) {
        var generator = SeededGenerator(seed: seed)
        var values: [Float] = [], labels: [Int] = []
        for c in 0..<clusters {
            for _ in 0..<perCluster {
                for d in 0..<dimensions {
                    let centre: Double = d == c % dimensions ? 10 : 0
                    values.append(Float(centre + generator.nextNormal()))
                }
                labels.append(c)
            }
        }
        return (Matrix(rows: clusters * perCluster, columns: dimensions, values: values)!, labels)
    }

    /// Rows on a random 8-D linear subspace of 64-D plus a little noise: no clusters at all
    /// (the shape of benchmark W3's data).
    static func lowRank(rows: Int, seed: UInt64) -> Matrix {
        var generator = SeededGenerator(seed: seed)
        let basis = (0..<(8 * 64)).map { _ in generator.nextNormal() / 8.squareRoot() }
        var values: [Float] = []
        for _ in 0..<rows {
            let z = (0..<8).map { _ in generator.nextNormal() }
            for c in 0..<64 {
                var v = 0.1 * generator.nextNormal()
                for k in 0..<8 { v += z[k] * basis[k * 64 + c] }
                values.append(Float(v))
            }
        }
        return Matrix(rows: rows, columns: 64, values: values)!
    }

    /// Standard normal rows.
    static func gaussian(rows: Int, columns: Int, seed: UInt64) -> Matrix {
        var generator = SeededGenerator(seed: seed)
        return Matrix(rows: rows, columns: columns, values: (0..<(rows * columns)).map { _ in Float(generator.nextNormal()) })!
    }

    /// The fraction of rows whose nearest neighbour in `embedding` has the same label.
    static func oneNearestNeighbourAccuracy(_ embedding: Matrix, labels: [Int]) -> Double {
        let neighbors = NearestNeighbors.exact(embedding, k: 1)
        let hits = (0..<embedding.rows).filter { labels[neighbors.indices[$0]] == labels[$0] }.count
        return Double(hits) / Double(embedding.rows)
    }

    /// The relative error ‖a − b‖ / ‖b‖.
    static func relativeError(_ a: [Double], _ b: [Double]) -> Double {
        var difference = 0.0, norm = 0.0
        for t in a.indices { difference += (a[t] - b[t]) * (a[t] - b[t]); norm += b[t] * b[t] }
        return (difference / norm).squareRoot()
    }
}
