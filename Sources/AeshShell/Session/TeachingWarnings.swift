/// The warnings that teach (issue 15): each says what is wrong with a choice and what to do
/// instead, and is given once in a session, the first time it applies.
public enum TeachingWarning: String, Sendable, CaseIterable {
    /// A sigmoid output on training values outside 0..1, which it can never reproduce.
    case sigmoidOutsideRange
    /// Training on unscaled columns whose spreads differ widely.
    case unscaledData
    /// A bottleneck as wide as the input, which can learn to copy every row.
    case wideBottleneck
    /// A loss still falling fast at the last epoch.
    case lossStillFalling
    /// A 0/1 column named like a label used as a feature: its anomalies are training rows.
    case labelAmongFeatures
    /// `threshold best-f1` chose the cut with the labels of the rows it is judged on.
    case bestF1UsesLabels
}

extension Session {
    /// Writes `text` as a warning line the first time `kind` applies in this session; later
    /// times it is not repeated.
    mutating func warnOnce(_ kind: TeachingWarning, _ text: @autoclosure () -> String, console: Console) {
        guard !warningsGiven.contains(kind) else { return }
        warningsGiven.insert(kind)
        console.line("warning: " + text())
    }
}
