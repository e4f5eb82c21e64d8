import Foundation

/// A file written piece by piece and put in place whole: the pieces go to a temporary file beside
/// the target, which `commit` renames over it and `discard` removes, so a reader never sees a
/// half-written file and a failed write leaves any earlier file intact. `AtomicFile` writes
/// through one of these.
///
/// A symbolic link is written through: the file it points to is replaced (beside that file), and
/// the link stays. A device, FIFO or other special file is written directly, never replaced. An
/// existing regular file keeps its permission bits and, where the process may set them, its owner
/// and group.
public final class AtomicFileWriter {
    /// The path as given, for errors.
    public let path: String
    /// The temporary file to rename into place; nil when writing a device directly.
    private let temporary: String?
    private let target: String
    private var descriptor: Int32

    /// Starts writing `path`; throws `FileWriteError` naming the path and the reason.
    public init(path: String) throws {
        self.path = path
        let resolved = try FileTarget.resolve(path)
        target = resolved.path
        if let existing = resolved.existing, !existing.isRegularFile {
            guard existing.isDevice else { throw FileWriteError(path: path, reason: "it is \(existing.kind), not a file") }
            temporary = nil
            descriptor = open(target, O_WRONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw FileWriteError(path: path, reason: String(cString: strerror(errno))) }
            return
        }
        let url = URL(fileURLWithPath: target)
        let folder = url.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) else {
            throw FileWriteError(path: path, reason: "folder \(folder) does not exist")
        }
        guard isDirectory.boolValue else { throw FileWriteError(path: path, reason: "\(folder) is a file, not a folder") }
        let temporary = folder + "/." + url.lastPathComponent + ".tmp-\(getpid())"
        self.temporary = temporary
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else {
            throw FileWriteError(path: path, reason: "cannot write in \(folder) (\(String(cString: strerror(errno))))")
        }
        if let existing = resolved.existing {
            // The replacement takes the old file's mode and, where permitted, its owner.
            _ = fchown(descriptor, existing.owner, existing.group)
            _ = fchmod(descriptor, existing.permissions)
        }
    }

    deinit { discard() }

    /// Appends `bytes`; on a failure the file is dropped.
    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard descriptor >= 0 else { throw FileWriteError(path: path, reason: "the file is already closed") }
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            let written = Foundation.write(descriptor, base + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                discard()
                throw FileWriteError(path: path, reason: reason)
            }
            offset += written
        }
    }

    /// Appends `bytes`.
    public func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }

    /// Puts the file in place (over any earlier one).
    public func commit() throws {
        guard descriptor >= 0 else { throw FileWriteError(path: path, reason: "the file is already closed") }
        let closed = close(descriptor) == 0 ? nil : errno
        descriptor = -1
        guard let temporary else {
            if let closed { throw FileWriteError(path: path, reason: String(cString: strerror(closed))) }
            return
        }
        if let closed {
            unlink(temporary)
            throw FileWriteError(path: path, reason: String(cString: strerror(closed)))
        }
        if rename(temporary, target) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw FileWriteError(path: path, reason: reason)
        }
    }

    /// Drops what was written; any earlier file at `path` stays as it was (a device keeps what it got).
    public func discard() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
        if let temporary { unlink(temporary) }
    }
}
