/// One `train` or `evaluate` as the run log keeps it: what ran (the command line, the network, the
/// epochs, batch, learning rate and seed), on which data (the file and its SHA-256) and what it
/// measured.
public struct RunRecord: Equatable, Sendable {
    /// What the log numbers it (nil before it is written).
    public var id: Int64?
    /// "train" or "evaluate".
    public var kind: String
    /// When it ran, ISO 8601 in UTC.
    public var time: String
    /// Which aesh session ran it (one id per process), to tell sessions apart.
    public var session: String
    /// The command line as it ran (parameters expanded).
    public var command: String
    /// The layer widths, e.g. "10-6-10".
    public var layers: String?
    /// The hidden and output activations, e.g. "relu/sigmoid".
    public var activations: String?
    /// Epochs the model trained.
    public var epochs: Int?
    /// The epoch whose weights it kept, when not the last (early stop, Ctrl-C).
    public var keptEpoch: Int?
    /// How the training ended (train only): "completed", "early stop", "interrupted" or
    /// "diverged in epoch E, batch B".
    public var stop: String?
    /// Rows per Adam step, the learning rate and the validation share it trained with.
    public var batch: Int?, learningRate: Double?, validation: Double?
    /// The training seed.
    public var seed: String?
    /// The data: the file as given to `load`, or how it was generated.
    public var data: String?
    /// SHA-256 of the data file (nil for generated data).
    public var dataSHA256: String?
    /// Rows trained on (train) or scored (evaluate).
    public var rows: Int?
    /// Training and validation loss of the kept weights.
    public var loss: Double?, validationLoss: Double?
    /// The threshold and its rule, and the part evaluated.
    public var threshold: Double?, thresholdRule: String?, part: String?
    /// The evaluation's metrics.
    public var rocAUC: Double?, averagePrecision: Double?, f1: Double?

    /// A record of `kind` for `command`; the rest is filled in by the command.
    public init(kind: String, time: String, session: String, command: String) {
        self.kind = kind
        self.time = time
        self.session = session
        self.command = command
    }
}
