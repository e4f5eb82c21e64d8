import AutoencoderKit

extension CommandContext {
    /// Whether `train` and `evaluate` append to a run log now: the shell keeps one and `set
    /// runlog` is on.
    func logsRuns(_ session: Session) -> Bool {
        runLog != nil && session.settings.runLog == "on"
    }

    /// Appends a `kind` record of this command to the run log, when `logsRuns`: the command line,
    /// the session's model (layers, activations, epochs, loss of the kept weights), the batch,
    /// learning rate, validation share and seed it trained with, and the data file with its
    /// SHA-256; `fill` adds the command's own numbers. A log that cannot be written is a warning,
    /// never a failure.
    func logRun(_ kind: String, session: Session, fill: (inout RunRecord) -> Void = { _ in }) {
        guard logsRuns(session), let logger = runLog else { return }
        var record = logger.record(kind, command: line)
        if let model = session.model {
            record.layers = (model.networks.count > 1 ? "\(model.networks.count)×" : "") + model.widths.map(String.init).joined(separator: "-")
            record.activations = "\(model.architecture.activation.rawValue)/\(model.architecture.output.rawValue)"
            record.epochs = model.history.isEmpty ? nil : model.history.count
            record.keptEpoch = model.keptEpoch
            record.loss = model.weightsEpoch?.loss
            record.validationLoss = model.weightsEpoch?.validationLoss
        }
        if let training = session.modelSummaries.last?.training {
            record.batch = training.batchSize
            record.learningRate = training.learningRate
            record.validation = training.validationFraction
            record.seed = String(training.seed)
        }
        record.data = session.dataSource
        if let digest = session.dataDigest {
            record.dataSHA256 = digest.sha256
            if record.dataSHA256 == nil, digest.changedSinceLoad, let source = record.data {
                record.data = source + " (changed since load: not hashed)"
            }
        }
        fill(&record)
        logger.append(record, console: console)
    }
}

extension RunRecord {
    /// How a training ended, as the log's `stop` column says it.
    static func stop(_ stop: TrainingStop) -> String {
        switch stop {
        case .completed: "completed"
        case .earlyStopped: "early stop"
        case .interrupted: "interrupted"
        case .diverged(let epoch, let batch): "diverged in epoch \(epoch), batch \(batch)"
        }
    }
}
