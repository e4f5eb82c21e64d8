import AutoencoderKit

extension CommandSpec {
    /// `show`: the settings and what the session holds.
    static let show = CommandSpec(
        name: "show",
        summary: "show the settings and the state of the session",
        details: "Lists the settings, then the data, split, scaling, model, scores and threshold the session holds.",
        example: "show"
    ) { _, session, context in
        let console = context.console
        let digits = session.settings.errorDigits
        console.line("settings: " + session.settings.listing.map { "\($0.0)=\($0.1)" }.joined(separator: " "))
        if let data = session.data {
            console.line("data:      \(session.dataSource ?? "?"), \(Format.counted(data.rowCount, "row")) × \(data.columnCount) columns" + (data.labels == nil ? ", no labels" : ", labelled"))
        } else {
            console.line("data:      none (load or generate)")
        }
        if let split = session.split {
            console.line("split:     \(Format.count(split.trainIndices.count)) training, \(Format.counted(split.testIndices.count, "test row"))")
        }
        if let scaler = session.scaler { console.line("scaling:   \(scaler.method.rawValue)") }
        if let architecture = session.architecture {
            console.line("model:     hidden \(architecture.hidden.map(String.init).joined(separator: ",")), \(architecture.activation.rawValue) hidden, \(architecture.output.rawValue) output")
        }
        if let network = session.network {
            let last = session.model?.weightsEpoch.map { report in
                let kept = session.model?.keptEpoch.map { " (the kept weights of epoch \($0))" } ?? ""
                return ", loss \(Format.number(report.loss, digits: digits))\(kept)"
            } ?? ""
            let count = session.model?.networks.count ?? 1
            let size = count > 1 ? "a seed ensemble of \(count) networks of \(Format.counted(network.parameterCount, "parameter")) each, errors averaged" + (last.isEmpty ? "" : "; the first's") : Format.counted(network.parameterCount, "parameter")
            console.line("network:   \(session.model?.sourceName ?? "trained"), \(size)\(last)")
        }
        if let scores = session.scores {
            console.line("errors:    \(Format.count(scores.errors.count)) \(scores.part.rawValue) rows scored")
        }
        if let threshold = session.threshold {
            console.line("threshold: \(Format.number(threshold.value, digits: digits)) (\(threshold.rule))")
        }
        if let evaluation = session.evaluation {
            console.line("evaluated: accuracy \(Format.number(evaluation.accuracy, digits: 4)), ROC AUC \(evaluation.rocAUC.map { Format.number($0, digits: 4) } ?? "undefined")")
        }
    }
}
