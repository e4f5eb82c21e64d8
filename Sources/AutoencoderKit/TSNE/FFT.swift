import Foundation

/// A complex fast Fourier transform of one power-of-two length (iterative radix-2 Cooley–Tukey),
/// on split real and imaginary arrays, with its twiddle factors and bit-reversal computed once.
struct FFT {
    /// The transform length, a power of two.
    let size: Int
    private let cosines: [Double]
    private let sines: [Double]
    private let reversed: [Int]

    /// A transform of `size` points (a power of two, at least 2).
    init(size: Int) {
        precondition(size >= 2 && size & (size - 1) == 0, "FFT size must be a power of two")
        self.size = size
        cosines = (0..<(size / 2)).map { cos(2 * Double.pi * Double($0) / Double(size)) }
        sines = (0..<(size / 2)).map { -sin(2 * Double.pi * Double($0) / Double(size)) }
        var bits = 0
        while 1 << bits < size { bits += 1 }
        reversed = (0..<size).map { i in
            var r = 0
            for b in 0..<bits where i & (1 << b) != 0 { r |= 1 << (bits - 1 - b) }
            return r
        }
    }

    /// The smallest power of two ≥ `n` (and ≥ 2).
    static func size(atLeast n: Int) -> Int {
        var size = 2
        while size < n { size *= 2 }
        return size
    }

    /// In place: X_k = Σ_t x_t e^{∓2πi kt/N} (− forward, + inverse; the inverse is not scaled).
    func transform(real: UnsafeMutablePointer<Double>, imaginary: UnsafeMutablePointer<Double>, inverse: Bool) {
        let n = size
        for i in 0..<n {
            let j = reversed[i]
            if j > i {
                swap(&real[i], &real[j])
                swap(&imaginary[i], &imaginary[j])
            }
        }
        let sign = inverse ? -1.0 : 1.0
        cosines.withUnsafeBufferPointer { cosines in
            sines.withUnsafeBufferPointer { sines in
                var length = 2
                while length <= n {
                    let half = length / 2, step = n / length
                    var start = 0
                    while start < n {
                        for k in 0..<half {
                            let wr = cosines[k * step], wi = sign * sines[k * step]
                            let a = start + k, b = a + half
                            let tr = real[b] * wr - imaginary[b] * wi
                            let ti = real[b] * wi + imaginary[b] * wr
                            real[b] = real[a] - tr
                            imaginary[b] = imaginary[a] - ti
                            real[a] += tr
                            imaginary[a] += ti
                        }
                        start += length
                    }
                    length *= 2
                }
            }
        }
    }
}

/// Linear 2-D convolution of small real grids with a symmetric kernel, through zero-padded FFTs of
/// `size × size` points. Two real grids travel as the real and imaginary parts of one complex grid
/// (the kernel is real, so their results do not mix). Spectra are kept transposed, which saves a
/// transpose each way; rows that are known to be zero or not needed are skipped.
struct GridConvolution {
    let size: Int
    private let fft: FFT
    private var kernelReal: [Double]
    private var kernelImaginary: [Double]
    private var real: [Double]
    private var imaginary: [Double]
    private var scratchReal: [Double]
    private var scratchImaginary: [Double]

    init(size: Int) {
        self.size = size
        fft = FFT(size: size)
        kernelReal = [Double](repeating: 0, count: size * size)
        kernelImaginary = kernelReal; real = kernelReal; imaginary = kernelReal
        scratchReal = kernelReal; scratchImaginary = kernelReal
    }

    /// Sets the kernel: `kernel(dx, dy)` for grid offsets |dx|, |dy| < n (2n − 1 ≤ size).
    mutating func setKernel(nodes n: Int, _ kernel: (Int, Int) -> Double) {
        let l = size
        for t in kernelReal.indices { kernelReal[t] = 0; kernelImaginary[t] = 0 }
        for dy in (1 - n)..<n {
            for dx in (1 - n)..<n {
                kernelReal[((dy + l) % l) * l + (dx + l) % l] = kernel(dx, dy)
            }
        }
        Self.forward(fft, &kernelReal, &kernelImaginary, &scratchReal, &scratchImaginary, nonZeroRows: l)
    }

    /// Convolves the `n × n` grids `a` and `b` (row-major) with the kernel, in place.
    mutating func convolve(_ a: inout [Double], _ b: inout [Double], nodes n: Int) {
        let l = size
        for t in real.indices { real[t] = 0; imaginary[t] = 0 }
        for y in 0..<n { for x in 0..<n { real[y * l + x] = a[y * n + x]; imaginary[y * l + x] = b[y * n + x] } }
        Self.forward(fft, &real, &imaginary, &scratchReal, &scratchImaginary, nonZeroRows: n)
        for t in real.indices {
            let kr = kernelReal[t], ki = kernelImaginary[t], r = real[t], i = imaginary[t]
            real[t] = r * kr - i * ki
            imaginary[t] = r * ki + i * kr
        }
        Self.rows(fft, &real, &imaginary, 0..<l, inverse: true)
        Self.transpose(&real, &imaginary, &scratchReal, &scratchImaginary, size: l)
        Self.rows(fft, &real, &imaginary, 0..<n, inverse: true)
        let scale = 1 / Double(l * l)
        for y in 0..<n { for x in 0..<n { a[y * n + x] = real[y * l + x] * scale; b[y * n + x] = imaginary[y * l + x] * scale } }
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
                Parallel.forEachChunk(count: rows.count, chunks: 8) { _, range in
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
                        Parallel.forEachChunk(count: (l + block - 1) / block, chunks: 8) { _, range in
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
