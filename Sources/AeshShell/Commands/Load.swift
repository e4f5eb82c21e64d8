import AutoencoderKit

/// The keys of `load`.
struct LoadKeys: KeySet {
    let label = OptionalKey.column("label", "the 0/1 label column", absent: "none")
    let id = OptionalKey.column("id", "a column (text or numbers) kept as each row's identifier", absent: "none")
    let ignore = OptionalKey.list("ignore", "columns to leave out, whatever they hold", absent: "none")
    let delimiter = OptionalKey.choice("delimiter", "the field separator", from: [",", "tab", ";"],
                                       aliases: ["\\t": "tab", "\t": "tab"], absent: "detected")
    let decimal = Key.choice("decimal", "the decimal mark (`,` for decimal commas, in files split by `;` or tabs)",
                             default: ".", from: [".", ","])
    let missing = Key.choice("missing", "what to do with empty/NA cells", default: "error", from: ["error", "drop"])
}

extension CommandSpec {
    /// `load PATH [label=COL] [id=COL] [ignore=COL,…] [delimiter=,] [decimal=.] [missing=error|drop]`:
    /// reads a CSV/TSV or .npy file.
    static let load = CommandSpec(
        name: "load",
        summary: "read a CSV/TSV (or .npy) file with a header row",
        operands: "PATH",
        details: """
        Reads a table whose first line names the columns. The delimiter is detected from the header
        (comma, tab or semicolon) unless given. label= names the 0/1 column (0 normal, 1 anomaly);
        it is kept out of the features and used by split, threshold best-f1 and evaluate.
        id= names a column (text or numbers) kept as each row's identifier: export writes it as an
        id column and errors shows it in the top rows. ignore=a,b leaves columns out whatever they
        hold. Every other column must be numeric. decimal=, reads decimal commas (3,5) in files
        split by semicolons or tabs.
        Empty, NA and NaN cells (nan, NAN, -nan too) are missing values: an error naming the first one, or with
        missing=drop the rows holding them (in a feature or the label) are dropped and counted.
        When a model is open, its columns are looked up by name in the new data, so a saved model
        can score a new file: open MODEL, load NEW.csv, errors on=all (the file's other columns
        are ignored, whatever they hold). A file that lacks the
        model's columns starts the data part of the session afresh: the model, its threshold, the
        split and the scores are dropped, and load says so.
        """,
        example: "load data/sensors.csv label=anomaly",
        positionals: 1...1,
        keys: LoadKeys.self,
        positionalCompletion: .files
    ) { arguments, session, context in
        guard let path = arguments.positional(0), !path.isEmpty else { throw ShellError("usage: load PATH") }
        var options = TableReadOptions(labelColumn: try arguments.value(\.label))
        if let delimiter = try arguments.value(\.delimiter) {
            options.delimiter = delimiter == "tab" ? UInt8(ascii: "\t") : UInt8(ascii: delimiter == ";" ? ";" : ",")
        }
        options.dropMissing = try arguments.value(\.missing) == "drop"
        options.idColumn = try arguments.value(\.id)
        options.ignoredColumns = try arguments.value(\.ignore) ?? []
        options.decimalComma = try arguments.value(\.decimal) == ","
        options.modelColumns = session.model?.columns
        let table: LoadedTable
        do {
            table = try TableReader.read(path: context.paths.resolve(path), options: options, shouldStop: InterruptFlag.watch())
        } catch let error as DataFileError {
            guard let column = error.textColumn else { throw error }
            let named = column.contains(where: { $0 == " " || $0 == "," || $0 == "\"" || $0 == "'" })
                ? "\"\(column)\"" : column
            // "0,125" in a semicolon file is a number written with a decimal comma.
            if !options.decimalComma,
               error.message.range(of: #"\"[-+]?[0-9]*,[0-9]+([eE][-+]?[0-9]+)?\""#, options: .regularExpression) != nil {
                throw ShellError("\(error.description): it looks like a number written with a decimal comma; `decimal=,` reads it so (keep it as each row's identifier with id=\(named), or leave it out with ignore=\(named))")
            }
            throw ShellError("\(error.description); keep it as each row's identifier with id=\(named), or leave it out with ignore=\(named)")
        }
        context.record(.fileRead(path: context.paths.resolve(path)))
        let dropped = try session.replaceData(table.dataset, source: path, missingPerColumn: table.missingPerColumn)
        // The run log names the data by its digest, taken beside the session's next commands while
        // the file is still the one loaded.
        session.dataDigest = LoadedFileDigest(path: context.paths.resolve(path), hashingNow: context.logsRuns(session))
        let data = table.dataset
        var summary = "loaded \(Format.counted(data.rowCount, "row")) × \(Format.counted(data.columnCount, "column")) from \(path)"
        if let labels = data.labels {
            let anomalies = labels.reduce(0) { $0 + Int($1) }
            summary += " (\(Format.count(labels.count - anomalies)) normal, \(Format.counted(anomalies, "anomaly", "anomalies")))"
        }
        context.console.line(summary)
        let unused = table.skippedColumns.filter { !options.ignoredColumns.contains($0) }
        if !unused.isEmpty {
            context.console.line("ignored \(quotedList(unused)): not used by the model")
        }
        if table.droppedRows > 0 {
            context.console.line("dropped \(Format.counted(table.droppedRows, "row")) with missing values")
        }
        if !dropped.isEmpty {
            context.console.line("new data: dropped \(Format.list(dropped))")
        }
    }
}
