import CBLAS
import Foundation

/// How many threads OpenBLAS uses for the network's products.
///
/// Every product the network hands to sgemm is batch-sized (a mini-batch, or an inference chunk
/// of at most 512 rows), and at that size OpenBLAS's hand-off to a second thread costs more than
/// the thread saves: a 32 × 64 by 64 × 256 product took 15 µs on one thread and 24 µs on two on
/// the 2-core development machine, and W2's epoch went from about 110 to 77 ms. One thread also
/// keeps OpenBLAS's idle worker from spinning on the other core. A user who sets
/// OPENBLAS_NUM_THREADS keeps the count they chose.
enum BLASThreads {
    /// Applied once, before the first network product.
    static let configured: Void = {
        if ProcessInfo.processInfo.environment["OPENBLAS_NUM_THREADS"] == nil {
            openblas_set_num_threads(1)
        }
    }()
}
