import Foundation

private let runsUsage = "runs [last=N] | runs compare A B"

/// The keys of `runs`.
struct RunsKeys: KeySet {
    let last = Key.integer("last", "how many of the latest runs to list", default: 20, in: 1...1_000_000)
}

extension CommandSpec {
    /// `runs` / `runs compare A B`: the run log across sessions.
    static let runs = CommandSpec(
        name: "runs",
        summary: "the run log (aesh-runs.sqlite): every train and evaluate, across sessions",
        usage: runsUsage,
        details: """
        Every `train` and `evaluate` run by aesh in this folder is appended to aesh-runs.sqlite (a
        SQLite database, as MLflow's tracking keeps a notebook's runs): the command line, the
        network, its epochs, batch, learning rate and seed, the data file with its SHA-256, how
        training ended and its losses, or the threshold, ROC AUC, AP and F1. `runs` lists the latest (last=N), one
        line each with its number, from every session that ran here; `runs compare A B` shows
        two of them side by side, marking with * what differs. `set runlog off` stops the
        logging; a log that cannot be written is a warning, once per session.
        """,
        example: "runs compare 3 5",
        positionals: 0...3,
        keys: RunsKeys.self,
        positionalCompletion: .choices(["compare"])
    ) { arguments, session, context in
        guard let logger = context.runLog else {
            throw ShellError("this aesh keeps no run log (the aesh program keeps aesh-runs.sqlite in its working folder)")
        }
        let records: [RunRecord]
        do {
            records = try logger.log.records()
        } catch {
            throw ShellError("cannot read the run log \(logger.log.path): \(error)")
        }
        let console = context.console
        switch arguments.positional(0) {
        case nil:
            guard !records.isEmpty else {
                console.line("no runs logged here yet: `train` and `evaluate` append to \(logger.log.path)" +
                             (session.settings.runLog == "on" ? "" : " (the run log is off: `set runlog on`)"))
                return
            }
            let shown = records.suffix(try arguments.value(\.last))
            console.write(RunTable.listing(Array(shown), digits: session.settings.precision))
            console.line("\(Format.counted(records.count, "run")) in \(logger.log.path)" +
                         (shown.count < records.count ? ", the latest \(shown.count) shown (last=N for more)" : ""))
        case "compare":
            guard arguments.positionals.count == 3 else {
                throw ShellError("runs compare takes two run numbers (as `runs` lists them), e.g. runs compare 3 5")
            }
            let pair = try [1, 2].map { index -> RunRecord in
                let word = arguments.positional(index) ?? ""
                let number = try Arguments.parseInteger(word, key: "a run number", in: 1...Int(Int32.max))
                guard let record = records.first(where: { $0.id == Int64(number) }) else {
                    let range = records.isEmpty ? "the log has none" : "the log holds runs \(records.first?.id ?? 0) to \(records.last?.id ?? 0)"
                    throw ShellError("there is no run \(number): \(range)")
                }
                return record
            }
            console.write(RunTable.comparison(pair[0], pair[1], digits: session.settings.precision))
        case let word?:
            throw ShellError("runs takes `compare A B` or last=N, not \"\(word)\" (usage: \(runsUsage))")
        }
    }
}

/// The tables of `runs`.
enum RunTable {
    /// One line per run.
    static func listing(_ records: [RunRecord], digits d: Int) -> String {
        let rows = records.map { r -> [String] in
            [r.id.map(String.init) ?? "", shortTime(r.time), r.kind, dataName(r), r.layers ?? "–", epochs(r),
             r.batch.map(String.init) ?? "–", r.learningRate.map(Format.compact) ?? "–", r.seed ?? "–", number(r.loss, d + 2), number(r.validationLoss, d + 2),
             number(r.rocAUC, d), number(r.averagePrecision, d), number(r.f1, d)]
        }
        return Format.table(header: ["#", "when (UTC)", "kind", "data", "layers", "epochs", "batch", "lr", "seed", "loss", "val_loss",
                                     "ROC AUC", "AP", "F1"], rows: rows)
    }

    /// Two runs field by field, `*` marking the fields that differ.
    static func comparison(_ a: RunRecord, _ b: RunRecord, digits d: Int) -> String {
        let fields: [(String, (RunRecord) -> String)] = [
            ("kind", { $0.kind }), ("when (UTC)", { shortTime($0.time) }), ("session", { String($0.session.prefix(8)) }),
            ("command", { $0.command }), ("data", { $0.data ?? "–" }), ("data SHA-256", { $0.dataSHA256 ?? "–" }),
            ("rows", { $0.rows.map(Format.count) ?? "–" }), ("layers", { $0.layers ?? "–" }),
            ("activations", { $0.activations ?? "–" }), ("epochs", epochs), ("stop", { $0.stop ?? "–" }),
            ("batch", { $0.batch.map(String.init) ?? "–" }), ("lr", { $0.learningRate.map(Format.compact) ?? "–" }),
            ("validation", { $0.validation.map(Format.compact) ?? "–" }), ("seed", { $0.seed ?? "–" }),
            ("loss", { number($0.loss, d + 2) }), ("val_loss", { number($0.validationLoss, d + 2) }),
            ("threshold", { number($0.threshold, d + 2) }), ("rule", { $0.thresholdRule ?? "–" }),
            ("on", { $0.part ?? "–" }), ("ROC AUC", { number($0.rocAUC, d) }), ("AP", { number($0.averagePrecision, d) }),
            ("F1", { number($0.f1, d) }),
        ]
        let rows = fields.map { name, value -> [String] in
            let (x, y) = (value(a), value(b))
            return [(x == y ? "  " : "* ") + name, x, y]
        }
        return Format.table(header: ["", "run \(a.id ?? 0)", "run \(b.id ?? 0)"], rows: rows)
    }

    private static func number(_ value: Double?, _ digits: Int) -> String {
        value.map { Format.number($0, digits: digits) } ?? "–"
    }

    /// "20", "20 (kept 12)", and for a training that did not end by itself "3, interrupted" or
    /// "–, diverged".
    private static func epochs(_ r: RunRecord) -> String {
        var shown = r.epochs.map { epochs in r.keptEpoch.map { "\(epochs) (kept \($0))" } ?? String(epochs) } ?? "–"
        if let stop = r.stop, stop == "interrupted" || stop.hasPrefix("diverged") {
            shown += ", " + (stop == "interrupted" ? stop : "diverged")
        }
        return shown
    }

    /// The data file's name and the start of its digest, or how the data was made.
    private static func dataName(_ r: RunRecord) -> String {
        guard let data = r.data else { return "–" }
        let name = URL(fileURLWithPath: data).lastPathComponent
        return r.dataSHA256.map { "\(name) \($0.prefix(8))" } ?? data
    }

    /// "2026-12-02 13:20" from "2026-12-02T13:20:05Z".
    private static func shortTime(_ iso: String) -> String {
        String(iso.replacingOccurrences(of: "T", with: " ").prefix(16))
    }
}
