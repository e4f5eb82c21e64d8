/// Per-row reconstruction error (mean squared error over the features) and each feature's share.
public struct ReconstructionErrors: Equatable, Sendable {
    /// The MSE of each row's reconstruction, in row order.
    public var perRow: [Double]

    /// The errors from their values.
    public init(perRow: [Double]) {
        self.perRow = perRow
    }

    /// Runs `data` through `model` and measures each row. data.columns == model.inputSize (caller's contract).
    ///
    /// Large inputs are split into two halves of rows run on two threads; the halves depend only
    /// on the row count, so the result is the same on every run.
    public static func compute(model: Autoencoder, data: Matrix) -> ReconstructionErrors {
        var perRow = [Double](repeating: 0, count: data.rows)
        let perRowWork = model.multiplyAddsPerRow
        let work = data.rows.multipliedReportingOverflow(by: perRowWork)
        let halves = work.overflow || work.partialValue >= parallelWork ? 2 : 1
        perRow.withUnsafeMutableBufferPointer { errors in
            Parallel.forEachChunk(count: data.rows, chunks: halves, serialBelow: 0) { _, range in
                compute(model: model, data: data, rows: range, into: errors)
            }
        }
        return ReconstructionErrors(perRow: perRow)
    }

    /// Multiply-adds (rows · Σ inputs · outputs) from which `compute` uses two threads: several
    /// times what a thread hand-off costs.
    static let parallelWork = 4_000_000

    private static func compute(model: Autoencoder, data: Matrix, rows range: Range<Int>, into errors: UnsafeMutableBufferPointer<Double>) {
        let width = data.columns
        model.forEachChunk(of: data, rows: range, through: model.layers.count - 1) { first, rows, pass in
            // Feature by feature, so each row's squared errors add up in feature order.
            let x = pass.activation(0), y = pass.activation(model.layers.count)
            for c in 0..<width {
                for r in 0..<rows {
                    let d = Double(y[c * pass.stride + r]) - Double(x[c * pass.stride + r])
                    errors[first + r] += d * d
                }
            }
            for r in 0..<rows { errors[first + r] /= Double(width) }
        }
    }

    /// The squared error of each feature of one row (sums to perRow[row] * features).
    /// row.count == model.inputSize (caller's contract).
    public static func featureContributions(model: Autoencoder, row: [Float]) -> [Double] {
        guard let input = Matrix(rows: 1, columns: row.count, values: row) else { return [] }
        let output = model.reconstruct(input)
        return zip(output.values, row).map { reconstructed, original in
            let d = Double(reconstructed) - Double(original)
            return d * d
        }
    }
}
