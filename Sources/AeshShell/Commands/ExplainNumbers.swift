import AutoencoderKit

/// The session's own numbers for `explain STEP`: after the general text, what this step means for
/// the data, model and results at hand ("your threshold flags 8.0 % of the test rows while 9.1 %
/// are anomalies, so recall can be at most 0.88"). Nil where the session has nothing for the step yet.
enum ExplainNumbers {
    /// The paragraph for step `name` on `session`, or nil.
    static func paragraph(for name: String, session: Session) -> String? {
        switch name {
        case "data": return data(session)
        case "split": return split(session)
        case "scale": return scale(session)
        case "train": return train(session)
        case "errors": return errors(session)
        case "threshold": return threshold(session)
        case "evaluate": return evaluate(session)
        default: return nil
        }
    }

    private static func percent(_ part: Int, of whole: Int) -> String {
        Format.number(whole == 0 ? 0 : 100 * Double(part) / Double(whole), digits: 1) + " %"
    }

    private static func data(_ session: Session) -> String? {
        guard let data = session.data else { return nil }
        var text = "Your data: \(Format.count(data.rowCount)) rows × \(Format.counted(data.columnCount, "feature column"))"
        if let labels = data.labels {
            let anomalies = labels.filter { $0 == 1 }.count
            text += ", \(Format.count(anomalies)) of them labelled anomalies (\(percent(anomalies, of: labels.count)))"
        }
        return text + "."
    }

    private static func split(_ session: Session) -> String? {
        guard let split = session.split, let data = session.data else { return nil }
        var text = "Your split: \(Format.count(split.trainIndices.count)) training rows and \(Format.count(split.testIndices.count)) test rows"
        if let labels = data.labels {
            let normal = split.trainIndices.filter { labels.indices.contains($0) && labels[$0] == 0 }.count
            text += "; the model learns from the \(Format.count(normal)) normal training rows"
        }
        return text + "."
    }

    private static func scale(_ session: Session) -> String? {
        guard let method = session.scalingMethod else { return nil }
        return "Your scaling: \(method) scaling, fitted on the training rows only."
    }

    private static func train(_ session: Session) -> String? {
        guard let model = session.model, let last = model.history.last else { return nil }
        let count = model.networks.count
        var text = (count > 1 ? "Your training made a seed ensemble of \(count) networks, whose errors are averaged; the first " : "Your training ") +
            "ran \(last.epoch) epochs: the loss went from \(Format.number(model.history[0].loss, digits: 6)) to \(Format.number(last.loss, digits: 6))"
        if let validation = last.validationLoss {
            text += ", the validation loss ended at \(Format.number(validation, digits: 6))"
            text += validation > last.loss * 1.5 ? " (well above the training loss: a sign of overfitting)" : " (close to the training loss: no sign of overfitting)"
        }
        return text + "."
    }

    private static func errors(_ session: Session) -> String? {
        guard let scores = session.scores, !scores.errors.isEmpty else { return nil }
        guard let labels = scores.labels, labels.count == scores.errors.count else {
            let mean = scores.errors.reduce(0, +) / Double(scores.errors.count)
            return "Your \(scores.part.rawValue) rows' mean reconstruction error is \(Format.number(mean, digits: 6))."
        }
        var sums = [0.0, 0.0], counts = [0, 0]
        for (error, label) in zip(scores.errors, labels) {
            let k = label == 1 ? 1 : 0
            sums[k] += error
            counts[k] += 1
        }
        guard counts[0] > 0, counts[1] > 0 else { return nil }
        let normal = sums[0] / Double(counts[0]), anomaly = sums[1] / Double(counts[1])
        var text = "Your \(scores.part.rawValue) rows: the normal rows' mean error is \(Format.number(normal, digits: 6)), the anomalies' \(Format.number(anomaly, digits: 6))"
        if normal > 0 { text += " (\(Format.number(anomaly / normal, digits: 1)) times as large)" }
        return text + "."
    }

    private static func threshold(_ session: Session) -> String? {
        guard let threshold = session.threshold, let scores = session.scores, !scores.errors.isEmpty else { return nil }
        let n = scores.errors.count
        // Flagged as `evaluate` flags: an error above the threshold.
        let flagged = scores.errors.filter { $0 > threshold.value }.count
        var text = "Your threshold \(Format.number(threshold.value, digits: 6)) flags \(percent(flagged, of: n)) of the \(scores.part.rawValue) rows"
        if let labels = scores.labels, labels.count == n {
            let anomalies = labels.filter { $0 == 1 }.count
            text += " while \(percent(anomalies, of: n)) are anomalies"
            if anomalies > 0 && flagged < anomalies {
                text += ", so recall can be at most \(Format.number(Double(flagged) / Double(anomalies), digits: 2))"
            } else if flagged > anomalies {
                text += ", so precision can be at most \(Format.number(Double(anomalies) / Double(flagged), digits: 2))"
            }
        }
        return text + "."
    }

    private static func evaluate(_ session: Session) -> String? {
        guard let evaluation = session.evaluation else { return nil }
        let c = evaluation.confusion
        var text = "Your evaluation: \(c.truePositives) of \(c.truePositives + c.falseNegatives) anomalies caught (recall \(Format.number(evaluation.anomaly.recall, digits: 3))), \(c.falsePositives) false alarms (precision \(Format.number(evaluation.anomaly.precision, digits: 3)))"
        if let auc = evaluation.rocAUC { text += ", ROC AUC \(Format.number(auc, digits: 4))" }
        return text + "."
    }
}
