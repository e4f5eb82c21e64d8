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

    /// The same for one column, in scalar code through `transform` (grids narrower than 8).
    func transformColumn(real: UnsafeMutablePointer<Double>, imaginary: UnsafeMutablePointer<Double>,
                         rowStride: Int, column: Int, inputRows: Int, outputRows: Int, inverse: Bool) {
        var re = [Double](repeating: 0, count: size), im = re
        for t in 0..<inputRows { re[t] = real[t * rowStride + column]; im[t] = imaginary[t * rowStride + column] }
        transform(real: &re, imaginary: &im, inverse: inverse)
        for t in 0..<outputRows { real[t * rowStride + column] = re[t]; imaginary[t * rowStride + column] = im[t] }
    }

    /// The radix-2 stages on `size` bit-reversed lanes of four independent columns.
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
                var half = 2
                while half < n {
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
                    half &*= 2
                }
            }
        }
    }

    /// The radix-2 stages by decimation in frequency on `size` lanes of four independent
    /// columns: input in natural order, output in bit-reversed order (position `reversed[k]`
    /// holds X_k), so a transform after a point-wise product needs no permutation.
    func frequencyStages(_ re: UnsafeMutablePointer<SIMD4<Double>>, _ im: UnsafeMutablePointer<SIMD4<Double>>, inverse: Bool) {
        let n = size
        let sign = inverse ? -1.0 : 1.0
        twiddleReal.withUnsafeBufferPointer { cosines in
            twiddleImaginary.withUnsafeBufferPointer { sines in
                guard let cosines = cosines.baseAddress, let sines = sines.baseAddress else { return }
                var half = n / 2
                while half >= 2 {
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
                    half /= 2
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
}
