import AutoencoderKit

extension CommandSpec {
    /// `scale`: fit a scaler on the training rows.
    static let scale = CommandSpec(
        name: "scale",
        summary: "scale features: standard, minmax, robust or none",
        operands: "standard|minmax|robust|none",
        details: """
        Fits the scaler on the rows the model learns from (the normal rows of the training part;
        before any split, all rows) and applies it to every row that is scored. Fitting on the
        training rows only keeps the test rows unseen. standard: (x − mean) / sd; minmax: into
        [0, 1]; robust: (x − median) / IQR; none: as loaded. A column with no spread is left
        unscaled (divided by 1) and named.
        """,
        example: "scale standard",
        positionals: 1...1,
        positionalCompletion: .choices(ScalingMethod.allCases.map(\.rawValue))
    ) { arguments, session, context in
        let data = try session.requireData()
        let word = arguments.positional(0) ?? ""
        guard let method = ScalingMethod(rawValue: word) else {
            let names = ScalingMethod.allCases.map(\.rawValue)
            throw ShellError("unknown scaling \"\(word)\"\(Suggestion.hint(for: word, in: names)); choose \(names.joined(separator: ", "))")
        }
        // An opened model scores with the scaler it brought. On data of its own columns that is
        // the one scaling there is; on other columns a new model must be trained, and this
        // chooses how its inputs are scaled (the open model keeps its own scaler meanwhile).
        let opened = session.model.flatMap { $0.isTrained ? nil : $0 }
        if let model = opened, data.columnNames == model.columns {
            let source = model.sourceName
            throw ShellError("the open model (\(source)) brings its own scaler; scaling differently would feed it data it was not trained on")
        }
        session.scalingMethod = method
        try session.refitScaler()
        session.clearScores()
        // The baselines were fitted on the rows as they were scaled before.
        session.baselines = []
        let rows = session.trainingRowIndices(of: data).count
        context.console.line(method == .none ? "features will be used as loaded" :
            "fitted \(method.rawValue) scaling on \(Format.counted(rows, "training row")) (\(data.columnCount) columns)")
        if let scaler = session.scaler, let note = ConstantColumnNote.text(
            scaler: scaler, rows: data.features.selectingRows(session.trainingRowIndices(of: data)), names: data.columnNames) {
            context.console.line(note)
        }
        if let model = opened {
            context.console.line("note: the open model (\(model.sourceName)) keeps its own scaler for its \(model.columns.count) columns; this scaling is for the next `train`, on all \(data.columnCount)")
        } else if session.network != nil {
            context.console.line("note: the current model keeps the scaling it was trained with until you `train` again")
        }
    }
}
