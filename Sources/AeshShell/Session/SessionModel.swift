import AutoencoderKit

/// Read-only views of the session's model, for the commands that need one part of it.
extension Session {
    /// The model's network.
    public var network: Autoencoder? { model?.network }

    /// The model's threshold (set with `threshold`, or brought by `open`).
    public var threshold: ModelThreshold? { model?.threshold }
}

extension AnomalyModel {
    /// "trained", or the path the model was opened from, for `show` and messages.
    var sourceName: String {
        if case .file(let path, _) = origin { return path }
        return "trained"
    }
}
