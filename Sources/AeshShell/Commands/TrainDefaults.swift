import AutoencoderKit

/// What `train` uses for the settings a session did not name (issue 15 item 2). Each choice was
/// measured on the real-data benchmark (`scripts/bench.sh --quality`, BENCHMARKS.md); a setting
/// that is named (`scale`, `model`, epochs=) is used as given, so scripts that name their
/// settings, like the seed's, give the numbers they always gave.
enum TrainDefaults {
    /// The scaling fitted on the training rows when no `scale` was given: min-max, into 0..1 on the
    /// normal training rows, so a row far outside their range stands out in its error.
    static let scaling: ScalingMethod = .minmax
    /// The Adam steps the default epoch count aims at for one network: small sets learn for as
    /// many steps as large ones.
    static let targetSteps = 3_000
    /// The Adam steps each network of an ensemble aims at: five networks of 1,000 steps detected
    /// as well as five of 3,000 on the benchmark, in a third of the time.
    static let ensembleSteps = 1_000

    /// The steps each of `members` networks aims at.
    static func steps(members: Int) -> Int { members > 1 ? ensembleSteps : targetSteps }
    /// The fewest and most epochs the default gives.
    static let epochRange = 20...10_000
    /// Networks in the default seed ensemble (no `model`, no members=): averaging five seeds'
    /// errors detected better on the benchmark than any one network (BENCHMARKS.md).
    static let members = 5
    /// Scalings after which the default network fits its own min-max scaling on the training
    /// rows: their values have no bounds a sigmoid output could reach.
    static let rescaled: Set<ScalingMethod> = [.standard, .robust]

    /// The seed of network `member` (from 0) of an ensemble trained with `seed`: seed + 1000·member
    /// (wrapping), so network 0 is the one `members=1` trains.
    static func memberSeed(_ seed: UInt64, _ member: Int) -> UInt64 {
        seed &+ UInt64(member) &* 1_000
    }

    /// The network when no `model` was given: d → d/2 → d/4 → d/2 → d (each layer at least 1
    /// unit), relu hidden layers, with the output that fits the scaling: a sigmoid on min-max
    /// scaled rows (values in 0..1), linear on unscaled rows, which have no bounds a sigmoid could
    /// reach. On the benchmark this shape in a five-seed ensemble detected best (one network of
    /// d → d/2 → d did better alone, five of it worse than five of this).
    static func architecture(columns: Int, scaling: ScalingMethod?) -> Architecture {
        let half = max(1, columns / 2), quarter = max(1, columns / 4)
        return Architecture(hidden: [half, quarter, half], activation: .relu, output: output(for: scaling))
    }

    /// The output activation that fits `scaling` (nil: unscaled).
    static func output(for scaling: ScalingMethod?) -> Activation {
        scaling == .minmax ? .sigmoid : .linear
    }

    /// Epochs that give about `steps` Adam steps of `batch` rows over the `rows` normal training
    /// rows, less the `validation` share held out, within `epochRange`.
    static func epochs(rows: Int, batch: Int, validation: Double, steps targetSteps: Int = targetSteps) -> Int {
        let trained = max(1, rows - Int((Double(rows) * validation).rounded()))
        let batches = (trained + max(1, batch) - 1) / max(1, batch)
        let epochs = (targetSteps + batches - 1) / batches
        return min(max(epochs, epochRange.lowerBound), epochRange.upperBound)
    }
}
