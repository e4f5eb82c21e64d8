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
    /// With a `mirrorKernel` table (for columns size − column − 7 ... size − column, the last
    /// possibly the pad column `size`, whose kernel must be zero), `column` < size/2 and the
    /// mirror columns are computed and written too. Without, only `column` itself is written
    /// (the table's weights for the other seven must be zero). Returns Σ |Ĝ|² · weight over
    /// the written columns (all rows). Needs `size ≥ 16` and
    /// rowStride ≥ size + 8.
    func convolveColumns(real: UnsafeMutablePointer<Double>, imaginary: UnsafeMutablePointer<Double>,
                         rowStride s: Int, column c: Int, rows: Int, kernel: UnsafePointer<Double>,
                         mirrorKernel: UnsafePointer<Double>?, scratch: UnsafeMutablePointer<SIMD4<Double>>) -> Double {
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

            var energy = SIMD4<Double>.zero
            if let mirrorKernel {
                // Mirror column size − c − j is lane j of the direct block, reversed and conjugated,
                // at row −ky: mirror lanes 0..<4 come from direct lanes 7...4, 4..<8 from 3...0.
                var k = mirrorKernel
                for ky in 0..<l {
                    let m = (l &- ky) & (l &- 1)
                    let loRe = Self.reverse(gHiRe[m]), loIm = -Self.reverse(gHiIm[m])
                    let hiRe = Self.reverse(gLoRe[m]), hiIm = -Self.reverse(gLoIm[m])
                    (mLoRe[ky], mLoIm[ky], mHiRe[ky], mHiIm[ky]) = Self.product(loRe, loIm, hiRe, hiIm, k, &energy)
                    k += row
                }
            }
            var direct = SIMD4<Double>.zero
            var k = kernel
            for ky in 0..<l {
                (gLoRe[ky], gLoIm[ky], gHiRe[ky], gHiIm[ky]) = Self.product(gLoRe[ky], gLoIm[ky], gHiRe[ky], gHiIm[ky], k,
                                                                            &direct)
                k += row
            }
            // Decimation in frequency: the results land in bit-reversed order.
            frequencyStages(gLoRe, gLoIm, inverse: true)
            frequencyStages(gHiRe, gHiIm, inverse: true)
            if mirrorKernel != nil {
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
                return (energy + direct).sum()
            }
            for t in 0..<rows {
                let r = reversed[t]
                real[t &* s &+ c] = gLoRe[r][0]; imaginary[t &* s &+ c] = gLoIm[r][0]
            }
            return direct.sum()
        }
    }

    /// Eight spectrum values (lanes 0..<4 in `lo`, 4..<8 in `hi`) times the kernel row at `k`;
    /// adds |Ĝ|² · weight to `energy` (lane-wise, both halves).
    @inline(__always)
    private static func product(_ loRe: SIMD4<Double>, _ loIm: SIMD4<Double>, _ hiRe: SIMD4<Double>, _ hiIm: SIMD4<Double>,
                                _ k: UnsafePointer<Double>, _ energy: inout SIMD4<Double>)
        -> (SIMD4<Double>, SIMD4<Double>, SIMD4<Double>, SIMD4<Double>) {
        let krLo = load(k, 0), krHi = load(k, 4), kiLo = load(k, 8), kiHi = load(k, 12)
        let powerLo: SIMD4<Double> = loRe * loRe + loIm * loIm, powerHi: SIMD4<Double> = hiRe * hiRe + hiIm * hiIm
        energy += powerLo * load(k, 16)
        energy += powerHi * load(k, 20)
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
