import Foundation

/// The grid sums of the FFT gradient: for a charge grid G (n × n nodes), the repulsive force
/// kernels convolved with G, and Σ G · (W ∗ G) for Z, through zero-padded FFTs of `size × size`.
///
/// The force kernel is complex, F = K_x + i K_y with K_x(Δ) = Δ_x / (1 + ‖Δ‖²)², so one inverse
/// FFT returns both force components (G and the kernels are real). Z needs no inverse at all:
/// by Parseval, Σ_m G(m) (W ∗ G)(m) = Σ_k |Ĝ_k|² Ŵ_k / size². Grids stay row-major (no
/// transposes): the n charge rows are transformed two real rows per complex transform; then,
/// eight columns at a time, the forward column transforms, the kernel product and the inverse
/// column transforms run fused in scratch (`FFT.convolveColumns`), using the real-data mirror
/// so that only columns 0...size/2 are transformed forward; finally the n rows needed are
/// inverse-transformed. Rows known to be zero, or not needed, are skipped. Work is split over
/// the cores in fixed chunks and sums are added in a fixed order, so results are deterministic.
///
/// Grids smaller than 16 are transformed at 16: more zero padding leaves the sums as they are
/// (2n − 1 ≤ size is all a linear convolution needs), and every grid takes the fused column stage.
struct GridConvolution {
    /// The transform size: the size asked for, or 16 if that is smaller.
    let size: Int
    /// Doubles per stored row: `size` plus a pad, so that a column's elements do not all fall
    /// in the same cache sets (a power-of-two stride would).
    private let stride: Int
    private let fft: FFT
    /// The kernel spectra as `FFT.convolveColumns` tables, blocks 0...size/16 of eight columns
    /// from 8b (the last one holds the middle column size/2).
    private var kernelTable: [Double]
    private var real: [Double]
    private var imaginary: [Double]

    /// The smallest transform: two blocks of eight columns, one below size/2 and its mirror.
    static let smallestSize = 2 * FFT.columnBlock
    /// Blocks of eight columns below size/2, each with a mirror block.
    private var blocks: Int { size / 2 / FFT.columnBlock }

    /// Buffers and transform plan for `size × size` grids (`size` a power of two, at least 16
    /// used); the kernels are zero until `setKernels`.
    init(size requested: Int) {
        let size = max(requested, Self.smallestSize)
        self.size = size
        stride = size + FFT.columnBlock
        fft = FFT(size: size)
        real = [Double](repeating: 0, count: size * stride)
        imaginary = real
        kernelTable = [Double](repeating: 0, count: (size / 2 / FFT.columnBlock + 1) * size * FFT.kernelRowLength)
    }

    /// Sets the kernels from node offsets (|dx|, |dy| < n, 2n − 1 ≤ size) and the node spacing.
    mutating func setKernels(nodes n: Int, spacing h: Double) {
        let l = size, s = stride
        precondition(n >= 1 && 2 * n - 1 <= l, "grid of \(n) nodes does not fit an FFT of \(l)")
        var weights = [Double](repeating: 0, count: l * s)
        var zeros = weights, kernelReal = weights, kernelImaginary = weights
        for dy in (1 - n)..<n {
            for dx in (1 - n)..<n {
                let x = h * Double(dx), y = h * Double(dy)
                let w = 1 / (1 + x * x + y * y)
                let t = ((dy + l) % l) * s + (dx + l) % l
                weights[t] = w
                kernelReal[t] = x * w * w
                kernelImaginary[t] = y * w * w
            }
        }
        Self.rows(fft, &weights, &zeros, stride: s, count: l, inverse: false)
        Self.columns(fft, &weights, &zeros, stride: s, columns: l, inputRows: l, outputRows: l, inverse: false)
        // W is real and even, so its spectrum is real.
        Self.rows(fft, &kernelReal, &kernelImaginary, stride: s, count: l, inverse: false)
        Self.columns(fft, &kernelReal, &kernelImaginary, stride: s, columns: l, inputRows: l, outputRows: l, inverse: false)
        // Block b starts at column 8b (the last at l/2); mirror columns use these by symmetry.
        let row = FFT.kernelRowLength, block = FFT.columnBlock
        for b in 0...blocks {
            let first = b * block
            for ky in 0..<l {
                let base = (b * l + ky) * row
                for j in 0..<block {
                    let t = ky * s + first + j
                    kernelTable[base + j] = kernelReal[t]
                    kernelTable[base + block + j] = kernelImaginary[t]
                    // The middle block writes only column l/2: the others count no energy.
                    kernelTable[base + 2 * block + j] = b == blocks && j > 0 ? 0 : weights[t]
                }
            }
        }
    }

    /// For the charges `g` (n × n, row-major): the force grids (K ∗ g) in `forceX`, `forceY`,
    /// and Σ g · (W ∗ g).
    mutating func apply(_ g: [Double], nodes n: Int, forceX: inout [Double], forceY: inout [Double]) -> Double {
        let l = size, s = stride
        // The transforms below use unchecked pointers: the grid must fit.
        precondition(n >= 1 && 2 * n - 1 <= l, "grid of \(n) nodes does not fit an FFT of \(l)")
        precondition(g.count >= n * n && forceX.count >= n * n && forceY.count >= n * n, "grids need n² values")
        // Two real rows share one complex row transform: row 2j in the real part, 2j + 1 in the
        // imaginary part. Rows at or past n are never read by the forward column transforms.
        real.withUnsafeMutableBufferPointer { re in
            imaginary.withUnsafeMutableBufferPointer { im in
                for y in Swift.stride(from: 0, to: n, by: 2) {
                    for x in 0..<n {
                        re[y * s + x] = g[y * n + x]
                        im[y * s + x] = y + 1 < n ? g[(y + 1) * n + x] : 0
                    }
                    for x in n..<l { re[y * s + x] = 0; im[y * s + x] = 0 }
                }
            }
        }
        Self.realRowPairs(fft, &real, &imaginary, stride: s, count: n)
        let energy = convolveColumns(rows: n)
        Self.rows(fft, &real, &imaginary, stride: s, count: n, inverse: true)
        let scale = 1 / Double(l * l)
        real.withUnsafeBufferPointer { re in
            imaginary.withUnsafeBufferPointer { im in
                forceX.withUnsafeMutableBufferPointer { fx in
                    forceY.withUnsafeMutableBufferPointer { fy in
                        for y in 0..<n {
                            for x in 0..<n { fx[y * n + x] = re[y * s + x] * scale; fy[y * n + x] = im[y * s + x] * scale }
                        }
                    }
                }
            }
        }
        return energy * scale
    }

    /// The column stage of `apply`, fused (`FFT.convolveColumns`):
    /// the middle column l/2 first, on this thread (its block overlaps mirror columns that other
    /// blocks write), then blocks of eight columns below l/2 with their mirrors, spread over the
    /// cores. Returns Σ |Ĝ|² Ŵ, added in block order.
    private mutating func convolveColumns(rows n: Int) -> Double {
        let l = size, s = stride, fft = fft, blocks = blocks, tableBlock = l * FFT.kernelRowLength
        var partial = [Double](repeating: 0, count: blocks + 1)
        real.withUnsafeMutableBufferPointer { re in
            imaginary.withUnsafeMutableBufferPointer { im in
                kernelTable.withUnsafeBufferPointer { table in
                    partial.withUnsafeMutableBufferPointer { partial in
                        guard let re = re.baseAddress, let im = im.baseAddress, let table = table.baseAddress else { return }
                        withUnsafeTemporaryAllocation(of: SIMD4<Double>.self, capacity: fft.convolutionScratchCount) { scratch in
                            guard let scratch = scratch.baseAddress else { return }
                            partial[blocks] = fft.convolveColumns(
                                real: re, imaginary: im, rowStride: s, column: l / 2, rows: n,
                                kernel: table + blocks * tableBlock, mirrors: false, scratch: scratch)
                        }
                        Parallel.forEachChunk(count: blocks, chunks: 8, serialBelow: 2) { _, range in
                            withUnsafeTemporaryAllocation(of: SIMD4<Double>.self, capacity: fft.convolutionScratchCount) { scratch in
                                guard let scratch = scratch.baseAddress else { return }
                                for block in range {
                                    partial[block] = fft.convolveColumns(
                                        real: re, imaginary: im, rowStride: s, column: block * FFT.columnBlock, rows: n,
                                        kernel: table + block * tableBlock, mirrors: true, scratch: scratch)
                                }
                            }
                        }
                    }
                }
            }
        }
        return partial.reduce(0, +)
    }

    /// Rows 0..<count hold two real rows per complex row (row 2j: real part row 2j, imaginary
    /// part row 2j + 1). Transforms each and separates the spectra, X_a(k) = (Z(k) + conj Z(−k))/2
    /// and X_b(k) = (Z(k) − conj Z(−k))/(2i), into rows 2j and 2j + 1 (the latter if < count).
    private static func realRowPairs(_ fft: FFT, _ real: inout [Double], _ imaginary: inout [Double], stride s: Int, count: Int) {
        let l = fft.size
        real.withUnsafeMutableBufferPointer { re in
            imaginary.withUnsafeMutableBufferPointer { im in
                guard let re = re.baseAddress, let im = im.baseAddress else { return }
                Parallel.forEachChunk(count: (count + 1) / 2, chunks: 8, serialBelow: 2) { _, range in
                    for pair in range {
                        let a = 2 * pair * s, b = a + s, hasB = 2 * pair + 1 < count
                        fft.transform(real: re + a, imaginary: im + a, inverse: false)
                        for k in 0...(l / 2) {
                            let m = (l - k) & (l - 1)
                            let zr = re[a + k], zi = im[a + k], mr = re[a + m], mi = im[a + m]
                            re[a + k] = 0.5 * (zr + mr); im[a + k] = 0.5 * (zi - mi)
                            re[a + m] = 0.5 * (mr + zr); im[a + m] = 0.5 * (mi - zi)
                            if hasB {
                                re[b + k] = 0.5 * (zi + mi); im[b + k] = 0.5 * (mr - zr)
                                re[b + m] = 0.5 * (mi + zi); im[b + m] = 0.5 * (zr - mr)
                            }
                        }
                    }
                }
            }
        }
    }

    /// Transforms rows `0..<count` (`stride` Doubles apart) in place, spread over the cores.
    private static func rows(_ fft: FFT, _ real: inout [Double], _ imaginary: inout [Double], stride s: Int, count: Int, inverse: Bool) {
        real.withUnsafeMutableBufferPointer { re in
            imaginary.withUnsafeMutableBufferPointer { im in
                guard let re = re.baseAddress, let im = im.baseAddress else { return }
                Parallel.forEachChunk(count: count, chunks: 8, serialBelow: 2) { _, range in
                    for row in range {
                        fft.transform(real: re + row * s, imaginary: im + row * s, inverse: inverse)
                    }
                }
            }
        }
    }

    /// Transforms columns `0..<columns` in place (a multiple of the column block),
    /// reading rows `0..<inputRows` (the rest are zero) and writing back rows `0..<outputRows`,
    /// spread over the cores.
    private static func columns(_ fft: FFT, _ real: inout [Double], _ imaginary: inout [Double], stride s: Int,
                                columns: Int, inputRows: Int, outputRows: Int, inverse: Bool) {
        real.withUnsafeMutableBufferPointer { re in
            imaginary.withUnsafeMutableBufferPointer { im in
                guard let re = re.baseAddress, let im = im.baseAddress else { return }
                Parallel.forEachChunk(count: columns / FFT.columnBlock, chunks: 8, serialBelow: 2) { _, range in
                    withUnsafeTemporaryAllocation(of: SIMD4<Double>.self, capacity: fft.columnScratchCount) { scratch in
                        guard let scratch = scratch.baseAddress else { return }
                        for block in range {
                            fft.transformColumns(real: re, imaginary: im, rowStride: s, column: block * FFT.columnBlock,
                                                 inputRows: inputRows, outputRows: outputRows, inverse: inverse,
                                                 scratch: scratch)
                        }
                    }
                }
            }
        }
    }
}
