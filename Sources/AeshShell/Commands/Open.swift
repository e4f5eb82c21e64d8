import AutoencoderKit

extension CommandSpec {
    /// `open PATH`: a saved model, ready to score new data.
    static let open = CommandSpec(
        name: "open",
        summary: "open a saved model (with its scaler and threshold) to score new data",
        usage: "open PATH",
        details: """
        Replaces the session's model, scaler and threshold with those saved in PATH. Then load a
        file that has the model's columns (by name, in any order) and run `errors on=all` to score
        it; `export` writes the scores.
        """,
        example: "open out/seed.aemodel",
        positionals: 1...1,
        positionalCompletion: .files
    ) { arguments, session, context in
        guard let path = arguments.positional(0), !path.isEmpty else { throw ShellError("usage: open PATH") }
        let file = try ModelFile.read(path: context.shell.resolve(path))
        session.network = file.network
        session.modelColumns = file.columnNames
        session.modelSource = path
        session.scaler = file.scaler
        session.modelScaler = file.scaler
        session.scalingMethod = nil
        session.architecture = Architecture(hidden: file.network.hiddenSizes,
                                            activation: file.network.layers.first?.activation ?? .relu,
                                            output: file.network.layers.last?.activation ?? .sigmoid)
        session.threshold = file.threshold.map { ThresholdState(rule: file.thresholdRule ?? .value($0), value: $0) }
        session.trainingHistory = []
        if let mean = file.trainingErrorMean, let sd = file.trainingErrorSD {
            session.trainingErrorSummary = (mean, sd)
        } else {
            session.trainingErrorSummary = nil
        }
        session.clearScores()
        let layout = ([file.network.inputSize] + file.network.hiddenSizes + [file.network.inputSize]).map(String.init).joined(separator: " → ")
        let threshold = file.threshold.map { "threshold \(Format.number($0, digits: session.settings.precision + 2))" } ?? "no threshold"
        context.console.line("opened \(path): \(layout), \(file.scaler?.method.rawValue ?? "no") scaling, \(threshold), written by \(file.createdBy)")
        if let data = session.data {
            let missing = missingColumns(file.columnNames, in: data.columnNames)
            if !missing.isEmpty {
                context.console.line("note: the loaded data lacks \(quotedList(missing)); load data with the model's columns to score it")
            }
        }
    }
}
