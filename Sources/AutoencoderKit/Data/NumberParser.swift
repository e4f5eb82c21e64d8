#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Decimal numbers parsed straight from bytes, without a `String` per cell.
///
/// The accepted syntax is strtod's decimal syntax, `[+-]digits[.digits][e[+-]digits]` (digits on
/// at least one side of the point); no spaces, no hex, no `inf`/`nan`. The value is always the
/// correctly rounded `Double`, i.e. what `strtod` returns, so `Float(value)` equals
/// `Float(strtod(text))`. Common inputs take an exact fast path; the rest go to `strtod`.
enum NumberParser {
    /// 10^0 … 10^22: every one is exact in a Double, which is what makes the fast path exact.
    private static let powersOfTen: [Double] = (0...22).map { k in
        var value = 1.0
        for _ in 0..<k { value *= 10 }
        return value
    }

    /// Parses the longest number that starts at `start` and ends before `end`.
    ///
    /// Returns the value and the index just past the number, or `nil` when no number starts there.
    /// An exponent marker without digits (`1e`, `1e+`) is not part of the number, as in strtod.
    @inline(__always)
    static func parsePrefix(_ p: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> (value: Double, end: Int)? {
        var i = start
        var negative = false
        if i < end, p[i] == UInt8(ascii: "-") || p[i] == UInt8(ascii: "+") {
            negative = p[i] == UInt8(ascii: "-")
            i += 1
        }
        var mantissa: UInt64 = 0
        var significantDigits = 0
        var exponent = 0
        var sawDigit = false
        var inexact = false  // a nonzero digit did not fit in the 19-digit mantissa
        while i < end {
            let digit = p[i] &- UInt8(ascii: "0")
            guard digit < 10 else { break }
            sawDigit = true
            if significantDigits < 19 {
                if mantissa != 0 || digit != 0 {
                    mantissa = mantissa &* 10 &+ UInt64(digit)
                    significantDigits += 1
                }
            } else {
                exponent += 1
                if digit != 0 { inexact = true }
            }
            i += 1
        }
        if i < end, p[i] == UInt8(ascii: ".") {
            i += 1
            while i < end {
                let digit = p[i] &- UInt8(ascii: "0")
                guard digit < 10 else { break }
                sawDigit = true
                if significantDigits < 19 {
                    if mantissa != 0 || digit != 0 {
                        mantissa = mantissa &* 10 &+ UInt64(digit)
                        significantDigits += 1
                    }
                    exponent -= 1
                } else if digit != 0 {
                    inexact = true
                }
                i += 1
            }
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
                    // Capped: anything past 10^6 is 0 or infinity anyway, and the cap keeps Int safe.
                    written = min(written * 10 + Int(digit), 1_000_000)
                    j += 1
                }
                exponent += exponentNegative ? -written : written
                i = j
            }
        }
        if mantissa == 0 && !inexact { return (negative ? -0.0 : 0.0, i) }
        if !inexact, let value = exactValue(mantissa: mantissa, exponent: exponent) {
            return (negative ? -value : value, i)
        }
        return (strtodValue(p, from: start, to: i), i)
    }

    /// The correctly rounded `mantissa × 10^exponent` when it can be had without strtod, else nil.
    @inline(__always)
    private static func exactValue(mantissa: UInt64, exponent: Int) -> Double? {
        // Clinger's fast path: both operands exact, so the one rounding is the correct one.
        if mantissa <= 1 << 53, exponent >= -22, exponent <= 22 {
            let m = Double(mantissa)
            return exponent >= 0 ? m * powersOfTen[exponent] : m / powersOfTen[-exponent]
        }
        #if arch(x86_64) && !os(Windows)
        // Up to 19 digits: one exact-operand Float80 operation rounds to 64 bits; rounding that to
        // 53 bits is correct unless the 64-bit result sits within one unit of a halfway point.
        if exponent >= -27, exponent <= 27 {
            let power = float80PowersOfTen[abs(exponent)]
            let m = Float80(mantissa)
            let q = exponent >= 0 ? m * power : m / power
            let low = q.significandBitPattern & 0x7FF
            if low >= 0x3FF && low <= 0x401 { return nil }
            return Double(q)
        }
        #endif
        return nil
    }

    #if arch(x86_64) && !os(Windows)
    /// 10^0 … 10^27, all exact in Float80 (5^27 < 2^64).
    private static let float80PowersOfTen: [Float80] = (0...27).map { k in
        var value: Float80 = 1
        for _ in 0..<k { value *= 10 }
        return value
    }
    #endif

    /// strtod on a NUL-terminated copy of the bytes; only called on text of the decimal syntax.
    private static func strtodValue(_ p: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Double {
        // strtod follows LC_NUMERIC; the shell may have set a locale whose decimal point is not '.'.
        let point = localeDecimalPoint()
        let count = end - start
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: count * point.count + 1) { buffer in
            var k = 0
            for i in start..<end {
                if p[i] == UInt8(ascii: "."), point != [UInt8(ascii: ".")] {
                    for byte in point { buffer[k] = CChar(bitPattern: byte); k += 1 }
                } else {
                    buffer[k] = CChar(bitPattern: p[i])
                    k += 1
                }
            }
            buffer[k] = 0
            return strtod(buffer.baseAddress!, nil)
        }
    }

    private static func localeDecimalPoint() -> [UInt8] {
        guard let conventions = localeconv(), let point = conventions.pointee.decimal_point else {
            return [UInt8(ascii: ".")]
        }
        let bytes = Array(String(cString: point).utf8)
        return bytes.isEmpty ? [UInt8(ascii: ".")] : bytes
    }

    /// Parses a whole cell (already trimmed); nil unless the entire range is one number.
    static func parseWhole(_ p: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Double? {
        guard let (value, stop) = parsePrefix(p, from: start, to: end), stop == end else { return nil }
        return value
    }

    /// Whether the cell (already trimmed) is a missing value: empty, `NA`, `NaN` or `nan`.
    static func isMissing(_ p: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
        switch end - start {
        case 0: return true
        case 2: return p[start] == UInt8(ascii: "N") && p[start + 1] == UInt8(ascii: "A")
        case 3:
            let (a, b, c) = (p[start], p[start + 1], p[start + 2])
            return (a == UInt8(ascii: "N") && b == UInt8(ascii: "a") && c == UInt8(ascii: "N"))
                || (a == UInt8(ascii: "n") && b == UInt8(ascii: "a") && c == UInt8(ascii: "n"))
        default: return false
        }
    }

    /// Whether the cell spells an infinity (`inf`, `-Infinity`, …), to say "not finite" for it.
    static func isInfinity(_ p: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
        var i = start
        if i < end, p[i] == UInt8(ascii: "-") || p[i] == UInt8(ascii: "+") { i += 1 }
        let word = String(decoding: UnsafeBufferPointer(rebasing: p[i..<end]), as: UTF8.self).lowercased()
        return word == "inf" || word == "infinity"
    }
}
