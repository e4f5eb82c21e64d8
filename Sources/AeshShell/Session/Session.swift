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
    /// The loaded data file (its resolved path; nil for generated data) and its SHA-256 for the
    /// run log, taken while the file is still the one loaded.
    var dataDigest: LoadedFileDigest?
    /// Missing cells seen per feature column when the data was loaded (dropped with missing=drop).
    public var missingPerColumn: [Int]?
    /// The train/test split, when `split` ran on the current data.
    public var split: TrainTestSplit?
    /// The scaling method asked for with `scale` (refitted when the training rows change).
    public var scalingMethod: ScalingMethod?
    /// The scaler for the next training run: fitted by `scale` on the current training rows, or
    /// the one an opened model file brought.
    public var scaler: FittedScaler?
    /// The architecture from `model`: what the next `train` builds (an opened model sets it to
    /// its own).
    public var architecture: Architecture?
    /// The trained or opened model: its columns, scaler, network, threshold and training
    /// statistics, as one value that `save` writes and `open` reads.
    public var model: AnomalyModel?
    /// Whether the model was trained after the last `save` (or `open`): what quitting would lose.
    public var modelUnsaved = false
    /// The data rows (indices into `data`) the model was trained on in this session, training
    /// and validation rows alike; nil for an opened model or after new data replaced them.
    public var modelTrainingRows: [Int]?
    /// The training run that made the model, while `train more=N` can go on with it.
    public var lastRun: TrainingRun?
    /// The last `errors` result.
    public var scores: Scores?
    /// The last `evaluate` result.
    public var evaluation: Evaluation?
    /// The last `tsne` embedding.
    public var embedding: Embedding?
    /// The script's parameters (`param`) and the values given for them on the command line.
    public var parameters = ScriptParameters()
    /// Every model trained or opened in the session, oldest first, for `compare`.
    public var modelSummaries: [ModelSummary] = []
    /// The teaching warnings already given in this session (each is given once).
    public var warningsGiven: Set<TeachingWarning> = []
    /// The last result of each `baseline` detector, for `plot roc` to overlay.
    public var baselines: [BaselineScores] = []
    /// Commands that succeeded, in order, for `history`.
    public var history: [String] = []
    /// The settings in force when the first command of `history` ran (the seed and output folder
    /// `--seed` and `--out` gave), which `history save` writes first so the script replays alike.
    public var historySettings: Settings?

    /// Whether leaving now loses a trained model that no `save` has written.
    public var hasUnsavedModel: Bool { modelUnsaved && model?.isTrained == true }

    /// An empty session.
    public init() {}
}

/// Which rows were scored.
public enum ScoredPart: String, Sendable, CaseIterable {
    case test, train, all
}

/// Per-row reconstruction errors of one part of the data.
public struct Scores: Equatable, Sendable {
    /// Which part was scored.
    public var part: ScoredPart
    /// Row indices into the session's data, in order.
    public var rowIndices: [Int]
    /// The error of each scored row.
    public var errors: [Double]
    /// The labels of the scored rows, when the data has labels.
    public var labels: [UInt8]?
}
