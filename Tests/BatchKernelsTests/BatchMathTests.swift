import Foundation
import Testing
@testable import AutoencoderKit
import BatchKernelInterface
@testable import BatchKernels

@Suite struct BatchMathTests {
    /// dot4 exists only to be faster than four dot calls: each lane must be the same Float, bit for
    /// bit, or training results would depend on the layer width. Counts cover no rows, a tail only,
    /// whole blocks of eight and blocks with a tail; values span magnitudes so rounding differs by order.
    @Test(arguments: [0, 1, 7, 8, 9, 32, 33, 100])
    func dot4MatchesFourDots(count: Int) {
        var generator = SeededGenerator(seed: UInt64(count) + 11)
        let stride = count + 5
        let a = (0..<count).map { _ in Float(generator.nextNormal() * 1e3) }
        let b = (0..<(4 * stride)).map { i in Float(generator.nextNormal()) * (i % 3 == 0 ? 1e-4 : 1) }
        let lanes = BatchMath.dot4(a, b, bStride: stride, count: count)
        for j in 0..<4 {
            let single = BatchMath.dot(a, Array(b[(j * stride)...]), count: count)
            #expect(lanes[j].bitPattern == single.bitPattern, "lane \(j) of \(count) rows: \(lanes[j]) vs \(single)")
        }
    }

    /// combinePair only runs two combines side by side: each target must get the same Floats, bit
    /// for bit, as combine gives it, whatever the row count (blocks of 16, of 4, and a scalar tail).
    @Test(arguments: [0, 1, 3, 4, 15, 16, 17, 21, 32, 45])
    func combinePairMatchesTwoCombines(count: Int) {
        var generator = SeededGenerator(seed: UInt64(count) + 5)
        let terms = 7, sourceStride = count + 3, coefficientStride = 3
        let sources = (0..<(terms * sourceStride)).map { i in Float(generator.nextNormal()) * (i % 4 == 0 ? 1e3 : 1) }
        let coefficients = (0..<(terms * coefficientStride)).map { _ in Float(generator.nextNormal()) }
        var pair0 = [Float](repeating: .nan, count: count), pair1 = pair0, single0 = pair0, single1 = pair0
        BatchMath.combinePair(into: &pair0, &pair1, count: count, base0: 0.25, base1: -3,
                              coefficients0: coefficients, Array(coefficients[1...]), coefficientStride: coefficientStride,
                              sources: sources, sourceStride: sourceStride, terms: terms)
        BatchMath.combine(into: &single0, count: count, base: 0.25, coefficients: coefficients,
                          coefficientStride: coefficientStride, sources: sources, sourceStride: sourceStride, terms: terms)
        BatchMath.combine(into: &single1, count: count, base: -3, coefficients: Array(coefficients[1...]),
                          coefficientStride: coefficientStride, sources: sources, sourceStride: sourceStride, terms: terms)
        #expect(pair0.map(\.bitPattern) == single0.map(\.bitPattern))
        #expect(pair1.map(\.bitPattern) == single1.map(\.bitPattern))
    }

    /// The vector exp behind sigmoid stays within a few ulp of libm in every lane, and sigmoid
    /// saturates cleanly and keeps NaN.
    @Test func vectorExpMatchesLibm() {
        var x: Float = -87
        while x < 88 {
            let inputs = SIMD16<Float>((0..<16).map { lane in x * (1 - Float(lane) / 8) + Float(lane) * 0.013 })
            let v = BatchMath.exp(inputs)
            for lane in 0..<16 {
                let input = Swift.min(Swift.max(inputs[lane], -87), 88)
                let exact = Foundation.exp(Double(input))
                #expect(abs(Double(v[lane]) - exact) <= 4e-7 * exact, "exp(\(input))")
            }
            x += 0.37
        }
        var extremes = SIMD16<Float>(repeating: 0)
        extremes[0] = -1_000; extremes[1] = 1_000; extremes[2] = -.infinity; extremes[3] = .infinity
        let saturated = KernelActivation.sigmoid(extremes)
        #expect(saturated[0] == 0 && saturated[1] == 1 && saturated[2] == 0 && saturated[3] == 1 && saturated[4] == 0.5)
        #expect(KernelActivation.sigmoid(SIMD16(repeating: .nan))[0].isNaN)
    }
}
