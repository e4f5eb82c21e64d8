/// A fixed-size, zero-filled Float32 allocation that lives as long as its owner.
///
/// The training workspace hands raw pointers to the kernels; owning them in a class keeps the
/// allocation in one place and frees it once, without a closure per buffer in the hot loops.
final class FloatBuffer {
    let pointer: UnsafeMutablePointer<Float>
    let count: Int

    init(count: Int) {
        self.count = max(count, 0)
        pointer = .allocate(capacity: max(count, 1))
        pointer.initialize(repeating: 0, count: max(count, 1))
    }

    deinit { pointer.deallocate() }

    /// Copies every value from `other`, which has the same count.
    func copy(from other: FloatBuffer) {
        pointer.update(from: other.pointer, count: min(count, other.count))
    }
}
