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
    private let shouldStop: () -> Bool

    /// Starts writing `path`; throws `FileWriteError` naming the path and the reason.
    ///
    /// `shouldStop` is asked between megabytes written, while a full pipe has no room and while a
    /// FIFO has no reader yet; when it says yes, the write throws `InterruptedError` and the file
    /// is dropped (a regular file is then as it was; a device keeps what it got).
    public init(path: String, shouldStop: @escaping () -> Bool = { false }) throws {
        self.path = path
        self.shouldStop = shouldStop
        let resolved = try FileTarget.resolve(path)
        target = resolved.path
        if let existing = resolved.existing, !existing.isRegularFile {
            guard existing.isDevice else { throw FileWriteError(path: path, reason: "it is \(existing.kind), not a file") }
            temporary = nil
            switch DescriptorWriter.openInPlace(target, shouldStop: shouldStop) {
            case .success(let opened): descriptor = opened
            case .failure(.stopped): throw InterruptedError.writing(path)
            case .failure(.failed(let code)): throw FileWriteError(path: path, reason: String(cString: strerror(code)))
            }
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
        switch DescriptorWriter.write(bytes, to: descriptor, shouldStop: shouldStop) {
        case .done:
            return
        case .stopped:
            let inPlace = temporary == nil
            discard()
            throw inPlace ? InterruptedError.writingInPlace(path) : InterruptedError.writing(path)
        case .failed(let code):
            discard()
            throw FileWriteError(path: path, reason: String(cString: strerror(code)))
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
