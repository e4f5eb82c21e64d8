import Foundation

/// The Barnes–Hut gradient (van der Maaten, 2014): attraction over the sparse nearest-neighbour P,
/// repulsion from a space tree in which a cell whose width / distance < θ counts as one point.
struct BarnesHutGradient: GradientMethod {
    let p: SparseAffinities
    let dimensions: Int
    let theta: Double
    private var tree: SpaceTree
    private var attraction: [Double]
    private var repulsion: [Double]

    init(p: SparseAffinities, dimensions: Int, theta: Double) {
        self.p = p
        self.dimensions = dimensions
        self.theta = theta
        tree = SpaceTree(dimensions: dimensions)
        attraction = [Double](repeating: 0, count: p.count * dimensions)
        repulsion = attraction
    }

    mutating func gradient(of y: [Double], exaggeration: Double, into gradient: inout [Double],
                           computeKL: Bool) -> Double? {
        let n = p.count, dims = dimensions
        let klPart = AttractiveForces.compute(p, y: y, dimensions: dims, into: &attraction, klPart: computeKL)
        tree.build(y, count: n)
        let z = repulsiveForces(y)
        for t in 0..<(n * dims) { gradient[t] = 4 * (exaggeration * attraction[t] - repulsion[t] / z) }
        return klPart.map { $0 + log(z) }
    }

    /// Fills `repulsion[i] = Σ_j w_ij² (y_i − y_j)` (cells standing in for their points) and
    /// returns Z = Σ_{i≠j} w_ij estimated the same way.
    private mutating func repulsiveForces(_ y: [Double]) -> Double {
        let n = p.count, dims = dimensions
        let thetaSquared = theta * theta
        var zParts = [Double](repeating: 0, count: 16)
        let tree = self.tree
        y.withUnsafeBufferPointer { y in
            repulsion.withUnsafeMutableBufferPointer { rep in
                zParts.withUnsafeMutableBufferPointer { zParts in
                    tree.nodes.withUnsafeBufferPointer { nodes in
                        tree.points.withUnsafeBufferPointer { points in
                            Parallel.forEachChunk(count: n) { chunk, range in
                                let stack = UnsafeMutablePointer<Int32>.allocate(capacity: 8 * SpaceTree.maximumDepth + 8)
                                defer { stack.deallocate() }
                                var z = 0.0
                                // Points in tree order: neighbours in space follow each other, so
                                // consecutive traversals touch the same cells.
                                for t in range {
                                    let i = Int(points[t])
                                    let yi = y.baseAddress! + i * dims
                                    let y0 = yi[0], y1 = yi[1], y2 = dims == 3 ? yi[2] : 0
                                    var force = (0.0, 0.0, 0.0)
                                    var top = 1
                                    stack[0] = 0
                                    while top > 0 {
                                        top -= 1
                                        let node = nodes[Int(stack[top])]
                                        let d0 = y0 - node.centreOfMass.0, d1 = y1 - node.centreOfMass.1
                                        let d2 = dims == 3 ? y2 - node.centreOfMass.2 : 0
                                        let distanceSquared = d0 * d0 + d1 * d1 + d2 * d2
                                        if node.childCount > 0 && !(node.widthSquared < thetaSquared * distanceSquared) {
                                            for k in 0..<Int(node.childCount) { stack[top] = node.firstChild + Int32(k); top += 1 }
                                        } else if node.childCount > 0 || (node.count == 1 && Int(points[Int(node.pointStart)]) != i) {
                                            // A far cell, or a leaf holding one other point: one interaction.
                                            let w = 1 / (1 + distanceSquared)
                                            let m = Double(node.count)
                                            z += m * w
                                            let mww = m * w * w
                                            force.0 += mww * d0; force.1 += mww * d1; force.2 += mww * d2
                                        } else {
                                            for s in Int(node.pointStart)..<Int(node.pointStart + node.count) {
                                                let j = Int(points[s])
                                                if j == i { continue }
                                                let yj = y.baseAddress! + j * dims
                                                let e0 = y0 - yj[0], e1 = y1 - yj[1]
                                                let e2 = dims == 3 ? y2 - yj[2] : 0
                                                let w = 1 / (1 + e0 * e0 + e1 * e1 + e2 * e2)
                                                z += w
                                                let ww = w * w
                                                force.0 += ww * e0; force.1 += ww * e1; force.2 += ww * e2
                                            }
                                        }
                                    }
                                    rep[i * dims] = force.0
                                    rep[i * dims + 1] = force.1
                                    if dims == 3 { rep[i * dims + 2] = force.2 }
                                }
                                zParts[chunk] = z
                            }
                        }
                    }
                }
            }
        }
        return zParts.reduce(0, +)
    }
}
