import AutoencoderKit

/// Everything a session knows: the data, how it was split and scaled, the model, the scores and
/// the threshold. A value type: a command works on a copy that replaces the session only when the
/// command succeeds, so a failing command leaves the state exactly as it was.
public struct Session: Sendable {
    /// Settings from `set`.
    public var settings = Settings()
    /// The loaded or generated data, unscaled.
    public var data: Dataset?
    /// Where the data came from ("data.csv", "generated …"), for `show`.
    public var dataSource: String?
    /// Missing cells seen per feature column when the data was loaded (dropped with missing=drop).
    public var missingPerColumn: [Int]?
    /// The train/test split, when `split` ran on the current data.
    public var split: TrainTestSplit?
    /// The scaling method asked for with `scale` (refitted when the training rows change).
    public var scalingMethod: ScalingMethod?
    /// The scaler for the next training run: fitted by `scale` on the current training rows, or
    /// the one an opened model file brought.
    public var scaler: FittedScaler?
    /// The scaler the network was trained with, in the model's column order: what `errors`,
    /// `export` and `save` use, whatever `scale`, `split` or `load` did to `scaler` since.
    public var modelScaler: FittedScaler?
    /// The architecture from `model`.
    public var architecture: Architecture?
    /// The trained or opened network.
    public var network: Autoencoder?
    /// The feature columns the network was trained on.
    public var modelColumns: [String]?
    /// Where the network came from ("trained", or the model file's path).
    public var modelSource: String?
    /// Loss per epoch of the last training run.
    public var trainingHistory: [EpochReport] = []
    /// Mean and sd of the training rows' reconstruction errors (for `threshold sigma=`).
    public var trainingErrorSummary: (mean: Double, sd: Double)?
    /// The last `errors` result.
    public var scores: Scores?
    /// The current threshold.
    public var threshold: ThresholdState?
    /// The last `evaluate` result.
    public var evaluation: Evaluation?
    /// The last `tsne` embedding.
    public var embedding: Embedding?
    /// Commands that succeeded, in order, for `history`.
    public var history: [String] = []

    /// An empty session.
    public init() {}
}

/// The hidden layers and activations chosen with `model`.
public struct Architecture: Equatable, Sendable {
    /// Hidden layer sizes, input side first.
    public var hidden: [Int]
    /// Activation of the hidden layers.
    public var activation: Activation
    /// Activation of the output layer.
    public var output: Activation
}

/// Which rows were scored.
public enum ScoredPart: String, Sendable, CaseIterable {
    case test, train, all
}

/// Per-row reconstruction errors of one part of the data.
public struct Scores: Sendable {
    /// Which part was scored.
    public var part: ScoredPart
    /// Row indices into the session's data, in order.
    public var rowIndices: [Int]
    /// The error of each scored row.
    public var errors: [Double]
    /// The labels of the scored rows, when the data has labels.
    public var labels: [UInt8]?
}

/// The threshold in force.
public struct ThresholdState: Equatable, Sendable {
    /// How it was chosen.
    public var rule: ThresholdRule
    /// Its value: rows with a larger error are flagged as anomalies.
    public var value: Double
}
