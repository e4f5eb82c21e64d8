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
/// both in thread-safe one-time initialisers that every product passes first; after them,
/// products called from several threads at once run independently, each on its caller's thread.
///
/// OpenBLAS starts its worker threads when it is loaded, before `main`, and each spins (calling
/// `sched_yield`) for about 0.1 s waiting for work. On a 2-core machine that spinning took a
/// core from the first command: `load` of W4 spent 73 ms in `pread` instead of 8. So `fixOneThread`
/// also stops those workers; the executable calls it first thing (`settle`).
public enum BLASThreads {
    /// Chooses the kernels, then the thread count; runs once, before the first product.
    static let configured: Void = {
        OpenBLASCore.ensureSuitable
        fixOneThread
    }()

    /// One thread for every product, and no idle workers; runs once. Leaves a count the user set
    /// with OPENBLAS_NUM_THREADS alone (and its workers, which then do the work).
    private static let fixOneThread: Void = {
        guard getenv("OPENBLAS_NUM_THREADS") == nil else { return }
        openblas_set_num_threads(1)
        // OpenBLAS's own fork handler calls this; it joins the workers, and OpenBLAS would start
        // them again if a product ever asked for more than one thread (none does).
        typealias Shutdown = @convention(c) () -> Int32
        guard let library = dlopen(nil, RTLD_NOW), let shutdown = dlsym(library, "blas_thread_shutdown_") else { return }
        _ = unsafeBitCast(shutdown, to: Shutdown.self)()
    }()

    /// Fixes the thread count now and stops OpenBLAS's idle workers, so that they do not compete
    /// with the first commands for the processor. Products fix it by themselves; calling this
    /// early (at start-up) only saves the time the workers would have spun.
    public static func settle() {
        fixOneThread
    }
}
