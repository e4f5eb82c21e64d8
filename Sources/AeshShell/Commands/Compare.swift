import AutoencoderKit

/// The orders `compare` lists models in.
enum CompareOrder: String, CaseIterable, Sendable {
    case run, auc, ap, f1, loss
}

/// The keys of `compare`.
struct CompareKeys: KeySet {
    let by = Key<CompareOrder>.choice("by", "order: as trained or opened, or best ROC AUC, AP, F1 or loss first",
                                      default: .run)
}

extension CommandSpec {
    /// `compare`: every model of the session in one table.
    static let compare = CommandSpec(
        name: "compare",
        summary: "the session's models side by side: shape, training, threshold and metrics",
        details: """
        Lists every model trained or opened in this session, one row each: its layers and
        activations, the epochs it trained, the training and validation loss of the weights it
        holds, and from its last `evaluate` the threshold rule, ROC AUC, average precision (AP) and
        the anomaly class's F1 at that threshold, with the part of the data they were measured on.
        A model not evaluated shows "–". The current model is marked *. by= orders the rows (best
        first); `reset` empties the list.
        """,
        example: "compare by=auc",
        keys: CompareKeys.self
    ) { arguments, session, context in
        let order = try arguments.value(\.by)
        let summaries = session.modelSummaries
        guard !summaries.isEmpty else {
            throw ShellError("no models to compare yet: `train` or `open` one (each one trained or opened is listed)")
        }
        let current = session.model == nil ? nil : summaries.count - 1
        let d = session.settings.precision
        let rows = comparisonOrder(summaries, by: order).map { i -> [String] in
            let s = summaries[i]
            let e = s.evaluation
            let epochs = s.epochs.map { n in s.keptEpoch.map { "\(n) (kept \($0))" } ?? String(n) } ?? "–"
            return ["\(i + 1)\(i == current ? "*" : "")", s.source, (s.networks > 1 ? "\(s.networks)×" : "") + s.widths.map(String.init).joined(separator: "-"),
                    "\(s.activation.rawValue)/\(s.output.rawValue)", epochs,
                    cell(s.loss, d + 2), cell(s.validationLoss, d + 2),
                    s.threshold.map { "\($0.rule)" } ?? "–", s.evaluatedPart?.rawValue ?? "–",
                    cell(e?.rocAUC, d), cell(e?.averagePrecision, d), cell(e?.anomaly.f1, d)]
        }
        context.console.write(Format.table(
            header: ["#", "model", "layers", "activations", "epochs", "loss", "val_loss", "threshold", "on",
                     "ROC AUC", "AP", "F1"],
            rows: rows))
    }

    /// Indices of `summaries` in the order `by` asks for: by run, or best first with models
    /// lacking the number last (ties keep the run order).
    static func comparisonOrder(_ summaries: [ModelSummary], by order: CompareOrder) -> [Int] {
        let key: (ModelSummary) -> Double?
        switch order {
        case .run: return Array(summaries.indices)
        case .auc: key = { $0.evaluation?.rocAUC.map { -$0 } }
        case .ap: key = { $0.evaluation?.averagePrecision.map { -$0 } }
        case .f1: key = { $0.evaluation.map { -$0.anomaly.f1 } }
        case .loss: key = { $0.loss }
        }
        return summaries.indices.sorted { a, b in
            switch (key(summaries[a]), key(summaries[b])) {
            case let (x?, y?): return x < y || (x == y && a < b)
            case (_?, nil): return true
            case (nil, _?): return false
            case (nil, nil): return a < b
            }
        }
    }

    private static func cell(_ value: Double?, _ digits: Int) -> String {
        value.map { Format.number($0, digits: digits) } ?? "–"
    }
}
