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
