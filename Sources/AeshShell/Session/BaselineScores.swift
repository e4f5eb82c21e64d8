import AutoencoderKit

/// The detectors `baseline` compares the autoencoder with.
public enum BaselineMethod: String, CaseIterable, Sendable {
    /// Principal-component reconstruction error.
    case pca
    /// An Isolation Forest.
    case iforest
}

/// One baseline's scores of the rows `errors` scores, kept for `plot roc` to overlay: what it was
/// and how it was set up, and the scores themselves (larger is more anomalous).
public struct BaselineScores: Equatable, Sendable {
    /// Which detector.
    public var method: BaselineMethod
    /// "PCA, 5 of 18 axes (91.2 % of the variance)": its name with its settings, for tables and keys.
    public var name: String
    /// The scored rows, their scores and labels.
    public var scores: Scores

    /// A baseline's result.
    public init(method: BaselineMethod, name: String, scores: Scores) {
        self.method = method
        self.name = name
        self.scores = scores
    }
}

extension Session {
    /// Keeps `result`, replacing an earlier result of the same detector.
    mutating func recordBaseline(_ result: BaselineScores) {
        baselines.removeAll { $0.method == result.method }
        baselines.append(result)
    }

    /// Keeps the current model's scores with its summary, for `plot roc` to overlay when another
    /// model is current.
    mutating func recordModelScores(_ scores: Scores) {
        guard model != nil, let last = modelSummaries.indices.last else { return }
        modelSummaries[last].scores = scores
    }

    /// Forgets the scores kept for overlays: they belong to rows of data that is gone.
    mutating func forgetOverlayScores() {
        baselines = []
        for i in modelSummaries.indices { modelSummaries[i].scores = nil }
    }
}
