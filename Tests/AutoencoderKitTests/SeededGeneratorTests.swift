import Testing
@testable import AutoencoderKit

@Suite struct SeededGeneratorTests {
    @Test func sameSeedGivesSameStream() {
        var a = SeededGenerator(seed: 42), b = SeededGenerator(seed: 42), c = SeededGenerator(seed: 43)
        let first = (0..<5).map { _ in a.next() }
        #expect(first == (0..<5).map { _ in b.next() })
        #expect(first != (0..<5).map { _ in c.next() })
    }

    @Test func normalVariatesHaveUnitMoments() {
        var g = SeededGenerator(seed: 7)
        let n = 200_000
        let xs = (0..<n).map { _ in g.nextNormal() }
        let mean = xs.reduce(0, +) / Double(n)
        let variance = xs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n)
        #expect(abs(mean) < 0.01)
        #expect(abs(variance - 1) < 0.01)
    }

    @Test func shuffleIsAPermutationAndSeeded() {
        var g1 = SeededGenerator(seed: 1), g2 = SeededGenerator(seed: 1)
        var a = Array(0..<100), b = Array(0..<100)
        g1.shuffle(&a); g2.shuffle(&b)
        #expect(a == b)
        #expect(a != Array(0..<100))
        #expect(a.sorted() == Array(0..<100))
    }

    @Test func boundedIndexStaysInRange() {
        var g = SeededGenerator(seed: 3)
        for bound in [1, 2, 7, 1000] {
            for _ in 0..<1000 { #expect((0..<bound).contains(g.nextIndex(below: bound))) }
        }
    }
}
