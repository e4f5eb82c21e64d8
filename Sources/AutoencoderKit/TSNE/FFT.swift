import Foundation

/// A complex fast Fourier transform of one power-of-two length (iterative radix-2 Cooley–Tukey),
/// on split real and imaginary arrays, with its twiddle factors and bit-reversal computed once.
///
/// Twiddles are stored per stage, contiguously: the stage that combines halves of length `h`
/// reads cos and −sin of 2πk/(2h), k < h, at offset h − 1, so a butterfly loop walks them in
/// step with the data. Long stages run four butterflies at a time in `SIMD4<Double>`.
struct FFT {
    /// The transform length, a power of two.
    let size: Int
    /// cos(2πk/(2h)) for each stage half-length h, at offset h − 1 + k.
    let twiddleReal: [Double]
    /// −sin(2πk/(2h)) for each stage half-length h, at offset h − 1 + k (forward sign).
    let twiddleImaginary: [Double]
    /// The bit-reversed index of each position.
    let reversed: [Int]

    /// A transform of `size` points (a power of two, at least 2).
    init(size: Int) {
        precondition(size >= 2 && size & (size - 1) == 0, "FFT size must be a power of two")
        self.size = size
        var cosines = [Double](), sines = [Double]()
        cosines.reserveCapacity(size - 1); sines.reserveCapacity(size - 1)
        var half = 1
        while half < size {
            for k in 0..<half {
                cosines.append(cos(2 * Double.pi * Double(k) / Double(2 * half)))
                sines.append(-sin(2 * Double.pi * Double(k) / Double(2 * half)))
            }
            half *= 2
        }
        twiddleReal = cosines
        twiddleImaginary = sines
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
        reversed.withUnsafeBufferPointer { reversed in
            for i in 0..<n {
                let j = reversed[i]
                if j > i {
                    swap(&real[i], &real[j])
                    swap(&imaginary[i], &imaginary[j])
                }
            }
        }
        // The first stage's twiddle is 1.
        var a = 0
        while a < n {
            let xr = real[a &+ 1], xi = imaginary[a &+ 1], yr = real[a], yi = imaginary[a]
            real[a] = yr + xr; imaginary[a] = yi + xi
            real[a &+ 1] = yr - xr; imaginary[a &+ 1] = yi - xi
            a &+= 2
        }
        let sign = inverse ? -1.0 : 1.0
        twiddleReal.withUnsafeBufferPointer { cosines in
            twiddleImaginary.withUnsafeBufferPointer { sines in
                guard let cosines = cosines.baseAddress, let sines = sines.baseAddress else { return }
                var half = 2
                while half < n {
                    let wr = cosines + (half - 1), wi = sines + (half - 1)
                    var start = 0
                    if half >= 4 {
                        while start < n {
                            Self.butterflies4(real + start, imaginary + start, half: half, wr, wi, sign: sign)
                            start &+= 2 &* half
                        }
                    } else {
                        while start < n {
                            for k in 0..<half {
                                let c = wr[k], s = sign * wi[k]
                                let p = start &+ k, q = p &+ half
                                let tr = real[q] * c - imaginary[q] * s
                                let ti = real[q] * s + imaginary[q] * c
                                real[q] = real[p] - tr; imaginary[q] = imaginary[p] - ti
                                real[p] += tr; imaginary[p] += ti
                            }
                            start &+= 2 &* half
                        }
                    }
                    half &*= 2
                }
            }
        }
    }

    /// One block of a stage: combines x[0..<half] with x[half..<2·half], four at a time
    /// (`half` a multiple of 4), with twiddles `wr`, `sign · wi`.
    @inline(__always)
    private static func butterflies4(_ re: UnsafeMutablePointer<Double>, _ im: UnsafeMutablePointer<Double>, half: Int,
                                     _ wr: UnsafePointer<Double>, _ wi: UnsafePointer<Double>, sign: Double) {
        let rawRe = UnsafeMutableRawPointer(re), rawIm = UnsafeMutableRawPointer(im)
        let rawWr = UnsafeRawPointer(wr), rawWi = UnsafeRawPointer(wi)
        let bytes = half &* 8
        var offset = 0
        while offset < bytes {
            let c = rawWr.loadUnaligned(fromByteOffset: offset, as: SIMD4<Double>.self)
            let s = rawWi.loadUnaligned(fromByteOffset: offset, as: SIMD4<Double>.self) * sign
            let xr = rawRe.loadUnaligned(fromByteOffset: offset &+ bytes, as: SIMD4<Double>.self)
            let xi = rawIm.loadUnaligned(fromByteOffset: offset &+ bytes, as: SIMD4<Double>.self)
            let yr = rawRe.loadUnaligned(fromByteOffset: offset, as: SIMD4<Double>.self)
            let yi = rawIm.loadUnaligned(fromByteOffset: offset, as: SIMD4<Double>.self)
            let tr = xr * c - xi * s, ti = xr * s + xi * c
            rawRe.storeBytes(of: yr - tr, toByteOffset: offset &+ bytes, as: SIMD4<Double>.self)
            rawIm.storeBytes(of: yi - ti, toByteOffset: offset &+ bytes, as: SIMD4<Double>.self)
            rawRe.storeBytes(of: yr + tr, toByteOffset: offset, as: SIMD4<Double>.self)
            rawIm.storeBytes(of: yi + ti, toByteOffset: offset, as: SIMD4<Double>.self)
            offset &+= 32
        }
    }
}
