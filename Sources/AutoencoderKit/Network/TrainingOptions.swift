/// How to train: epochs, batch size, Adam's learning rate, the validation hold-out, early
/// stopping and the seed for the hold-out and the shuffles.
public struct TrainingOptions: Equatable, Sendable {
    /// Passes over the training rows (at least 1).
    public var epochs: Int
    /// Rows per Adam step (at least 1); the last batch of an epoch may be smaller.
    public var batchSize: Int
    /// Adam's step size (finite, above 0).
    public var learningRate: Double
    /// Share of the rows held out for the validation loss, in [0, 1); 0 = none.
    public var validationFraction: Double
    /// Early stopping on validation loss (training loss when no validation): stop after this
    /// many epochs without improvement and restore the best weights. nil = never stop early.
    public var patience: Int?
    /// Seed of the validation hold-out and the per-epoch shuffles.
    public var seed: UInt64

    /// Options with Keras-like defaults.
    public init(epochs: Int = 50, batchSize: Int = 32, learningRate: Double = 0.001,
                validationFraction: Double = 0.1, patience: Int? = nil, seed: UInt64 = 0) {
        self.epochs = epochs
        self.batchSize = batchSize
        self.learningRate = learningRate
        self.validationFraction = validationFraction
        self.patience = patience
        self.seed = seed
    }

    /// Throws a `TrainingError` naming the first option out of range.
    func validate() throws {
        guard epochs >= 1 else { throw TrainingError(description: "epochs must be at least 1, got \(epochs)") }
        guard batchSize >= 1 else { throw TrainingError(description: "batch size must be at least 1, got \(batchSize)") }
        guard learningRate.isFinite, learningRate > 0 else {
            throw TrainingError(description: "learning rate must be a number above 0, got \(learningRate)")
        }
        guard validationFraction.isFinite, validationFraction >= 0, validationFraction < 1 else {
            throw TrainingError(description: "validation fraction must be at least 0 and below 1, got \(validationFraction)")
        }
        if let patience, patience < 0 {
            throw TrainingError(description: "patience must be 0 or more epochs, got \(patience)")
        }
    }
}

/// The losses at the end of one epoch.
public struct EpochReport: Equatable, Sendable {
    /// The epoch, counted from 1.
    public var epoch: Int
    /// Mean over the epoch's training rows of each row's MSE, as the batches saw them.
    public var loss: Double
    /// MSE over the held-out rows after the epoch; nil without validation.
    public var validationLoss: Double?

    /// A report from its parts.
    public init(epoch: Int, loss: Double, validationLoss: Double?) {
        self.epoch = epoch
        self.loss = loss
        self.validationLoss = validationLoss
    }
}

/// Why training ended, and which weights the result holds. Epochs and batches count from 1.
public enum TrainingStop: Equatable, Sendable {
    /// Every epoch ran; the weights are those after the last epoch.
    case completed
    /// The monitored loss stopped improving for `patience` epochs; best weights restored.
    case earlyStopped(bestEpoch: Int)
    /// shouldStop returned true; best weights so far kept (nil if no epoch finished: weights as they were at the start).
    case interrupted(bestEpoch: Int?)
    /// The first batch whose loss (or Adam step) is non-finite; the last finite weights, from just before that batch, are kept.
    case diverged(epoch: Int, batch: Int)

    /// The epoch whose weights were kept instead of the last epoch's (early stopping, an
    /// interruption after at least one epoch); nil otherwise.
    public var keptEpoch: Int? {
        switch self {
        case .earlyStopped(let best): return best
        case .interrupted(let best): return best
        case .completed, .diverged: return nil
        }
    }
}

/// The trained model, the per-epoch losses and why training ended.
public struct TrainingResult: Equatable, Sendable {
    /// The model with the weights `stop` describes.
    public var model: Autoencoder
    /// One report per finished epoch.
    public var history: [EpochReport]
    /// Why training ended.
    public var stop: TrainingStop
    /// Rows trained on.
    public var trainingRows: Int
    /// Rows held out for the validation loss.
    public var validationRows: Int
    /// What `Trainer.train(continuing:…)` needs to go on for more epochs; nil unless every
    /// epoch asked for ran (an early stop, an interruption or a divergence cannot go on).
    public var state: TrainingState?

    /// A result from its parts.
    public init(model: Autoencoder, history: [EpochReport], stop: TrainingStop, trainingRows: Int, validationRows: Int,
                state: TrainingState? = nil) {
        self.state = state
        self.model = model
        self.history = history
        self.stop = stop
        self.trainingRows = trainingRows
        self.validationRows = validationRows
    }
}

/// Why training could not start: empty data, a column mismatch, a bad option or model.
public struct TrainingError: Error, Equatable, CustomStringConvertible, Sendable {
    /// A sentence naming what is wrong.
    public var description: String
}
