import Foundation

/// How well an embedding keeps local neighbourhoods (Venna & Kaski, 2001): 1 when every point's
/// k nearest neighbours in the embedding are also among its k nearest in the input, lower when
/// the embedding brings in points that were far apart.
public enum Trustworthiness {
    /// T(k) = 1 − 2 / (n k (2n − 3k − 1)) · Σ_i Σ_{j ∈ U_i} (r(i, j) − k), where U_i holds the
    /// embedding's k nearest neighbours of i that are not among its k nearest in the input and
    /// r(i, j) is j's rank by input distance (1 = nearest). O(n²) time: meant for samples.
    public static func score(input: Matrix, embedding: Matrix, k: Int = 10) throws -> Double {
        let n = input.rows
        guard embedding.rows == n else {
            throw TSNEError("the embedding has \(embedding.rows) rows, the input \(n)")
        }
        guard k >= 1, 2 * n - 3 * k - 1 > 0 else {
            throw TSNEError("trustworthiness needs 1 ≤ k < (2n − 1) / 3, got k = \(k) for \(n) rows")
        }
        // rank[i * n + j]: j's rank among i's input neighbours.
        var rank = [Int32](repeating: 0, count: n * n)
        PairwiseDistances.forEachBlock(input) { start, block, distances in
            rank.withUnsafeMutableBufferPointer { rank in
                Parallel.forEachChunk(count: block) { _, range in
                    for local in range {
                        let i = start + local, row = distances + local * n
                        let order = (0..<n).filter { $0 != i }.sorted { row[$0] < row[$1] || (row[$0] == row[$1] && $0 < $1) }
                        for (position, j) in order.enumerated() { rank[i * n + j] = Int32(position + 1) }
                    }
                }
            }
        }
        let neighbors = NearestNeighbors.exact(embedding, k: k)
        var penalty = 0.0
        for i in 0..<n {
            for s in 0..<k {
                let r = Int(rank[i * n + neighbors.indices[i * k + s]])
                if r > k { penalty += Double(r - k) }
            }
        }
        let nd = Double(n), kd = Double(k)
        return 1 - 2 / (nd * kd * (2 * nd - 3 * kd - 1)) * penalty
    }
}
