import BatchKernelInterface

/// Barnes–Hut's repulsion for eight points at a time: points that follow each other in the space
/// tree's order lie close together and open mostly the same cells, so they walk the tree together,
/// one lane each, and each cell is read and decided on once for all eight.
///
/// Every lane does exactly what a walk of its own would do: a lane stops at the first cell that is
/// far enough for it (width² < θ² · distance²) and takes the cell as one heavy point there, lanes
/// that still need the cell's children go on into them, and a leaf's points are visited one by one.
/// A lane's interactions come in the order of its own depth-first walk and are added in that
/// order, so the forces and each point's share of Z are the numbers point-by-point walks give.
public enum RepulsionLoops {
    typealias Lanes = SIMD8<Double>
    typealias LaneMask = SIMDMask<SIMD8<Int64>>
    /// Points per walk.
    static let width = 8

    /// For the points `points[range]` (the tree's order), writes
    /// `repulsion[i] = Σ_j w_ij² (y_i − y_j)` with w_ij = 1 / (1 + ‖y_i − y_j‖²), a far cell standing
    /// in for its points, and returns their part of Z = Σ_j w_ij: each point's own sum, added in
    /// point order. `y` is `n × dimensions` (2 or 3) row-major; the walk descends at most
    /// `maximumDepth` levels below `cells[0]`, the root.
    public static func forces(
        _ range: Range<Int>, y: UnsafePointer<Double>, dimensions dims: Int,
        cells: UnsafePointer<TreeCell>, points: UnsafePointer<Int32>, maximumDepth: Int,
        thetaSquared: Double, into repulsion: UnsafeMutablePointer<Double>
    ) -> Double {
        // At most 2^dims − 1 siblings wait on the stack at each level.
        let capacity = 8 * maximumDepth + 8
        let stackCells = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)
        let stackMasks = UnsafeMutablePointer<LaneMask>.allocate(capacity: capacity)
        defer {
            stackCells.deallocate()
            stackMasks.deallocate()
        }
        var total = 0.0
        var start = range.lowerBound
        while start < range.upperBound {
            let lanes = min(width, range.upperBound - start)
            // Point indices as Doubles (exact below 2⁵³): a Double comparison is one instruction on
            // any x86-64, a 64-bit integer one is not.
            var ids = Lanes(repeating: -1)
            var y0 = Lanes(), y1 = Lanes(), y2 = Lanes()
            for lane in 0..<lanes {
                let i = Int(points[start + lane])
                ids[lane] = Double(i)
                y0[lane] = y[i * dims]
                y1[lane] = y[i * dims + 1]
                if dims == 3 { y2[lane] = y[i * dims + 2] }
            }
            // Each lane's force and share of Z.
            var force0 = Lanes(), force1 = Lanes(), force2 = Lanes(), z = Lanes()

            stackCells[0] = 0
            stackMasks[0] = ids .>= 0
            var top = 1
            while top > 0 {
                top -= 1
                let cell = cells[Int(stackCells[top])]
                let active = stackMasks[top]
                if cell.childCount > 0 || cell.count == 1 {
                    let d0 = y0 - cell.centreOfMass.0, d1 = y1 - cell.centreOfMass.1
                    let d2 = dims == 3 ? y2 - cell.centreOfMass.2 : Lanes()
                    let distanceSquared = d0 * d0 + d1 * d1 + d2 * d2
                    let take: LaneMask
                    if cell.childCount > 0 {
                        let near = active .& .!(Lanes(repeating: cell.widthSquared) .< thetaSquared * distanceSquared)
                        take = active .& .!near
                        if any(near) {
                            for k in 0..<cell.childCount {
                                stackCells[top] = cell.firstChild + k
                                stackMasks[top] = near
                                top += 1
                            }
                        }
                    } else {
                        // A leaf of one point: its centre of mass is the point itself.
                        take = active .& (ids .!= Double(points[Int(cell.pointStart)]))
                    }
                    if any(take) {
                        // The cell as one point of mass m at its centre of mass.
                        let m = Double(cell.count)
                        let w = 1 / (1 + distanceSquared)
                        z.replace(with: z + m * w, where: take)
                        let mww = m * w * w
                        force0.replace(with: force0 + mww * d0, where: take)
                        force1.replace(with: force1 + mww * d1, where: take)
                        force2.replace(with: force2 + mww * d2, where: take)
                    }
                } else {
                    for s in Int(cell.pointStart)..<Int(cell.pointStart + cell.count) {
                        let j = Int(points[s])
                        let take = active .& (ids .!= Double(j))
                        let e0 = y0 - y[j * dims], e1 = y1 - y[j * dims + 1]
                        let e2 = dims == 3 ? y2 - y[j * dims + 2] : Lanes()
                        let w = 1 / (1 + e0 * e0 + e1 * e1 + e2 * e2)
                        z.replace(with: z + w, where: take)
                        let ww = w * w
                        force0.replace(with: force0 + ww * e0, where: take)
                        force1.replace(with: force1 + ww * e1, where: take)
                        force2.replace(with: force2 + ww * e2, where: take)
                    }
                }
            }
            for lane in 0..<lanes {
                let i = Int(ids[lane])
                repulsion[i * dims] = force0[lane]
                repulsion[i * dims + 1] = force1[lane]
                if dims == 3 { repulsion[i * dims + 2] = force2[lane] }
                total += z[lane]
            }
            start += lanes
        }
        return total
    }
}
