/// A quadtree (2-D) or octree (3-D) over the embedding, with each cell's point count and centre of
/// mass, so that Barnes–Hut can treat a far cell as one heavy point.
///
/// Cells are cubes; the children of a cell are stored next to each other (child k holds the points
/// on the upper side of the centre in dimension c when bit c of k is set). Built by partitioning an
/// index array, so the tree depends only on the coordinates.
struct SpaceTree {
    let dimensions: Int
    /// Per node: half the width of its cube.
    private(set) var halfWidth: [Double] = []
    /// Per node: the centre of its cube (`dimensions` values).
    private(set) var centre: [Double] = []
    /// Per node: the centre of mass of its points (`dimensions` values).
    private(set) var centreOfMass: [Double] = []
    /// Per node: how many points it holds.
    private(set) var count: [Int] = []
    /// Per node: the index of its first child, or −1 for a leaf.
    private(set) var firstChild: [Int] = []
    /// Per leaf: its points are `points[pointStart..<pointEnd]`.
    private(set) var pointStart: [Int] = []
    private(set) var pointEnd: [Int] = []
    /// Point indices, grouped by leaf.
    private(set) var points: [Int] = []
    private var scratch: [Int] = []

    /// Cells deeper than this stay leaves (only coincident points get that far).
    static let maximumDepth = 60

    init(dimensions: Int) { self.dimensions = dimensions }

    var children: Int { 1 << dimensions }

    /// Rebuilds the tree over `y` (`n × dimensions`, row-major).
    mutating func build(_ y: [Double], count n: Int) {
        let dims = dimensions
        halfWidth.removeAll(keepingCapacity: true); centre.removeAll(keepingCapacity: true)
        centreOfMass.removeAll(keepingCapacity: true); count.removeAll(keepingCapacity: true)
        firstChild.removeAll(keepingCapacity: true); pointStart.removeAll(keepingCapacity: true)
        pointEnd.removeAll(keepingCapacity: true)
        points = Array(0..<n)
        if scratch.count != n { scratch = [Int](repeating: 0, count: n) }
        var low = [Double](repeating: .infinity, count: dims), high = [Double](repeating: -.infinity, count: dims)
        for i in 0..<n { for c in 0..<dims { low[c] = min(low[c], y[i * dims + c]); high[c] = max(high[c], y[i * dims + c]) } }
        var half = 0.0
        for c in 0..<dims { half = max(half, (high[c] - low[c]) / 2) }
        half = half * (1 + 1e-9) + 1e-12
        appendNode(centre: (0..<dims).map { (low[$0] + high[$0]) / 2 }, half: half)
        fill(0, y, 0..<n, depth: 0)
    }

    private mutating func appendNode(centre nodeCentre: [Double], half: Double) {
        halfWidth.append(half)
        centre.append(contentsOf: nodeCentre)
        centreOfMass.append(contentsOf: repeatElement(0, count: dimensions))
        count.append(0); firstChild.append(-1); pointStart.append(0); pointEnd.append(0)
    }

    private mutating func fill(_ node: Int, _ y: [Double], _ range: Range<Int>, depth: Int) {
        let dims = dimensions
        count[node] = range.count
        pointStart[node] = range.lowerBound
        pointEnd[node] = range.upperBound
        guard !range.isEmpty else { return }
        for t in range { for c in 0..<dims { centreOfMass[node * dims + c] += y[points[t] * dims + c] } }
        for c in 0..<dims { centreOfMass[node * dims + c] /= Double(range.count) }
        guard range.count > 1, depth < Self.maximumDepth else { return }

        // Counting sort of the node's points by child.
        let nodeCentre = Array(centre[(node * dims)..<((node + 1) * dims)])
        func child(of point: Int) -> Int {
            var k = 0
            for c in 0..<dims where y[point * dims + c] > nodeCentre[c] { k |= 1 << c }
            return k
        }
        var sizes = [Int](repeating: 0, count: children)
        for t in range { sizes[child(of: points[t])] += 1 }
        var offsets = [Int](repeating: range.lowerBound, count: children + 1)
        for k in 0..<children { offsets[k + 1] = offsets[k] + sizes[k] }
        var cursor = offsets
        for t in range {
            let k = child(of: points[t])
            scratch[cursor[k]] = points[t]
            cursor[k] += 1
        }
        for t in range { points[t] = scratch[t] }

        let half = halfWidth[node] / 2
        let first = count.count
        firstChild[node] = first
        for k in 0..<children {
            appendNode(centre: (0..<dims).map { nodeCentre[$0] + ((k >> $0) & 1 == 1 ? half : -half) }, half: half)
        }
        for k in 0..<children {
            fill(first + k, y, offsets[k]..<offsets[k + 1], depth: depth + 1)
        }
    }
}
