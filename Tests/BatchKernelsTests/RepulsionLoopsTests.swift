import Foundation
import Testing
@testable import AutoencoderKit
@testable import BatchKernels

@Suite struct RepulsionLoopsTests {
    /// An embedding of `count` points in `dimensions`, with a few exact duplicates (they share a leaf
    /// down to the tree's depth limit) and a tight clump (deep cells next to wide ones).
    static func embedding(count: Int, dimensions: Int, seed: UInt64) -> [Double] {
        var generator = SeededGenerator(seed: seed)
        var y = (0..<(count * dimensions)).map { _ in generator.nextNormal() * 5 }
        for i in 0..<min(6, count) { for c in 0..<dimensions { y[(count - 1 - i) * dimensions + c] = y[c] } }
        for i in 10..<min(40, count) { for c in 0..<dimensions { y[i * dimensions + c] = 3 + y[i * dimensions + c] * 1e-3 } }
        return y
    }

    /// One point's walk of its own, as Barnes–Hut describes it: the definition the eight-lane walk
    /// must reproduce, operation for operation.
    static func walk(point i: Int, y: [Double], dims: Int, tree: SpaceTree, thetaSquared: Double) -> ([Double], Double) {
        let y0 = y[i * dims], y1 = y[i * dims + 1], y2 = dims == 3 ? y[i * dims + 2] : 0
        var force = [0.0, 0.0, 0.0], z = 0.0
        var stack = [0]
        while let index = stack.popLast() {
            let cell = tree.nodes[index]
            let d0 = y0 - cell.centreOfMass.0, d1 = y1 - cell.centreOfMass.1
            let d2 = dims == 3 ? y2 - cell.centreOfMass.2 : 0
            let distanceSquared = d0 * d0 + d1 * d1 + d2 * d2
            if cell.childCount > 0 && !(cell.widthSquared < thetaSquared * distanceSquared) {
                for k in 0..<Int(cell.childCount) { stack.append(Int(cell.firstChild) + k) }
            } else if cell.childCount > 0 || (cell.count == 1 && Int(tree.points[Int(cell.pointStart)]) != i) {
                let w = 1 / (1 + distanceSquared), m = Double(cell.count)
                z += m * w
                let mww = m * w * w
                force[0] += mww * d0; force[1] += mww * d1; force[2] += mww * d2
            } else {
                for s in Int(cell.pointStart)..<Int(cell.pointStart + cell.count) {
                    let j = Int(tree.points[s])
                    if j == i { continue }
                    let e0 = y0 - y[j * dims], e1 = y1 - y[j * dims + 1]
                    let e2 = dims == 3 ? y2 - y[j * dims + 2] : 0
                    let w = 1 / (1 + e0 * e0 + e1 * e1 + e2 * e2)
                    z += w
                    let ww = w * w
                    force[0] += ww * e0; force[1] += ww * e1; force[2] += ww * e2
                }
            }
        }
        return (Array(force[0..<dims]), z)
    }

    /// The lanes walk together but each must get its own walk's numbers, bit for bit, for any θ
    /// (0 opens every cell), a range that does not fill the last group of eight, and a range that
    /// starts inside the tree's order.
    @Test(arguments: [2, 3], [0.0, 0.5, 1.2])
    func lanesGiveEachPointItsOwnWalk(dimensions dims: Int, theta: Double) {
        let n = 301
        let y = Self.embedding(count: n, dimensions: dims, seed: UInt64(7 + dims))
        var tree = SpaceTree(dimensions: dims)
        tree.build(y, count: n)
        for range in [0..<n, 13..<50] {
            var repulsion = [Double](repeating: .nan, count: n * dims)
            let z = y.withUnsafeBufferPointer { y in
                tree.nodes.withUnsafeBufferPointer { cells in
                    tree.points.withUnsafeBufferPointer { points in
                        RepulsionLoops.forces(range, y: y.baseAddress!, dimensions: dims, cells: cells.baseAddress!,
                                              points: points.baseAddress!, maximumDepth: SpaceTree.maximumDepth,
                                              thetaSquared: theta * theta, into: &repulsion)
                    }
                }
            }
            var expectedZ = 0.0
            for t in range {
                let i = Int(tree.points[t])
                let (force, pointZ) = Self.walk(point: i, y: y, dims: dims, tree: tree, thetaSquared: theta * theta)
                expectedZ += pointZ
                #expect(Array(repulsion[(i * dims)..<((i + 1) * dims)]).map(\.bitPattern) == force.map(\.bitPattern),
                        "point \(i), θ \(theta), \(dims)-D")
            }
            #expect(z.bitPattern == expectedZ.bitPattern, "Z over \(range): \(z) vs \(expectedZ)")
            // Points outside the range are left alone.
            let outside = (0..<n).filter { !range.contains($0) }.map { Int(tree.points[$0]) }
            #expect(outside.allSatisfy { i in (0..<dims).allSatisfy { repulsion[i * dims + $0].isNaN } })
        }
    }
}
