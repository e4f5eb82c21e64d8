/// The seed experiment's synthetic data: N(0, 1) normal rows followed by N(shift, 1) anomaly rows.
public enum SyntheticData {
    /// Largest number of cells `generate` will make (keeps a typo from exhausting memory).
    public static let maximumCells = 200_000_000

    /// `normal` rows drawn from N(0, 1) then `anomalies` rows from N(shift, 1), `features` columns
    /// named `x0`, `x1`, …, labelled 0 and 1; every value comes from one generator seeded with `seed`.
    public static func generate(normal: Int, anomalies: Int, features: Int, shift: Double,
                                seed: UInt64) throws -> Dataset {
        let (rows, rowOverflow) = normal.addingReportingOverflow(anomalies)
        guard normal >= 0, anomalies >= 0, !rowOverflow, rows > 0 else {
            throw SyntheticDataError(message: "need at least one row (normal=\(normal), anomalies=\(anomalies))")
        }
        guard features > 0 else { throw SyntheticDataError(message: "features must be at least 1, got \(features)") }
        guard shift.isFinite else { throw SyntheticDataError(message: "shift must be a finite number") }
        let (cells, overflow) = rows.multipliedReportingOverflow(by: features)
        guard !overflow, cells <= maximumCells else {
            throw SyntheticDataError(message: "\(rows) rows × \(features) features is more than \(maximumCells) values")
        }
        var generator = SeededGenerator(seed: seed)
        var values = [Float](repeating: 0, count: cells)
        for r in 0..<rows {
            let mean = r < normal ? 0 : shift
            for c in 0..<features { values[r * features + c] = Float(mean + generator.nextNormal()) }
        }
        let matrix = Matrix(rows: rows, columns: features, values: values) ?? Matrix(rows: 0, columns: features)
        let labels = [UInt8](repeating: 0, count: normal) + [UInt8](repeating: 1, count: anomalies)
        return Dataset(features: matrix, columnNames: (0..<features).map { "x\($0)" },
                       labels: labels, labelName: "label")
    }
}

/// The synthetic data could not be generated with these settings.
public struct SyntheticDataError: Error, CustomStringConvertible, Equatable {
    /// What was wrong.
    public let message: String
    public var description: String { message }
}
