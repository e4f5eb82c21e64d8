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
        """,
        example: "save out/seed.aemodel",
        positionals: 1...1,
        positionalCompletion: .files
    ) { arguments, session, context in
        let model = try session.requireModel()
        guard let path = arguments.positional(0), !path.isEmpty else { throw ShellError("usage: save PATH") }
        try model.write(to: context.shell.resolve(path), createdBy: "aesh \(aeshVersion)")
        let threshold = model.threshold.map { "threshold \(Format.number($0.value, digits: session.settings.precision + 2))" } ?? "no threshold"
        context.console.line("saved the model (\(model.columns.count) columns, \(model.scaler?.method.rawValue ?? "no") scaling, \(threshold)) to \(path)")
    }
}
