import Foundation
import Testing
@testable import AutoencoderKit
@testable import BatchKernels

@Suite struct AttractionLoopsTests {
    /// A sparse P whose rows have 0 to 19 entries (empty rows, a part vector only, whole vectors
    /// and whole vectors with a tail), some entries 0, and an embedding to take forces at.
    static func problem(count n: Int, dimensions dims: Int, seed: UInt64) -> (rowStart: [Int], columns: [Int], values: [Double], y: [Double]) {
        var generator = SeededGenerator(seed: seed)
        var rowStart = [0], columns: [Int] = [], values: [Double] = []
        for i in 0..<n {
            for k in 0..<(i % 20) {
                columns.append((i + 1 + k * 7) % n)
                values.append(k % 5 == 3 ? 0 : abs(generator.nextNormal()) * 1e-3)
            }
            rowStart.append(columns.count)
        }
        let y = (0..<(n * dims)).map { _ in generator.nextNormal() * 3 }
        return (rowStart, columns, values, y)
    }

    /// The forces are the sums the definition gives (in another order, so to rounding) and the KL
    /// part is the definition's sum in entry order, bit for bit; rows outside the range are left alone.
    @Test(arguments: [2, 3])
    func forcesAndKLFollowTheDefinition(dimensions dims: Int) {
        let n = 60
        let (rowStart, columns, values, y) = Self.problem(count: n, dimensions: dims, seed: UInt64(dims))
        let range = 3..<57
        for klPart in [false, true] {
            var attraction = [Double](repeating: .nan, count: n * dims)
            let kl = AttractionLoops.forces(range, rowStart: rowStart, columns: columns, values: values, y: y,
                                            dimensions: dims, klPart: klPart, into: &attraction)
            var expectedKL = 0.0
            for i in 0..<n {
                guard range.contains(i) else {
                    #expect((0..<dims).allSatisfy { attraction[i * dims + $0].isNaN })
                    continue
                }
                var force = [Double](repeating: 0, count: dims)
                for t in rowStart[i]..<rowStart[i + 1] {
                    let j = columns[t]
                    let d = (0..<dims).map { y[i * dims + $0] - y[j * dims + $0] }
                    let w = 1 / (1 + d[0] * d[0] + d[1] * d[1] + (dims == 3 ? d[2] * d[2] : 0))
                    for c in 0..<dims { force[c] += values[t] * w * d[c] }
                    if values[t] > 0 { expectedKL += values[t] * log(values[t] / w) }
                }
                for c in 0..<dims {
                    #expect(abs(attraction[i * dims + c] - force[c]) <= 1e-14 * max(1e-3, abs(force[c])), "row \(i), coordinate \(c)")
                }
            }
            #expect(kl.bitPattern == (klPart ? expectedKL : 0).bitPattern, "KL part \(kl) vs \(expectedKL)")
        }
    }
}
