import AutoencoderKit

/// The keys of `train`.
struct TrainKeys: KeySet {
    let epochs = OptionalKey.integer("epochs", "passes over the training rows", in: 1...100_000,
                                     absent: "enough for about \(Format.count(TrainDefaults.ensembleSteps)) Adam steps per network of an ensemble, \(Format.count(TrainDefaults.targetSteps)) for one network, \(TrainDefaults.epochRange.lowerBound) to \(Format.count(TrainDefaults.epochRange.upperBound))")
    let batch = Key.integer("batch", "rows per Adam step", default: 32, in: 1...10_000_000)
    let lr = Key.number("lr", "Adam learning rate", default: 0.001, in: 0...1e9, excluding: [.lower])
    let validation = Key.number("validation", "fraction held out for validation loss, 0 for none", default: 0.1,
                                in: 0...0.9, hint: "F")
    let patience = OptionalKey.integer("patience", "stop after N epochs without improvement", in: 1...100_000,
                                       absent: "never")
    let seed = OptionalKey.seed("random seed for weights and shuffling")
    let more = OptionalKey.integer("more", "go on for N more epochs from the current weights and Adam state",
                                   in: 1...100_000, absent: "a new run")
    let members = OptionalKey.integer("members", "networks in a seed ensemble, each a row's error the mean of theirs",
                                      in: 1...100, absent: "\(TrainDefaults.members) with the default network, 1 with a `model`")
}

extension CommandSpec {
    /// `train`: Adam on MSE over the normal training rows.
    static let train = CommandSpec(
        name: "train",
        summary: "train the autoencoder on the normal training rows",
        details: """
        Builds the network chosen with `model` (fresh Glorot-uniform weights from seed=) and trains
        it to reproduce its input: Adam on the mean squared error, mini-batches of `batch` rows in a
        seeded random order each epoch. It learns only from normal rows (the normal rows of the
        training part), so anomalies later reconstruct badly. validation= holds out that fraction
        of them to watch for overfitting; patience=N stops when the validation loss has not improved
        for N epochs and restores the best weights. Ctrl-C stops training and keeps the best weights
        so far. A loss that becomes infinite or NaN stops training and keeps the last finite weights.
        What is not named has defaults measured on real labelled data (BENCHMARKS.md): with no
        `scale`, min-max scaling fitted on the training rows (kept by the model); with no `model`,
        a seed ensemble of \(TrainDefaults.members) networks d → d/2 → d/4 → d/2 → d with a sigmoid output on
        min-max scaled rows (after `scale standard` or `robust` the default network fits that
        min-max scaling itself, so its errors are in those 0..1 units; after `scale none`, a linear
        output on the data as loaded); with no epochs=, enough epochs for about 1,000 Adam steps
        per network of an ensemble, 3,000 for one network.
        members=K trains K networks with seeds seed, seed+1000, … and averages their errors;
        members=1 trains exactly the first network of such an ensemble.
        more=N goes on with the last run for N more epochs, from its weights, Adam state and shuffle,
        with its own settings: `train epochs=3` then `train more=5` gives exactly `train epochs=8`.
        """,
        example: "train epochs=20 batch=32 lr=0.001 seed=42",
        keys: TrainKeys.self
    ) { arguments, session, context in
        let data = try session.requireData()
        let namedEpochs = try arguments.value(\.epochs)
        let batch = try arguments.value(\.batch)
        let lr = try arguments.value(\.lr)
        let validation = try arguments.value(\.validation)
        let patience = try arguments.value(\.patience)
        let seed = try arguments.value(\.seed, or: session.settings.seed)
        let more = try arguments.value(\.more)
        let console = context.console
        if more != nil, [arguments.has(\.epochs), arguments.has(\.batch), arguments.has(\.lr), arguments.has(\.validation),
                         arguments.has(\.patience), arguments.has(\.seed), arguments.has(\.members)].contains(true) {
            throw ShellError("more= goes on with the settings of the run it continues: give it alone")
        }

        let rows = session.trainingRowIndices(of: data)
        guard rows.count >= 2 else {
            throw ShellError("need at least 2 normal training rows, there \(rows.count == 1 ? "is" : "are") \(rows.count)")
        }
        var inputs = data.features.selectingRows(rows)
        // No `scale` asked for (and no scaler an opened model brought): the default scaling, fitted
        // on these rows and kept by the model only, so a later split or load refits it afresh. The
        // default network does the same after `scale standard` or `robust`: min-max of the
        // training rows is the same whatever per-column scaling came first, so it detects as with
        // no `scale`. more= goes on with the scaling of the run it continues.
        let defaultNetwork = session.architecture == nil
        let usesDefaultScaling = session.scaler == nil && session.scalingMethod == nil
        let ownScaling = !usesDefaultScaling && defaultNetwork && TrainDefaults.rescaled.contains(session.scaler?.method ?? .none)
        let scaler: FittedScaler?
        if more != nil {
            scaler = usesDefaultScaling || ownScaling ? session.model?.scaler : session.scaler
        } else {
            scaler = try usesDefaultScaling || ownScaling ? FittedScaler.fit(TrainDefaults.scaling, on: inputs) : session.scaler
        }
        let architecture = session.architecture ?? (more == nil ? nil : session.model.map { Architecture(of: $0.network) })
            ?? TrainDefaults.architecture(columns: data.columnCount, scaling: scaler?.method)
        if usesDefaultScaling, more == nil {
            console.line("no `scale` given: \(TrainDefaults.scaling == .minmax ? "min-max" : TrainDefaults.scaling.rawValue) scaling fitted on the \(Format.counted(rows.count, "training row")) (`scale none` trains on the data as loaded)")
            if let scaler, let note = ConstantColumnNote.text(scaler: scaler, rows: inputs, names: data.columnNames) { console.line(note) }
        }
        if ownScaling, more == nil, let method = session.scaler?.method {
            console.line("`scale \(method.rawValue)` and no `model`: the default network scales its input itself, min-max fitted on the \(Format.counted(rows.count, "training row")) (the same after \(method.rawValue) scaling as without it); its errors are in those 0..1 units")
        }
        let namesMembers = arguments.has(\.members)
        let members = more == nil ? try arguments.value(\.members) ?? (defaultNetwork ? TrainDefaults.members : 1)
            : session.model?.networks.count ?? 1
        if defaultNetwork, more == nil {
            let layout = ([data.columnCount] + architecture.hidden + [data.columnCount]).map(String.init).joined(separator: " → ")
            let ensemble = members > 1 ? "a seed ensemble of \(members) networks " : ""
            console.line("no `model` given: using \(ensemble)\(layout) (relu, \(architecture.output.rawValue) output)" +
                         (members > 1 ? "; a row's error is the mean of theirs (members=1 for one network)" : ""))
        }
        let steps = TrainDefaults.steps(members: members)
        let epochs = namedEpochs ?? TrainDefaults.epochs(rows: rows.count, batch: batch, validation: validation, steps: steps)
        if namedEpochs == nil, more == nil {
            console.line("no epochs= given: \(Format.counted(epochs, "epoch")), about \(Format.count(steps)) Adam steps of \(Format.counted(batch, "row"))" +
                         (members > 1 ? " for each network" : ""))
        }
        if let scaler {
            guard scaler.columnCount == inputs.columns else {
                if let opened = session.model, !opened.isTrained, session.scalingMethod == nil {
                    // The scaler came with an opened model of fewer columns: a new model needs its own.
                    throw ShellError("the open model's scaler (from \(opened.sourceName)) fits its \(scaler.columnCount) columns, the data has \(inputs.columns): choose how to scale all \(inputs.columns) for a new model with `scale standard` (or minmax, robust, none), then `train`")
                }
                throw ShellError("the scaler was fitted on \(scaler.columnCount) columns, the data has \(inputs.columns): run `scale` again")
            }
            inputs = scaler.transform(inputs)
        }
        try checkTrainingMemory(widths: [data.columnCount] + architecture.hidden + [data.columnCount],
                                batch: min(batch, rows.count))
        let continued = try more.map { _ in try session.continuableRun(rows: rows, scaler: scaler) }
        let options = TrainingOptions(epochs: epochs, batchSize: batch, learningRate: lr,
                                      validationFraction: validation, patience: patience, seed: seed)
        let digits = session.settings.errorDigits
        InterruptFlag.install()
        InterruptFlag.clear()
        // One network trains as it always did (its batches split over two threads when they are
        // large); an ensemble's networks train two at a time, each on one thread.
        let name = { (member: Int) in
            "network \(member + 1) of \(members)" + (continued == nil ? " (seed \(TrainDefaults.memberSeed(seed, member)))" : "")
        }
        if members > 1 { console.line(name(0) + (members > 2 ? ", beside the others" : ", beside network 2")) }
        let trainMember = { (member: Int) -> Result<TrainingResult, Error> in
            let run = continued?.run.members[member]
            // Only the first network prints its epochs (as one network does): the others run on
            // another thread, and each gets one line once all are done.
            let firstEpoch = (run?.state.epochsDone ?? 0) + 1
            let progress = member == 0
                ? TrainingProgress(console: console, epochs: firstEpoch - 1 + (more ?? epochs), from: firstEpoch) : nil
            let onEpoch = { (report: EpochReport) -> Void in
                progress?.finished(.init(epoch: report.epoch, loss: Format.number(report.loss, digits: digits),
                                         validation: report.validationLoss.map { Format.number($0, digits: digits) }))
            }
            defer { progress?.end() }
            return Result {
                if let continued, let run, let more {
                    return try Trainer.train(continued.model.networks[member], continuing: run.state, history: run.history,
                                             more: more, on: inputs, shouldStop: { InterruptFlag.isSet },
                                             onBatch: { (done: Int, total: Int) -> Void in progress?.batch(done, of: total) }, onEpoch: onEpoch)
                }
                let memberSeed = TrainDefaults.memberSeed(seed, member)
                var generator = SeededGenerator(seed: memberSeed)
                let network = Autoencoder(inputSize: data.columnCount, hidden: architecture.hidden, activation: architecture.activation,
                                          output: architecture.output, generator: &generator)
                var memberOptions = options
                memberOptions.seed = memberSeed
                // An ensemble's networks, and any training that names members= (the line a Ctrl-C
                // in an ensemble replays as), keep each batch on one thread, so `members=1` trains
                // exactly the ensemble's first network; a named `model` alone splits its batches.
                let threshold = members > 1 || namesMembers ? EnsembleTraining.oneThread : Trainer.defaultParallelThreshold
                return try Trainer.train(network, on: inputs, options: memberOptions, parallelThreshold: threshold,
                                         shouldStop: { InterruptFlag.isSet }, onBatch: { (done: Int, total: Int) -> Void in progress?.batch(done, of: total) }, onEpoch: onEpoch)
            }
        }
        let outcomes = EnsembleTraining.run(count: members, trainMember)
        var results: [TrainingResult] = []
        var laterDivergence: String?
        training: for (member, outcome) in outcomes.enumerated() {
            let result = try outcome.get()
            guard members > 1 else {
                results.append(result)
                continue
            }
            switch result.stop {
            case .interrupted where member == 0:
                // Ctrl-C in the first network keeps its best weights, as for one network.
                results.append(result)
                break training
            case .interrupted:
                // Ctrl-C keeps the networks finished before the first one it stopped: the ensemble
                // `members=` that many gives, which is how the session replays it.
                console.line("interrupted while training \(name(member)); kept the \(Format.counted(member, "network")) finished before it")
                let done = continued == nil ? epochs : (results.first?.history.count ?? epochs)
                context.replay(as: replayLine(epochs: done, options: continued?.run.members[0].state.options ?? options) + " members=\(member)")
                break training
            case .diverged where member == 0:
                // A first network that diverges is kept as one network is: its weights from before the batch.
                results.append(result)
                break training
            case .diverged(let epoch, let batchNumber):
                // A later one: the networks finished before it are kept, as after Ctrl-C.
                laterDivergence = "\(name(member)) diverged in epoch \(epoch), batch \(batchNumber): the loss blew up (huge, infinite or NaN). Kept the \(Format.counted(member, "network")) finished before it; try a smaller learning rate, e.g. lr=\(Format.compact(lr / 100))"
                break training
            case .completed, .earlyStopped:
                if member > 0, let last = result.history.last {
                    console.line("\(name(member)): \(result.history.count) epochs, loss \(Format.number(last.loss, digits: digits))" +
                                 (last.validationLoss.map { ", val_loss \(Format.number($0, digits: digits))" } ?? ""))
                }
                results.append(result)
            }
        }
        InterruptFlag.clear()
        guard let result = results.first else { throw ShellError("members= must be at least 1") }
        let kept = results.count

        var trained = session
        let built = continued == nil ? architecture : Architecture(of: result.model)
        // A default network is chosen afresh by the next `train` (it follows the scaling then).
        trained.architecture = session.architecture == nil ? nil : built
        let networks = results.map(\.model)
        trained.model = AnomalyModel(
            columns: data.columnNames, labelName: data.labelName, idName: data.idName, scaler: scaler, network: result.model,
            additionalNetworks: Array(networks.dropFirst()),
            trainingErrors: ErrorStatistics(of: ReconstructionErrors.compute(networks: networks, data: inputs).perRow),
            history: result.history, keptEpoch: result.stop.keptEpoch)
        trained.modelUnsaved = true
        let states = results.compactMap { r in r.state.map { MemberRun(state: $0, history: r.history) } }
        trained.lastRun = states.count == results.count ? TrainingRun(members: states, rows: rows) : nil
        trained.modelTrainingRows = rows
        trained.clearScores()
        trained.recordModel()
        if let last = trained.modelSummaries.indices.last {
            trained.modelSummaries[last].training = continued?.run.members.first?.state.options ?? options
        }
        let layout = ([data.columnCount] + built.hidden + [data.columnCount]).map(String.init).joined(separator: " → ")
        let described = (kept > 1 ? "\(kept) × " : "") + "\(layout), \(Format.counted(result.model.parameterCount, "parameter"))\(kept > 1 ? " each" : ""), \(Format.counted(result.trainingRows, "training row"))" +
            (result.validationRows > 0 ? " + \(Format.counted(result.validationRows, "validation row"))" : "")

        switch result.stop {
        case .completed:
            console.line("trained \(described) for \(Format.counted(result.history.count, "epoch"))" + finalLoss(results, digits))
            if let first = result.history.first, let last = result.history.last, result.history.count > 1, last.loss >= first.loss,
               first.loss > 1e-12 {  // rows reconstructed exactly from the start have nothing to learn
                console.line("note: the loss did not fall; the learning rate may be too high (lr=\(Format.compact(lr))) or the units saturated; try a smaller lr")
            }
        case .earlyStopped(let best):
            console.line("stopped early after epoch \(result.history.count): no improvement for \(patience ?? 0) epochs; restored the weights of epoch \(best) (\(described))" +
                         (kept > 1 ? "; each network stops on its own" : ""))
        case .interrupted(let best):
            guard let best else {
                throw ShellError("interrupted before the first epoch finished; the session is unchanged")
            }
            console.line("interrupted during epoch \(result.history.count + 1); kept the best weights so far, from epoch \(best) (\(described))")
            // Replayed as the run that ends with the kept weights: the same settings, `best` epochs
            // (and one network, when it was the first of an ensemble).
            context.replay(as: replayLine(epochs: best, options: continued?.run.members.first?.state.options ?? options) +
                           (members > 1 ? " members=1" : ""))
        case .diverged(let epoch, let batchNumber):
            context.logRun("train", session: trained) { $0.rows = result.trainingRows; $0.stop = RunRecord.stop(result.stop) }
            throw PartialFailure(session: trained, message: "training diverged in epoch \(epoch), batch \(batchNumber): the loss blew up (huge, infinite or NaN). Kept the weights from before that batch; try a smaller learning rate, e.g. lr=\(Format.compact(lr / 100))" + (scaler == nil ? ", and scale the data first (`scale standard`)" : ""))
        }
        let completed = results.allSatisfy { if case .completed = $0.stop { return true } else { return false } }
        TrainWarnings.check(session: &trained, data: data, inputs: inputs, scaled: (scaler?.method ?? .none) != .none,
                            architecture: built, history: result.history, completed: completed, console: console)
        context.logRun("train", session: trained) { $0.rows = result.trainingRows; $0.stop = RunRecord.stop(result.stop) }
        if let laterDivergence { throw PartialFailure(session: trained, message: laterDivergence) }
        session = trained
    }

    /// Floats training may hold at once (4 GiB): beyond this an allocation would fail and trap.
    static let maximumTrainingFloats = 1 << 30

    /// Refuses, before allocating, a network and batch too large to train: training keeps about
    /// seven copies of the weights (the model, gradients, Adam's two moments, the candidate and the
    /// best weights) and each layer's activations plus two deltas for a batch of rows.
    static func checkTrainingMemory(widths: [Int], batch: Int) throws {
        let weights = zip(widths, widths.dropFirst()).reduce(0.0) { $0 + Double($1.0 + 1) * Double($1.1) }
        let batchFloats = Double(batch) * (Double(widths.reduce(0, +)) + 2 * Double(widths.max() ?? 0))
        let floats = 7 * weights + batchFloats
        guard floats > Double(maximumTrainingFloats) else { return }
        let gigabytes = floats * 4 / 1e9
        throw ShellError("a \(widths.map(String.init).joined(separator: " → ")) network with batches of \(Format.counted(batch, "row")) needs about \(Format.number(gigabytes, digits: 0)) GB to train, more than the \(Format.number(Double(maximumTrainingFloats) * 4 / 1e9, digits: 0)) GB aesh allows: choose smaller layers with `model` or a smaller batch=")
    }

    /// `train` with every setting of `options` written out and `epochs` epochs: a fresh run that
    /// gives the weights of that epoch of a run with these options (continued or not, since
    /// `train more=` is bit-identical to the longer run).
    static func replayLine(epochs: Int, options: TrainingOptions) -> String {
        "train epochs=\(epochs) batch=\(options.batchSize) lr=\(options.learningRate) validation=\(options.validationFraction)"
            + (options.patience.map { " patience=\($0)" } ?? "") + " seed=\(options.seed)"
    }

    /// ": loss L, val_loss V" of the last epoch; for an ensemble each network's, in order.
    private static func finalLoss(_ results: [TrainingResult], _ digits: Int) -> String {
        let lasts = results.compactMap(\.history.last)
        guard !lasts.isEmpty else { return "" }
        let loss = lasts.map { Format.number($0.loss, digits: digits) }.joined(separator: ", ")
        let validation = lasts.compactMap(\.validationLoss).map { Format.number($0, digits: digits) }.joined(separator: ", ")
        return ": loss \(loss)" + (validation.isEmpty ? "" : ", val_loss \(validation)")
    }
}
