/// Scoring rows with a model.
extension AnomalyModel {
    /// Per-row reconstruction errors of `inputs` (rows already in the model's columns and scaled,
    /// as `inputs(from:)` makes them), with predicted flags when a threshold is set.
    /// inputs.columns == network.inputSize (caller's contract).
    public func score(_ inputs: Matrix) -> ModelScores {
        let errors = errors(inputs)
        return ModelScores(errors: errors, predicted: threshold.map { t in errors.map { $0 > t.value } })
    }

    /// Per-row reconstruction errors of scaled `inputs`: the network's, or for an ensemble the
    /// mean of its networks' (the numbers `score`, `errors`, `aesh score` and ONNX give).
    public func errors(_ inputs: Matrix) -> [Double] {
        ReconstructionErrors.compute(networks: networks, data: inputs).perRow
    }

    /// The squared error of each feature of one scaled row (for an ensemble, averaged over its
    /// networks); they sum to the row's error times the feature count.
    public func featureContributions(row: [Float]) -> [Double] {
        ReconstructionErrors.featureContributions(networks: networks, row: row)
    }

    /// The reconstruction of scaled `inputs` (for an ensemble, the mean of its networks').
    public func reconstruction(_ inputs: Matrix) -> Matrix {
        ReconstructionErrors.reconstruction(networks: networks, data: inputs)
    }

    /// The scores of `rows` of `data` (all rows when nil), its columns found by name.
    public func score(_ data: Dataset, rows: [Int]? = nil) throws -> ModelScores {
        try score(inputs(from: data, rows: rows))
    }
}

/// What a model says about some rows.
public struct ModelScores: Equatable, Sendable {
    /// Each row's reconstruction error (mean squared error over the features, in scaled units).
    public var errors: [Double]
    /// Whether each row's error is above the model's threshold; nil when it has none.
    public var predicted: [Bool]?

    /// Scores from their parts.
    public init(errors: [Double], predicted: [Bool]?) {
        self.errors = errors
        self.predicted = predicted
    }
}
