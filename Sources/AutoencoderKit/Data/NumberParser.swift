#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// 10^k for k in 0…22, all exact in a Double, which is what makes Clinger's fast path exact.
/// (Literal arrays are laid out at compile time: no lazy-initialisation check, no jump table.)
private let tenPowers: [Double] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
]

/// 10^k for k in -22…22 (at index k + 22), each the correctly rounded Double.
private let scales: [Double] = [
    1e-22, 1e-21, 1e-20, 1e-19, 1e-18, 1e-17, 1e-16, 1e-15, 1e-14, 1e-13, 1e-12, 1e-11,
    1e-10, 1e-9, 1e-8, 1e-7, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1e0,
    1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
]

/// Decimal numbers parsed straight from bytes, without a `String` per cell.
///
/// The syntax is strtod's decimal syntax (see `ScannedDecimal.scan`); no spaces, no hex, no
/// `inf`/`nan`. `double` is always the correctly rounded value, what `strtod` returns; `float` is
/// always `Float(strtod(text))`. Common inputs take exact fast paths; the rest go to `strtod`.
enum NumberParser {
    /// The correctly rounded Double of the scanned number: what strtod gives for its text.
    static func double(_ number: ScannedDecimal, in p: UnsafeBufferPointer<UInt8>) -> Double {
        if number.mantissa == 0 && !number.inexact { return number.negative ? -0.0 : 0.0 }
        if !number.inexact, let value = exactValue(mantissa: number.mantissa, exponent: number.exponent) {
            return number.negative ? -value : value
        }
        return strtodValue(p, from: number.start, to: number.end)
    }

    /// `Float(strtod(text))` for the scanned number, mostly without computing the exact Double.
    @inline(__always)
    static func float(_ number: ScannedDecimal, in p: UnsafeBufferPointer<UInt8>) -> Float {
        let (mantissa, exponent) = (number.mantissa, number.exponent)
        if !number.inexact, exponent >= -22, exponent <= 22 {
            // A Double within a few units of the exact value rounds to the same Float as
            // strtod's Double unless it lies near the middle between two Floats.
            if let value = floatUnlessNearHalfway(Double(mantissa) * scales[exponent + 22]) {
                return withSign(value, negative: number.negative)
            }
        }
        return Float(double(number, in: p))
    }

    /// `value` (not negative) with the sign bit set when `negative`, without a branch.
    @inline(__always)
    private static func withSign(_ value: Float, negative: Bool) -> Float {
        Float(bitPattern: value.bitPattern | UInt32(negative ? 1 : 0) << 31)
    }

    /// `Float(approximate)`, or nil when a few units of error could change it: near the middle
    /// between two Floats, or outside the range of normal Floats.
    @inline(__always)
    private static func floatUnlessNearHalfway(_ approximate: Double) -> Float? {
        let bits = approximate.bitPattern
        let biasedExponent = (bits >> 52) & 0x7FF
        guard biasedExponent > 1023 - 126, biasedExponent < 1023 + 127 else { return nil }
        let dropped = bits & 0x1FFF_FFFF  // the 29 bits a Float does not keep
        let halfway: UInt64 = 0x1000_0000
        let distance = dropped > halfway ? dropped - halfway : halfway - dropped
        return distance > 64 ? Float(approximate) : nil
    }

    /// The correctly rounded `mantissa × 10^exponent` when it can be had without strtod, else nil.
    private static func exactValue(mantissa: UInt64, exponent: Int) -> Double? {
        // Clinger's fast path: both operands exact, so the one rounding is the correct one.
        if mantissa <= 1 << 53, exponent >= -22, exponent <= 22 {
            let m = Double(mantissa)
            return exponent >= 0 ? m * tenPowers[exponent] : m / tenPowers[-exponent]
        }
        #if arch(x86_64) && !os(Windows)
        // Up to 19 digits: one exact-operand Float80 operation rounds to 64 bits; rounding that to
        // 53 bits is correct unless the 64-bit result sits within one unit of a halfway point.
        if exponent >= -27, exponent <= 27 {
            let power = float80PowerOfTen(abs(exponent))
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
    /// 10^k for k in 0…27, all exact in Float80 (5^27 < 2^64).
    @inline(__always)
    private static func float80PowerOfTen(_ k: Int) -> Float80 {
        k <= 22 ? Float80(tenPowers[k]) : Float80(tenPowers[k - 22]) * 1e22
    }
    #endif

    /// strtod on a NUL-terminated copy of the bytes; only called on text of the decimal syntax,
    /// where a `.` or `,` can only be the decimal mark.
    private static func strtodValue(_ p: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Double {
        // strtod follows LC_NUMERIC; the shell may have set a locale whose decimal point is not '.'.
        let point = localeDecimalPoint()
        let count = end - start
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: count * point.count + 1) { buffer in
            var k = 0
            for i in start..<end {
                if p[i] == UInt8(ascii: ".") || p[i] == UInt8(ascii: ","), point != [p[i]] {
                    for byte in point { buffer[k] = CChar(bitPattern: byte); k += 1 }
                } else {
                    buffer[k] = CChar(bitPattern: p[i])
                    k += 1
                }
            }
            buffer[k] = 0
            guard let text = buffer.baseAddress else { return .nan }
            return strtod(text, nil)
        }
    }

    private static func localeDecimalPoint() -> [UInt8] {
        guard let conventions = localeconv(), let point = conventions.pointee.decimal_point else {
            return [UInt8(ascii: ".")]
        }
        let bytes = Array(String(cString: point).utf8)
        return bytes.isEmpty ? [UInt8(ascii: ".")] : bytes
    }

    /// The longest number at `start` (see `ScannedDecimal.scan`) as a Double, and where it ends.
    static func parsePrefix(_ p: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> (value: Double, end: Int)? {
        guard let number = ScannedDecimal.scan(p, from: start, to: end) else { return nil }
        return (double(number, in: p), number.end)
    }

    /// The whole range (already trimmed) as a Double; nil unless it is exactly one number.
    static func parseWhole(_ p: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int,
                           point: UInt8 = UInt8(ascii: ".")) -> Double? {
        guard let number = ScannedDecimal.scan(p, from: start, to: end, point: point), number.end == end else { return nil }
        return double(number, in: p)
    }

    /// The whole range (already trimmed) as `Float(strtod(text))`; nil unless it is one number.
    static func parseWholeFloat(_ p: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int,
                                point: UInt8 = UInt8(ascii: ".")) -> Float? {
        guard let number = ScannedDecimal.scan(p, from: start, to: end, point: point), number.end == end else { return nil }
        return float(number, in: p)
    }

    /// Whether the cell (already trimmed) is a missing value: empty, `NA`, or NaN spelt in any letter
    /// case with or without a sign (`nan`, `NaN`, `NAN`, `-nan`).
    static func isMissing(_ p: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
        switch end - start {
        case 0: return true
        case 2: return p[start] == UInt8(ascii: "N") && p[start + 1] == UInt8(ascii: "A")
        case 3, 4:
            // NaN in any letter case, with or without a sign (numpy writes `nan`, C `-nan`, R `NaN`).
            var i = start
            if end - start == 4 {
                guard p[i] == UInt8(ascii: "-") || p[i] == UInt8(ascii: "+") else { return false }
                i += 1
            }
            let lower = { (byte: UInt8) in byte | 0x20 }
            return lower(p[i]) == UInt8(ascii: "n") && lower(p[i + 1]) == UInt8(ascii: "a") && lower(p[i + 2]) == UInt8(ascii: "n")
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
