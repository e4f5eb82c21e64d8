/// What values a key takes. The usage line, `help`, completion after `key=` and the check of a
/// given value are all derived from it.
public enum KeyKind: Sendable, Equatable {
    /// A whole number in a range (`1e3` is accepted when it is whole).
    case integer(ClosedRange<Int>)
    /// A finite number within bounds, either end possibly excluded.
    case number(NumberBounds)
    /// One of a fixed list of words.
    case choice([String])
    /// yes or no (also true/false, on/off, 1/0).
    case flag
    /// The name of one column of the data.
    case column
    /// Column names separated by commas.
    case list
    /// A file or folder.
    case path
    /// A seed: a whole number from 0 to 2⁶⁴ − 1.
    case seed
    /// Free text that the command checks itself (e.g. `size=WxH`).
    case text
}

/// The numbers a `number` key accepts: from `lower` to `upper`, either end possibly left out.
public struct NumberBounds: Sendable, Equatable {
    /// The smallest value (or the bound just below the smallest, when excluded).
    public var lower: Double
    /// The largest value (or the bound just above the largest, when excluded).
    public var upper: Double
    /// Whether `lower` itself is refused.
    public var lowerExcluded: Bool
    /// Whether `upper` itself is refused.
    public var upperExcluded: Bool

    /// Bounds from `range`, leaving out the ends named in `excluding`.
    public init(_ range: ClosedRange<Double>, excluding: Set<End> = []) {
        lower = range.lowerBound
        upper = range.upperBound
        lowerExcluded = excluding.contains(.lower)
        upperExcluded = excluding.contains(.upper)
    }

    /// An end of the bounds.
    public enum End: Sendable, Hashable { case lower, upper }

    /// Whether `value` is finite and within the bounds.
    public func contains(_ value: Double) -> Bool {
        value.isFinite && value >= lower && value <= upper
            && !(lowerExcluded && value == lower) && !(upperExcluded && value == upper)
    }

    /// "from 0 to 0.9", "greater than 0 and less than 1", "at least 0 and less than 1".
    public var phrase: String {
        if !lowerExcluded && !upperExcluded {
            return "from \(KeyValues.format(lower)) to \(KeyValues.format(upper))"
        }
        return (lowerExcluded ? "greater than " : "at least ") + KeyValues.format(lower)
            + (upperExcluded ? " and less than " : " and at most ") + KeyValues.format(upper)
    }
}
