import Foundation

/// Writes files whole or not at all, through an `AtomicFileWriter` (which says how links,
/// devices and an existing file's mode are handled).
public enum AtomicFile {
    /// Writes `data` to `path` atomically; throws `FileWriteError` naming the path and the reason.
    /// `shouldStop` is asked between megabytes and while a FIFO waits for its reader; when it says
    /// yes the write ends with `InterruptedError` (a regular file then is as it was).
    public static func write(_ data: Data, to path: String, shouldStop: @escaping () -> Bool = { false }) throws {
        let writer = try AtomicFileWriter(path: path, shouldStop: shouldStop)
        try data.withUnsafeBytes { try writer.write($0) }
        try writer.commit()
    }

    /// Whether `a` and `b` name the same existing file (links followed; same device and inode).
    public static func sameFile(_ a: String, _ b: String) -> Bool {
        var first = stat(), second = stat()
        guard stat(a, &first) == 0, stat(b, &second) == 0 else { return false }
        return first.st_dev == second.st_dev && first.st_ino == second.st_ino
    }

    /// Writes a UTF-8 string to `path` atomically.
    public static func write(_ text: String, to path: String, shouldStop: @escaping () -> Bool = { false }) throws {
        try write(Data(text.utf8), to: path, shouldStop: shouldStop)
    }
}

/// A file could not be written; the earlier file, if any, is unchanged.
public struct FileWriteError: Error, CustomStringConvertible, Equatable {
    /// The file that was to be written.
    public let path: String
    /// Why it was not written.
    public let reason: String
    public var description: String { "cannot write \(path): \(reason)" }
}
