/// How a threshold is chosen. A row is predicted anomalous when its error is strictly greater
/// than the threshold.
public enum ThresholdRule: Equatable, Sendable, Codable, CustomStringConvertible {
    /// A fraction in (0, 1) of the scored errors: 0.92 is their 92nd percentile (the seed's rule).
    case percentile(Double)
    /// A fixed value.
    case value(Double)
    /// mean + k · sd (population sd) of the training errors.
    case sigma(Double)
    /// The cut that maximises anomaly F1 on the scored rows; it peeks at their labels.
    case bestF1

    /// A short name for the rule, e.g. "percentile 0.92", "value 0.5", "mean + 3 sd", "best F1".
    public var description: String {
        switch self {
        case .percentile(let q): return "percentile \(plainNumber(q))"
        case .value(let v): return "value \(plainNumber(v))"
        case .sigma(let k): return "mean + \(plainNumber(k)) sd"
        case .bestF1: return "best F1"
        }
    }
}

/// Why a threshold could not be chosen; `message` says what was wrong and where.
public struct ThresholdError: Error, CustomStringConvertible, Equatable {
    /// The full explanation, ready to show to a person.
    public let message: String

    /// Creates an error with the given explanation.
    public init(message: String) { self.message = message }

    /// The same as `message`.
    public var description: String { message }
}

/// The shortest text that reads back as `x`, without a trailing ".0" on whole numbers ("3", not "3.0").
func plainNumber(_ x: Double) -> String {
    let text = "\(x)"
    return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
}
