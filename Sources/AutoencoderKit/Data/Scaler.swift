/// How features are scaled before training.
public enum ScalingMethod: String, Codable, CaseIterable, Sendable {
    /// (x − mean) / sd, population sd as scikit-learn's StandardScaler.
    case standard
    /// (x − min) / (max − min), into [0, 1] on the fitted rows.
    case minmax
    /// (x − median) / IQR, the 25th–75th percentile range.
    case robust
    /// Values as they are.
    case none
}

/// A scaler fitted on training rows: `scaled = (x − offset) / scale`, one offset and scale per column.
///
/// A column whose spread is zero on the fitted rows gets scale 1 (as scikit-learn), so scaling
/// never divides by zero; `constantColumns` lists them so the shell can say so.
public struct FittedScaler: Codable, Equatable, Sendable {
    /// The method that was fitted.
    public var method: ScalingMethod
    /// Subtracted from each column.
    public var offsets: [Float]
    /// Each column is divided by this (never 0).
    public var scales: [Float]
    /// Columns whose spread was zero on the fitted rows.
    public var constantColumns: [Int]

    /// Fits `method` on the rows of `data`; throws when there are no rows.
    public static func fit(_ method: ScalingMethod, on data: Matrix) throws -> FittedScaler {
        guard data.rows > 0 else { throw ScalingError(message: "cannot fit a scaler on no rows") }
        var offsets = [Float](repeating: 0, count: data.columns)
        var scales = [Float](repeating: 1, count: data.columns)
        var constant: [Int] = []
        for c in 0..<data.columns where method != .none {
            let column = data.column(c).map(Double.init)
            let (offset, spread): (Double, Double)
            switch method {
            case .standard:
                let moments = Statistics.meanAndSD(column) ?? (0, 0)
                (offset, spread) = (moments.mean, moments.sd)
            case .minmax:
                let low = column.min() ?? 0, high = column.max() ?? 0
                (offset, spread) = (low, high - low)
            case .robust:
                let median = Percentile.linear(column, fraction: 0.5) ?? 0
                let q1 = Percentile.linear(column, fraction: 0.25) ?? 0
                let q3 = Percentile.linear(column, fraction: 0.75) ?? 0
                (offset, spread) = (median, q3 - q1)
            case .none:
                (offset, spread) = (0, 1)
            }
            // Scaled values are computed in Float: a column whose centred values leave its range
            // would turn into infinities and NaN, so it is refused here, by name, instead.
            let reach = column.reduce(0.0) { max($0, abs($1 - offset)) }
            guard Float(reach).isFinite, Float(spread).isFinite else {
                throw ScalingError(message: "values from \(Float(column.min() ?? 0)) to \(Float(column.max() ?? 0)) are too far apart to scale in 32-bit floats", column: c)
            }
            offsets[c] = Float(offset)
            if spread > 0 && spread.isFinite && Float(spread) > 0 {
                scales[c] = Float(spread)
            } else {
                constant.append(c)
            }
        }
        return FittedScaler(method: method, offsets: offsets, scales: scales, constantColumns: constant)
    }

    /// Number of columns the scaler was fitted on.
    public var columnCount: Int { offsets.count }

    /// `data` scaled column by column (`data.columns` must equal `columnCount`).
    public func transform(_ data: Matrix) -> Matrix {
        var result = data
        let columns = data.columns
        guard columns == columnCount, method != .none else { return result }
        let inverseScales = scales.map { 1 / $0 }
        result.values.withUnsafeMutableBufferPointer { v in
            offsets.withUnsafeBufferPointer { o in
                inverseScales.withUnsafeBufferPointer { s in
                    var i = 0
                    while i < v.count {
                        for c in 0..<columns { v[i + c] = (v[i + c] - o[c]) * s[c] }
                        i += columns
                    }
                }
            }
        }
        return result
    }

    /// Throws a description of what is inconsistent (counts, non-positive or non-finite values).
    public func validate(columnCount expected: Int) throws {
        guard offsets.count == expected, scales.count == expected else {
            throw ScalingError(message: "the scaler has \(offsets.count) columns, the model \(expected)")
        }
        guard offsets.allSatisfy(\.isFinite), scales.allSatisfy({ $0.isFinite && $0 > 0 }) else {
            throw ScalingError(message: "the scaler holds non-finite or non-positive values")
        }
        guard constantColumns.allSatisfy({ (0..<expected).contains($0) }) else {
            throw ScalingError(message: "the scaler names a column that does not exist")
        }
    }
}

/// A scaler could not be fitted or does not fit the data.
public struct ScalingError: Error, CustomStringConvertible, Equatable {
    /// What went wrong.
    public let message: String
    /// The column it went wrong in, when it is one column's fault.
    public var column: Int? = nil
    public var description: String { column.map { "column \($0 + 1): \(message)" } ?? message }
}
