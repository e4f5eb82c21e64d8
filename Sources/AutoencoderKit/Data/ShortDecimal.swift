/// 10^k for k in 0…7, exact in a Double (a literal array: laid out at compile time).
private let shortTenPowers: [Double] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000]
/// 10^-k for k in 0…7, each the correctly rounded Double.
private let shortTenthPowers: [Double] = [1, 1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7]

/// The short plain decimals most CSV cells hold (`-1.298497`, `42`, `+0.5`), read with two 64-bit
/// loads instead of `ScannedDecimal.scan`'s byte loop.
enum ShortDecimal {
    /// Bytes that must be readable from the number's start for `parse` to try it.
    static let lookahead = 24

    /// The number at `p[i]` when it is `[+-]d[d…][.[d…]]` with 1–7 digits before the mark and 0–7
    /// after it: `Float(strtod(text))` and where the text ends. nil for anything else (longer
    /// numbers, `.5`, exponents, fewer than `lookahead` bytes left), which `ScannedDecimal.scan`
    /// then reads; the byte after the number is never a digit, the mark, `e` or `E`, so `scan`
    /// would end the number at the same place.
    ///
    /// Exact: the digits form an integer m below 10^14 < 2^53 and 10^k (k ≤ 7) is exact, so m / 10^k
    /// is strtod's correctly rounded Double (Clinger's fast path), and the Float is that Double
    /// rounded, which is what `NumberParser.float` returns too. The division is only done when
    /// m × 10^-k (within two Double units of it, and much faster) lies so near the middle between
    /// two Floats that the two could round apart.
    @inline(__always)
    static func parse(_ p: UnsafeBufferPointer<UInt8>, at start: Int, point: UInt8) -> (value: Float, end: Int)? {
        guard p.count - start >= lookahead else { return nil }
        let first = p[start]
        let negative = first == UInt8(ascii: "-")
        let i = start &+ (negative || first == UInt8(ascii: "+") ? 1 : 0)
        let whole = ScannedDecimal.digitRun(p, at: i)
        guard whole.count > 0, whole.count < 8 else { return nil }
        var end = i &+ whole.count
        var mantissa = whole.value
        var k = 0
        if p[end] == point {
            let fraction = ScannedDecimal.digitRun(p, at: end &+ 1)
            guard fraction.count < 8 else { return nil }
            mantissa = mantissa &* integerTenPowers[fraction.count] &+ fraction.value
            k = fraction.count
            end = end &+ 1 &+ fraction.count
        }
        guard p[end] | 0x20 != UInt8(ascii: "e") else { return nil }
        // Below 2^53, so the signed conversion (one instruction) is exact.
        let m = Double(Int64(bitPattern: mantissa))
        let magnitude = NumberParser.floatUnlessNearHalfway(m * shortTenthPowers[k]) ?? Float(m / shortTenPowers[k])
        return (Float(bitPattern: magnitude.bitPattern | UInt32(negative ? 1 : 0) << 31), end)
    }
}
