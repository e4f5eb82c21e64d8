import Foundation

/// Each point's k nearest neighbours by Euclidean distance, found exactly.
///
/// Squared distances come block by block from one sgemm (‖a‖² + ‖b‖² − 2 a·b), so the work is
/// OpenBLAS's; each row then keeps its k smallest in a bounded max-heap. Ties are broken by index,
/// so the result is deterministic.
struct NearestNeighbors {
    /// Neighbour indices, `k` per point, nearest first (`count × k`).
    var indices: [Int]
    /// Squared distances matching `indices`.
    var squaredDistances: [Double]
    /// Neighbours per point.
    var k: Int

    /// The `k` nearest neighbours of every row of `data` (excluding the row itself).
    static func exact(_ data: Matrix, k: Int) -> NearestNeighbors {
        exact(data, k: k, shouldStop: { false }) ?? NearestNeighbors(indices: [], squaredDistances: [], k: k)
    }

    /// The same, polling `shouldStop` between blocks of rows; nil when it said stop.
    static func exact(_ data: Matrix, k: Int, shouldStop: () -> Bool) -> NearestNeighbors? {
        let n = data.rows
        var indices = [Int](repeating: 0, count: n * k)
        var distances = [Double](repeating: 0, count: n * k)
        let finished = PairwiseDistances.forEachBlock(data, shouldStop: shouldStop) { start, block, rowDistances in
            indices.withUnsafeMutableBufferPointer { idx in
                distances.withUnsafeMutableBufferPointer { dist in
                    Parallel.forEachChunk(count: block) { _, range in
                        var heap = NeighborHeap(capacity: k)
                        for local in range {
                            let i = start + local
                            heap.removeAll()
                            let row = rowDistances + local * n
                            for j in 0..<n where j != i { heap.offer(Double(row[j]), j) }
                            // safe: callers pass k ≥ 1 (TSNE and Trustworthiness check it), so the n·k buffers are non-empty.
                            heap.writeSorted(indices: idx.baseAddress! + i * k, distances: dist.baseAddress! + i * k)
                        }
                    }
                }
            }
        }
        return finished ? NearestNeighbors(indices: indices, squaredDistances: distances, k: k) : nil
    }
}

/// Squared Euclidean distances between all rows, one block of rows at a time.
enum PairwiseDistances {
    /// Calls `body(firstRow, rowsInBlock, distances)` with `rowsInBlock × n` squared distances
    /// (clamped at 0, Float) for consecutive blocks of rows. `shouldStop` is polled before each
    /// block (Ctrl-C during a large t-SNE); returns false when it stopped the blocks early.
    @discardableResult
    static func forEachBlock(_ data: Matrix, blockRows: Int = 256, shouldStop: () -> Bool = { false },
                             _ body: (Int, Int, UnsafePointer<Float>) -> Void) -> Bool {
        let n = data.rows, d = data.columns
        guard n > 0 else { return true }
        var finished = true
        var norms = [Float](repeating: 0, count: n)
        for i in 0..<n {
            var s: Float = 0
            for c in 0..<d { let v = data.values[i * d + c]; s += v * v }
            norms[i] = s
        }
        let rowsPerBlock = max(1, min(blockRows, n))
        var buffer = [Float](repeating: 0, count: rowsPerBlock * n)
        data.values.withUnsafeBufferPointer { x in
            buffer.withUnsafeMutableBufferPointer { out in
                var start = 0
                while start < n {
                    if shouldStop() {
                        finished = false
                        break
                    }
                    let block = min(rowsPerBlock, n - start)
                    if d > 0 {
                        // safe: n > 0 and d > 0, so data.values and the block buffer are non-empty.
                        sgemm(transposeA: false, transposeB: true, m: block, n: n, k: d, alpha: -2,
                              a: x.baseAddress! + start * d, lda: d, b: x.baseAddress!, ldb: d,
                              beta: 0, c: out.baseAddress!, ldc: n)
                    } else {
                        for t in 0..<(block * n) { out[t] = 0 }
                    }
                    for r in 0..<block {
                        let ni = norms[start + r]
                        for j in 0..<n { out[r * n + j] = max(0, out[r * n + j] + ni + norms[j]) }
                        out[r * n + start + r] = 0
                    }
                    // safe: the buffer holds rowsPerBlock × n ≥ 1 values (n > 0 is checked above).
                    body(start, block, UnsafePointer(out.baseAddress!))
                    start += block
                }
            }
        }
        return finished
    }
}

/// The k smallest (distance, index) pairs seen so far, as a max-heap on (distance, index).
struct NeighborHeap {
    private var distances: [Double] = []
    private var indices: [Int] = []
    let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        distances.reserveCapacity(capacity)
        indices.reserveCapacity(capacity)
    }

    mutating func removeAll() {
        distances.removeAll(keepingCapacity: true)
        indices.removeAll(keepingCapacity: true)
    }

    @inline(__always) private func greater(_ a: Int, _ b: Int) -> Bool {
        distances[a] > distances[b] || (distances[a] == distances[b] && indices[a] > indices[b])
    }

    /// Keeps (distance, index) if it is among the k smallest.
    @inline(__always) mutating func offer(_ distance: Double, _ index: Int) {
        guard capacity > 0 else { return }
        if distances.count < capacity {
            distances.append(distance)
            indices.append(index)
            var child = distances.count - 1
            while child > 0 {
                let parent = (child - 1) / 2
                guard greater(child, parent) else { break }
                distances.swapAt(child, parent); indices.swapAt(child, parent)
                child = parent
            }
            return
        }
        guard distance < distances[0] || (distance == distances[0] && index < indices[0]) else { return }
        distances[0] = distance
        indices[0] = index
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var largest = parent
            if left < distances.count, greater(left, largest) { largest = left }
            if right < distances.count, greater(right, largest) { largest = right }
            if largest == parent { break }
            distances.swapAt(parent, largest); indices.swapAt(parent, largest)
            parent = largest
        }
    }

    /// Writes the kept pairs nearest first.
    func writeSorted(indices target: UnsafeMutablePointer<Int>, distances targetDistances: UnsafeMutablePointer<Double>) {
        let order = (0..<distances.count).sorted {
            distances[$0] < distances[$1] || (distances[$0] == distances[$1] && indices[$0] < indices[$1])
        }
        for (slot, k) in order.enumerated() {
            target[slot] = indices[k]
            targetDistances[slot] = distances[k]
        }
    }
}
