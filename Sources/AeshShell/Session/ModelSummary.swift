import AutoencoderKit

/// What `compare` shows of one model the session trained or opened: its shape, how it trained,
/// and the threshold and metrics of its last `evaluate`. Only numbers are kept, not the network,
/// so the list costs little however many models a session goes through.
public struct ModelSummary: Equatable, Sendable {
    /// "trained", or the path the model was opened from.
    public var source: String
    /// Layer widths from input to reconstruction, e.g. [10, 6, 10].
    public var widths: [Int]
    /// How many networks the model averages (1, or a seed ensemble's size).
    public var networks: Int
    /// The hidden layers' and the output layer's activations.
    public var activation: Activation, output: Activation
    /// Epochs run (nil for an opened model, whose file keeps no history).
    public var epochs: Int?
    /// The epoch whose weights the model holds when it is not the last one run (early stop, Ctrl-C).
    public var keptEpoch: Int?
    /// Training and validation loss of the weights the model holds.
    public var loss: Double?, validationLoss: Double?
    /// The threshold the last `evaluate` used (or the one an opened file brought).
    public var threshold: ModelThreshold?
    /// The batch, learning rate, validation share and seed it was trained with (nil for an
    /// opened model); the run log records them.
    public var training: TrainingOptions?
    /// The last `evaluate` of this model, and which part of the data it judged.
    public var evaluation: Evaluation?, evaluatedPart: ScoredPart?
    /// Its last `errors`, for `plot roc` to overlay once another model is current (nil after
    /// new data).
    public var scores: Scores?

    /// The summary of `model` as it is now (before any `evaluate`).
    public init(of model: AnomalyModel) {
        source = model.sourceName
        widths = model.widths
        networks = model.networks.count
        activation = model.architecture.activation
        output = model.architecture.output
        epochs = model.history.isEmpty ? nil : model.history.count
        keptEpoch = model.keptEpoch
        let held = model.weightsEpoch
        loss = held?.loss
        validationLoss = held?.validationLoss
        threshold = model.threshold
    }
}

extension Session {
    /// Adds the session's current model to the models `compare` lists; `train` and `open` call it
    /// once the model is in place.
    mutating func recordModel() {
        guard let model else { return }
        modelSummaries.append(ModelSummary(of: model))
    }

    /// Keeps an evaluation of the current model (the last one recorded: only `train` and `open`
    /// bring a model) for `compare`.
    mutating func recordEvaluation(_ evaluation: Evaluation, threshold: ModelThreshold, part: ScoredPart) {
        guard model != nil, let last = modelSummaries.indices.last else { return }
        modelSummaries[last].evaluation = evaluation
        modelSummaries[last].threshold = threshold
        modelSummaries[last].evaluatedPart = part
    }
}
