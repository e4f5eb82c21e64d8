/// A trained anomaly detector as one value: everything needed to score new rows the way the
/// training rows were scored, to save the model and to export it.
///
/// `columns` name the network's inputs in order; rows are scaled with `scaler`, run through
/// `network` (and each of `additionalNetworks`, for a seed ensemble), and a row whose
/// reconstruction error (mean squared error over its features; for an ensemble the mean of its
/// networks' errors) is above `threshold` is predicted anomalous. `save`, `open`, the shell's session, ONNX export and
/// streaming scoring all take this value.
public struct AnomalyModel: Equatable, Sendable {
    /// The feature columns, in the order the network takes them.
    public var columns: [String]
    /// The label column of the training data, if it had one.
    public var labelName: String?
    /// The id column of the training data (`load … id=`), if it had one: `score` carries it over.
    public var idName: String?
    /// The scaler fitted on the training rows (in `columns`' order), if the data was scaled.
    public var scaler: FittedScaler?
    /// The autoencoder (the first of an ensemble's networks).
    public var network: Autoencoder
    /// The ensemble's other networks, each trained with its own seed on the same rows (empty for
    /// one network). A row's error is the mean of every network's error.
    public var additionalNetworks: [Autoencoder]
    /// The anomaly threshold and the rule that chose it, once one is chosen.
    public var threshold: ModelThreshold?
    /// Mean and sd of the training rows' errors (what `sigma` thresholds are measured in).
    public var trainingErrors: ErrorStatistics?
    /// Loss per epoch of the training run that made the model (empty for an opened model).
    public var history: [EpochReport]
    /// Where the model came from.
    public var origin: ModelOrigin
    /// The epoch whose weights the network holds when training kept earlier weights than its last
    /// epoch's (early stopping, Ctrl-C); nil when it holds the last epoch's.
    public var keptEpoch: Int?

    /// A model from its parts; a file's contents are checked by `ModelFile`, a trained model is
    /// consistent by construction.
    public init(columns: [String], labelName: String? = nil, idName: String? = nil, scaler: FittedScaler?, network: Autoencoder,
                additionalNetworks: [Autoencoder] = [], threshold: ModelThreshold? = nil, trainingErrors: ErrorStatistics? = nil,
                history: [EpochReport] = [], origin: ModelOrigin = .trained, keptEpoch: Int? = nil) {
        self.columns = columns
        self.labelName = labelName
        self.idName = idName
        self.scaler = scaler
        self.network = network
        self.additionalNetworks = additionalNetworks
        self.threshold = threshold
        self.trainingErrors = trainingErrors
        self.history = history
        self.origin = origin
        self.keptEpoch = keptEpoch
    }

    /// Every network of the model, the first one first.
    public var networks: [Autoencoder] { [network] + additionalNetworks }

    /// The layers from input to reconstruction, each of its kind (a dense layer has weights,
    /// biases and an activation).
    public var layers: [NetworkLayer] { network.layers }

    /// The hidden sizes and activations of the (first) network.
    public var architecture: Architecture { Architecture(of: network) }

    /// Layer widths from input to reconstruction, e.g. [10, 6, 10].
    public var widths: [Int] { [network.inputSize] + network.hiddenSizes + [network.inputSize] }

    /// The training epoch whose weights the network holds: `keptEpoch`, else the last one run.
    public var weightsEpoch: EpochReport? {
        guard let keptEpoch else { return history.last }
        return history.first { $0.epoch == keptEpoch } ?? history.last
    }

    /// Whether `train` made the model in this session (rather than a file).
    public var isTrained: Bool { origin == .trained }
}

/// Where a model came from.
public enum ModelOrigin: Equatable, Sendable {
    /// Trained in this process.
    case trained
    /// Read from a model file: its path as given, and the program that wrote it.
    case file(path: String, createdBy: String)
}

/// A threshold in force: rows with a larger error are flagged as anomalies.
public struct ModelThreshold: Equatable, Sendable {
    /// How it was chosen.
    public var rule: ThresholdRule
    /// Its value.
    public var value: Double

    /// A threshold from its rule and value.
    public init(rule: ThresholdRule, value: Double) {
        self.rule = rule
        self.value = value
    }
}

/// Mean and population standard deviation of a set of reconstruction errors.
public struct ErrorStatistics: Equatable, Sendable {
    /// The mean error.
    public var mean: Double
    /// The population standard deviation.
    public var sd: Double

    /// Statistics from their values.
    public init(mean: Double, sd: Double) {
        self.mean = mean
        self.sd = sd
    }

    /// The statistics of `errors`; nil when there are none.
    public init?(of errors: [Double]) {
        guard let moments = Statistics.meanAndSD(errors) else { return nil }
        self.init(mean: moments.mean, sd: moments.sd)
    }
}
