/// Between the file's fields and the model value they hold.
extension ModelFile {
    /// The file for `model` (current version), written by `createdBy` (e.g. "aesh 0.1.0").
    public init(model: AnomalyModel, createdBy: String) {
        self.init(createdBy: createdBy, columnNames: model.columns, labelName: model.labelName, idName: model.idName,
                  scaler: model.scaler, network: model.network, ensemble: model.additionalNetworks,
                  threshold: model.threshold?.value, thresholdRule: model.threshold?.rule,
                  trainingErrorMean: model.trainingErrors?.mean, trainingErrorSD: model.trainingErrors?.sd)
    }

    /// The model the file holds, as read from `path`. A threshold saved without its rule (which no
    /// aesh writes) counts as a fixed value.
    public func model(path: String) -> AnomalyModel {
        let statistics = trainingErrorMean.flatMap { mean in trainingErrorSD.map { ErrorStatistics(mean: mean, sd: $0) } }
        return AnomalyModel(columns: columnNames, labelName: labelName, idName: idName, scaler: scaler, network: network,
                            additionalNetworks: ensemble ?? [], threshold: threshold.map { ModelThreshold(rule: thresholdRule ?? .value($0), value: $0) },
                            trainingErrors: statistics, history: [],
                            origin: .file(path: path, createdBy: createdBy))
    }
}

extension AnomalyModel {
    /// Reads and checks the model file at `path` (`ModelFileError` naming the path and the field).
    public static func read(path: String) throws -> AnomalyModel {
        try ModelFile.read(path: path).model(path: path)
    }

    /// Writes the model to `path` whole or not at all, recording `createdBy` as its writer.
    public func write(to path: String, createdBy: String) throws {
        try ModelFile(model: self, createdBy: createdBy).write(to: path)
    }
}
