import CBLAS
import Foundation

/// How many threads OpenBLAS uses: one, for every product in the process, set once before the
/// first product of any kind (network, t-SNE's neighbour search) and never changed afterwards.
///
/// A product's rounding depends on OpenBLAS's thread count, so a count that changed during the
/// process (it once did, at the first network product) made a result depend on what ran before it:
/// the same `tsne` gave another embedding after a `train`. One thread also suits the network:
/// every product it hands to sgemm is batch-sized (a mini-batch, or an inference chunk of at most
/// 512 rows), and at that size OpenBLAS's hand-off to a second thread costs more than the thread
/// saves: a 32 × 64 by 64 × 256 product took 15 µs on one thread and 24 µs on two on the 2-core
/// development machine, and W2's epoch went from about 110 to 77 ms. A user who sets
/// OPENBLAS_NUM_THREADS keeps the count they chose (fixed for the process all the same).
///
/// Threads: this and `OpenBLASCore.ensureSuitable` are the only OpenBLAS state the library sets,
/// both in one thread-safe one-time initialiser that every product passes first; after it,
/// products called from several threads at once run independently, each on its caller's thread.
enum BLASThreads {
    /// Chooses the kernels, then the thread count; runs once, before the first product.
    static let configured: Void = {
        OpenBLASCore.ensureSuitable
        if ProcessInfo.processInfo.environment["OPENBLAS_NUM_THREADS"] == nil {
            openblas_set_num_threads(1)
        }
    }()
}
