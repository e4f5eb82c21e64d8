import AutoencoderKit

extension CommandSpec {
    /// `row N`: one row's input beside its reconstruction, feature by feature.
    static let row = CommandSpec(
        name: "row",
        summary: "one row's input, reconstruction and each feature's share of its error",
        operands: "N",
        details: """
        Shows row N (its number among the data rows of the loaded file, from 0, as `errors` and
        `export` number rows) feature by feature: the value as loaded, the model's reconstruction in
        the same units, the scaled value the network saw and its reconstruction, and the feature's
        share of the row's reconstruction error. Then the row's error, its label and whether the
        threshold flags it. This is how to see why a row was flagged.
        """,
        example: "row 10121",
        positionals: 1...1
    ) { arguments, session, context in
        let data = try session.requireData()
        let model = try session.requireModel()
        let word = arguments.positional(0) ?? ""
        let number = try Arguments.parseInteger(word, key: "row", in: 0...Int.max)
        guard let index = data.sourceRows.firstIndex(of: number) else {
            let range = data.sourceRows.isEmpty ? "it has none" : "its rows go from \(data.sourceRows.min() ?? 0) to \(data.sourceRows.max() ?? 0)"
            throw ShellError("there is no row \(number) in the data: \(range)")
        }
        let scaled = try session.modelInputs(from: data, rows: [index])
        let reconstruction = model.network.reconstruct(scaled)
        // Each feature's squared error, as `errors` computes the largest contributions.
        let squared = ReconstructionErrors.featureContributions(model: model.network, row: scaled.values)
        let total = squared.reduce(0, +)
        // The same computation as `errors`, so the two print the same number.
        let error = ReconstructionErrors.compute(model: model.network, data: scaled).perRow.first ?? .nan
        let digits = session.settings.precision + 2
        var rows: [[String]] = []
        for (c, name) in model.columns.enumerated() {
            let original = model.scaler.map { Double(reconstruction.values[c]) * Double($0.scales[c]) + Double($0.offsets[c]) }
                ?? Double(reconstruction.values[c])
            let loaded = data.columnNames.firstIndex(of: name).map { Double(data.features.values[index * data.columnCount + $0]) } ?? .nan
            rows.append([name, Format.number(loaded, digits: digits), Format.number(original, digits: digits),
                         Format.number(Double(scaled.values[c]), digits: digits),
                         Format.number(Double(reconstruction.values[c]), digits: digits),
                         Format.percent(total > 0 ? squared[c] / total : 0, digits: 1)])
        }
        let console = context.console
        let label = data.labels.map { $0[index] == 0 ? ", label 0 (normal)" : ", label 1 (anomaly)" } ?? ""
        console.line("row \(number): error \(Format.number(error, digits: digits))\(label)")
        console.write(Format.table(header: ["feature", "input", "reconstructed", "scaled", "scaled rec.", "share"], rows: rows))
        if let threshold = session.threshold {
            let flagged = error > threshold.value
            console.line("\(flagged ? "above" : "not above") the threshold \(Format.number(threshold.value, digits: digits)): \(flagged ? "flagged as an anomaly" : "taken as normal")")
        }
    }
}
