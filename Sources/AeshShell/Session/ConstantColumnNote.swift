import AutoencoderKit

/// What `scale` and a default `train` say about the columns a scaler leaves unscaled because
/// they have no spread on the training rows.
enum ConstantColumnNote {
    /// The note for `scaler`'s unscaled columns, fitted on `rows` (unscaled; taken only when there
    /// are such columns) with these `names`; nil when every column was scaled. A column that is constant is said to carry nothing (and,
    /// when its values are beyond what 32-bit floats hold to the unit, that finer differences were
    /// lost on loading); one that varies but has no interquartile range is told apart.
    static func text(scaler: FittedScaler, rows makeRows: @autoclosure () -> Matrix, names: [String]) -> String? {
        guard !scaler.constantColumns.isEmpty else { return nil }
        let rows = makeRows()
        var constant: [String] = [], noQuartileRange: [String] = [], large: [String] = []
        for c in scaler.constantColumns where c < rows.columns && c < names.count {
            let column = rows.column(c)
            let low = column.min() ?? 0, high = column.max() ?? 0
            if low == high {
                constant.append(names[c])
                if abs(low) >= 16_777_216 { large.append(names[c]) }
            } else {
                noQuartileRange.append(names[c])
            }
        }
        var parts: [String] = []
        if !constant.isEmpty {
            var part = "\(quotedList(constant)) \(constant.count == 1 ? "is" : "are") constant on the training rows: it carries nothing for the model and is left unscaled"
            if !large.isEmpty {
                part += " (\(quotedList(large)) \(large.count == 1 ? "holds values" : "hold values") of 2^24 or more, which 32-bit floats keep to about 7 significant digits: smaller differences in the file were lost on loading; subtract an offset before loading to keep them)"
            }
            parts.append(part)
        }
        if !noQuartileRange.isEmpty {
            parts.append("\(quotedList(noQuartileRange)) \(noQuartileRange.count == 1 ? "varies" : "vary") but \(noQuartileRange.count == 1 ? "has" : "have") an interquartile range of 0 on the training rows (most values equal) and \(noQuartileRange.count == 1 ? "is" : "are") left unscaled; `scale standard` scales by the standard deviation instead")
        }
        return "note: " + parts.joined(separator: "; ")
    }
}
