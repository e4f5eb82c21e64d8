/// Moving rows between row-major data and a feature-major batch (see `LayerLoops`), and the
/// reconstruction loss over a batch.
public enum RowLoops {
    /// Copies the `count` rows of row-major `data` (`width` values a row) named by `indices` into
    /// columns 0..<count of the feature-major batch `x` (`width × stride`).
    public static func gather(
        from data: UnsafePointer<Float>, width: Int, indices: UnsafePointer<Int>, count: Int,
        into x: UnsafeMutablePointer<Float>, stride: Int
    ) {
        transpose(width: width, count: count, into: x, stride: stride) { data + indices[$0] * width }
    }

    /// Copies `count` consecutive rows of row-major `data`, from `firstRow`, into the batch `x`.
    public static func gather(
        from data: UnsafePointer<Float>, width: Int, firstRow: Int, count: Int,
        into x: UnsafeMutablePointer<Float>, stride: Int
    ) {
        transpose(width: width, count: count, into: x, stride: stride) { data + (firstRow + $0) * width }
    }

    /// Writes row `k` (found by `row(k)`) to column `k` of `x`, eight rows at a time: eight row
    /// streams read side by side keep several cache misses in flight when the rows are scattered,
    /// and each feature gets one vector store instead of eight.
    @inline(__always)
    private static func transpose(
        width: Int, count: Int, into x: UnsafeMutablePointer<Float>, stride: Int,
        _ row: (Int) -> UnsafePointer<Float>
    ) {
        var k = 0
        while k + 8 <= count {
            let r0 = row(k), r1 = row(k + 1), r2 = row(k + 2), r3 = row(k + 3)
            let r4 = row(k + 4), r5 = row(k + 5), r6 = row(k + 6), r7 = row(k + 7)
            for i in 0..<width {
                BatchMath.store8(SIMD8(r0[i], r1[i], r2[i], r3[i], r4[i], r5[i], r6[i], r7[i]), x + i * stride + k)
            }
            k += 8
        }
        while k < count {
            let source = row(k)
            for i in 0..<width { x[i * stride + k] = source[i] }
            k += 1
        }
    }

    /// Σ (y − x)² over the first `rows` rows of two `width × stride` batches, accumulated in
    /// Double; when `gradient` is given, also writes `scale · (y − x)` there (feature-major).
    public static func squaredError(
        y: UnsafePointer<Float>, x: UnsafePointer<Float>, stride: Int, rows: Int, width: Int,
        gradient: UnsafeMutablePointer<Float>?, scale: Float
    ) -> Double {
        var sum = 0.0
        for i in 0..<width {
            sum += BatchMath.squaredDifference(y + i * stride, x + i * stride, count: rows,
                                               gradient: gradient.map { $0 + i * stride }, scale: scale)
        }
        return sum
    }

    /// `target[i] += source[i]` for i in 0..<count.
    public static func add(_ source: UnsafePointer<Float>, into target: UnsafeMutablePointer<Float>, count: Int) {
        var i = 0
        while i + 16 <= count {
            BatchMath.store16(BatchMath.load16(target + i) + BatchMath.load16(source + i), target + i)
            i += 16
        }
        while i < count {
            target[i] += source[i]
            i += 1
        }
    }

    /// Σ v² in Double, eight partial sums at a time: for bounds and checks, where the order of
    /// the additions decides nothing.
    public static func sumOfSquares(_ values: UnsafePointer<Float>, count: Int) -> Double {
        var partial = SIMD8<Double>()
        var i = 0
        while i + 8 <= count {
            let wide = SIMD8<Double>(BatchMath.load8(values + i))
            partial += wide * wide
            i += 8
        }
        var sum = partial.sum()
        while i < count {
            sum += Double(values[i]) * Double(values[i])
            i += 1
        }
        return sum
    }
}
