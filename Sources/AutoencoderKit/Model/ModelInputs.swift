/// Mapping a table's columns to the model's inputs, by name.
extension AnomalyModel {
    /// For each of the model's columns, its position among `names` (a file's feature columns).
    /// Throws naming every model column `names` lacks.
    public func inputPositions(in names: [String]) throws -> [Int] {
        if names == columns { return Array(columns.indices) }
        var firstPosition: [String: Int] = [:]
        for (position, name) in names.enumerated() where firstPosition[name] == nil { firstPosition[name] = position }
        let missing = columns.filter { firstPosition[$0] == nil }
        guard missing.isEmpty else {
            throw AnomalyModelError("the data lacks the model's column\(missing.count == 1 ? "" : "s") \(Self.quoted(missing)); the model was trained on \(Self.quoted(columns))")
        }
        return columns.compactMap { firstPosition[$0] }
    }

    /// The model's inputs from `rows` of `data` (all rows when nil): the model's columns found by
    /// name, in the model's order, scaled as the training rows were. Row indices must lie inside
    /// `data` (caller's contract).
    public func inputs(from data: Dataset, rows: [Int]? = nil) throws -> Matrix {
        let positions = try inputPositions(in: data.columnNames)
        var features = rows.map { data.features.selectingRows($0) } ?? data.features
        if data.columnNames != columns {
            var reordered = Matrix(rows: features.rows, columns: positions.count)
            for r in 0..<features.rows {
                for (c, source) in positions.enumerated() { reordered[r, c] = features[r, source] }
            }
            features = reordered
        }
        guard features.columns == network.inputSize else {
            throw AnomalyModelError("the model takes \(network.inputSize) columns, the data has \(features.columns)")
        }
        if let scaler {
            guard scaler.columnCount == features.columns else {
                throw AnomalyModelError("the scaler was fitted on \(scaler.columnCount) columns, the data has \(features.columns): run `scale` again")
            }
            features = scaler.transform(features)
        }
        return features
    }

    static func quoted(_ names: [String]) -> String {
        names.map { "\"\($0)\"" }.joined(separator: ", ")
    }
}

/// A table does not fit a model (a column is missing, or the widths disagree).
public struct AnomalyModelError: Error, CustomStringConvertible, Equatable, Sendable {
    /// A sentence saying what does not fit.
    public let message: String

    /// An error with the given explanation.
    public init(_ message: String) { self.message = message }

    /// The same as `message`.
    public var description: String { message }
}
