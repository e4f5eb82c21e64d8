import Foundation

/// The grid sums of the FFT gradient: for a charge grid G (n × n nodes), the repulsive force
/// kernels convolved with G, and Σ G · (W ∗ G) for Z, through zero-padded FFTs of `size × size`.
///
/// The force kernel is complex, F = K_x + i K_y with K_x(Δ) = Δ_x / (1 + ‖Δ‖²)², so one inverse
/// FFT returns both force components (G and the kernels are real). Z needs no inverse at all:
/// by Parseval, Σ_m G(m) (W ∗ G)(m) = Σ_k |Ĝ_k|² Ŵ_k / size². Grids stay row-major: rows are
/// transformed one at a time, columns eight at a time in place (`FFT.transformColumns`); rows
/// known to be zero, or not needed, are skipped.
struct GridConvolution {
    let size: Int
    private let fft: FFT
    private var weightSpectrum: [Double]
    private var forceReal: [Double]
    private var forceImaginary: [Double]
    private var real: [Double]
    private var imaginary: [Double]

    /// Buffers and transform plan for `size × size` grids (`size` a power of two).
    init(size: Int) {
        self.size = size
        fft = FFT(size: size)
        weightSpectrum = [Double](repeating: 0, count: size * size)
        forceReal = weightSpectrum; forceImaginary = weightSpectrum
        real = weightSpectrum; imaginary = weightSpectrum
    }

    /// Sets the kernels from node offsets (|dx|, |dy| < n, 2n − 1 ≤ size) and the node spacing.
    mutating func setKernels(nodes n: Int, spacing h: Double) {
        let l = size
        for t in real.indices { real[t] = 0; imaginary[t] = 0; forceReal[t] = 0; forceImaginary[t] = 0 }
        for dy in (1 - n)..<n {
            for dx in (1 - n)..<n {
                let x = h * Double(dx), y = h * Double(dy)
                let w = 1 / (1 + x * x + y * y)
                let t = ((dy + l) % l) * l + (dx + l) % l
                real[t] = w
                forceReal[t] = x * w * w
                forceImaginary[t] = y * w * w
            }
        }
        Self.rows(fft, &real, &imaginary, count: l, inverse: false)
        Self.columns(fft, &real, &imaginary, inputRows: l, outputRows: l, inverse: false)
        // W is real and even, so its spectrum is real.
        swap(&weightSpectrum, &real)
        Self.rows(fft, &forceReal, &forceImaginary, count: l, inverse: false)
        Self.columns(fft, &forceReal, &forceImaginary, inputRows: l, outputRows: l, inverse: false)
    }

    /// For the charges `g` (n × n, row-major): the force grids (K ∗ g) in `forceX`, `forceY`,
    /// and Σ g · (W ∗ g).
    mutating func apply(_ g: [Double], nodes n: Int, forceX: inout [Double], forceY: inout [Double]) -> Double {
        let l = size
        // Rows at or past n are never read by the forward column transforms: they are zero.
        for y in 0..<n {
            for x in 0..<n { real[y * l + x] = g[y * n + x] }
            for x in n..<l { real[y * l + x] = 0 }
            for x in 0..<l { imaginary[y * l + x] = 0 }
        }
        Self.rows(fft, &real, &imaginary, count: n, inverse: false)
        Self.columns(fft, &real, &imaginary, inputRows: n, outputRows: l, inverse: false)
        let energy = Self.multiply(&real, &imaginary, by: forceReal, forceImaginary, weights: weightSpectrum)
        Self.columns(fft, &real, &imaginary, inputRows: l, outputRows: n, inverse: true)
        Self.rows(fft, &real, &imaginary, count: n, inverse: true)
        let scale = 1 / Double(l * l)
        for y in 0..<n {
            for x in 0..<n { forceX[y * n + x] = real[y * l + x] * scale; forceY[y * n + x] = imaginary[y * l + x] * scale }
        }
        return energy * scale
    }

    /// Point-wise, spectrum × force spectrum in place; returns Σ |spectrum|² · weights.
    private static func multiply(_ real: inout [Double], _ imaginary: inout [Double],
                                 by forceReal: [Double], _ forceImaginary: [Double], weights: [Double]) -> Double {
        var energy = 0.0
        real.withUnsafeMutableBufferPointer { re in
            imaginary.withUnsafeMutableBufferPointer { im in
                forceReal.withUnsafeBufferPointer { kr in
                    forceImaginary.withUnsafeBufferPointer { ki in
                        weights.withUnsafeBufferPointer { w in
                            for t in 0..<re.count {
                                let r = re[t], i = im[t]
                                energy += (r * r + i * i) * w[t]
                                re[t] = r * kr[t] - i * ki[t]
                                im[t] = r * ki[t] + i * kr[t]
                            }
                        }
                    }
                }
            }
        }
        return energy
    }

    /// Transforms rows `0..<count` in place, spread over the cores.
    private static func rows(_ fft: FFT, _ real: inout [Double], _ imaginary: inout [Double], count: Int, inverse: Bool) {
        let l = fft.size
        real.withUnsafeMutableBufferPointer { re in
            imaginary.withUnsafeMutableBufferPointer { im in
                guard let re = re.baseAddress, let im = im.baseAddress else { return }
                Parallel.forEachChunk(count: count, chunks: 8, serialBelow: 2) { _, range in
                    for row in range {
                        fft.transform(real: re + row * l, imaginary: im + row * l, inverse: inverse)
                    }
                }
            }
        }
    }

    /// Transforms every column in place, reading rows `0..<inputRows` (the rest are zero) and
    /// writing back rows `0..<outputRows`, spread over the cores.
    private static func columns(_ fft: FFT, _ real: inout [Double], _ imaginary: inout [Double],
                                inputRows: Int, outputRows: Int, inverse: Bool) {
        let l = fft.size
        real.withUnsafeMutableBufferPointer { re in
            imaginary.withUnsafeMutableBufferPointer { im in
                guard let re = re.baseAddress, let im = im.baseAddress else { return }
                guard l >= FFT.columnBlock else {
                    for column in 0..<l {
                        fft.transformColumn(real: re, imaginary: im, rowStride: l, column: column,
                                            inputRows: inputRows, outputRows: outputRows, inverse: inverse)
                    }
                    return
                }
                Parallel.forEachChunk(count: l / FFT.columnBlock, chunks: 8, serialBelow: 2) { _, range in
                    withUnsafeTemporaryAllocation(of: SIMD4<Double>.self, capacity: fft.columnScratchCount) { scratch in
                        guard let scratch = scratch.baseAddress else { return }
                        for block in range {
                            fft.transformColumns(real: re, imaginary: im, rowStride: l, column: block * FFT.columnBlock,
                                                 inputRows: inputRows, outputRows: outputRows, inverse: inverse,
                                                 scratch: scratch)
                        }
                    }
                }
            }
        }
    }
}
