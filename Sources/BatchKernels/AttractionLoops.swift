import Foundation

/// The attractive half of t-SNE's gradient over the sparse affinities P, eight neighbours of a
/// point at a time (the Barnes–Hut and FFT methods share it).
public enum AttractionLoops {
    typealias Lanes = SIMD8<Double>

    /// For the rows `range` of P (row i's entries are `columns[rowStart[i] ..< rowStart[i + 1]]`
    /// with `values` alongside), writes `attraction[i] = Σ_j p_ij w_ij (y_i − y_j)` with
    /// w_ij = 1 / (1 + ‖y_i − y_j‖²); `y` is `n × dimensions` (2 or 3) row-major. When `klPart`,
    /// returns Σ p_ij log(p_ij / w_ij) over those rows, added in entry order; otherwise 0.
    /// Any `dimensions` other than 2 is taken as 3.
    ///
    /// Each lane sums every eighth entry of a row and the lanes are added pairwise at the end; a
    /// row's last entries fill a vector with p = 0 and the point itself, which adds exact zeros.
    public static func forces(
        _ range: Range<Int>, rowStart: UnsafePointer<Int>, columns: UnsafePointer<Int>, values: UnsafePointer<Double>,
        y: UnsafePointer<Double>, dimensions dims: Int, klPart: Bool, into attraction: UnsafeMutablePointer<Double>
    ) -> Double {
        // One copy of the loop per case, the dimension and the flag constants in it: without the
        // logarithm's calls the accumulators stay in registers.
        switch (dims, klPart) {
        case (2, false): rows(range, rowStart, columns, values, y, dimensions: 2, klPart: false, into: attraction)
        case (2, true): rows(range, rowStart, columns, values, y, dimensions: 2, klPart: true, into: attraction)
        case (_, false): rows(range, rowStart, columns, values, y, dimensions: 3, klPart: false, into: attraction)
        case (_, true): rows(range, rowStart, columns, values, y, dimensions: 3, klPart: true, into: attraction)
        }
    }

    /// The loop of `forces`, inlined once per case.
    @inline(__always)
    static func rows(
        _ range: Range<Int>, _ rowStart: UnsafePointer<Int>, _ columns: UnsafePointer<Int>, _ values: UnsafePointer<Double>,
        _ y: UnsafePointer<Double>, dimensions dims: Int, klPart: Bool, into attraction: UnsafeMutablePointer<Double>
    ) -> Double {
        var kl = 0.0
        for i in range {
            let yi = y + i * dims
            let yi0 = yi[0], yi1 = yi[1], yi2 = dims == 3 ? yi[2] : 0
            var force0 = Lanes(), force1 = Lanes(), force2 = Lanes()
            var t = rowStart[i]
            let end = rowStart[i + 1]
            // Whole vectors of entries, then the row's last entries padded.
            while t < end {
                let lanes = min(8, end - t)
                var yj0 = Lanes(repeating: yi0), yj1 = Lanes(repeating: yi1), yj2 = Lanes(repeating: yi2)
                var p = Lanes()
                if lanes == 8 {
                    let c = columns + t
                    @inline(__always) func gather(_ k: Int) -> Lanes {
                        Lanes(y[c[0] * dims + k], y[c[1] * dims + k], y[c[2] * dims + k], y[c[3] * dims + k],
                              y[c[4] * dims + k], y[c[5] * dims + k], y[c[6] * dims + k], y[c[7] * dims + k])
                    }
                    yj0 = gather(0)
                    yj1 = gather(1)
                    if dims == 3 { yj2 = gather(2) }
                    p = UnsafeRawPointer(values + t).loadUnaligned(as: Lanes.self)
                } else {
                    for lane in 0..<lanes {
                        let yj = y + columns[t + lane] * dims
                        yj0[lane] = yj[0]
                        yj1[lane] = yj[1]
                        if dims == 3 { yj2[lane] = yj[2] }
                        p[lane] = values[t + lane]
                    }
                }
                let d0 = yi0 - yj0, d1 = yi1 - yj1
                let d2 = dims == 3 ? yi2 - yj2 : Lanes()
                let w = 1 / (1 + d0 * d0 + d1 * d1 + d2 * d2)
                let pw = p * w
                force0 += pw * d0
                force1 += pw * d1
                force2 += pw * d2
                if klPart {
                    for lane in 0..<lanes where p[lane] > 0 { kl += p[lane] * log(p[lane] / w[lane]) }
                }
                t += lanes
            }
            attraction[i * dims] = pairwiseSum(force0)
            attraction[i * dims + 1] = pairwiseSum(force1)
            if dims == 3 { attraction[i * dims + 2] = pairwiseSum(force2) }
        }
        return kl
    }

    /// The lanes added in a fixed tree: halves, then quarters, then the last pair.
    @inline(__always)
    static func pairwiseSum(_ lanes: Lanes) -> Double {
        let four = lanes.lowHalf + lanes.highHalf
        let two = four.lowHalf + four.highHalf
        return two[0] + two[1]
    }
}
