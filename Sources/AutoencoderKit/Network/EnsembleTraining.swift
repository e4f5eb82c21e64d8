/// How the networks of a seed ensemble are trained: independent runs spread over two lanes (one
/// per core), each run on one thread, in a fixed assignment, so the networks never depend on
/// scheduling. Two networks side by side keep both cores busy without the per-batch hand-off
/// between threads that one network's training needs, which costs most on a loaded machine.
public enum EnsembleTraining {
    /// Lanes the networks are spread over: network k runs in lane k mod `lanes`, after the
    /// lane's earlier networks.
    public static let lanes = 2

    /// A batch size no batch reaches: a network trained this way keeps every batch on one thread.
    public static let oneThread = Int.max

    /// `body(k)` for every k in 0..<count, lanes running concurrently; the results in k order.
    /// Network 0 is the first one lane 0 runs (it may report progress; no other call may).
    public static func run<T>(count: Int, _ body: (Int) -> T) -> [T] {
        guard count > 1 else { return (0..<count).map(body) }
        var results = [T?](repeating: nil, count: count)
        let lanes = min(Self.lanes, count)
        results.withUnsafeMutableBufferPointer { slots in
            Parallel.forEachChunk(count: lanes, chunks: lanes, serialBelow: 0) { lane, _ in
                var k = lane
                while k < count {
                    slots[k] = body(k)
                    k += lanes
                }
            }
        }
        return results.compactMap { $0 }
    }
}
