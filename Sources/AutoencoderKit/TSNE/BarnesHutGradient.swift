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
        let children = tree.children
        y.withUnsafeBufferPointer { y in
            repulsion.withUnsafeMutableBufferPointer { rep in
                zParts.withUnsafeMutableBufferPointer { zParts in
                    tree.centreOfMass.withUnsafeBufferPointer { com in
                        tree.halfWidth.withUnsafeBufferPointer { halfWidth in
                            tree.count.withUnsafeBufferPointer { count in
                                tree.firstChild.withUnsafeBufferPointer { firstChild in
                                    tree.points.withUnsafeBufferPointer { points in
                                        Parallel.forEachChunk(count: n) { chunk, range in
                                            var stack: [Int] = []
                                            stack.reserveCapacity(64 * children)
                                            var z = 0.0
                                            for i in range {
                                                let yi = y.baseAddress! + i * dims
                                                var force = (0.0, 0.0, 0.0)
                                                stack.append(0)
                                                while let node = stack.popLast() {
                                                    let mass = count[node]
                                                    if mass == 0 { continue }
                                                    if firstChild[node] < 0 {
                                                        for t in tree.pointStart[node]..<tree.pointEnd[node] {
                                                            let j = points[t]
                                                            if j == i { continue }
                                                            let yj = y.baseAddress! + j * dims
                                                            let d0 = yi[0] - yj[0], d1 = yi[1] - yj[1]
                                                            let d2 = dims == 3 ? yi[2] - yj[2] : 0
                                                            let w = 1 / (1 + d0 * d0 + d1 * d1 + d2 * d2)
                                                            z += w
                                                            let ww = w * w
                                                            force.0 += ww * d0; force.1 += ww * d1; force.2 += ww * d2
                                                        }
                                                        continue
                                                    }
                                                    let c = com.baseAddress! + node * dims
                                                    let d0 = yi[0] - c[0], d1 = yi[1] - c[1]
                                                    let d2 = dims == 3 ? yi[2] - c[2] : 0
                                                    let distanceSquared = d0 * d0 + d1 * d1 + d2 * d2
                                                    let width = 2 * halfWidth[node]
                                                    if width * width < thetaSquared * distanceSquared {
                                                        let w = 1 / (1 + distanceSquared)
                                                        let m = Double(mass)
                                                        z += m * w
                                                        let mww = m * w * w
                                                        force.0 += mww * d0; force.1 += mww * d1; force.2 += mww * d2
                                                    } else {
                                                        let first = firstChild[node]
                                                        for k in 0..<children { stack.append(first + k) }
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
                }
            }
        }
        return zParts.reduce(0, +)
    }
}
