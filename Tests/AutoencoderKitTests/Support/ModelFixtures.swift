import Foundation
@testable import AutoencoderKit

/// Small models and the committed model files of earlier versions, for the model and model-file tests.
enum ModelFixtures {
    /// Tests/Fixtures, beside the test targets.
    static let fixturesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path + "/Fixtures"
    /// Tests/Fixtures/model-v1 (a version-1 file, the rows it scores and the scores it gave).
    static let version1Folder = fixturesFolder + "/model-v1"
    /// Tests/Fixtures/model-v3 (a version-3 file of a seed ensemble and the scores it gave to
    /// version 1's score rows).
    static let version3Folder = fixturesFolder + "/model-v3"

    /// A seeded 4 → 2 → 4 model over columns a, b, c, d with standard scaling and a threshold.
    static func small(threshold: Double? = 0.5) -> AnomalyModel {
        var generator = SeededGenerator(seed: 3)
        let network = Autoencoder(inputSize: 4, hidden: [2], activation: .relu, output: .linear, generator: &generator)
        let scaler = FittedScaler(method: .standard, offsets: [1, 2, 3, 4], scales: [2, 1, 0.5, 4], constantColumns: [])
        return AnomalyModel(columns: ["a", "b", "c", "d"], labelName: "anomaly", scaler: scaler, network: network,
                            threshold: threshold.map { ModelThreshold(rule: .percentile(0.9), value: $0) },
                            trainingErrors: ErrorStatistics(mean: 0.25, sd: 0.125))
    }

    /// The expected (row, error, predicted, label) lines of the version-1 fixture's scores.
    static func version1Scores() throws -> [(row: Int, error: Double, predicted: Bool, label: UInt8)] {
        try scores(path: version1Folder + "/model-v1-scores.csv")
    }

    /// The expected (row, error, predicted, label) lines of the version-3 ensemble fixture's scores.
    static func version3EnsembleScores() throws -> [(row: Int, error: Double, predicted: Bool, label: UInt8)] {
        try scores(path: version3Folder + "/model-v3-ensemble-scores.csv")
    }

    /// The (row, error, predicted, label) lines of a scores file `export` wrote.
    private static func scores(path: String) throws -> [(row: Int, error: Double, predicted: Bool, label: UInt8)] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return text.split(separator: "\n").dropFirst().compactMap { line in
            let fields = line.split(separator: ",").map(String.init)
            guard fields.count == 4, let row = Int(fields[0]), let error = Double(fields[1]),
                  let label = UInt8(fields[3]) else { return nil }
            return (row, error, fields[2] == "1", label)
        }
    }
}
