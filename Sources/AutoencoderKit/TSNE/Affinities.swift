import Foundation

/// Per-point Gaussian bandwidths found by binary search, so that each point's conditional
/// distribution over its neighbours has the chosen perplexity (entropy = log perplexity, in nats).
enum Bandwidth {
    /// Fills `probabilities[j] = p(j | i)` for the `count` squared distances of one point and
    /// returns the entropy reached. Distances are shifted by their minimum so that the largest
    /// weight is exp(0) = 1 and the sum never underflows.
    @discardableResult
    static func calibrate(squaredDistances: UnsafePointer<Double>, count: Int, perplexity: Double,
                          into probabilities: UnsafeMutablePointer<Double>) -> Double {
        guard count > 0 else { return 0 }
        var nearest = Double.infinity
        for j in 0..<count { nearest = min(nearest, squaredDistances[j]) }
        let target = log(perplexity)
        var beta = 1.0, low = 0.0, high = Double.infinity
        var entropy = 0.0
        for _ in 0..<200 {
            var sum = 0.0, weighted = 0.0
            for j in 0..<count {
                let shifted = squaredDistances[j] - nearest
                let p = exp(-beta * shifted)
                probabilities[j] = p
                sum += p
                weighted += shifted * p
            }
            entropy = log(sum) + beta * weighted / sum
            let gap = entropy - target
            if abs(gap) < 1e-9 { break }
            if gap > 0 {
                low = beta
                beta = high.isFinite ? (beta + high) / 2 : beta * 2
            } else {
                high = beta
                beta = (beta + low) / 2
            }
        }
        var sum = 0.0
        for j in 0..<count { sum += probabilities[j] }
        for j in 0..<count { probabilities[j] /= sum }
        return entropy
    }
}

/// The symmetric joint probabilities P of all pairs, as a dense N × N matrix (exact t-SNE).
struct DenseAffinities {
    /// Row-major N × N, zero diagonal, summing to 1.
    var values: [Float]
    var count: Int

    /// P for `data`: conditional p(j|i) over all other points, then (p(j|i) + p(i|j)) / 2N.
    static func compute(_ data: Matrix, perplexity: Double) -> DenseAffinities {
        let n = data.rows
        // Float storage: 4 bytes a pair; the sums below are in Double.
        var conditional = [Float](repeating: 0, count: n * n)
        PairwiseDistances.forEachBlock(data) { start, block, distances in
            conditional.withUnsafeMutableBufferPointer { out in
                Parallel.forEachChunk(count: block) { _, range in
                    var row = [Double](repeating: 0, count: max(0, n - 1))
                    var probabilities = row
                    for local in range {
                        let i = start + local
                        var k = 0
                        for j in 0..<n where j != i { row[k] = Double(distances[local * n + j]); k += 1 }
                        Bandwidth.calibrate(squaredDistances: row, count: n - 1, perplexity: perplexity,
                                            into: &probabilities)
                        k = 0
                        for j in 0..<n where j != i { out[i * n + j] = Float(probabilities[k]); k += 1 }
                    }
                }
            }
        }
        var total = 0.0
        for i in 0..<n { for j in 0..<n where j != i { total += Double(conditional[i * n + j]) + Double(conditional[j * n + i]) } }
        var values = [Float](repeating: 0, count: n * n)
        if total > 0 {
            for i in 0..<n {
                for j in 0..<n where j != i {
                    values[i * n + j] = Float((Double(conditional[i * n + j]) + Double(conditional[j * n + i])) / total)
                }
            }
        }
        return DenseAffinities(values: values, count: n)
    }
}

/// The symmetric joint probabilities P restricted to nearest neighbours, in compressed rows.
struct SparseAffinities {
    /// Row i's entries are `columns[rowStart[i]..<rowStart[i + 1]]` with `values` alongside.
    var rowStart: [Int]
    var columns: [Int]
    var values: [Double]
    var count: Int

    /// P from the k nearest neighbours: p(j|i) over the neighbours of i, then symmetrised
    /// (p(j|i) + p(i|j)) / 2N over the union of the neighbour lists.
    static func compute(_ neighbors: NearestNeighbors, count n: Int, perplexity: Double) -> SparseAffinities {
        let k = neighbors.k
        var conditional = [Double](repeating: 0, count: n * k)
        neighbors.squaredDistances.withUnsafeBufferPointer { distances in
            conditional.withUnsafeMutableBufferPointer { out in
                Parallel.forEachChunk(count: n) { _, range in
                    for i in range {
                        Bandwidth.calibrate(squaredDistances: distances.baseAddress! + i * k, count: k,
                                            perplexity: perplexity, into: out.baseAddress! + i * k)
                    }
                }
            }
        }
        // Each entry appears as (i, j) and as (j, i); entries of one row are merged by column.
        var perRow = [Int](repeating: 0, count: n + 1)
        for i in 0..<n {
            for s in 0..<k {
                perRow[i + 1] += 1
                perRow[neighbors.indices[i * k + s] + 1] += 1
            }
        }
        for i in 0..<n { perRow[i + 1] += perRow[i] }
        var fill = perRow
        var rawColumns = [Int](repeating: 0, count: perRow[n])
        var rawValues = [Double](repeating: 0, count: perRow[n])
        for i in 0..<n {
            for s in 0..<k {
                let j = neighbors.indices[i * k + s], p = conditional[i * k + s]
                rawColumns[fill[i]] = j; rawValues[fill[i]] = p; fill[i] += 1
                rawColumns[fill[j]] = i; rawValues[fill[j]] = p; fill[j] += 1
            }
        }
        var rowStart = [0], columns: [Int] = [], values: [Double] = []
        columns.reserveCapacity(perRow[n]); values.reserveCapacity(perRow[n])
        var total = 0.0
        for i in 0..<n {
            let order = (perRow[i]..<perRow[i + 1]).sorted {
                rawColumns[$0] < rawColumns[$1] || (rawColumns[$0] == rawColumns[$1] && $0 < $1)
            }
            var last = -1
            for t in order {
                if rawColumns[t] == last {
                    values[values.count - 1] += rawValues[t]
                } else {
                    columns.append(rawColumns[t]); values.append(rawValues[t]); last = rawColumns[t]
                }
                total += rawValues[t]
            }
            rowStart.append(columns.count)
        }
        if total > 0 { for t in values.indices { values[t] /= total } }
        return SparseAffinities(rowStart: rowStart, columns: columns, values: values, count: n)
    }
}
