import AutoencoderKit

extension CommandSpec {
    /// `save PATH`: the model with its scaler, threshold and columns.
    static let save = CommandSpec(
        name: "save",
        summary: "save the model with its scaler, threshold and column names",
        operands: "PATH",
        details: """
        Writes the trained network together with everything needed to score new data the same
        way: the scaler fitted on the training rows, the threshold and how it was chosen, the
        column names and a summary of the training errors. The file is versioned JSON, written
        whole or not at all. Reopen it with `open PATH`.

        A PATH ending in `.onnx` writes an ONNX graph (opset 13) instead, for ONNX Runtime and
        other engines: input `input` (float32, raw features in the model's column order), the
        scaler folded in, outputs `reconstruction` (scaled space), `error` (float64, each row's
        mean squared error) and `predicted` (bool, error above the threshold, so a threshold
        must be chosen first). `open` reads only aesh's own model files.
        """,
        example: "save out/seed.aemodel",
        positionals: 1...1,
        positionalCompletion: .files
    ) { arguments, session, context in
        let model = try session.requireModel()
        guard let path = arguments.positional(0), !path.isEmpty else { throw ShellError("usage: save PATH") }
        if path.lowercased().hasSuffix(".onnx") {
            try saveONNX(model, path: path, session: session, context: context)
            session.modelUnsaved = false
            return
        }
        let target = try context.outputPath(path, session: session)
        try model.write(to: target, createdBy: "aesh \(aeshVersion)")
        session.modelUnsaved = false
        context.record(.fileWritten(path: target))
        let threshold = model.threshold.map { "threshold \(Format.number($0.value, digits: session.settings.errorDigits))" } ?? "no threshold"
        context.console.line("saved the model (\(Format.counted(model.columns.count, "column")), \(model.scaler?.method.rawValue ?? "no") scaling, \(threshold)) to \(path)")
    }
}

/// `save FILE.onnx`: the session's model as an ONNX graph.
private func saveONNX(_ model: AnomalyModel, path: String, session: Session, context: CommandContext) throws {
    guard let threshold = model.threshold else {
        throw ShellError("no threshold yet: choose one with `threshold` before `save \(path)` (the graph's `predicted` output compares each error with it)")
    }
    let target = try context.outputPath(path, session: session)
    try ONNXExport.write(model, to: target, producerVersion: aeshVersion)
    context.record(.fileWritten(path: target))
    context.console.line("saved the model as ONNX (opset \(ONNXExport.opset), \(Format.counted(model.columns.count, "column")), \(model.scaler?.method.rawValue ?? "no") scaling, threshold \(Format.number(threshold.value, digits: session.settings.errorDigits))) to \(path)")
}
