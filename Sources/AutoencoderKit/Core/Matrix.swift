import CBLAS

/// A dense row-major matrix of Float32 values: the storage for data sets, weights and activations.
///
/// `values[r * columns + c]` is row `r`, column `c`. The storage is one contiguous array so that it
/// can be handed to OpenBLAS without copying.
public struct Matrix: Equatable, Sendable {
    /// Number of rows.
    public private(set) var rows: Int
    /// Number of columns.
    public private(set) var columns: Int
    /// Row-major storage, `rows * columns` values.
    public var values: [Float]

    /// A matrix of the given shape filled with `value`.
    public init(rows: Int, columns: Int, repeating value: Float = 0) {
        precondition(rows >= 0 && columns >= 0, "matrix shape must be non-negative")
        self.rows = rows
        self.columns = columns
        self.values = [Float](repeating: value, count: rows * columns)
    }

    /// A matrix over existing row-major values; `nil` when the count does not match the shape.
    public init?(rows: Int, columns: Int, values: [Float]) {
        guard rows >= 0, columns >= 0, rows.multipliedReportingOverflow(by: columns) == (values.count, false)
        else { return nil }
        self.rows = rows
        self.columns = columns
        self.values = values
    }

    /// A matrix from an array of equally long rows; `nil` when the rows are ragged.
    public init?(rowArrays: [[Float]]) {
        let columns = rowArrays.first?.count ?? 0
        guard rowArrays.allSatisfy({ $0.count == columns }) else { return nil }
        self.rows = rowArrays.count
        self.columns = columns
        self.values = rowArrays.flatMap { $0 }
    }

    /// The value at `row`, `column`. Callers index only inside the shape (internal use).
    @inlinable public subscript(row: Int, column: Int) -> Float {
        get { values[row * columns + column] }
        set { values[row * columns + column] = newValue }
    }

    /// A copy of one row.
    public func row(_ index: Int) -> [Float] {
        Array(values[(index * columns)..<((index + 1) * columns)])
    }

    /// A copy of one column.
    public func column(_ index: Int) -> [Float] {
        (0..<rows).map { values[$0 * columns + index] }
    }

    /// The rows at `indices`, in that order (indices must lie inside the matrix).
    public func selectingRows(_ indices: [Int]) -> Matrix {
        var result = Matrix(rows: indices.count, columns: columns)
        values.withUnsafeBufferPointer { source in
            result.values.withUnsafeMutableBufferPointer { target in
                for (k, r) in indices.enumerated() {
                    let from = r * columns
                    for c in 0..<columns { target[k * columns + c] = source[from + c] }
                }
            }
        }
        return result
    }

    /// Whether every value is finite.
    public var isFinite: Bool { values.allSatisfy { $0.isFinite } }
}

/// `C = alpha · op(A) · op(B) + beta · C` through OpenBLAS's sgemm, on raw row-major buffers.
///
/// `m × k` times `k × n` after the optional transposes; `lda`, `ldb`, `ldc` are the row strides.
@inline(__always)
func sgemm(
    transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
    alpha: Float, a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
    beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int
) {
    BLASThreads.configured
    cblas_sgemm(
        CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
        Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
}
