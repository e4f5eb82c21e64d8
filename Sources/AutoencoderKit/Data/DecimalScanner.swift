/// 10^k for k in 0…8 (a literal array: laid out at compile time, no jump table).
let integerTenPowers: [UInt64] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000]

/// A decimal number as found in text: `±mantissa × 10^exponent`, and where its text lies.
struct ScannedDecimal {
    /// Up to 19 significant digits.
    var mantissa: UInt64
    /// The power of ten that scales the mantissa.
    var exponent: Int
    /// Whether a minus sign came first.
    var negative: Bool
    /// Whether a nonzero digit did not fit in the mantissa (then only strtod rounds it right).
    var inexact: Bool
    /// The number's text is `p[start..<end]`.
    var start: Int
    var end: Int

    /// Scans the longest number of strtod's decimal syntax, `[+-]digits[.digits][e[+-]digits]`
    /// with a digit on at least one side of the point, that starts at `start` and ends before
    /// `end`; nil when none does. An exponent marker without digits (`1e`, `1e+`) is not part of
    /// the number, as in strtod. `point` is the decimal mark (`.`, or `,` for decimal commas).
    @inline(__always)
    static func scan(_ p: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int,
                     point: UInt8 = UInt8(ascii: ".")) -> ScannedDecimal? {
        var i = start
        var negative = false
        if i < end {
            // Without a branch on the sign, which random data would mispredict half the time.
            let first = p[i]
            negative = first == UInt8(ascii: "-")
            i &+= negative || first == UInt8(ascii: "+") ? 1 : 0
        }
        var mantissa: UInt64 = 0
        var exponent = 0
        var sawDigit = false
        var inexact = false
        var inFraction = false
        while true {
            // Runs of up to eight digits at once while the mantissa surely has room (< 10^11).
            while end - i >= 8, mantissa < 100_000_000_000 {
                let run = digitRun(p, at: i)
                guard run.count > 0 else { break }
                mantissa = mantissa &* integerTenPowers[run.count] &+ run.value
                if inFraction { exponent -= run.count }
                sawDigit = true
                i += run.count
                if run.count < 8 { break }
            }
            // One digit at a time near the end of the input, or once the mantissa is long.
            while i < end {
                let digit = p[i] &- UInt8(ascii: "0")
                guard digit < 10 else { break }
                sawDigit = true
                if mantissa < 1_000_000_000_000_000_000 {
                    mantissa = mantissa &* 10 &+ UInt64(digit)
                    if inFraction { exponent -= 1 }
                } else {
                    if !inFraction { exponent += 1 }
                    if digit != 0 { inexact = true }
                }
                i += 1
            }
            guard !inFraction, i < end, p[i] == point else { break }
            inFraction = true
            i += 1
        }
        guard sawDigit else { return nil }
        if i < end, p[i] | 0x20 == UInt8(ascii: "e") {
            var j = i + 1
            var exponentNegative = false
            if j < end, p[j] == UInt8(ascii: "-") || p[j] == UInt8(ascii: "+") {
                exponentNegative = p[j] == UInt8(ascii: "-")
                j += 1
            }
            if j < end, p[j] &- UInt8(ascii: "0") < 10 {
                var written = 0
                while j < end {
                    let digit = p[j] &- UInt8(ascii: "0")
                    guard digit < 10 else { break }
                    // Capped: past 10^6 the value is 0 or infinite anyway, and Int stays safe.
                    written = min(written * 10 + Int(digit), 1_000_000)
                    j += 1
                }
                exponent += exponentNegative ? -written : written
                i = j
            }
        }
        return ScannedDecimal(mantissa: mantissa, exponent: exponent, negative: negative, inexact: inexact,
                              start: start, end: i)
    }

    /// The digits that start at `p[i]`, up to eight of them, read in one 64-bit load (SWAR).
    ///
    /// Returns their value and how many there were (0 when `p[i]` is not a digit). The caller
    /// makes sure eight bytes are there to load.
    @inline(__always)
    private static func digitRun(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> (value: UInt64, count: Int) {
        guard let base = p.baseAddress else { return (0, 0) }
        let word = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
        let t = word ^ 0x3030_3030_3030_3030  // digits become 0…9
        // A byte's high bit ends up set when it is not a digit; carries only reach bytes after
        // the first non-digit, which are not used.
        let nonDigits = ((t &+ 0x7676_7676_7676_7676) | t) & 0x8080_8080_8080_8080
        let count = nonDigits.trailingZeroBitCount >> 3  // 8 when all are digits
        // The `count` digits become the last ones of an eight-digit number with leading zeros.
        // The shift (64 when there are none, which must give 0) is done in two masked halves,
        // as a single checked shift costs a branch.
        let shift = UInt64((8 - count) << 3)
        var v = (t &<< (shift >> 1)) &<< (shift - shift >> 1)
        v = (v &* 10) &+ (v >> 8)  // pairs of digits in every other byte
        let low = (v & 0x0000_00FF_0000_00FF) &* (100 + (1_000_000 << 32))
        let high = ((v >> 16) & 0x0000_00FF_0000_00FF) &* (1 + (10_000 << 32))
        return ((low &+ high) >> 32, count)
    }
}
