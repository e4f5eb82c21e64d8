/// A read or write stopped because the caller asked it to (Ctrl-C in the shell) before it was done.
/// A file being written whole is left as it was; nothing read is returned.
public struct InterruptedError: Error, CustomStringConvertible, Equatable {
    public let description: String

    /// Stopped while reading `path`.
    public static func reading(_ path: String) -> InterruptedError {
        InterruptedError(description: "interrupted while reading \(path)")
    }

    /// Stopped before `path` was replaced, which is as it was.
    public static func writing(_ path: String) -> InterruptedError {
        InterruptedError(description: "interrupted before \(path) was written; it is as it was")
    }

    /// Stopped while writing into the device or FIFO `path`, which may have taken part of the bytes.
    public static func writingInPlace(_ path: String) -> InterruptedError {
        InterruptedError(description: "interrupted while writing to \(path) (it may have received part of the output)")
    }
}
