/// Which rows form the training part and which the test part.
public struct TrainTestSplit: Codable, Equatable, Sendable {
    /// Row indices of the training part, ascending.
    public var trainIndices: [Int]
    /// Row indices of the test part, ascending.
    public var testIndices: [Int]

    /// A seeded random split of `rowCount` rows with `testFraction` of them in the test part.
    ///
    /// With `stratify` and labels, each class contributes `round(testFraction · classSize)` rows
    /// to the test part, so both parts keep the class proportions (W1: 2,000 + 200 test rows).
    /// Without, `round(testFraction · rowCount)` rows. Both parts must end up non-empty.
    public static func make(rowCount: Int, labels: [UInt8]?, testFraction: Double, stratify: Bool,
                            seed: UInt64) throws -> TrainTestSplit {
        guard testFraction > 0, testFraction < 1, testFraction.isFinite else {
            throw SplitError(message: "test must be a fraction between 0 and 1 (exclusive), got \(testFraction)")
        }
        guard rowCount >= 2 else {
            throw SplitError(message: "need at least 2 rows to split, the data has \(rowCount)")
        }
        var generator = SeededGenerator(seed: seed)
        var groups: [[Int]]
        if stratify, let labels, labels.count == rowCount {
            groups = [labels.indices.filter { labels[$0] == 0 }, labels.indices.filter { labels[$0] != 0 }]
            groups.removeAll { $0.isEmpty }
        } else {
            groups = [Array(0..<rowCount)]
        }
        var train: [Int] = [], test: [Int] = []
        for var group in groups {
            generator.shuffle(&group)
            let testCount = min(group.count, Int((testFraction * Double(group.count)).rounded()))
            test += group[..<testCount]
            train += group[testCount...]
        }
        guard !train.isEmpty, !test.isEmpty else {
            throw SplitError(message: "test=\(testFraction) leaves the \(train.isEmpty ? "training" : "test") part empty with \(rowCount) rows")
        }
        return TrainTestSplit(trainIndices: train.sorted(), testIndices: test.sorted())
    }
}

/// A split could not be made.
public struct SplitError: Error, CustomStringConvertible, Equatable {
    /// What went wrong.
    public let message: String
    public var description: String { message }
}
