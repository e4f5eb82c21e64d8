import AutoencoderKit

/// The keys of `split`.
struct SplitKeys: KeySet {
    let test = Key.number("test", "fraction of rows in the test part", default: 0.2, in: 0...1,
                          excluding: [.lower, .upper], hint: "F")
    let seed = OptionalKey.seed("random seed")
    let stratify = Key.flag("stratify", "keep class proportions when labels exist", default: true)
}

extension CommandSpec {
    /// `split`: a seeded train/test split.
    static let split = CommandSpec(
        name: "split",
        summary: "split the rows into a training and a test part",
        details: """
        Puts a seeded random `test` fraction of the rows in the test part. With labels and
        stratify=yes each class keeps its proportion in both parts. The autoencoder then learns
        from the normal rows of the training part only; errors, threshold and evaluate judge the
        test part. A scaler chosen with `scale` is refitted on the new training rows.
        """,
        example: "split test=0.2 seed=42",
        keys: SplitKeys.self
    ) { arguments, session, context in
        let data = try session.requireData()
        let test = try arguments.value(\.test)
        let seed = try arguments.value(\.seed, or: session.settings.seed)
        let stratify = try arguments.value(\.stratify)
        session.split = try TrainTestSplit.make(rowCount: data.rowCount, labels: data.labels, testFraction: test,
                                                stratify: stratify, seed: seed)
        session.clearScores()
        try session.refitScaler()
        guard let split = session.split else { return }
        let training = session.trainingRowIndices(of: data).count
        var line = "split \(Format.counted(data.rowCount, "row")): \(Format.count(split.trainIndices.count)) training, \(Format.count(split.testIndices.count)) test"
        if let labels = data.labels {
            let testAnomalies = split.testIndices.reduce(0) { $0 + Int(labels[$1]) }
            line += " (\(Format.counted(testAnomalies, "anomaly", "anomalies")) in test); the model will learn from the \(Format.counted(training, "normal training row"))"
        }
        context.console.line(line + (stratify && data.labels != nil ? ", stratified" : "") + ", seed \(seed)")
        let seen = session.trainedRowCount(among: split.testIndices)
        if seen > 0 {
            context.console.line("note: the current model trained on \(Format.counted(seen, "row")) of the new test part: `train` again before judging it on the test rows")
        }
        if let method = session.scalingMethod, method != .none {
            context.console.line("refitted \(method.rawValue) scaling on the \(Format.counted(training, "training row"))" +
                (session.network != nil ? "; the current model keeps the scaling it was trained with until you `train` again" : ""))
        }
    }
}
