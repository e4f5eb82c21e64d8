/// The bytes of a small file that may be a FIFO or a device (a script for `run`), read so that
/// a wait for a writer can be stopped.
public enum FileBytes {
    /// At most `limit + 1` bytes of `path`: more than `limit` means it is too long (a device such
    /// as /dev/zero never ends). Throws `DataFileError` when it cannot be opened or read, and
    /// `InterruptedError` when `shouldStop` says yes first.
    public static func read(path: String, limit: Int,
                            shouldStop: @escaping @Sendable () -> Bool = { false }) throws -> [UInt8] {
        let input = try FileInput(path: path, shouldStop: shouldStop)
        let capacity = min(max(input.size ?? 0, 0), limit) + 1
        var bytes = [UInt8](repeating: 0, count: min(capacity, 1 << 16))
        var filled = 0
        while filled <= limit {
            if filled == bytes.count { bytes.append(contentsOf: repeatElement(0, count: min(bytes.count, limit + 1 - filled))) }
            let got = try bytes.withUnsafeMutableBytes { raw in
                try input.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[filled...]))
            }
            if got == 0 { break }
            filled += got
        }
        bytes.removeLast(bytes.count - filled)
        return bytes
    }
}
