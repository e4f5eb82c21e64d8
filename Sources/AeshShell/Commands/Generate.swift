import AutoencoderKit

/// The keys of `generate`.
struct GenerateKeys: KeySet {
    let normal = Key.integer("normal", "normal rows", default: 10_000, in: 0...50_000_000)
    let anomalies = Key.integer("anomalies", "anomaly rows", default: 1_000, in: 0...50_000_000)
    let features = Key.integer("features", "columns", default: 10, in: 1...10_000)
    let shift = Key.number("shift", "mean of the anomaly rows", default: 5, in: -1e6...1e6)
    let seed = OptionalKey.seed("random seed")
}

extension CommandSpec {
    /// `generate`: the seed experiment's synthetic data.
    static let generate = CommandSpec(
        name: "generate",
        summary: "make the seed's synthetic data: N(0,1) normal rows, N(shift,1) anomalies",
        details: """
        Draws `normal` rows from a standard normal distribution and `anomalies` rows from a normal
        distribution shifted by `shift` in every feature, as the seed experiment does. Columns are
        named x0, x1, …; the label column is 0 for normal rows and 1 for anomalies.
        """,
        example: "generate normal=10000 anomalies=1000 features=10 shift=5 seed=42",
        keys: GenerateKeys.self
    ) { arguments, session, context in
        let normal = try arguments.value(\.normal)
        let anomalies = try arguments.value(\.anomalies)
        let features = try arguments.value(\.features)
        let shift = try arguments.value(\.shift)
        let seed = try arguments.value(\.seed, or: session.settings.seed)
        let data = try SyntheticData.generate(normal: normal, anomalies: anomalies, features: features,
                                              shift: shift, seed: seed)
        try session.replaceData(data, source: "generated (seed \(seed))")
        context.console.line("generated \(Format.counted(data.rowCount, "row")) × \(features) columns: \(Format.count(normal)) normal N(0,1), \(Format.counted(anomalies, "anomaly", "anomalies")) N(\(Format.number(shift, digits: 2)),1), seed \(seed)")
    }
}
