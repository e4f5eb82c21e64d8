import Foundation

/// Splits work over the cores in a fixed partition, so that results never depend on scheduling.
enum Parallel {
    /// Calls `body(chunk, range)` for `chunks` contiguous slices of `0..<count`, concurrently.
    /// The slices depend only on `count` and `chunks`; a reduction over chunk results done in chunk
    /// order is therefore the same on every run and thread count. Counts below `serialBelow` run
    /// on the calling thread, where a hand-off would cost more than it saves.
    static func forEachChunk(count: Int, chunks: Int = 16, serialBelow: Int = 64, _ body: (Int, Range<Int>) -> Void) {
        guard count > 0 else { return }
        let pieces = max(1, min(chunks, count))
        withoutActuallyEscaping(body) { body in
            let work = { (chunk: Int) in
                body(chunk, (count * chunk / pieces)..<(count * (chunk + 1) / pieces))
            }
            if count < serialBelow {
                for chunk in 0..<pieces { work(chunk) }
            } else {
                DispatchQueue.concurrentPerform(iterations: pieces, execute: work)
            }
        }
    }
}
