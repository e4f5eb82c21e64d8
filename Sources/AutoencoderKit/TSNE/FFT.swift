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
        let sign = inverse ? -1.0 : 1.0
        twiddleReal.withUnsafeBufferPointer { cosines in
            twiddleImaginary.withUnsafeBufferPointer { sines in
                guard let cosines = cosines.baseAddress, let sines = sines.baseAddress else { return }
                if n == 2 {
                    let xr = real[1], xi = imaginary[1], yr = real[0], yi = imaginary[0]
                    real[0] = yr + xr; imaginary[0] = yi + xi
                    real[1] = yr - xr; imaginary[1] = yi - xi
                    return
                }
                Self.firstStages(real, imaginary, n: n, cosines, sines, sign: sign)
                // Stages of half 4 and more, four butterflies at a time; pairs of them in one sweep.
                var stagesLeft = n.trailingZeroBitCount - 2
                var half = 4
                if stagesLeft & 1 == 1 {
                    var start = 0
                    while start < n {
                        Self.butterflies4(real + start, imaginary + start, half: half, cosines + (half - 1), sines + (half - 1), sign: sign)
                        start &+= 2 &* half
                    }
                    half &*= 2
                    stagesLeft -= 1
                }
                while stagesLeft > 0 {
                    var start = 0
                    while start < n {
                        Self.radix4(real + start, imaginary + start, half: half, cosines, sines, sign: sign)
                        start &+= 4 &* half
                    }
                    half &*= 4
                    stagesLeft -= 2
                }
            }
        }
    }

    /// The stages of half 1 (twiddle 1) and 2 together, on blocks of four (n ≥ 4), scalar.
    @inline(__always)
    private static func firstStages(_ real: UnsafeMutablePointer<Double>, _ imaginary: UnsafeMutablePointer<Double>, n: Int,
                                    _ cosines: UnsafePointer<Double>, _ sines: UnsafePointer<Double>, sign: Double) {
        let c0 = cosines[1], s0 = sign * sines[1], c1 = cosines[2], s1 = sign * sines[2]
        var a = 0
        while a < n {
            let x0r = real[a], x0i = imaginary[a], x1r = real[a &+ 1], x1i = imaginary[a &+ 1]
            let x2r = real[a &+ 2], x2i = imaginary[a &+ 2], x3r = real[a &+ 3], x3i = imaginary[a &+ 3]
            let y0r = x0r + x1r, y0i = x0i + x1i, y1r = x0r - x1r, y1i = x0i - x1i
            let y2r = x2r + x3r, y2i = x2i + x3i, y3r = x2r - x3r, y3i = x2i - x3i
            let tr = y2r * c0 - y2i * s0, ti = y2r * s0 + y2i * c0
            let ur = y3r * c1 - y3i * s1, ui = y3r * s1 + y3i * c1
            real[a] = y0r + tr; imaginary[a] = y0i + ti; real[a &+ 2] = y0r - tr; imaginary[a &+ 2] = y0i - ti
            real[a &+ 1] = y1r + ur; imaginary[a &+ 1] = y1i + ui; real[a &+ 3] = y1r - ur; imaginary[a &+ 3] = y1i - ui
            a &+= 4
        }
    }

    /// Two stages at once on one block of 4 · `half` (a multiple of 4), halves `half` then
    /// `2 · half`, four butterflies at a time: the same arithmetic as two `butterflies4` sweeps.
    @inline(__always)
    private static func radix4(_ re: UnsafeMutablePointer<Double>, _ im: UnsafeMutablePointer<Double>, half h: Int,
                               _ cosines: UnsafePointer<Double>, _ sines: UnsafePointer<Double>, sign: Double) {
        let ar = cosines + (h - 1), ai = sines + (h - 1), br = cosines + (2 * h - 1), bi = sines + (2 * h - 1)
        var k = 0
        while k < h {
            let p0 = k, p1 = k &+ h, p2 = p1 &+ h, p3 = p2 &+ h
            let c = FFT.load(ar, k), s = FFT.load(ai, k) * sign
            let x1r = FFT.load(re, p1), x1i = FFT.load(im, p1), x3r = FFT.load(re, p3), x3i = FFT.load(im, p3)
            let tr = x1r * c - x1i * s, ti = x1r * s + x1i * c
            let ur = x3r * c - x3i * s, ui = x3r * s + x3i * c
            let x0r = FFT.load(re, p0), x0i = FFT.load(im, p0), x2r = FFT.load(re, p2), x2i = FFT.load(im, p2)
            let y0r = x0r + tr, y0i = x0i + ti, y1r = x0r - tr, y1i = x0i - ti
            let y2r = x2r + ur, y2i = x2i + ui, y3r = x2r - ur, y3i = x2i - ui
            let c2 = FFT.load(br, k), s2 = FFT.load(bi, k) * sign
            let vr = y2r * c2 - y2i * s2, vi = y2r * s2 + y2i * c2
            FFT.store(y0r + vr, re, p0); FFT.store(y0i + vi, im, p0)
            FFT.store(y0r - vr, re, p2); FFT.store(y0i - vi, im, p2)
            let c3 = FFT.load(br, k &+ h), s3 = FFT.load(bi, k &+ h) * sign
            let wr = y3r * c3 - y3i * s3, wi = y3r * s3 + y3i * c3
            FFT.store(y1r + wr, re, p1); FFT.store(y1i + wi, im, p1)
            FFT.store(y1r - wr, re, p3); FFT.store(y1i - wi, im, p3)
            k &+= 4
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
