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
            repulsion.withUnsafeMutableBufferPointer { repulsion in
                zParts.withUnsafeMutableBufferPointer { zParts in
                    tree.nodes.withUnsafeBufferPointer { nodes in
                        tree.points.withUnsafeBufferPointer { points in
                            // Points in tree order: neighbours in space follow each other and walk
                            // the tree together.
                            Parallel.forEachChunk(count: n) { chunk, range in
                                // Chunks exist only when n > 0, and then none of these is empty.
                                guard let y = y.baseAddress, let points = points.baseAddress,
                                      let cells = nodes.baseAddress, let repulsion = repulsion.baseAddress else { return }
                                zParts[chunk] = BatchKernelVariant.selected.kernels.repulsion(
                                    range, y: y, dimensions: dims, cells: cells, points: points,
                                    maximumDepth: SpaceTree.maximumDepth, thetaSquared: thetaSquared, into: repulsion)
                            }
                        }
                    }
                }
            }
        }
        return zParts.reduce(0, +)
    }
}
