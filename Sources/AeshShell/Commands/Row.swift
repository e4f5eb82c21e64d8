import AutoencoderKit

/// The keys of `row`.
struct RowKeys: KeySet {
    let id = OptionalKey.text("id", "the row whose identifier (from `load … id=COL`) is ID", hint: "ID", absent: "by row number")
}

extension CommandSpec {
    /// `row N`: one row's input beside its reconstruction, feature by feature.
    static let row = CommandSpec(
        name: "row",
        summary: "one row's input, reconstruction and each feature's share of its error",
        usage: "row N | row id=ID",
        details: """
        Shows row N (its number among the data rows of the loaded file, from 0, as `errors` and
        `export` number rows), or the row whose identifier is ID after `load … id=COL`, feature by
        feature: the value as loaded, the model's reconstruction in
        the same units, the scaled value the network saw and its reconstruction, and the feature's
        share of the row's reconstruction error. Then the row's error, its label and whether the
        threshold flags it. This is how to see why a row was flagged.
        """,
        example: "row 10121",
        positionals: 0...1,
        keys: RowKeys.self
    ) { arguments, session, context in
        let data = try session.requireData()
        let model = try session.requireModel()
        let index = try RowCommand.index(arguments, in: data, console: context.console)
        let number = data.sourceRows.indices.contains(index) ? data.sourceRows[index] : index
        let scaled = try session.modelInputs(from: data, rows: [index])
        // An ensemble's reconstruction is the mean of its networks'; its feature errors and its
        // error are the means of theirs (not the error of the mean reconstruction).
        let reconstruction = model.reconstruction(scaled)
        // Each feature's squared error, as `errors` computes the largest contributions.
        let squared = model.featureContributions(row: scaled.values)
        let total = squared.reduce(0, +)
        // The same computation as `errors`, so the two print the same number.
        let error = model.errors(scaled).first ?? .nan
        let digits = session.settings.errorDigits
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
        let id = data.rowIds.map { ids in ids.indices.contains(index) ? " (id \(ids[index]))" : "" } ?? ""
        console.line("row \(number)\(id): error \(Format.number(error, digits: digits))\(label)")
        console.write(Format.table(header: ["feature", "input", "reconstructed", "scaled", "scaled rec.", "share"], rows: rows))
        if let threshold = session.threshold {
            let flagged = error > threshold.value
            console.line("\(flagged ? "above" : "not above") the threshold \(Format.number(threshold.value, digits: digits)): \(flagged ? "flagged as an anomaly" : "taken as normal")")
        }
    }
}

/// How `row` finds its row, apart from its declaration.
enum RowCommand {
    /// The index into `data` of the row that `row N` or `row id=ID` names; an error saying which
    /// rows or ids exist otherwise.
    static func index(_ arguments: KeyedArguments<RowKeys>, in data: Dataset, console: Console) throws -> Int {
        let word = arguments.positional(0)
        switch (word, try arguments.value(\.id)) {
        case (nil, nil), (.some, .some):
            throw ShellError("usage: row N (a row number) or row id=ID (a row's identifier), one of them")
        case (nil, let id?):
            guard let ids = data.rowIds else {
                throw ShellError("the data has no row identifiers: load it with id=COL, or give the row's number (row N)")
            }
            let matches = ids.indices.filter { ids[$0] == id }
            guard let first = matches.first else {
                let shown = id.count > 40 ? id.prefix(40) + "…" : Substring(id)
                throw ShellError("no row has the id \"\(shown)\"\(Suggestion.hint(for: id, in: Array(Set(ids)).sorted()))")
            }
            if matches.count > 1 {
                console.line("note: \(Format.count(matches.count)) rows have the id \(id); showing the first, row \(data.sourceRows[first])")
            }
            return first
        case (let word?, nil):
            guard let number = Int(word), number >= 0 else {
                let byId = data.rowIds?.contains(word) == true ? ": for the row whose id is \(word), type row id=\(CommandLineText.quoted(word))" : ""
                throw ShellError("row must be a row number (a whole number from 0)\(byId), got \"\(word.prefix(40))\"")
            }
            guard let index = data.sourceRows.firstIndex(of: number) else {
                let range = data.sourceRows.isEmpty ? "it has none" : "its rows go from \(data.sourceRows.min() ?? 0) to \(data.sourceRows.max() ?? 0)"
                throw ShellError("there is no row \(number) in the data: \(range)")
            }
            return index
        }
    }
}
