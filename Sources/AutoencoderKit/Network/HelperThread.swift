import Foundation
import Synchronization

/// A thread of its own that runs the second worker's half of each batch while the calling
/// thread runs the first.
///
/// A half batch of W2 takes about 60 µs, less than it takes libdispatch to wake a pool thread,
/// so `DispatchQueue.concurrentPerform` ran both halves on the calling thread. This thread
/// instead spins for a while after each job, waiting for the next one (batches come back to
/// back), and only then sleeps on a semaphore, so that an idle run does not keep a core busy.
/// A job is plain values, not a closure, so posting one allocates nothing.
///
/// Whichever thread claims a job first runs it: when the calling thread finishes its own half
/// before this thread has started (it slept, or another program holds the other core), it runs
/// the second half too. The half is computed by the same code on the same buffers either way,
/// so the result does not depend on which thread ran it.
final class HelperThread {
    enum Job {
        case batch(data: UnsafePointer<Float>, indices: UnsafePointer<Int>, rows: Int, batchRows: Int)
        case squaredError(data: UnsafePointer<Float>, indices: UnsafePointer<Int>, count: Int)
        /// `Adam.apply` on a part of the parameters; the result is 0 when every new one is finite.
        case adam(stepSize: Float, parameters: UnsafePointer<Float>, gradients: UnsafePointer<Float>,
                  m: UnsafeMutablePointer<Float>, v: UnsafeMutablePointer<Float>,
                  updated: UnsafeMutablePointer<Float>, count: Int)
        case stop
    }

    /// Spins (a fraction of a millisecond in all) before the thread sleeps: long enough to span
    /// the Adam step between two batches, short enough not to hold a core between commands.
    private static let spinsBeforeSleep = 100_000

    private let worker: BatchWorker
    /// Jobs are numbered 1, 2, …: the last one posted, claimed and finished by this thread.
    private let posted = Atomic<Int>(0)
    private let claimed = Atomic<Int>(0)
    private let finished = Atomic<Int>(0)
    private let sleeping = Atomic<Bool>(false)
    private let wake = DispatchSemaphore(value: 0)
    private let exited = DispatchSemaphore(value: 0)
    // Written by the poster before `posted` is raised and read by the claimant after it sees it
    // (and the other way round for `result` and `finished`), so the atomics order every access.
    private var job = Job.stop
    private var result = 0.0

    init(worker: BatchWorker) {
        self.worker = worker
        let thread = Thread { [self] in loop() }
        thread.name = "aesh-train-helper"
        thread.start()
    }

    /// Hands `job` to the thread; `wait()` returns its result.
    func post(_ job: Job) {
        self.job = job
        posted.add(1, ordering: .sequentiallyConsistent)
        if sleeping.exchange(false, ordering: .sequentiallyConsistent) { wake.signal() }
    }

    /// Returns the result of the job posted last: runs it here if this thread has not claimed it
    /// yet, or else waits for this thread to finish it.
    func wait() -> Double {
        let target = posted.load(ordering: .relaxed)
        if claimed.compareExchange(expected: target - 1, desired: target, ordering: .sequentiallyConsistent).exchanged {
            return run(job)
        }
        var spins = 0
        while finished.load(ordering: .acquiring) != target {
            spins += 1
            // The helper may have lost its core to other work; let it have ours.
            if spins % 1024 == 0 { sched_yield() }
        }
        return result
    }

    /// Stops the thread; the helper must not be used afterwards.
    func stop() {
        post(.stop)
        exited.wait()
    }

    private func run(_ job: Job) -> Double {
        switch job {
        case let .batch(data, indices, rows, batchRows):
            return worker.run(data: data, indices: indices, rows: rows, batchRows: batchRows)
        case let .squaredError(data, indices, count):
            return worker.forward.squaredError(data: data, indices: indices, count: count)
        case let .adam(stepSize, parameters, gradients, m, v, updated, count):
            return Adam.apply(stepSize: stepSize, parameters: parameters, gradients: gradients,
                              m: m, v: v, updated: updated, count: count, loops: worker.forward.loops) ? 0 : 1
        case .stop:
            return 0
        }
    }

    private func loop() {
        var seen = 0
        while true {
            var spins = 0
            while posted.load(ordering: .acquiring) == seen {
                spins += 1
                if spins < Self.spinsBeforeSleep {
                    // On a machine whose other core is busy, the calling thread may be waiting
                    // for this one's core.
                    if spins % 256 == 0 { sched_yield() }
                    continue
                }
                sleeping.store(true, ordering: .sequentiallyConsistent)
                if posted.load(ordering: .sequentiallyConsistent) != seen {
                    // A post came in meanwhile; if it saw the flag it has signalled, and the extra
                    // count only makes a later wait return early and look again.
                    _ = sleeping.exchange(false, ordering: .sequentiallyConsistent)
                    break
                }
                wake.wait()
                spins = 0
            }
            seen = posted.load(ordering: .acquiring)
            // The caller may have claimed (and be running) this job itself.
            guard claimed.compareExchange(expected: seen - 1, desired: seen, ordering: .sequentiallyConsistent).exchanged else {
                continue
            }
            if case .stop = job {
                exited.signal()
                return
            }
            result = run(job)
            finished.store(seen, ordering: .releasing)
        }
    }
}
