/// 10^k for k in 0…7, exact in a Double (a literal array: laid out at compile time).
private let shortTenPowers: [Double] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000]

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
    /// rounded, which is what `NumberParser.float` returns too. (Multiplying by 10^-k with
    /// `NumberParser`'s halfway test, dividing only near a midpoint, was slower: the test costs
    /// more than the division, which does not hold up the next number.)
    @inline(__always)
    static func parse(_ p: UnsafeBufferPointer<UInt8>, at start: Int, point: UInt8) -> (value: Float, end: Int)? {
        guard let base = p.baseAddress, p.count &- start >= lookahead else { return nil }
        let first = base[start]
        let negative = first == UInt8(ascii: "-")
        let i = start &+ (negative || first == UInt8(ascii: "+") ? 1 : 0)
        let whole = digits(base, at: i)
        let wholeCount = digitCount(whole)
        guard wholeCount > 0, wholeCount < 8 else { return nil }
        var end = i &+ wholeCount
        var mantissa: UInt64
        var k = 0
        if base[end] == point {
            let fraction = digits(base, at: end &+ 1)
            k = digitCount(fraction)
            guard k < 8 else { return nil }
            let total = wholeCount &+ k
            if total <= 8 {
                // Both runs in one word: the whole part's digits, then the fraction's.
                let joined = whole & (1 &<< UInt64(wholeCount &* 8) &- 1) | fraction &<< UInt64(wholeCount &* 8)
                mantissa = value(joined, count: total)
            } else {
                mantissa = value(whole, count: wholeCount) &* integerTenPowers[k] &+ value(fraction, count: k)
            }
            end = end &+ 1 &+ k
        } else {
            mantissa = value(whole, count: wholeCount)
        }
        guard base[end] | 0x20 != UInt8(ascii: "e") else { return nil }
        // Below 2^53, so the signed conversion (one instruction) is exact.
        let m = Double(Int64(bitPattern: mantissa))
        let magnitude = Float(m / shortTenPowers[k])
        return (Float(bitPattern: magnitude.bitPattern | UInt32(negative ? 1 : 0) << 31), end)
    }

    /// The eight bytes at `base + i` with digits turned into 0…9 (the first byte lowest).
    @inline(__always)
    private static func digits(_ base: UnsafePointer<UInt8>, at i: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) ^ 0x3030_3030_3030_3030
    }

    /// How many of the bytes of `t` (from `digits`) are digits before the first that is not: 0…8.
    @inline(__always)
    private static func digitCount(_ t: UInt64) -> Int {
        // A byte's high bit ends up set when it is not a digit; carries only reach bytes after
        // the first non-digit, which are not counted.
        (((t &+ 0x7676_7676_7676_7676) | t) & 0x8080_8080_8080_8080).trailingZeroBitCount >> 3
    }

    /// The number the first `count` (1…8) digits of `t` write.
    @inline(__always)
    private static func value(_ t: UInt64, count: Int) -> UInt64 {
        // The digits become the last ones of an eight-digit number with leading zeros, which is
        // then converted eight at a time (pairs, then fours, then all).
        var v = t &<< UInt64((8 &- count) &* 8)
        v = (v &* 10) &+ (v >> 8)
        let low = (v & 0x0000_00FF_0000_00FF) &* (100 + (1_000_000 << 32))
        let high = ((v >> 16) & 0x0000_00FF_0000_00FF) &* (1 + (10_000 << 32))
        return (low &+ high) >> 32
    }
}
