import Testing
@testable import AutoencoderKit

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
}
