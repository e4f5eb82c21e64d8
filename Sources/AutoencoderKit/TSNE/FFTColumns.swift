import Foundation

/// Column transforms of a row-major grid without transposing it: eight adjacent columns are
/// gathered (one 64-byte run per row, in bit-reversed order) into two contiguous buffers of
/// `SIMD4<Double>`, each buffer then runs the radix-2 stages on four columns at once, and the
/// rows wanted are scattered back. The arithmetic per column is that of `transform`.
extension FFT {
    /// The columns one call of `transformColumns` handles.
    static let columnBlock = 8

    /// The `SIMD4<Double>` values of scratch space `transformColumns` needs.
    var columnScratchCount: Int { 4 * size }

    /// In place, the transform of columns `column ..< column + 8` of a grid with `rowStride`
    /// Doubles per row and `size` rows. Rows at or past `inputRows` are taken to be zero (and
    /// not read); only rows before `outputRows` are written back. Needs `size ≥ 8`.
    func transformColumns(real: UnsafeMutablePointer<Double>, imaginary: UnsafeMutablePointer<Double>,
                          rowStride: Int, column: Int, inputRows: Int, outputRows: Int, inverse: Bool,
                          scratch: UnsafeMutablePointer<SIMD4<Double>>) {
        let n = size
        let lowRe = scratch, lowIm = scratch + n, highRe = scratch + 2 * n, highIm = scratch + 3 * n
        reversed.withUnsafeBufferPointer { reversed in
            for t in 0..<inputRows {
                let r = reversed[t]
                let re = UnsafeRawPointer(real + (t &* rowStride &+ column))
                let im = UnsafeRawPointer(imaginary + (t &* rowStride &+ column))
                lowRe[r] = re.loadUnaligned(as: SIMD4<Double>.self)
                highRe[r] = re.loadUnaligned(fromByteOffset: 32, as: SIMD4<Double>.self)
                lowIm[r] = im.loadUnaligned(as: SIMD4<Double>.self)
                highIm[r] = im.loadUnaligned(fromByteOffset: 32, as: SIMD4<Double>.self)
            }
            for t in inputRows..<n {
                let r = reversed[t]
                lowRe[r] = .zero; highRe[r] = .zero; lowIm[r] = .zero; highIm[r] = .zero
            }
        }
        stages(lowRe, lowIm, inverse: inverse)
        stages(highRe, highIm, inverse: inverse)
        for t in 0..<outputRows {
            let re = UnsafeMutableRawPointer(real + (t &* rowStride &+ column))
            let im = UnsafeMutableRawPointer(imaginary + (t &* rowStride &+ column))
            re.storeBytes(of: lowRe[t], as: SIMD4<Double>.self)
            re.storeBytes(of: highRe[t], toByteOffset: 32, as: SIMD4<Double>.self)
            im.storeBytes(of: lowIm[t], as: SIMD4<Double>.self)
            im.storeBytes(of: highIm[t], toByteOffset: 32, as: SIMD4<Double>.self)
        }
    }

    /// The stages on `size` bit-reversed lanes of four independent columns (decimation in time):
    /// the first radix-2 stage, then pairs of radix-2 stages fused into one radix-4 pass (same
    /// arithmetic, half the sweeps over the buffer), with one radix-2 stage first if their count is odd.
    func stages(_ re: UnsafeMutablePointer<SIMD4<Double>>, _ im: UnsafeMutablePointer<SIMD4<Double>>, inverse: Bool) {
        let n = size
        var a = 0
        while a < n {
            let xr = re[a &+ 1], xi = im[a &+ 1], yr = re[a], yi = im[a]
            re[a] = yr + xr; im[a] = yi + xi
            re[a &+ 1] = yr - xr; im[a &+ 1] = yi - xi
            a &+= 2
        }
        let sign = inverse ? -1.0 : 1.0
        twiddleReal.withUnsafeBufferPointer { cosines in
            twiddleImaginary.withUnsafeBufferPointer { sines in
                guard let cosines = cosines.baseAddress, let sines = sines.baseAddress else { return }
                var stagesLeft = size.trailingZeroBitCount - 1
                var half = 2
                if stagesLeft & 1 == 1 {
                    Self.radix2(re, im, n: n, half: half, cosines, sines, sign: sign)
                    half &*= 2
                    stagesLeft -= 1
                }
                while stagesLeft > 0 {
                    Self.radix4(re, im, n: n, half: half, cosines, sines, sign: sign)
                    half &*= 4
                    stagesLeft -= 2
                }
            }
        }
    }

    /// One radix-2 decimation-in-time stage combining halves of length `half`.
    @inline(__always)
    private static func radix2(_ re: UnsafeMutablePointer<SIMD4<Double>>, _ im: UnsafeMutablePointer<SIMD4<Double>>, n: Int,
                               half: Int, _ cosines: UnsafePointer<Double>, _ sines: UnsafePointer<Double>, sign: Double) {
        let wr = cosines + (half - 1), wi = sines + (half - 1)
        var start = 0
        while start < n {
            var k = 0
            while k < half {
                let c = SIMD4<Double>(repeating: wr[k]), s = SIMD4<Double>(repeating: sign * wi[k])
                let p = start &+ k, q = p &+ half
                let xr = re[q], xi = im[q]
                let tr = xr * c - xi * s, ti = xr * s + xi * c
                let yr = re[p], yi = im[p]
                re[q] = yr - tr; im[q] = yi - ti
                re[p] = yr + tr; im[p] = yi + ti
                k &+= 1
            }
            start &+= 2 &* half
        }
    }

    /// Two decimation-in-time stages at once, halves `half` then `2 · half`: the same
    /// butterflies and twiddles as two `radix2` calls, in one sweep.
    @inline(__always)
    private static func radix4(_ re: UnsafeMutablePointer<SIMD4<Double>>, _ im: UnsafeMutablePointer<SIMD4<Double>>, n: Int,
                               half h: Int, _ cosines: UnsafePointer<Double>, _ sines: UnsafePointer<Double>, sign: Double) {
        let ar = cosines + (h - 1), ai = sines + (h - 1), br = cosines + (2 * h - 1), bi = sines + (2 * h - 1)
        var start = 0
        while start < n {
            var k = 0
            while k < h {
                let p0 = start &+ k, p1 = p0 &+ h, p2 = p1 &+ h, p3 = p2 &+ h
                let c = SIMD4<Double>(repeating: ar[k]), s = SIMD4<Double>(repeating: sign * ai[k])
                let x1r = re[p1], x1i = im[p1], x3r = re[p3], x3i = im[p3]
                let tr = x1r * c - x1i * s, ti = x1r * s + x1i * c
                let ur = x3r * c - x3i * s, ui = x3r * s + x3i * c
                let x0r = re[p0], x0i = im[p0], x2r = re[p2], x2i = im[p2]
                let y0r = x0r + tr, y0i = x0i + ti, y1r = x0r - tr, y1i = x0i - ti
                let y2r = x2r + ur, y2i = x2i + ui, y3r = x2r - ur, y3i = x2i - ui
                let c2 = SIMD4<Double>(repeating: br[k]), s2 = SIMD4<Double>(repeating: sign * bi[k])
                let vr = y2r * c2 - y2i * s2, vi = y2r * s2 + y2i * c2
                re[p0] = y0r + vr; im[p0] = y0i + vi; re[p2] = y0r - vr; im[p2] = y0i - vi
                let c3 = SIMD4<Double>(repeating: br[k &+ h]), s3 = SIMD4<Double>(repeating: sign * bi[k &+ h])
                let wr = y3r * c3 - y3i * s3, wi = y3r * s3 + y3i * c3
                re[p1] = y1r + wr; im[p1] = y1i + wi; re[p3] = y1r - wr; im[p3] = y1i - wi
                k &+= 1
            }
            start &+= 4 &* h
        }
    }

    /// The stages by decimation in frequency on `size` lanes of four independent columns: input
    /// in natural order, output in bit-reversed order (position `reversed[k]` holds X_k), so a
    /// transform after a point-wise product needs no permutation. Pairs of stages run as one
    /// radix-4 sweep (one radix-2 stage first if their count is odd); the last stage is trivial.
    func frequencyStages(_ re: UnsafeMutablePointer<SIMD4<Double>>, _ im: UnsafeMutablePointer<SIMD4<Double>>, inverse: Bool) {
        let n = size
        let sign = inverse ? -1.0 : 1.0
        twiddleReal.withUnsafeBufferPointer { cosines in
            twiddleImaginary.withUnsafeBufferPointer { sines in
                guard let cosines = cosines.baseAddress, let sines = sines.baseAddress else { return }
                var stagesLeft = size.trailingZeroBitCount - 1
                var half = n / 2
                if stagesLeft & 1 == 1 {
                    Self.frequencyRadix2(re, im, n: n, half: half, cosines, sines, sign: sign)
                    half /= 2
                    stagesLeft -= 1
                }
                while stagesLeft > 0 {
                    Self.frequencyRadix4(re, im, n: n, half: half / 2, cosines, sines, sign: sign)
                    half /= 4
                    stagesLeft -= 2
                }
            }
        }
        var a = 0
        while a < n {
            let xr = re[a &+ 1], xi = im[a &+ 1], yr = re[a], yi = im[a]
            re[a] = yr + xr; im[a] = yi + xi
            re[a &+ 1] = yr - xr; im[a &+ 1] = yi - xi
            a &+= 2
        }
    }

    /// One radix-2 decimation-in-frequency stage splitting blocks of `2 · half`.
    @inline(__always)
    private static func frequencyRadix2(_ re: UnsafeMutablePointer<SIMD4<Double>>, _ im: UnsafeMutablePointer<SIMD4<Double>>, n: Int,
                                        half: Int, _ cosines: UnsafePointer<Double>, _ sines: UnsafePointer<Double>, sign: Double) {
        let wr = cosines + (half - 1), wi = sines + (half - 1)
        var start = 0
        while start < n {
            var k = 0
            while k < half {
                let c = SIMD4<Double>(repeating: wr[k]), s = SIMD4<Double>(repeating: sign * wi[k])
                let p = start &+ k, q = p &+ half
                let ar = re[p], ai = im[p], br = re[q], bi = im[q]
                re[p] = ar + br; im[p] = ai + bi
                let dr = ar - br, di = ai - bi
                re[q] = dr * c - di * s; im[q] = dr * s + di * c
                k &+= 1
            }
            start &+= 2 &* half
        }
    }

    /// Two decimation-in-frequency stages at once, halves `2 · half` then `half`: the same
    /// butterflies and twiddles as two `frequencyRadix2` calls, in one sweep.
    @inline(__always)
    private static func frequencyRadix4(_ re: UnsafeMutablePointer<SIMD4<Double>>, _ im: UnsafeMutablePointer<SIMD4<Double>>, n: Int,
                                        half h: Int, _ cosines: UnsafePointer<Double>, _ sines: UnsafePointer<Double>, sign: Double) {
        let ar = cosines + (h - 1), ai = sines + (h - 1), br = cosines + (2 * h - 1), bi = sines + (2 * h - 1)
        var start = 0
        while start < n {
            var k = 0
            while k < h {
                let p0 = start &+ k, p1 = p0 &+ h, p2 = p1 &+ h, p3 = p2 &+ h
                let x0r = re[p0], x0i = im[p0], x2r = re[p2], x2i = im[p2]
                let y0r = x0r + x2r, y0i = x0i + x2i
                let c2 = SIMD4<Double>(repeating: br[k]), s2 = SIMD4<Double>(repeating: sign * bi[k])
                let d2r = x0r - x2r, d2i = x0i - x2i
                let y2r = d2r * c2 - d2i * s2, y2i = d2r * s2 + d2i * c2
                let x1r = re[p1], x1i = im[p1], x3r = re[p3], x3i = im[p3]
                let y1r = x1r + x3r, y1i = x1i + x3i
                let c3 = SIMD4<Double>(repeating: br[k &+ h]), s3 = SIMD4<Double>(repeating: sign * bi[k &+ h])
                let d3r = x1r - x3r, d3i = x1i - x3i
                let y3r = d3r * c3 - d3i * s3, y3i = d3r * s3 + d3i * c3
                let c = SIMD4<Double>(repeating: ar[k]), s = SIMD4<Double>(repeating: sign * ai[k])
                re[p0] = y0r + y1r; im[p0] = y0i + y1i
                let e1r = y0r - y1r, e1i = y0i - y1i
                re[p1] = e1r * c - e1i * s; im[p1] = e1r * s + e1i * c
                re[p2] = y2r + y3r; im[p2] = y2i + y3i
                let e3r = y2r - y3r, e3i = y2i - y3i
                re[p3] = e3r * c - e3i * s; im[p3] = e3r * s + e3i * c
                k &+= 1
            }
            start &+= 4 &* h
        }
    }
}
