import AutoencoderKit

private let thresholdUsage = "threshold 0.92 | 92% | value=X | sigma=K | best-f1"

/// The keys of `threshold`: alternatives to the percentile given as a word.
struct ThresholdKeys: KeySet {
    // Errors are mean squared differences: a negative threshold would flag every row.
    let value = OptionalKey.number("value", "a fixed threshold", in: 0...1e300)
    let sigma = OptionalKey.number("sigma", "mean + K·sd of the training errors", in: 0...1e6, hint: "K")
}

extension CommandSpec {
    /// `threshold`: choose the error above which a row is an anomaly.
    static let threshold = CommandSpec(
        name: "threshold",
        summary: "choose the error above which rows are anomalies",
        usage: thresholdUsage,
        details: """
        Rows whose reconstruction error is above the threshold are flagged as anomalies.
          threshold 0.92   the 92nd percentile of the scored errors (the seed's rule); 92% is the same;
                           a percentile lies strictly between 0 and 1 (0% and 100%)
          threshold value=X  a fixed error value, 0 or more
          threshold sigma=3  mean + 3 standard deviations of the training rows' errors
          threshold best-f1  the cut with the best anomaly F1 on the scored rows: it peeks at the
                             labels, so it flatters the result; judge it on other data
        With no argument, shows the threshold in force.
        """,
        example: "threshold 0.92",
        positionals: 0...1,
        keys: ThresholdKeys.self,
        positionalCompletion: .choices(["0.92", "95%", "best-f1"])
    ) { arguments, session, context in
        let console = context.console
        let digits = session.settings.errorDigits
        let given = [arguments.positional(0) != nil, arguments.has(\.value), arguments.has(\.sigma)].filter { $0 }.count
        guard given <= 1 else { throw ShellError("give one of a percentile, best-f1, value= or sigma=") }
        guard given == 1 else {
            guard let current = session.threshold else {
                throw ShellError("no threshold yet; usage: \(thresholdUsage)")
            }
            console.line("threshold \(Format.number(current.value, digits: digits)) (\(current.rule))")
            return
        }
        let rule = try parseThresholdRule(arguments)
        let value: Double
        switch rule {
        case .value(let x):
            _ = try session.requireModel()  // the threshold belongs to the model
            value = x
        case .sigma(let k):
            guard let summary = session.model?.trainingErrors else {
                throw ShellError("sigma= needs the training rows' errors: train a model (or open one saved by this version) first")
            }
            value = summary.mean + k * summary.sd
            guard value.isFinite else { throw ShellError("mean + \(k)·sd is not a finite number") }
        case .percentile, .bestF1:
            let scores = try session.requireScores()
            if case .bestF1 = rule, scores.labels == nil {
                throw ShellError("best-f1 needs labels: load the data with label=COLUMN")
            }
            value = try ThresholdCalculator.threshold(for: rule, scored: scores.errors, training: [], labels: scores.labels)
        }
        session.model?.threshold = ModelThreshold(rule: rule, value: value)
        session.evaluation = nil
        var line = "threshold \(Format.number(value, digits: digits))"
        switch rule {
        case .percentile(let q):
            let part = session.scores.map { $0.part == .all ? "" : $0.part.rawValue + " " } ?? ""
            line += " = the \(percentileName(q)) percentile of the \(Format.count(session.scores?.errors.count ?? 0)) \(part)errors"
        case .value: line += " (fixed value)"
        case .sigma(let k): line += " = mean + \(Format.number(k, digits: 2))·sd of the training errors"
        case .bestF1: line += " = the best-F1 cut on the scored rows (chosen by peeking at their labels)"
        }
        console.line(line)
        if case .bestF1 = rule {
            session.warnOnce(.bestF1UsesLabels, "best-f1 chose the cut with the labels of the rows it will be judged on, so `evaluate` on them is optimistic: real data has no labels to choose by. A percentile of the scored errors (`threshold 0.95`) or `threshold sigma=3` (from the training errors) needs no labels, so it is a rule you can apply to new rows", console: console)
        }
        if let scores = session.scores {
            let flagged = scores.errors.filter { $0 > value }.count
            console.line("\(Format.count(flagged)) of \(Format.counted(scores.errors.count, "row")) (\(Format.percent(Double(flagged) / Double(max(1, scores.errors.count))))) are above it and flagged as anomalies")
        }
    }

    private static func parseThresholdRule(_ arguments: KeyedArguments<ThresholdKeys>) throws -> ThresholdRule {
        if let value = try arguments.value(\.value) { return .value(value) }
        if let sigma = try arguments.value(\.sigma) { return .sigma(sigma) }
        let word = arguments.positional(0) ?? ""
        if ["best-f1", "bestf1", "best_f1", "f1"].contains(word.lowercased()) { return .bestF1 }
        let isPercent = word.hasSuffix("%")
        let number = KeyValues.decimal(isPercent ? String(word.dropLast()) : word)
        guard let number, number.isFinite else {
            throw ShellError("\"\(word)\" is not a threshold; usage: \(thresholdUsage)")
        }
        let fraction = isPercent ? number / 100 : number
        guard fraction > 0, fraction < 1 else {
            // value= only makes sense for what could be an error: a plain number above 0.
            let hint = !isPercent && number > 0 ? "; for a fixed error use value=\(word)" : ""
            throw ShellError("a percentile must lie between 0 and 1 (e.g. 0.92) or 0% and 100% (e.g. 92%), both ends excluded, got \(word)\(hint)")
        }
        return .percentile(fraction)
    }

    private static func percentileName(_ q: Double) -> String {
        let percent = q * 100
        return percent == percent.rounded() ? Format.ordinal(Int(percent)) : "\(Format.number(percent, digits: 2))th"
    }
}
