import AutoencoderKit

extension CommandSpec {
    /// `open PATH`: a saved model, ready to score new data.
    static let open = CommandSpec(
        name: "open",
        summary: "open a saved model (with its scaler and threshold) to score new data",
        operands: "PATH",
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
        let file = try ModelFile.read(path: context.paths.resolve(path), shouldStop: InterruptFlag.watch())
        context.record(.fileRead(path: context.paths.resolve(path)))
        let model = file.model(path: path)
        session.model = model
        session.modelUnsaved = false
        session.lastRun = nil
        session.modelTrainingRows = nil
        session.scaler = model.scaler
        session.scalingMethod = nil
        session.architecture = model.architecture
        session.clearScores()
        session.recordModel()
        let layout = model.widths.map(String.init).joined(separator: " → ")
        let threshold = model.threshold.map { "threshold \(Format.number($0.value, digits: session.settings.errorDigits))" } ?? "no threshold"
        context.console.line("opened \(path): \(model.networks.count > 1 ? "a seed ensemble of \(model.networks.count) × " : "")\(layout), \(model.scaler?.method.rawValue ?? "no") scaling, \(threshold), written by \(file.createdBy)")
        if let data = session.data {
            let missing = missingColumns(model.columns, in: data.columnNames)
            if !missing.isEmpty {
                context.console.line("note: the loaded data lacks \(quotedList(missing)); load data with the model's columns to score it")
            }
        }
    }
}
