import AutoencoderKit

/// The keys of `baseline`.
struct BaselineKeys: KeySet {
    let on = OptionalKey<ScoredPart>.choice("on", "the part to score", absent: "test after split, else all, as `errors`")
    let variance = Key.number("variance", "pca: the share of the variance its axes keep", default: PCAReconstruction.defaultVarianceShare,
                              in: 0...1, excluding: [.lower, .upper], hint: "F")
    let seed = OptionalKey.seed("iforest: random seed for its subsamples and splits")
}

extension CommandSpec {
    /// `baseline`: the rows `errors` scores, scored by PCA reconstruction and an Isolation Forest.
    static let baseline = CommandSpec(
        name: "baseline",
        summary: "score the same rows by PCA reconstruction and an Isolation Forest; ROC AUC and AP beside the autoencoder's",
        operands: "[pca|iforest]",
        details: """
        Fits a simpler detector on the rows the autoencoder learns from (the normal rows of the
        training part, scaled as the model's inputs are), scores the rows `errors` scores, and
        prints its ROC AUC and average precision (AP) next to the autoencoder's on the same rows,
        when there is a model. Without pca or iforest, both.
        pca      reconstruction error from the fewest principal axes that explain more than
                 variance= of the variance (0.9, as scikit-learn's PCA(n_components=0.9)): what a
                 linear autoencoder can do at best
        iforest  an Isolation Forest (Liu et al. 2008; scikit-learn's defaults: 100 trees, each on
                 256 rows drawn without replacement), seeded by seed=
        When a baseline scores better, the autoencoder's non-linearity buys nothing on this data.
        `plot roc` overlays the baselines' curves on the autoencoder's.
        """,
        example: "baseline iforest seed=42",
        positionals: 0...1,
        keys: BaselineKeys.self,
        positionalCompletion: .choices(BaselineMethod.allCases.map(\.rawValue))
    ) { arguments, session, context in
        let names = BaselineMethod.allCases.map(\.rawValue)
        let methods: [BaselineMethod]
        if let word = arguments.positional(0) {
            guard let method = BaselineMethod(rawValue: word) else {
                throw ShellError("unknown baseline \"\(word)\"\(Suggestion.hint(for: word, in: names)); baselines are \(names.joined(separator: ", "))")
            }
            methods = [method]
        } else {
            methods = BaselineMethod.allCases
        }
        if arguments.has(\.variance) && !methods.contains(.pca) { throw ShellError("variance= applies to `baseline pca` only") }
        if arguments.has(\.seed) && !methods.contains(.iforest) { throw ShellError("seed= applies to `baseline iforest` only") }
        let data = try session.requireData()
        guard let labels = data.labels else {
            throw ShellError("baselines are compared by ROC AUC and AP, which need labels: load the data with label=COLUMN")
        }
        let part = try arguments.value(\.on, or: session.defaultScoredPart)
        let rows = try session.rowIndices(of: part, in: data)
        let fitted = session.trainingRowIndices(of: data)
        guard !fitted.isEmpty else { throw ShellError("there are no normal training rows to fit the baselines on") }
        let training = try session.modelInputs(from: data, rows: fitted)
        let inputs = try session.modelInputs(from: data, rows: rows)
        let partLabels = rows.map { labels[$0] }
        guard partLabels.contains(0), partLabels.contains(where: { $0 != 0 }) else {
            throw ShellError("the \(Format.counted(rows.count, "scored row")) are all of one class: ROC AUC needs normal and anomaly rows")
        }

        var table: [(name: String, auc: Double, ap: Double)] = []
        if let model = session.model {
            let errors = model.errors(inputs)
            if let auc = Metrics.rocAUC(scores: errors, labels: partLabels), let ap = Metrics.averagePrecision(scores: errors, labels: partLabels) {
                table.append(("autoencoder " + model.widths.map(String.init).joined(separator: "-")
                              + (model.networks.count > 1 ? " (\(model.networks.count) networks)" : ""), auc, ap))
            }
        }
        let autoencoder = table.first
        for method in methods {
            let (name, scores) = try score(method, training: training, inputs: inputs, arguments: arguments, session: session)
            if let bad = scores.firstIndex(where: { !$0.isFinite }) {
                throw ShellError("\(name): row \(data.sourceRows[rows[bad]]) scores as a non-finite number: the data holds extreme values")
            }
            guard let auc = Metrics.rocAUC(scores: scores, labels: partLabels),
                  let ap = Metrics.averagePrecision(scores: scores, labels: partLabels) else {
                throw ShellError("\(name): ROC AUC and AP are undefined on these rows")
            }
            table.append((name, auc, ap))
            session.recordBaseline(BaselineScores(method: method, name: name,
                                                  scores: Scores(part: part, rowIndices: rows, errors: scores, labels: partLabels)))
        }
        let d = session.settings.precision
        let console = context.console
        console.line("fitted on the \(Format.counted(fitted.count, "normal training row")), scored on the \(Format.count(rows.count)) \(part == .all ? "" : part.rawValue + " ")rows" +
                     (session.scores?.part == part ? " that `errors` scored" : ""))
        console.write(Format.table(header: ["detector", "ROC AUC", "AP"],
                                   rows: table.map { [$0.name, Format.number($0.auc, digits: d), Format.number($0.ap, digits: d)] }))
        let overlap = Session.overlap(rows, with: fitted)
        if session.split == nil, overlap > 0 {
            console.line("note: there is no `split`, so the baselines were fitted on \(Format.count(overlap)) of the rows they score and every detector here is judged on rows it learned from: `split` first to judge them on rows they have not seen")
        }
        guard let autoencoder else {
            console.line("`train` a model (or `open` one) to see the autoencoder's numbers beside them")
            return
        }
        let baselines = table.dropFirst()
        guard let best = baselines.max(by: { $0.auc < $1.auc }) else { return }
        let gap = Format.number(abs(best.auc - autoencoder.auc), digits: d)
        let anomalies = partLabels.reduce(0) { $0 + ($1 != 0 ? 1 : 0) }
        if let error = Metrics.rocAUCStandardError(autoencoder.auc, positives: anomalies, negatives: partLabels.count - anomalies),
           abs(best.auc - autoencoder.auc) <= error {
            console.line("the autoencoder's ROC AUC and the best baseline's (\(best.name.prefix { $0 != "," })) differ by \(gap), less than the ROC AUC's standard error on these \(Format.counted(partLabels.count, "row")) (about \(Format.number(error, digits: d)), Hanley and McNeil): neither is the better detector of them")
        } else if best.auc > autoencoder.auc {
            console.line("the \(best.name.prefix { $0 != "," }) baseline's ROC AUC is \(gap) above the autoencoder's: as trained, the autoencoder is not the better detector of these rows (another `model`, more epochs or other scaling may change that)")
        } else {
            console.line("the autoencoder's ROC AUC is \(gap) above the best baseline's (\(best.name.prefix { $0 != "," }))")
        }
    }

    /// One baseline's name (with its settings) and scores of `inputs`, fitted on `training`.
    private static func score(_ method: BaselineMethod, training: Matrix, inputs: Matrix,
                              arguments: KeyedArguments<BaselineKeys>, session: Session) throws -> (String, [Double]) {
        do {
            switch method {
            case .pca:
                let pca = try PCAReconstruction.fit(training, varianceShare: try arguments.value(\.variance))
                let name = "PCA, \(pca.componentCount) of \(pca.featureCount) axes (\(Format.percent(pca.explainedShare, digits: 1)) of the variance)"
                return (name, try pca.errors(inputs))
            case .iforest:
                let seed = try arguments.value(\.seed, or: session.settings.seed)
                let forest = try IsolationForest.fit(training, seed: seed)
                let name = "Isolation Forest, \(forest.treeCount) trees of \(Format.count(forest.sampleSize)) rows, seed \(seed)"
                return (name, try forest.scores(inputs))
            }
        } catch let error as BaselineError {
            throw ShellError("\(method == .pca ? "PCA" : "Isolation Forest"): \(error.message)")
        }
    }
}
