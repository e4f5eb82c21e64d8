import BatchKernelInterface

/// A quadtree (2-D) or octree (3-D) over the embedding, with each cell's point count and centre of
/// mass, so that Barnes–Hut can treat a far cell as one heavy point.
///
/// Cells are cubes; the children of a cell are stored next to each other (child k holds the points
/// on the upper side of the centre in dimension c when bit c of k is set), and only non-empty
/// children are kept. Built by partitioning an index array, so the tree depends only on the
/// coordinates. A cell with at most `leafSize` points stays a leaf: its points are visited one by
/// one, which costs less than descending further. The cells are `TreeCell`s, which the repulsion
/// loops (`RepulsionLoops`, in the kernels module) walk.
struct SpaceTree {
    let dimensions: Int
    /// The cells; the root is node 0.
    private(set) var nodes: [TreeCell] = []
    /// Point indices, grouped by cell.
    private(set) var points: [Int32] = []
    private var scratch: [Int32] = []

    /// Cells deeper than this stay leaves (only coincident points get that far).
    static let maximumDepth = 60
    static let leafSize = 4

    init(dimensions: Int) { self.dimensions = dimensions }

    /// Rebuilds the tree over `y` (`n × dimensions`, row-major).
    mutating func build(_ y: [Double], count n: Int) {
        let dims = dimensions
        nodes.removeAll(keepingCapacity: true)
        if points.count != n { points = [Int32](repeating: 0, count: n); scratch = points }
        for i in 0..<n { points[i] = Int32(i) }
        var low = (Double.infinity, Double.infinity, Double.infinity)
        var high = (-Double.infinity, -Double.infinity, -Double.infinity)
        for i in 0..<n {
            low.0 = min(low.0, y[i * dims]); high.0 = max(high.0, y[i * dims])
            low.1 = min(low.1, y[i * dims + 1]); high.1 = max(high.1, y[i * dims + 1])
            if dims == 3 { low.2 = min(low.2, y[i * dims + 2]); high.2 = max(high.2, y[i * dims + 2]) }
        }
        if dims == 2 { low.2 = 0; high.2 = 0 }
        let half = max(high.0 - low.0, high.1 - low.1, high.2 - low.2) / 2 * (1 + 1e-9) + 1e-12
        nodes.append(TreeCell(widthSquared: 4 * half * half))
        y.withUnsafeBufferPointer { y in
            fill(0, y, 0..<n, centre: ((low.0 + high.0) / 2, (low.1 + high.1) / 2, (low.2 + high.2) / 2),
                 half: half, depth: 0)
        }
    }

    private mutating func fill(_ node: Int, _ y: UnsafeBufferPointer<Double>, _ range: Range<Int>,
                               centre: (Double, Double, Double), half: Double, depth: Int) {
        let dims = dimensions
        var com = (0.0, 0.0, 0.0)
        for t in range {
            let p = Int(points[t]) * dims
            com.0 += y[p]; com.1 += y[p + 1]
            if dims == 3 { com.2 += y[p + 2] }
        }
        let m = Double(range.count)
        nodes[node].centreOfMass = (com.0 / m, com.1 / m, com.2 / m)
        nodes[node].count = Int32(range.count)
        nodes[node].pointStart = Int32(range.lowerBound)
        guard range.count > Self.leafSize, depth < Self.maximumDepth else { return }

        // Counting sort of the cell's points by child.
        @inline(__always) func child(_ point: Int32) -> Int {
            let p = Int(point) * dims
            var k = y[p] > centre.0 ? 1 : 0
            if y[p + 1] > centre.1 { k |= 2 }
            if dims == 3, y[p + 2] > centre.2 { k |= 4 }
            return k
        }
        var sizes = (0, 0, 0, 0, 0, 0, 0, 0)
        var offsets = [Int](repeating: 0, count: 9)
        withUnsafeMutableBytes(of: &sizes) { raw in
            let sizes = raw.bindMemory(to: Int.self)
            for t in range { sizes[child(points[t])] += 1 }
            offsets[0] = range.lowerBound
            for k in 0..<8 { offsets[k + 1] = offsets[k] + sizes[k] }
        }
        var cursor = offsets
        for t in range {
            let k = child(points[t])
            scratch[cursor[k]] = points[t]
            cursor[k] += 1
        }
        for t in range { points[t] = scratch[t] }

        let quarter = half / 2
        let first = nodes.count
        var made: [(Int, Range<Int>, (Double, Double, Double))] = []
        for k in 0..<(1 << dims) where offsets[k + 1] > offsets[k] {
            let c = (centre.0 + (k & 1 != 0 ? quarter : -quarter), centre.1 + (k & 2 != 0 ? quarter : -quarter),
                     dims == 3 ? centre.2 + (k & 4 != 0 ? quarter : -quarter) : 0)
            made.append((nodes.count, offsets[k]..<offsets[k + 1], c))
            nodes.append(TreeCell(widthSquared: 4 * quarter * quarter))
        }
        nodes[node].firstChild = Int32(first)
        nodes[node].childCount = Int32(made.count)
        for (index, childRange, c) in made {
            fill(index, y, childRange, centre: c, half: quarter, depth: depth + 1)
        }
    }
}
