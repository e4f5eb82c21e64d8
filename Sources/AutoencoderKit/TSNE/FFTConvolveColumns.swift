import Foundation

/// The column half of a real-data 2-D convolution, fused: for eight adjacent columns of row
/// spectra, the forward column transforms, the product with a kernel spectrum, and the inverse
/// column transforms, without writing the full spectrum back to memory. Because the data are
/// real, the spectrum of column size − k is conj Ĝ(−ky, k): one forward transform of columns
/// c ..< c + 8 also gives the products for their mirrors size − c − 7 ... size − c.
///
/// Kernel spectra come as tables, one per block of eight columns: for each row ky, 24 Doubles,
/// the real parts, imaginary parts and weights of the eight columns (`kernelRowLength`), so a
/// block reads its kernel front to back.
extension FFT {
    /// The `SIMD4<Double>` values of scratch space `convolveColumns` needs.
    var convolutionScratchCount: Int { 8 * size }

    /// Doubles per row of a kernel table: force kernel real and imaginary parts, then weights,
    /// eight columns each.
    static let kernelRowLength = 24

    /// Columns `column ..< column + 8` of a grid with `rowStride` Doubles per row, whose rows
    /// `0..<rows` hold row spectra of real data (the other rows are zero and not read): column
    /// transforms, product with the kernel spectrum in `kernel` (a table, see above), inverse
    /// column transforms; rows `0..<rows` of the results are written back.
    ///
    /// With `mirrors`, `column` < size/2 and the columns size − column − 7 ... size − column
    /// are computed and written too (the last may be the pad column `size`); their kernel
    /// spectra follow from the direct ones by symmetry. Without, only `column` itself is written
    /// (the table's weights for the other seven must be zero). Returns Σ |Ĝ|² · weight over
    /// the written columns (all rows). Needs `size ≥ 16` and
    /// rowStride ≥ size + 8.
    func convolveColumns(real: UnsafeMutablePointer<Double>, imaginary: UnsafeMutablePointer<Double>,
                         rowStride s: Int, column c: Int, rows: Int, kernel: UnsafePointer<Double>,
                         mirrors: Bool, scratch: UnsafeMutablePointer<SIMD4<Double>>) -> Double {
        let l = size, row = Self.kernelRowLength
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

            var mirrorLow = SIMD4<Double>.zero, mirrorHigh = SIMD4<Double>.zero
            if mirrors {
                // Mirror column size − c − j is lane j of the direct block, reversed and conjugated,
                // at row −ky: mirror lanes 0..<4 come from direct lanes 7...4, 4..<8 from 3...0. The
                // kernels are real and even in Δ (W) or odd in one coordinate (K_x, K_y), so the
                // force spectrum there is −conj of the direct one, and the weight the same.
                var k = kernel
                for ky in 0..<l {
                    let m = (l &- ky) & (l &- 1)
                    let loRe = Self.reverse(gHiRe[m]), loIm = -Self.reverse(gHiIm[m])
                    let hiRe = Self.reverse(gLoRe[m]), hiIm = -Self.reverse(gLoIm[m])
                    let krLo = Self.reverse(Self.load(k, 4)), krHi = Self.reverse(Self.load(k, 0))
                    let kiLo = -Self.reverse(Self.load(k, 12)), kiHi = -Self.reverse(Self.load(k, 8))
                    let powerLo: SIMD4<Double> = loRe * loRe + loIm * loIm, powerHi: SIMD4<Double> = hiRe * hiRe + hiIm * hiIm
                    mirrorLow += powerLo * Self.reverse(Self.load(k, 20))
                    mirrorHigh += powerHi * Self.reverse(Self.load(k, 16))
                    mLoRe[ky] = loRe * krLo - loIm * kiLo; mLoIm[ky] = loRe * kiLo + loIm * krLo
                    mHiRe[ky] = hiRe * krHi - hiIm * kiHi; mHiIm[ky] = hiRe * kiHi + hiIm * krHi
                    k += row
                }
                // Column 0 is its own mirror: its copy in the pad column counts no energy.
                if c == 0 { mirrorHigh[3] = 0 }
            }
            var directLow = SIMD4<Double>.zero, directHigh = SIMD4<Double>.zero
            var k = kernel
            for ky in 0..<l {
                (gLoRe[ky], gLoIm[ky], gHiRe[ky], gHiIm[ky]) = Self.product(gLoRe[ky], gLoIm[ky], gHiRe[ky], gHiIm[ky], k,
                                                                            &directLow, &directHigh)
                k += row
            }
            // Decimation in frequency: the results land in bit-reversed order.
            frequencyStages(gLoRe, gLoIm, inverse: true)
            frequencyStages(gHiRe, gHiIm, inverse: true)
            if mirrors {
                frequencyStages(mLoRe, mLoIm, inverse: true)
                frequencyStages(mHiRe, mHiIm, inverse: true)
                let first = l &- c &- 7
                for t in 0..<rows {
                    let r = reversed[t], at = t &* s &+ c, mirrored = t &* s &+ first
                    Self.store(gLoRe[r], real, at); Self.store(gHiRe[r], real, at &+ 4)
                    Self.store(gLoIm[r], imaginary, at); Self.store(gHiIm[r], imaginary, at &+ 4)
                    Self.store(mLoRe[r], real, mirrored); Self.store(mHiRe[r], real, mirrored &+ 4)
                    Self.store(mLoIm[r], imaginary, mirrored); Self.store(mHiIm[r], imaginary, mirrored &+ 4)
                }
                return ((mirrorLow + mirrorHigh) + (directLow + directHigh)).sum()
            }
            for t in 0..<rows {
                let r = reversed[t]
                real[t &* s &+ c] = gLoRe[r][0]; imaginary[t &* s &+ c] = gLoIm[r][0]
            }
            return (directLow + directHigh).sum()
        }
    }

    /// Eight spectrum values (lanes 0..<4 in `lo`, 4..<8 in `hi`) times the kernel row at `k`;
    /// adds |Ĝ|² · weight to `energy` (lanes 0..<4) and `energyHigh` (lanes 4..<8).
    @inline(__always)
    private static func product(_ loRe: SIMD4<Double>, _ loIm: SIMD4<Double>, _ hiRe: SIMD4<Double>, _ hiIm: SIMD4<Double>,
                                _ k: UnsafePointer<Double>, _ energy: inout SIMD4<Double>, _ energyHigh: inout SIMD4<Double>)
        -> (SIMD4<Double>, SIMD4<Double>, SIMD4<Double>, SIMD4<Double>) {
        let krLo = load(k, 0), krHi = load(k, 4), kiLo = load(k, 8), kiHi = load(k, 12)
        let powerLo: SIMD4<Double> = loRe * loRe + loIm * loIm, powerHi: SIMD4<Double> = hiRe * hiRe + hiIm * hiIm
        energy += powerLo * load(k, 16)
        energyHigh += powerHi * load(k, 20)
        return (loRe * krLo - loIm * kiLo, loRe * kiLo + loIm * krLo, hiRe * krHi - hiIm * kiHi, hiRe * kiHi + hiIm * krHi)
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
