import Foundation
import Testing
@testable import AutoencoderKit

@Suite struct ModelFileTests {
    /// `file` encoded and decoded again, as `open` would read it.
    private func reread(_ file: ModelFile) throws -> ModelFile {
        try ModelFile.decode(try file.encoded(), path: "m.aemodel")
    }

    /// The message `decode` refuses `file` with.
    private func refusal(_ file: ModelFile) throws -> String? {
        do {
            _ = try reread(file)
            return nil
        } catch let error as ModelFileError {
            #expect(error.path == "m.aemodel")
            return error.message
        }
    }

    private var small: ModelFile { ModelFile(model: ModelFixtures.small(), createdBy: "aesh test") }

    @Test func aModelSurvivesARoundTripExactly() throws {
        let model = ModelFixtures.small()
        let file = try reread(ModelFile(model: model, createdBy: "aesh test"))
        #expect(file.createdBy == "aesh test")
        #expect(file.version == ModelFile.singleNetworkVersion, "one network: a file an aesh that reads versions 1 and 2 opens")
        var reopened = file.model(path: "m.aemodel")
        #expect(reopened.origin == .file(path: "m.aemodel", createdBy: "aesh test"))
        reopened.origin = .trained
        #expect(reopened == model)
    }

    @Test func anEnsembleSurvivesARoundTripExactlyAsVersion3() throws {
        var model = ModelFixtures.small()
        var generator = SeededGenerator(seed: 8)
        model.additionalNetworks = (0..<2).map { _ in
            Autoencoder(inputSize: 4, hidden: [2], activation: .relu, output: .linear, generator: &generator)
        }
        let file = try reread(ModelFile(model: model, createdBy: "aesh test"))
        #expect(file.version == ModelFile.currentVersion)
        #expect(file.ensemble?.count == 2)
        var reopened = file.model(path: "m.aemodel")
        reopened.origin = .trained
        #expect(reopened == model)
        #expect(reopened.networks.count == 3)
    }

    @Test func aBadEnsembleIsRefusedNamingTheNetwork() throws {
        var generator = SeededGenerator(seed: 8)
        var file = small
        file.version = 3
        file.ensemble = [Autoencoder(inputSize: 5, hidden: [2], activation: .relu, output: .linear, generator: &generator)]
        #expect(try refusal(file) == "network 2 (ensemble[0]) takes 5 columns but the first network takes 4")
        file.ensemble = []
        #expect(try refusal(file) == "field \"ensemble\" is empty; a model of one network has none")
        file.ensemble = [Autoencoder(inputSize: 4, hidden: [2], activation: .relu, output: .linear, generator: &generator)]
        file.version = 2
        #expect(try refusal(file) == "field \"ensemble\" belongs to model file version 3 and later; the file says version 2")
    }

    @Test func aModelWithoutScalerThresholdOrStatisticsRoundTrips() throws {
        var model = ModelFixtures.small(threshold: nil)
        model.scaler = nil
        model.trainingErrors = nil
        model.labelName = nil
        var reopened = try reread(ModelFile(model: model, createdBy: "aesh test")).model(path: "m")
        reopened.origin = .trained
        #expect(reopened == model)
    }

    @Test func theVersion1FixtureReadsWithEveryField() throws {
        let path = ModelFixtures.version1Folder + "/model-v1.aemodel"
        let file = try ModelFile.read(path: path)
        #expect(file.version == 1)
        #expect(file.createdBy == "aesh 0.1.0")
        let model = file.model(path: path)
        #expect(model.columns == ["temp", "pressure", "flow", "vibration", "current", "humidity"])
        #expect(model.labelName == "anomaly")
        #expect(model.widths == [6, 4, 2, 4, 6])
        #expect(model.architecture == Architecture(hidden: [4, 2, 4], activation: .tanh, output: .sigmoid))
        #expect(model.scaler?.method == .standard)
        #expect(model.threshold?.rule == .percentile(0.9))
        let threshold = try #require(model.threshold?.value)
        #expect(abs(threshold - 2.994350) < 5e-7)
        #expect(model.trainingErrors != nil)
    }

    @Test func aNegativeThresholdFromAPercentileIsRefused() throws {
        var file = small
        file.threshold = -0.5
        #expect(try refusal(file) == #"field "threshold" is -0.5: a threshold chosen by percentile 0.9 cannot be negative"#)
        // A fixed value is the user's choice, whatever its sign.
        file.thresholdRule = .value(-0.5)
        #expect(try refusal(file) == nil)
    }

    @Test(arguments: [0.0, 1.0, 1.5, -0.2])
    func aPercentileRuleOutsideZeroToOneIsRefused(q: Double) throws {
        var file = small
        file.thresholdRule = .percentile(q)
        #expect(try refusal(file) == "field \"thresholdRule\": the percentile \(q) is not between 0 and 1")
    }

    @Test func aNegativeSigmaIsRefused() throws {
        var file = small
        file.thresholdRule = .sigma(-1)
        #expect(try refusal(file) == #"field "thresholdRule": sigma -1.0 is not a finite number of at least 0"#)
    }

    @Test func aRuleWithoutAThresholdIsRefused() throws {
        var file = small
        file.threshold = nil
        #expect(try refusal(file) == #"field "thresholdRule" is given but field "threshold" is not"#)
    }

    @Test func aNegativeOrNonFiniteStatisticIsRefused() throws {
        var file = small
        file.trainingErrorSD = -0.25
        #expect(try refusal(file) == #"field "trainingErrorSD" is -0.25: a standard deviation must be a finite number of at least 0"#)
        file = small
        file.trainingErrorMean = -1
        #expect(try refusal(file) == #"field "trainingErrorMean" is -1.0: a mean error must be a finite number of at least 0"#)
        file = small
        file.trainingErrorMean = nil
        #expect(try refusal(file) == #"fields "trainingErrorMean" and "trainingErrorSD" come together; the file has only "trainingErrorSD""#)
    }

    @Test func aScalerOfAnotherWidthIsRefused() throws {
        var file = small
        file.scaler = FittedScaler(method: .standard, offsets: [0, 0, 0], scales: [1, 1, 1], constantColumns: [])
        #expect(try refusal(file) == #"field "scaler": the scaler has 3 columns, the model 4"#)
        file.scaler = FittedScaler(method: .standard, offsets: [0, 0, 0, 0], scales: [1, 0, 1, 1], constantColumns: [])
        #expect(try refusal(file) == #"field "scaler": the scaler holds non-finite or non-positive values"#)
    }

    @Test func columnsOfAnotherCountAreRefused() throws {
        var file = small
        file.columnNames = ["a", "b"]
        #expect(try refusal(file) == "the model names 2 columns but its network takes 4")
    }

    @Test func aRepeatedColumnNameIsRefused() throws {
        var file = small
        file.columnNames = ["a", "b", "a", "d"]
        #expect(try refusal(file) == #"field "columnNames" names "a" twice; each input column must have its own name"#)
    }

    @Test func aWrongWeightCountIsRefusedNamingTheLayer() throws {
        var file = small
        file.network.layers[1].weights.removeLast()
        #expect(try refusal(file) == "the network is inconsistent: layer 2 of 2 (2 → 4) has 7 weights; expected 2 × 4")
    }

    @Test func aMissingFieldIsNamed() throws {
        let text = String(decoding: try small.encoded(), as: UTF8.self)
            .replacingOccurrences(of: #""columnNames":"#, with: #""columnNamez":"#)
        #expect(throws: ModelFileError(path: "m", message: #"the model file is damaged: missing field "columnNames""#)) {
            try ModelFile.decode(Data(text.utf8), path: "m")
        }
    }

    // MARK: version 2: layer kinds

    @Test func aSavedFileIsVersion2AndNamesEachLayersKind() throws {
        let json = try #require(try JSONSerialization.jsonObject(with: small.encoded()) as? [String: Any])
        #expect(json["version"] as? Int == 2)
        let network = try #require(json["network"] as? [String: Any])
        let layers = try #require(network["layers"] as? [[String: Any]])
        #expect(layers.count == 2)
        #expect(layers.map { $0["kind"] as? String } == ["dense", "dense"])
    }

    @Test func aVersion2LayerWithoutItsKindIsRefused() throws {
        let text = String(decoding: try small.encoded(), as: UTF8.self)
        let firstKind = try #require(text.range(of: #""kind":"dense","#))
        let damaged = text.replacingCharacters(in: firstKind, with: "")
        #expect(throws: ModelFileError(path: "m", message: #"the model file is damaged: missing field "network.layers[0].kind""#)) {
            try ModelFile.decode(Data(damaged.utf8), path: "m")
        }
    }

    @Test func anUnknownLayerKindIsRefused() throws {
        let text = String(decoding: try small.encoded(), as: UTF8.self)
            .replacingOccurrences(of: #""kind":"dense","#, with: #""kind":"convolution","#)
        #expect(throws: ModelFileError(path: "m", message: #"the model file is damaged: bad field "network.layers[0].kind""#)) {
            try ModelFile.decode(Data(text.utf8), path: "m")
        }
    }

    @Test func theVersion1FixtureNamesNoKindAndItsLayersAreDense() throws {
        let path = ModelFixtures.version1Folder + "/model-v1.aemodel"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(!text.contains("kind"))
        let file = try ModelFile.read(path: path)
        #expect(file.network.layers.map(\.kind) == [.dense, .dense, .dense, .dense])
    }

    @Test func aVersion1FileRewrittenAsVersion2ScoresTheSame() throws {
        let path = ModelFixtures.version1Folder + "/model-v1.aemodel"
        let version1 = try AnomalyModel.read(path: path)
        let file = ModelFile(model: version1, createdBy: "aesh test")
        #expect(file.version == 2)
        var version2 = try reread(file).model(path: path)
        version2.origin = version1.origin
        #expect(version2 == version1)
        let table = try TableReader.read(path: ModelFixtures.version1Folder + "/model-v1-score.csv",
                                         options: TableReadOptions(labelColumn: "anomaly"))
        let expected = try ModelFixtures.version1Scores().map(\.error.bitPattern)
        #expect(try version2.score(table.dataset).errors.map(\.bitPattern) == expected)
    }

    /// The id column's name (for `score`'s `id` column) is saved and read back; a file without it
    /// has none; one naming an input column is refused.
    @Test func theIdColumnNameRoundTrips() throws {
        var model = ModelFixtures.small()
        model.idName = "sensor"
        #expect(try reread(ModelFile(model: model, createdBy: "aesh test")).model(path: "m").idName == "sensor")
        #expect(try reread(small).idName == nil)
        var clash = ModelFile(model: model, createdBy: "aesh test")
        clash.idName = clash.columnNames[0]
        #expect(try refusal(clash)?.contains("field \"idName\"") == true)
    }
}
