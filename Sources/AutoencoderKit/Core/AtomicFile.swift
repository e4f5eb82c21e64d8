import Foundation

/// Writes files whole or not at all: the bytes go to a temporary file beside the target, which is
/// then renamed over it, so a failed write leaves any earlier file intact.
///
/// A symbolic link is written through: the file it points to is replaced (beside that file), and
/// the link stays. A device, FIFO or other special file is written directly, never replaced. An
/// existing regular file keeps its permission bits and, where the process may set them, its owner
/// and group.
public enum AtomicFile {
    /// Writes `data` to `path` atomically; throws `FileWriteError` naming the path and the reason.
    public static func write(_ data: Data, to path: String) throws {
        let target = try FileTarget.resolve(path)
        if let existing = target.existing, !existing.isRegularFile {
            guard existing.isDevice else { throw FileWriteError(path: path, reason: "it is \(existing.kind), not a file") }
            try writeDirectly(data, to: target.path, shownAs: path)
            return
        }
        let url = URL(fileURLWithPath: target.path)
        let folder = url.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) else {
            throw FileWriteError(path: path, reason: "folder \(folder) does not exist")
        }
        guard isDirectory.boolValue else { throw FileWriteError(path: path, reason: "\(folder) is a file, not a folder") }
        let temporary = folder + "/." + url.lastPathComponent + ".tmp-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else {
            throw FileWriteError(path: path, reason: "cannot write in \(folder) (\(String(cString: strerror(errno))))")
        }
        if let existing = target.existing {
            // The replacement takes the old file's mode and, where permitted, its owner.
            _ = fchown(descriptor, existing.owner, existing.group)
            _ = fchmod(descriptor, existing.permissions)
        }
        let failure = writeAll(data, to: descriptor)
        let closed = close(descriptor) == 0 ? nil : errno
        if let code = failure ?? closed {
            unlink(temporary)
            throw FileWriteError(path: path, reason: String(cString: strerror(code)))
        }
        if rename(temporary, target.path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw FileWriteError(path: path, reason: reason)
        }
    }

    /// Whether `a` and `b` name the same existing file (links followed; same device and inode).
    public static func sameFile(_ a: String, _ b: String) -> Bool {
        var first = stat(), second = stat()
        guard stat(a, &first) == 0, stat(b, &second) == 0 else { return false }
        return first.st_dev == second.st_dev && first.st_ino == second.st_ino
    }

    /// Writes a UTF-8 string to `path` atomically.
    public static func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }

    /// A device or FIFO takes the bytes as they come: there is nothing to rename over.
    private static func writeDirectly(_ data: Data, to path: String, shownAs shown: String) throws {
        let descriptor = open(path, O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileWriteError(path: shown, reason: String(cString: strerror(errno))) }
        let failure = writeAll(data, to: descriptor)
        close(descriptor)
        if let failure { throw FileWriteError(path: shown, reason: String(cString: strerror(failure))) }
    }

    /// Writes every byte, retrying after signals; the errno of a failure, or nil.
    private static func writeAll(_ data: Data, to descriptor: Int32) -> Int32? {
        data.withUnsafeBytes { buffer -> Int32? in
            guard let base = buffer.baseAddress else { return nil }
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
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
