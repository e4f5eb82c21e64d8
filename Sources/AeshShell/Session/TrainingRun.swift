import AutoencoderKit

/// A training run `train more=N` can go on with: each network's trainer state and loss history,
/// and the rows they trained on.
public struct TrainingRun: Sendable {
    /// One per network of the model, in its order (one, or a seed ensemble's).
    public var members: [MemberRun]
    /// The data rows the run learned from (indices into the session's data).
    public var rows: [Int]

    /// A run of one or more networks on `rows`.
    public init(members: [MemberRun], rows: [Int]) {
        self.members = members
        self.rows = rows
    }
}

/// What one network of a run needs to go on: Adam's moments, the shuffle and the rest of its
/// state, and the loss per epoch so far.
public struct MemberRun: Sendable {
    /// The trainer's state after the network's last epoch.
    public var state: TrainingState
    /// The loss of each epoch run so far.
    public var history: [EpochReport]
}

extension Session {
    /// The run `train more=` goes on with, or an error saying why there is none: no trained model,
    /// a run that stopped before its last epoch, or training rows or scaling changed since;
    /// `scaler` is the one the next training would use.
    func continuableRun(rows: [Int], scaler: FittedScaler?) throws -> (run: TrainingRun, model: AnomalyModel) {
        guard let model, model.isTrained else {
            throw ShellError("more= goes on with the last training run, and there is none: `train` first")
        }
        guard let run = lastRun, run.members.count == model.networks.count else {
            throw ShellError("the last training run did not finish its epochs (an early stop, Ctrl-C or a divergence) and cannot go on: train again")
        }
        guard run.rows == rows, scaler == model.scaler else {
            throw ShellError("the training rows or their scaling changed since the last `train`: train again instead of going on")
        }
        return (run, model)
    }
}
