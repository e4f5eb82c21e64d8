#if canImport(Glibc)
import Glibc
#endif

/// Large value storage backed by 2 MB pages where Linux offers them on request (transparent huge
/// pages in `madvise` mode, the common default): one page fault per 2 MB instead of one per 4 KB.
///
/// W4's parsers fill about 63 MB of floats, and its data set numbers its million rows in 8 MB; at
/// 4 KB a page that was 18,000 page faults, which cost more processor time than parsing a third of
/// the file. Elsewhere, or when the system declines, nothing changes but the time.
enum HugePages {
    /// The huge page size on x86-64 and most arm64 Linux systems.
    static let size = 2 << 20

    /// Advises huge pages for the part of `array`'s capacity beyond its elements, which nothing
    /// has touched yet, so that it is faulted in 2 MB at a time.
    static func adviseUnused<Element>(_ array: inout [Element]) {
        #if os(Linux)
        let count = array.count, capacity = array.capacity
        guard (capacity - count) * MemoryLayout<Element>.stride >= 2 * size else { return }
        array.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let first = (Int(bitPattern: base + count) + size - 1) & ~(size - 1)
            let last = Int(bitPattern: base + capacity) & ~(size - 1)
            guard last > first, let start = UnsafeMutableRawPointer(bitPattern: first) else { return }
            _ = madvise(start, last - first, MADV_HUGEPAGE)
        }
        #endif
    }
}
