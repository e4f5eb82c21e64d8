import Foundation
@testable import AutoencoderKit

/// The first rows of benchmark W2's data exactly as scripts/bench/gen_data.c writes them (its
/// xorshift generator and Box–Muller normals, each value printed with `%.5g` and read back as a
/// Float), label column dropped: the rows scripts/tsne/sklearn_reference.py gave scikit-learn.
enum BenchmarkW2Rows {
    /// gen_data.c's generator: xorshift64 (13, 7, 17) and Box–Muller with one normal per pair.
    private struct Generator {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15

        mutating func uniform() -> Double {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return (Double(state >> 11) + 0.5) * (1.0 / 9_007_199_254_740_992.0)
        }

        mutating func normal() -> Double {
            let u = uniform()
            let v = uniform()
            return (-2.0 * log(u)).squareRoot() * cos(6.283185307179586 * v)
        }
    }

    /// The first `rows` rows (64 columns; every 50th row is an anomaly, as in the file).
    static func first(_ rows: Int) -> Matrix {
        let columns = 64, rank = 8
        var generator = Generator()
        var basis = [Double](repeating: 0, count: rank * columns)
        for k in 0..<rank { for c in 0..<columns { basis[k * columns + c] = generator.normal() / Double(rank).squareRoot() } }
        var values: [Float] = []
        values.reserveCapacity(rows * columns)
        for r in 0..<rows {
            let anomaly = r % 50 == 49
            let z = (0..<rank).map { _ in generator.normal() }
            for c in 0..<columns {
                var v: Double
                if anomaly {
                    v = generator.normal()
                } else {
                    v = 0.1 * generator.normal()
                    for k in 0..<rank { v += z[k] * basis[k * columns + c] }
                }
                values.append(Float(String(format: "%.5g", v)) ?? .nan)
            }
        }
        return Matrix(rows: rows, columns: columns, values: values) ?? Matrix(rows: 0, columns: columns)
    }
}
