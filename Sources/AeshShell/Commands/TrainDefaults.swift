import AutoencoderKit

/// What `train` uses for the settings a session did not name (issue 15 item 2). Each choice was
/// measured on the real-data benchmark (`scripts/bench.sh --quality`, BENCHMARKS.md); a setting
/// that is named (`scale`, `model`, epochs=) is used as given, so scripts that name their
/// settings, like the seed's, give the numbers they always gave.
enum TrainDefaults {
    /// The scaling fitted on the training rows when no `scale` was given: min-max, into 0..1 on the
    /// normal training rows, so a row far outside their range stands out in its error.
    static let scaling: ScalingMethod = .minmax
    /// The Adam steps the default epoch count aims at: small sets learn for as many steps as large ones.
    static let targetSteps = 3_000
    /// The fewest and most epochs the default gives.
    static let epochRange = 20...10_000

    /// The network when no `model` was given, relu hidden layers with the output that fits the
    /// scaling: on min-max scaled rows (values in 0..1) d → d/2 → d with a sigmoid output; on
    /// standard, robust or unscaled rows, which have no bounds a sigmoid could reach,
    /// d → d/2 → d/4 → d/2 → d with a linear output (each layer at least 1 unit). On the
    /// benchmark each shape was the better of the two for its scaling.
    static func architecture(columns: Int, scaling: ScalingMethod?) -> Architecture {
        let half = max(1, columns / 2), quarter = max(1, columns / 4)
        let output = output(for: scaling)
        return Architecture(hidden: output == .sigmoid ? [half] : [half, quarter, half], activation: .relu, output: output)
    }

    /// The output activation that fits `scaling` (nil: unscaled).
    static func output(for scaling: ScalingMethod?) -> Activation {
        scaling == .minmax ? .sigmoid : .linear
    }

    /// Epochs that give about `targetSteps` Adam steps of `batch` rows over the `rows` normal
    /// training rows, less the `validation` share held out, within `epochRange`.
    static func epochs(rows: Int, batch: Int, validation: Double) -> Int {
        let trained = max(1, rows - Int((Double(rows) * validation).rounded()))
        let batches = (trained + max(1, batch) - 1) / max(1, batch)
        let epochs = (targetSteps + batches - 1) / batches
        return min(max(epochs, epochRange.lowerBound), epochRange.upperBound)
    }
}
