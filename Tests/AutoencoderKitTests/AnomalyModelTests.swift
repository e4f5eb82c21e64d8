import Testing
@testable import AutoencoderKit

@Suite struct AnomalyModelTests {
    @Test func inputsFindTheColumnsByNameAndScaleThem() throws {
        let model = ModelFixtures.small()
        // The file has the model's columns in another order, and one more.
        let data = Dataset(features: Matrix(rowArrays: [[30, 9, 10, 20, 40], [31, 9, 11, 21, 41]])!,
                           columnNames: ["c", "extra", "a", "b", "d"])
        let inputs = try model.inputs(from: data)
        #expect(inputs.rows == 2 && inputs.columns == 4)
        // a = (10 − 1) / 2, b = (20 − 2) / 1, c = (30 − 3) / 0.5, d = (40 − 4) / 4
        #expect(inputs.row(0) == [4.5, 18, 54, 9])
        #expect(inputs.row(1) == [5, 19, 56, 9.25])
        #expect(try model.inputs(from: data, rows: [1]).row(0) == [5, 19, 56, 9.25])
    }

    @Test func aMissingColumnIsNamedWithTheModelsColumns() throws {
        let model = ModelFixtures.small()
        let data = Dataset(features: Matrix(rows: 1, columns: 2), columnNames: ["b", "x"])
        #expect(throws: AnomalyModelError(#"the data lacks the model's columns "a", "c", "d"; the model was trained on "a", "b", "c", "d""#)) {
            try model.inputs(from: data)
        }
        #expect(throws: AnomalyModelError(#"the data lacks the model's column "d"; the model was trained on "a", "b", "c", "d""#)) {
            try model.inputPositions(in: ["d0", "c", "b", "a"])
        }
        #expect(try model.inputPositions(in: ["d", "c", "b", "a"]) == [3, 2, 1, 0])
    }

    @Test func scoresAreTheReconstructionErrorsFlaggedAboveTheThreshold() throws {
        let data = Dataset(features: Matrix(rowArrays: [[1, 2, 3, 4], [9, -5, 3, 40], [1.5, 2, 3.2, 4]])!,
                           columnNames: ["a", "b", "c", "d"])
        let unthresholded = ModelFixtures.small(threshold: nil)
        let inputs = try unthresholded.inputs(from: data)
        let expected = ReconstructionErrors.compute(model: unthresholded.network, data: inputs).perRow
        #expect(unthresholded.score(inputs) == ModelScores(errors: expected, predicted: nil))
        // Strictly above: a threshold equal to a row's error leaves that row normal.
        let cut = try #require(expected.sorted().dropFirst().first)
        let model = ModelFixtures.small(threshold: cut)
        let scores = try model.score(data)
        #expect(scores.errors == expected)
        #expect(scores.predicted == expected.map { $0 > cut })
        #expect(scores.predicted?.filter { $0 }.count == 1)
    }

    @Test func theVersion1FixtureScoresBitIdentically() throws {
        let model = try AnomalyModel.read(path: ModelFixtures.version1Folder + "/model-v1.aemodel")
        try expectFixtureScores(of: model, are: ModelFixtures.version1Scores())
    }

    /// A version-3 file of a three-network seed ensemble, committed when version 3 was current,
    /// opens as an ensemble and scores version 1's score rows to the errors it gave then.
    @Test func theVersion3EnsembleFixtureScoresBitIdentically() throws {
        let path = ModelFixtures.version3Folder + "/model-v3-ensemble.aemodel"
        #expect(try ModelFile.read(path: path).version == 3)
        let model = try AnomalyModel.read(path: path)
        #expect(model.networks.count == 3)
        try expectFixtureScores(of: model, are: ModelFixtures.version3EnsembleScores())
    }

    /// Scores version 1's 120 score rows with `model` and expects exactly the committed `expected` lines.
    private func expectFixtureScores(of model: AnomalyModel,
                                     are expected: [(row: Int, error: Double, predicted: Bool, label: UInt8)]) throws {
        let table = try TableReader.read(path: ModelFixtures.version1Folder + "/model-v1-score.csv",
                                         options: TableReadOptions(labelColumn: "anomaly"))
        let scores = try model.score(table.dataset)
        #expect(expected.count == 120)
        #expect(scores.errors.map(\.bitPattern) == expected.map(\.error.bitPattern))
        #expect(scores.predicted == expected.map(\.predicted))
        #expect(table.dataset.labels == expected.map(\.label))
    }

    @Test func theArchitectureAndWidthsDescribeTheNetwork() {
        let model = ModelFixtures.small()
        #expect(model.architecture == Architecture(hidden: [2], activation: .relu, output: .linear))
        #expect(model.widths == [4, 2, 4])
        #expect(model.layers.map(\.activation) == [.relu, .linear])
        #expect(model.isTrained)
    }
}
