import AutoencoderKit

extension CommandSpec {
    /// `evaluate`: the confusion matrix and detection metrics.
    static let evaluate = CommandSpec(
        name: "evaluate",
        summary: "confusion matrix, accuracy, precision/recall/F1, ROC AUC, PR AUC",
        details: """
        Compares the rows flagged by the threshold with the true labels of the scored rows.
        Precision: of the rows flagged, how many are anomalies. Recall: of the anomalies, how many
        were flagged. F1: their harmonic mean. ROC AUC and PR AUC (average precision) judge the
        errors themselves, at every threshold: 1.0 means every anomaly scores above every normal row.
        """,
        example: "evaluate"
    ) { _, session, context in
        let scores = try session.requireScores()
        guard let labels = scores.labels else {
            throw ShellError("evaluate needs labels: load the data with label=COLUMN (or generate it)")
        }
        guard let threshold = session.threshold else {
            throw ShellError("no threshold yet: choose one with `threshold 0.92` (or value=, sigma=, best-f1)")
        }
        let evaluation = Metrics.evaluate(errors: scores.errors, labels: labels, threshold: threshold.value)
        session.evaluation = evaluation
        session.recordEvaluation(evaluation, threshold: threshold, part: scores.part)
        let console = context.console
        let c = evaluation.confusion
        console.line("evaluation of \(Format.count(scores.errors.count)) \(scores.part == .all ? "" : scores.part.rawValue + " ")rows at threshold \(Format.number(threshold.value, digits: session.settings.errorDigits)) (\(threshold.rule))")
        console.write(Format.table(header: ["", "predicted normal", "predicted anomaly"], rows: [
            ["actual normal", Format.count(c.trueNegatives), Format.count(c.falsePositives)],
            ["actual anomaly", Format.count(c.falseNegatives), Format.count(c.truePositives)],
        ]))
        let d = session.settings.precision
        console.line("accuracy \(Format.number(evaluation.accuracy, digits: d))")
        console.write(Format.table(header: ["class", "precision", "recall", "f1", "support"], rows: [
            ["normal", Format.number(evaluation.normal.precision, digits: d), Format.number(evaluation.normal.recall, digits: d),
             Format.number(evaluation.normal.f1, digits: d), Format.count(evaluation.normal.support)],
            ["anomaly", Format.number(evaluation.anomaly.precision, digits: d), Format.number(evaluation.anomaly.recall, digits: d),
             Format.number(evaluation.anomaly.f1, digits: d), Format.count(evaluation.anomaly.support)],
        ]))
        let auc = evaluation.rocAUC.map { Format.number($0, digits: d) } ?? "undefined"
        let ap = evaluation.averagePrecision.map { Format.number($0, digits: d) } ?? "undefined"
        console.line("ROC AUC \(auc)   PR AUC (average precision) \(ap)")
        if let reason = evaluation.undefinedReason { console.line("note: \(reason)") }
        if case .bestF1 = threshold.rule {
            console.line("note: the threshold was chosen on these same labels, so these numbers are optimistic")
        }
        context.logRun("evaluate", session: session) { record in
            record.rows = scores.errors.count
            record.part = scores.part.rawValue
            record.threshold = threshold.value
            record.thresholdRule = "\(threshold.rule)"
            record.rocAUC = evaluation.rocAUC
            record.averagePrecision = evaluation.averagePrecision
            record.f1 = evaluation.anomaly.f1
        }
    }
}
