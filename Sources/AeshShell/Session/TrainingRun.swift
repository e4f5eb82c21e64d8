import AutoencoderKit

/// A training run `train more=N` can go on with: the trainer's state and the rows it trained on.
public struct TrainingRun: Sendable {
    /// Adam's moments, the shuffle and the rest of the run's state.
    public var state: TrainingState
    /// The data rows the run learned from (indices into the session's data).
    public var rows: [Int]
}

extension Session {
    /// The run `train more=` goes on with, or an error saying why there is none: no trained model,
    /// a run that stopped before its last epoch, or training rows or scaling changed since;
    /// `scaler` is the one the next training would use.
    func continuableRun(rows: [Int], scaler: FittedScaler?) throws -> (run: TrainingRun, model: AnomalyModel) {
        guard let model, model.isTrained else {
            throw ShellError("more= goes on with the last training run, and there is none: `train` first")
        }
        guard let run = lastRun else {
            throw ShellError("the last training run did not finish its epochs (an early stop, Ctrl-C or a divergence) and cannot go on: train again")
        }
        guard run.rows == rows, scaler == model.scaler else {
            throw ShellError("the training rows or their scaling changed since the last `train`: train again instead of going on")
        }
        return (run, model)
    }
}
