import Foundation

/// Anomaly scores by isolation (Liu, Ting & Zhou, "Isolation Forest", ICDM 2008): the other
/// baseline an autoencoder should beat, and on many tabular sets the one to beat.
///
/// Each tree is grown on a random subsample of the training rows (without replacement) by
/// splitting on a random feature at a uniform random value between that feature's minimum and
/// maximum in the node, until a node holds one row, its rows are all alike, or the depth reaches
/// ⌈log₂ ψ⌉ (ψ the subsample size). A row's path length in a tree is the depth of the leaf it
/// falls into plus c(m), the average path length of an unsuccessful search in a binary search tree
/// of the m subsample rows that leaf holds; its score is 2^(−E[h] / c(ψ)), near 1 for rows that
/// isolate quickly (anomalies), below 0.5 for rows deep in the data. The defaults are the paper's
/// and scikit-learn's `IsolationForest`: 100 trees, ψ = min(256, rows), every feature a
/// candidate; like scikit-learn, a feature whose range in the node is at most 1e-7 is not split
/// on. Everything random comes from one `SeededGenerator`, so a seed fixes the forest.
public struct IsolationForest: Sendable, Equatable {
    /// Trees in the forest when none are asked for.
    public static let defaultTrees = 100
    /// Rows each tree is grown on when not asked for (fewer when there are fewer training rows).
    public static let defaultSampleSize = 256

    /// The rows each tree was grown on: the asked size, or every training row when there are fewer.
    public let sampleSize: Int
    /// The number of features the forest was fitted on.
    public let featureCount: Int
    let trees: [IsolationTree]

    /// The number of trees.
    public var treeCount: Int { trees.count }

    /// Grows `trees` isolation trees on `data` (the normal training rows), each on `sampleSize`
    /// rows drawn without replacement, with the generator seeded by `seed`. Throws when there are
    /// fewer than two rows, no features, a value that is not finite, or a count below 1.
    public static func fit(_ data: Matrix, trees: Int = defaultTrees, sampleSize: Int = defaultSampleSize,
                           seed: UInt64) throws(BaselineError) -> IsolationForest {
        guard trees >= 1, trees <= 100_000 else { throw BaselineError("the number of trees must lie in 1…100000, not \(trees)") }
        guard sampleSize >= 2 else { throw BaselineError("the subsample size must be at least 2, not \(sampleSize)") }
        guard data.rows >= 2 else {
            throw BaselineError("an Isolation Forest needs at least 2 training rows, there \(data.rows == 1 ? "is 1" : "are \(data.rows)")")
        }
        guard data.columns >= 1 else { throw BaselineError("an Isolation Forest needs at least one feature column") }
        guard data.isFinite else { throw BaselineError("the training rows hold a value that is not a finite number") }
        let psi = min(sampleSize, data.rows)
        let depthLimit = Int((log2(Double(psi))).rounded(.up))
        var generator = SeededGenerator(seed: seed)
        var rows = Array(0..<data.rows)
        var grown: [IsolationTree] = []
        grown.reserveCapacity(trees)
        for _ in 0..<trees {
            // A partial Fisher–Yates shuffle: the first ψ entries are a uniform draw without replacement.
            for i in 0..<psi {
                let j = i + generator.nextIndex(below: data.rows - i)
                if i != j { rows.swapAt(i, j) }
            }
            grown.append(IsolationTree.grow(data, rows: Array(rows[0..<psi]), depthLimit: depthLimit, generator: &generator))
        }
        return IsolationForest(sampleSize: psi, featureCount: data.columns, trees: grown)
    }

    /// Each row's anomaly score 2^(−E[h] / c(ψ)) in (0, 1]; larger is more anomalous. Throws when
    /// the rows' width is not the fitted one.
    public func scores(_ data: Matrix) throws(BaselineError) -> [Double] {
        guard data.columns == featureCount else { throw BaselineError.width(data.columns, fitted: featureCount) }
        let normaliser = Double(trees.count) * Self.averagePathLength(sampleSize)
        return data.values.withUnsafeBufferPointer { values in
            (0..<data.rows).map { r in
                let row = UnsafeBufferPointer(rebasing: values[(r * featureCount)..<((r + 1) * featureCount)])
                var total = 0.0
                for tree in trees { total += tree.pathLength(row) }
                return pow(2, -total / normaliser)
            }
        }
    }

    /// c(n): the average path length of an unsuccessful search in a binary search tree of n
    /// keys, 2 H(n − 1) − 2 (n − 1) / n with H(i) ≈ ln i + γ; 0 for n ≤ 1 and 1 for n = 2, as
    /// scikit-learn computes it.
    public static func averagePathLength(_ n: Int) -> Double {
        if n <= 1 { return 0 }
        if n == 2 { return 1 }
        let m = Double(n)
        return 2 * (log(m - 1) + eulerGamma) - 2 * (m - 1) / m
    }

    /// The Euler–Mascheroni constant γ.
    static let eulerGamma = 0.577_215_664_901_532_9
}
