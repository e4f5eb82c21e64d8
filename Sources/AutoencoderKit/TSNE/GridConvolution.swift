import Foundation

/// The grid sums of the FFT gradient: for a charge grid G (n × n nodes), the repulsive force
/// kernels convolved with G, and Σ G · (W ∗ G) for Z, through zero-padded FFTs of `size × size`.
///
/// The force kernel is complex, F = K_x + i K_y with K_x(Δ) = Δ_x / (1 + ‖Δ‖²)², so one inverse
/// FFT returns both force components (G and the kernels are real). Z needs no inverse at all:
/// by Parseval, Σ_m G(m) (W ∗ G)(m) = Σ_k |Ĝ_k|² Ŵ_k / size². Spectra are kept transposed, which
/// saves a transpose each way; rows known to be zero, or not needed, are skipped.
struct GridConvolution {
    let size: Int
    private let fft: FFT
    private var weightSpectrum: [Double]
    private var forceReal: [Double]
    private var forceImaginary: [Double]
    private var real: [Double]
    private var imaginary: [Double]
    private var scratchReal: [Double]
    private var scratchImaginary: [Double]

    init(size: Int) {
        self.size = size
        fft = FFT(size: size)
        weightSpectrum = [Double](repeating: 0, count: size * size)
        forceReal = weightSpectrum; forceImaginary = weightSpectrum
        real = weightSpectrum; imaginary = weightSpectrum
        scratchReal = weightSpectrum; scratchImaginary = weightSpectrum
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
        Self.forward(fft, &real, &imaginary, &scratchReal, &scratchImaginary, nonZeroRows: l)
        // W is real and even, so its spectrum is real.
        swap(&weightSpectrum, &real)
        Self.forward(fft, &forceReal, &forceImaginary, &scratchReal, &scratchImaginary, nonZeroRows: l)
    }

    /// For the charges `g` (n × n, row-major): the force grids (K ∗ g) in `forceX`, `forceY`,
    /// and Σ g · (W ∗ g).
    mutating func apply(_ g: [Double], nodes n: Int, forceX: inout [Double], forceY: inout [Double]) -> Double {
        let l = size
        for t in real.indices { real[t] = 0; imaginary[t] = 0 }
        for y in 0..<n { for x in 0..<n { real[y * l + x] = g[y * n + x] } }
        Self.forward(fft, &real, &imaginary, &scratchReal, &scratchImaginary, nonZeroRows: n)
        var energy = 0.0
        for t in real.indices {
            let r = real[t], i = imaginary[t]
            energy += (r * r + i * i) * weightSpectrum[t]
            let kr = forceReal[t], ki = forceImaginary[t]
            real[t] = r * kr - i * ki
            imaginary[t] = r * ki + i * kr
        }
        Self.rows(fft, &real, &imaginary, 0..<l, inverse: true)
        Self.transpose(&real, &imaginary, &scratchReal, &scratchImaginary, size: l)
        Self.rows(fft, &real, &imaginary, 0..<n, inverse: true)
        let scale = 1 / Double(l * l)
        for y in 0..<n {
            for x in 0..<n { forceX[y * n + x] = real[y * l + x] * scale; forceY[y * n + x] = imaginary[y * l + x] * scale }
        }
        return energy * scale
    }

    /// Row transforms, transpose, row transforms: the 2-D spectrum, transposed.
    private static func forward(_ fft: FFT, _ real: inout [Double], _ imaginary: inout [Double],
                                _ scratchReal: inout [Double], _ scratchImaginary: inout [Double], nonZeroRows: Int) {
        rows(fft, &real, &imaginary, 0..<nonZeroRows, inverse: false)
        transpose(&real, &imaginary, &scratchReal, &scratchImaginary, size: fft.size)
        rows(fft, &real, &imaginary, 0..<fft.size, inverse: false)
    }

    private static func rows(_ fft: FFT, _ real: inout [Double], _ imaginary: inout [Double], _ rows: Range<Int>, inverse: Bool) {
        let l = fft.size
        real.withUnsafeMutableBufferPointer { re in
            imaginary.withUnsafeMutableBufferPointer { im in
                Parallel.forEachChunk(count: rows.count, chunks: 8, serialBelow: 2) { _, range in
                    for r in range {
                        let row = rows.lowerBound + r
                        fft.transform(real: re.baseAddress! + row * l, imaginary: im.baseAddress! + row * l, inverse: inverse)
                    }
                }
            }
        }
    }

    /// Blocked out-of-place transpose into the scratch arrays, which then swap places.
    private static func transpose(_ real: inout [Double], _ imaginary: inout [Double],
                                  _ scratchReal: inout [Double], _ scratchImaginary: inout [Double], size l: Int) {
        let block = 32
        real.withUnsafeBufferPointer { re in
            imaginary.withUnsafeBufferPointer { im in
                scratchReal.withUnsafeMutableBufferPointer { sr in
                    scratchImaginary.withUnsafeMutableBufferPointer { si in
                        Parallel.forEachChunk(count: (l + block - 1) / block, chunks: 8, serialBelow: 2) { _, range in
                            for by in range {
                                let y0 = by * block
                                var x0 = 0
                                while x0 < l {
                                    for y in y0..<min(y0 + block, l) {
                                        for x in x0..<min(x0 + block, l) {
                                            sr[x * l + y] = re[y * l + x]
                                            si[x * l + y] = im[y * l + x]
                                        }
                                    }
                                    x0 += block
                                }
                            }
                        }
                    }
                }
            }
        }
        swap(&real, &scratchReal)
        swap(&imaginary, &scratchImaginary)
    }
}
