#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing
@testable import AutoencoderKit

/// `ShortDecimal.parse` on `text` followed by `tail` (at least `lookahead` bytes in all).
private func short(_ text: String, tail: String = ",") -> (value: Float, end: Int)? {
    var bytes = Array(text.utf8) + Array(tail.utf8)
    bytes += [UInt8](repeating: UInt8(ascii: "\n"), count: max(0, ShortDecimal.lookahead - bytes.count))
    return bytes.withUnsafeBufferPointer { ShortDecimal.parse($0, at: 0, point: UInt8(ascii: ".")) }
}

/// The general path's value for the whole of `text`: `ScannedDecimal.scan` and `NumberParser.float`.
private func general(_ text: String) -> Float? {
    let bytes = Array(text.utf8)
    return bytes.withUnsafeBufferPointer { NumberParser.parseWholeFloat($0, from: 0, to: $0.count) }
}

private func digits(_ count: Int, _ random: inout SeededGenerator) -> String {
    String((0..<count).map { _ in Character(String(random.nextIndex(below: 10))) })
}

@Suite struct ShortDecimalTests {
    @Test func takesWhatItShouldAndLeavesTheRest() {
        #expect(short("-1.298497")?.end == 9)
        #expect(short("42")?.end == 2)
        #expect(short("+0.5")?.end == 4)
        #expect(short("5.")?.end == 2)
        #expect(short("1234567.1234567")?.end == 15)
        #expect(short("-0.000000").map { $0.value.bitPattern } == (-0.0 as Float).bitPattern)
        // Left to the general scanner: no digit before the mark, 8 digits on a side, exponents.
        for text in [".5", "-.5", "12345678", "1.12345678", "1e5", "1.5E-3", "1.5e", "5.e3", "-", "+", "", "nan"] {
            #expect(short(text) == nil, "\(text)")
        }
        // It ends where `scan` ends, and only where the next byte cannot continue the number.
        #expect(short("1.5", tail: ".2")?.end == 3)
        #expect(short("7", tail: ";")?.end == 1)
        #expect(short("0x10")?.end == 1)  // the caller then finds "x" where a delimiter should be
        #expect(short("1,5", tail: ";").map { $0.end } == 1)
        let comma = Array("1,5;0000000000000000000000".utf8).withUnsafeBufferPointer {
            ShortDecimal.parse($0, at: 0, point: UInt8(ascii: ","))
        }
        #expect(comma?.value == 1.5 && comma?.end == 3)
        // Too close to the end of the input: it does not read past it.
        let near = Array("1.5\n".utf8).withUnsafeBufferPointer { ShortDecimal.parse($0, at: 0, point: UInt8(ascii: ".")) }
        #expect(near == nil)
    }

    @Test func matchesTheGeneralPathAndStrtodOnRandomShortDecimals() {
        var random = SeededGenerator(seed: 23)
        var taken = 0
        for round in 0..<200_000 {
            let sign = ["", "-", "+"][random.nextIndex(below: 3)]
            let whole = digits(random.nextIndex(below: 10), &random)
            let hasPoint = random.nextIndex(below: 5) != 0
            let fraction = hasPoint ? digits(random.nextIndex(below: 10), &random) : ""
            // Leading zeros and trailing zeros, as files have them.
            let text = sign + (round % 7 == 0 ? "000" : "") + whole + (hasPoint ? "." : "") + fraction
                + (round % 11 == 0 && hasPoint ? "000" : "")
            guard let parsed = short(text) else {
                let integerDigits = text.drop { $0 == "-" || $0 == "+" }.prefix { $0 != "." }.count
                let fractionDigits = text.split(separator: ".", omittingEmptySubsequences: false).dropFirst().first?.count ?? 0
                #expect(integerDigits == 0 || integerDigits > 7 || fractionDigits > 7, "\(text) was refused")
                continue
            }
            taken += 1
            #expect(parsed.end == text.utf8.count, "\(text)")
            #expect(parsed.value.bitPattern == general(text)?.bitPattern, "\(text)")
            #expect(parsed.value.bitPattern == Float(strtod(text, nil)).bitPattern, "\(text)")
        }
        #expect(taken > 40_000)
    }

    @Test func roundsNearAndAtTheMiddleBetweenTwoFloatsAsStrtod() {
        // Midpoints between neighbouring Floats that 7 decimals after the mark write exactly (from
        // 2^20 up, where the spacing is 1/8 or more) or nearly, and the decimals one unit either side.
        var random = SeededGenerator(seed: 29)
        var exactMidpoints = 0
        for _ in 0..<60_000 {
            // Mostly from 2^20 to 2^23 (spacing 1/8 to 1): their midpoints have at most 4 decimals.
            let binade = random.nextIndex(below: 3) == 0 ? random.nextIndex(below: 20) : 20 + random.nextIndex(below: 4)
            let bits = UInt32(127 + binade) << 23 | UInt32(truncatingIfNeeded: random.next()) & 0x7F_FFFF
            let magnitude = Float(bitPattern: bits)
            let low = magnitude.nextDown
            let middle = (Double(low) + Double(magnitude)) / 2
            let text = String(format: "%.7f", middle)
            let scaled = middle * 10_000_000
            if scaled == scaled.rounded() { exactMidpoints += 1 }
            let last = Int(String(text.last ?? "0")) ?? 0
            let stem = String(text.dropLast())
            // Without the trailing zeros too: fewer digits make m × 10^-k round the wrong way more often.
            var shortest = Substring(text)
            while shortest.hasSuffix("0"), !shortest.hasSuffix(".0") { shortest = shortest.dropLast() }
            for candidate in [text, String(shortest), "-" + shortest, stem + String((last + 1) % 10), stem + String((last + 9) % 10)] {
                guard let parsed = short(candidate) else { continue }
                #expect(parsed.value.bitPattern == Float(strtod(candidate, nil)).bitPattern, "\(candidate)")
                #expect(parsed.value.bitPattern == general(candidate)?.bitPattern, "\(candidate)")
            }
        }
        #expect(exactMidpoints > 1_000)
    }

    @Test func extremesGoToTheGeneralPathAndStayExact() {
        // Denormals, the largest and smallest Floats, and values past them are not short decimals;
        // in a file they are read by the general path, as before.
        let cells = ["1e-45", "1.4e-45", "1.17549435e-38", "3.4028235e38", "-3.4028235e38", "0.0000001", "9999999.9999999",
                     "0.00000005", "0.000000049", "16777217", "1677721.7", "0.1", "0.2", "0.3"]
        let text = "v\n" + cells.joined(separator: "\n") + "\n" + String(repeating: "1.5\n", count: 40)
        let values = (try? TableReader.parseCSV(Array(text.utf8), source: "t.csv", options: .init()))?.dataset.features.values ?? []
        try? #require(values.count == cells.count + 40)
        for (cell, value) in zip(cells, values) {
            #expect(value.bitPattern == Float(strtod(cell, nil)).bitPattern, "\(cell)")
        }
    }
}
