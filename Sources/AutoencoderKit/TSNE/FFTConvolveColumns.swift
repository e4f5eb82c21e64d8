import Foundation

/// The column half of a real-data 2-D convolution, fused: for eight adjacent columns of row
/// spectra, the forward column transforms, the product with a kernel spectrum, and the inverse
/// column transforms, without writing the full spectrum back to memory. Because the data are
/// real, the spectrum of column size − k is conj Ĝ(−ky, k): one forward transform of columns
/// c ..< c + 8 also gives the products for their mirrors size − c − 7 ... size − c.
extension FFT {
    /// The `SIMD4<Double>` values of scratch space `convolveColumns` needs.
    var convolutionScratchCount: Int { 8 * size }

    /// Columns `column ..< column + 8` of a grid with `rowStride` Doubles per row, whose rows
    /// `0..<rows` hold row spectra of real data (the other rows are zero and not read): column
    /// transforms, product with the kernel spectrum (`kernelReal`, `kernelImaginary`, same
    /// layout), inverse column transforms; rows `0..<rows` of the results are written back.
    ///
    /// With `mirrors`, `column` < size/2 and the columns size − column − 7 ... size − column are
    /// computed and written too (the last may be the pad column `size`, whose kernel must be
    /// zero). Without, only `column` itself is written. Returns Σ |Ĝ|² · `weights` over the
    /// written columns (all rows). Needs `size ≥ 16` and rowStride ≥ size + 8.
    func convolveColumns(real: UnsafeMutablePointer<Double>, imaginary: UnsafeMutablePointer<Double>,
                         rowStride s: Int, column c: Int, rows: Int, mirrors: Bool,
                         kernelReal: UnsafePointer<Double>, kernelImaginary: UnsafePointer<Double>,
                         weights: UnsafePointer<Double>, scratch: UnsafeMutablePointer<SIMD4<Double>>) -> Double {
        let l = size
        let gLoRe = scratch, gLoIm = scratch + l, gHiRe = scratch + 2 * l, gHiIm = scratch + 3 * l
        let mLoRe = scratch + 4 * l, mLoIm = scratch + 5 * l, mHiRe = scratch + 6 * l, mHiIm = scratch + 7 * l
        return reversed.withUnsafeBufferPointer { reversed -> Double in
            for t in 0..<rows {
                let r = reversed[t], at = t &* s &+ c
                gLoRe[r] = Self.load(real, at); gHiRe[r] = Self.load(real, at &+ 4)
                gLoIm[r] = Self.load(imaginary, at); gHiIm[r] = Self.load(imaginary, at &+ 4)
            }
            for t in rows..<l {
                let r = reversed[t]
                gLoRe[r] = .zero; gHiRe[r] = .zero; gLoIm[r] = .zero; gHiIm[r] = .zero
            }
            stages(gLoRe, gLoIm, inverse: false)
            stages(gHiRe, gHiIm, inverse: false)

            var energy = SIMD4<Double>.zero
            if mirrors {
                // Mirror column size − c − j is lane j of the direct block, reversed and conjugated,
                // at row −ky: mirror lanes 0..<4 come from direct lanes 7...4, 4..<8 from 3...0.
                let first = l &- c &- 7
                for ky in 0..<l {
                    let m = (l &- ky) & (l &- 1), dst = reversed[ky], at = ky &* s &+ first
                    let loRe = Self.reverse(gHiRe[m]), loIm = -Self.reverse(gHiIm[m])
                    let hiRe = Self.reverse(gLoRe[m]), hiIm = -Self.reverse(gLoIm[m])
                    let krLo = Self.load(kernelReal, at), kiLo = Self.load(kernelImaginary, at)
                    let krHi = Self.load(kernelReal, at &+ 4), kiHi = Self.load(kernelImaginary, at &+ 4)
                    energy += (loRe * loRe + loIm * loIm) * Self.load(weights, at)
                    energy += (hiRe * hiRe + hiIm * hiIm) * Self.load(weights, at &+ 4)
                    mLoRe[dst] = loRe * krLo - loIm * kiLo; mLoIm[dst] = loRe * kiLo + loIm * krLo
                    mHiRe[dst] = hiRe * krHi - hiIm * kiHi; mHiIm[dst] = hiRe * kiHi + hiIm * krHi
                }
            }
            // The direct products, permuted into bit-reversed order for the inverse in place.
            var direct = SIMD4<Double>.zero, directHigh = SIMD4<Double>.zero
            for ky in 0..<l {
                let r = reversed[ky]
                if r < ky { continue }
                let a = product(ky, gLoRe, gLoIm, gHiRe, gHiIm, s, c, kernelReal, kernelImaginary, weights, &direct, &directHigh)
                if r == ky {
                    (gLoRe[ky], gLoIm[ky], gHiRe[ky], gHiIm[ky]) = a
                } else {
                    let b = product(r, gLoRe, gLoIm, gHiRe, gHiIm, s, c, kernelReal, kernelImaginary, weights, &direct, &directHigh)
                    (gLoRe[r], gLoIm[r], gHiRe[r], gHiIm[r]) = a
                    (gLoRe[ky], gLoIm[ky], gHiRe[ky], gHiIm[ky]) = b
                }
            }
            stages(gLoRe, gLoIm, inverse: true)
            stages(gHiRe, gHiIm, inverse: true)
            if mirrors {
                stages(mLoRe, mLoIm, inverse: true)
                stages(mHiRe, mHiIm, inverse: true)
                let first = l &- c &- 7
                for t in 0..<rows {
                    let at = t &* s &+ c, mirrored = t &* s &+ first
                    Self.store(gLoRe[t], real, at); Self.store(gHiRe[t], real, at &+ 4)
                    Self.store(gLoIm[t], imaginary, at); Self.store(gHiIm[t], imaginary, at &+ 4)
                    Self.store(mLoRe[t], real, mirrored); Self.store(mHiRe[t], real, mirrored &+ 4)
                    Self.store(mLoIm[t], imaginary, mirrored); Self.store(mHiIm[t], imaginary, mirrored &+ 4)
                }
                return (energy + direct + directHigh).sum()
            }
            for t in 0..<rows {
                real[t &* s &+ c] = gLoRe[t][0]; imaginary[t &* s &+ c] = gLoIm[t][0]
            }
            return direct[0]
        }
    }

    /// Row `ky` of the direct block times the kernel spectrum; adds |Ĝ|² Ŵ to the energies.
    @inline(__always)
    private func product(_ ky: Int, _ loRe: UnsafeMutablePointer<SIMD4<Double>>, _ loIm: UnsafeMutablePointer<SIMD4<Double>>,
                         _ hiRe: UnsafeMutablePointer<SIMD4<Double>>, _ hiIm: UnsafeMutablePointer<SIMD4<Double>>,
                         _ s: Int, _ c: Int, _ kernelReal: UnsafePointer<Double>, _ kernelImaginary: UnsafePointer<Double>,
                         _ weights: UnsafePointer<Double>, _ energy: inout SIMD4<Double>, _ energyHigh: inout SIMD4<Double>)
        -> (SIMD4<Double>, SIMD4<Double>, SIMD4<Double>, SIMD4<Double>) {
        let at = ky &* s &+ c
        let ar = loRe[ky], ai = loIm[ky], br = hiRe[ky], bi = hiIm[ky]
        let krLo = Self.load(kernelReal, at), kiLo = Self.load(kernelImaginary, at)
        let krHi = Self.load(kernelReal, at &+ 4), kiHi = Self.load(kernelImaginary, at &+ 4)
        energy += (ar * ar + ai * ai) * Self.load(weights, at)
        energyHigh += (br * br + bi * bi) * Self.load(weights, at &+ 4)
        return (ar * krLo - ai * kiLo, ar * kiLo + ai * krLo, br * krHi - bi * kiHi, br * kiHi + bi * krHi)
    }

    /// Four Doubles from `base + at`, unaligned.
    @inline(__always)
    static func load(_ base: UnsafePointer<Double>, _ at: Int) -> SIMD4<Double> {
        UnsafeRawPointer(base + at).loadUnaligned(as: SIMD4<Double>.self)
    }

    /// Four Doubles from `base + at`, unaligned.
    @inline(__always)
    static func load(_ base: UnsafeMutablePointer<Double>, _ at: Int) -> SIMD4<Double> {
        UnsafeRawPointer(base + at).loadUnaligned(as: SIMD4<Double>.self)
    }

    /// Stores four Doubles at `base + at`, unaligned.
    @inline(__always)
    static func store(_ value: SIMD4<Double>, _ base: UnsafeMutablePointer<Double>, _ at: Int) {
        UnsafeMutableRawPointer(base + at).storeBytes(of: value, as: SIMD4<Double>.self)
    }

    /// The lanes in reverse order.
    @inline(__always)
    static func reverse(_ v: SIMD4<Double>) -> SIMD4<Double> { SIMD4(v[3], v[2], v[1], v[0]) }
}
