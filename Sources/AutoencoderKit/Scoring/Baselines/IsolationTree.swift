/// One tree of an `IsolationForest`, as a flat array of nodes, the root first.
struct IsolationTree: Sendable, Equatable {
    /// An inner node sends a row to `left` when its value of `feature` is at most `threshold`, else
    /// to `right`; a leaf (`feature` −1) holds the path length of a row that reaches it: its depth
    /// plus c of the training rows it isolated.
    struct Node: Sendable, Equatable {
        var feature = -1
        var threshold = 0.0
        var left = 0, right = 0
        var pathLength = 0.0
    }

    var nodes: [Node] = []

    /// The smallest range of a feature in a node that is split on (scikit-learn's FEATURE_THRESHOLD).
    static let constantRange = 1e-7

    /// Grows a tree on `rows` of `data`, splitting until a node has one row, no feature to split
    /// on, or `depthLimit` is reached.
    static func grow(_ data: Matrix, rows: [Int], depthLimit: Int, generator: inout SeededGenerator) -> IsolationTree {
        var nodes = [Node()]
        var order = rows
        var candidates = Array(0..<data.columns)
        let d = data.columns
        // Nodes still to grow: (node, range of `order` it holds, depth), depth first.
        var pending: [(node: Int, range: Range<Int>, depth: Int)] = [(0, 0..<order.count, 0)]
        data.values.withUnsafeBufferPointer { values in
            while let (node, range, depth) = pending.popLast() {
                guard depth < depthLimit, range.count > 1,
                      let (feature, low, high) = splitFeature(values, d, order, range, &candidates, &generator) else {
                    nodes[node].pathLength = Double(depth) + IsolationForest.averagePathLength(range.count)
                    continue
                }
                var cut = low + (high - low) * generator.nextUniform()
                if cut >= high { cut = low }   // as scikit-learn: a draw that rounds up to the maximum
                // Partition the node's rows: at most the cut first.
                var boundary = range.lowerBound
                for i in range where Double(values[order[i] * d + feature]) <= cut {
                    order.swapAt(i, boundary)
                    boundary += 1
                }
                let leftNode = nodes.count, rightNode = nodes.count + 1
                nodes.append(Node())
                nodes.append(Node())
                nodes[node] = Node(feature: feature, threshold: cut, left: leftNode, right: rightNode)
                pending.append((rightNode, boundary..<range.upperBound, depth + 1))
                pending.append((leftNode, range.lowerBound..<boundary, depth + 1))
            }
        }
        return IsolationTree(nodes: nodes)
    }

    /// A feature drawn uniformly among those not constant on the node's rows, with its minimum
    /// and maximum there; nil when every feature is constant. Features found constant are set
    /// aside for this draw only.
    private static func splitFeature(_ values: UnsafeBufferPointer<Float>, _ d: Int, _ order: [Int], _ range: Range<Int>,
                                     _ candidates: inout [Int], _ generator: inout SeededGenerator) -> (Int, Double, Double)? {
        var remaining = candidates.count
        while remaining > 0 {
            let pick = generator.nextIndex(below: remaining)
            let feature = candidates[pick]
            var low = Double.infinity, high = -Double.infinity
            for i in range {
                let v = Double(values[order[i] * d + feature])
                low = min(low, v)
                high = max(high, v)
            }
            if high > low + constantRange { return (feature, low, high) }
            remaining -= 1
            candidates.swapAt(pick, remaining)
        }
        return nil
    }

    /// The path length of `row` (the fitted width): its leaf's depth plus c of that leaf's rows.
    func pathLength(_ row: UnsafeBufferPointer<Float>) -> Double {
        nodes.withUnsafeBufferPointer { nodes in
            var node = nodes[0]
            while node.feature >= 0 {
                node = nodes[Double(row[node.feature]) <= node.threshold ? node.left : node.right]
            }
            return node.pathLength
        }
    }
}
