import AutoencoderKit

/// The keys of `export`.
struct ExportKeys: KeySet {
    let what = Key.choice("what", "what to write", default: "scores", from: ["scores", "latent", "embedding"])
}

extension CommandSpec {
    /// `export PATH [what=scores|latent]`: results as CSV.
    static let export = CommandSpec(
        name: "export",
        summary: "write scores or latent codes as CSV",
        operands: "PATH",
        details: """
        scores: `row,error,predicted,label` for the scored rows (predicted is 1 above the
        threshold, empty without one; label is empty where unknown). latent: `row,z1,…,label`, the
        bottleneck codes of the scored rows (all rows before `errors`). embedding:
        `row,x,y[,z],label` from `tsne`. `row` counts the data rows of the loaded file from 0;
        after `load … id=COL`, each has an `id` column after `row`.
        The file is written whole or not at all.
        """,
        example: "export out/seed-scores.csv",
        positionals: 1...1,
        keys: ExportKeys.self,
        positionalCompletion: .files
    ) { arguments, session, context in
        guard let path = arguments.positional(0), !path.isEmpty else { throw ShellError("usage: export PATH") }
        let what = try arguments.value(\.what)
        // Ctrl-C stops a long export between rows, or while the bytes go out: the file is then
        // as it was (a FIFO or device may have taken part of them).
        let shouldStop = InterruptFlag.watch()
        let stopEvery = 1 << 14
        var text = ""
        var count = 0
        switch what {
        case "scores":
            let scores = try session.requireScores()
            let data = try session.requireData()
            text = data.rowIds == nil ? "row,error,predicted,label\n" : "row,id,error,predicted,label\n"
            text.reserveCapacity(scores.errors.count * 32)
            for (k, row) in scores.rowIndices.enumerated() {
                if k % stopEvery == 0 && shouldStop() { throw InterruptedError.writing(path) }
                let predicted = session.threshold.map { scores.errors[k] > $0.value ? "1" : "0" } ?? ""
                let label = scores.labels.map { String($0[k]) } ?? ""
                text += "\(data.sourceRows[row]),\(idField(data, row))\(scores.errors[k]),\(predicted),\(label)\n"
            }
            count = scores.errors.count
        case "latent":
            let data = try session.requireData()
            let network = try session.requireNetwork()
            let rows = session.scores?.rowIndices ?? Array(0..<data.rowCount)
            let codes = network.encode(try session.modelInputs(from: data, rows: rows))
            text = (data.rowIds == nil ? "row," : "row,id,") + (1...max(1, codes.columns)).map { "z\($0)" }.joined(separator: ",") + ",label\n"
            for (k, row) in rows.enumerated() {
                if k % stopEvery == 0 && shouldStop() { throw InterruptedError.writing(path) }
                let values = codes.row(k).map { "\($0)" }.joined(separator: ",")
                text += "\(data.sourceRows[row]),\(idField(data, row))\(values),\(data.labels.map { String($0[row]) } ?? "")\n"
            }
            count = rows.count
        default:
            guard let embedding = session.embedding else { throw ShellError("no t-SNE embedding yet: run `tsne` first") }
            text = (embedding.ids == nil ? "row," : "row,id,") + ["x", "y", "z"].prefix(embedding.dimensions).joined(separator: ",") + ",label\n"
            for (k, source) in embedding.sourceRows.enumerated() {
                if k % stopEvery == 0 && shouldStop() { throw InterruptedError.writing(path) }
                let values = embedding.coordinates.row(k).map { "\($0)" }.joined(separator: ",")
                let id = embedding.ids.map { $0.indices.contains(k) ? csvField($0[k]) + "," : "," } ?? ""
                text += "\(source),\(id)\(values),\(embedding.labels.map { String($0[k]) } ?? "")\n"
            }
            count = embedding.sourceRows.count
        }
        let target = try context.outputPath(path, session: session)
        try AtomicFile.write(text, to: target, shouldStop: shouldStop)
        context.record(.fileWritten(path: target))
        context.console.line("wrote \(Format.counted(count, "row")) of \(what) to \(path)")
        if what == "latent", let networks = session.model?.networks.count, networks > 1 {
            context.console.line("note: the codes are the first network's of the ensemble of \(networks) (each network has its own)")
        }
    }
}

/// The row's id and a comma, for the `id` column of an export; empty when the data has no ids.
private func idField(_ data: Dataset, _ row: Int) -> String {
    guard let ids = data.rowIds, ids.indices.contains(row) else { return "" }
    return csvField(ids[row]) + ","
}
