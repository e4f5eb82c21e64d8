#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The C `read`, reachable inside `FileInput`, whose own `read` hides it.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}

/// The C `pread`, for reading at an offset without moving the shared file position.
private func systemReadAt(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int, _ offset: Int) -> Int {
    pread(descriptor, buffer, count, off_t(offset))
}

/// A file opened for reading with POSIX calls, so every failure names the path and the reason.
///
/// Nothing here waits where `shouldStop` cannot end the wait: a FIFO is opened without waiting
/// for a writer, a pipe or device is read only once `poll` says it has bytes (or has ended),
/// polling `shouldStop` between waits, and every read of a regular file checks it first. A stop
/// throws `InterruptedError.reading`.
final class FileInput: @unchecked Sendable {
    /// The path as given, for errors.
    let path: String
    /// The size for a regular file; nil for pipes and devices.
    let size: Int?
    private let descriptor: Int32
    /// Whether `deinit` closes the descriptor (not for one this type did not open).
    private let ownsDescriptor: Bool
    private let shouldStop: @Sendable () -> Bool

    /// How long one wait for a pipe's bytes lasts before `shouldStop` is asked again.
    static let pollMilliseconds: Int32 = 100

    /// Reads an already open descriptor (standard input), named `name` in errors; never closes it.
    init(descriptor: Int32, name: String, shouldStop: @escaping @Sendable () -> Bool = { false }) throws {
        path = name
        self.shouldStop = shouldStop
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw FileInput.error(path: name, errno: errno) }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw DataFileError(path: name, message: "is a directory, not a data file")
        }
        self.descriptor = descriptor
        ownsDescriptor = false
        size = (info.st_mode & S_IFMT) == S_IFREG ? Int(info.st_size) : nil
    }

    /// Opens `path`; throws for a missing file, a directory, or no permission.
    init(path: String, shouldStop: @escaping @Sendable () -> Bool = { false }) throws {
        ownsDescriptor = true
        self.path = path
        self.shouldStop = shouldStop
        // O_NONBLOCK: opening a FIFO would otherwise wait, beyond any Ctrl-C, for a writer.
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw FileInput.error(path: path, errno: errno) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let code = errno
            close(fd)
            throw FileInput.error(path: path, errno: code)
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw DataFileError(path: path, message: "is a directory, not a data file")
        }
        descriptor = fd
        size = (info.st_mode & S_IFMT) == S_IFREG ? Int(info.st_size) : nil
    }

    deinit { if ownsDescriptor { close(descriptor) } }

    /// One read: what is there now, up to `buffer.count` bytes (on a pipe, as soon as any
    /// arrive); 0 only at the end of the input.
    func readAvailable(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        while true {
            if shouldStop() { throw InterruptedError.reading(path) }
            if size == nil { try waitForBytes() }
            let got = systemRead(descriptor, base, buffer.count)
            if got >= 0 { return got }
            if errno != EINTR && errno != EAGAIN { throw FileInput.error(path: path, errno: errno) }
        }
    }

    /// Reads until `buffer` is full or the input ends; returns the number of bytes read.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard let base = buffer.baseAddress else { return 0 }
        var total = 0
        while total < buffer.count {
            if shouldStop() { throw InterruptedError.reading(path) }
            if size == nil { try waitForBytes() }
            let got = systemRead(descriptor, base + total, buffer.count - total)
            if got < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw FileInput.error(path: path, errno: errno)
            }
            if got == 0 { break }
            total += got
        }
        return total
    }

    /// Reads at `offset` until `buffer` is full or the file ends; safe to call from several threads.
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws -> Int {
        guard let base = buffer.baseAddress else { return 0 }
        var total = 0
        while total < buffer.count {
            if shouldStop() { throw InterruptedError.reading(path) }
            let got = systemReadAt(descriptor, base + total, buffer.count - total, offset + total)
            if got < 0 {
                if errno == EINTR { continue }
                throw FileInput.error(path: path, errno: errno)
            }
            if got == 0 { break }
            total += got
        }
        return total
    }

    /// Waits until the pipe or device has bytes to read or has ended (a FIFO whose writer closed
    /// it), asking `shouldStop` every `pollMilliseconds`. A FIFO no writer has opened yet is
    /// neither, so this waits for one.
    private func waitForBytes() throws {
        while true {
            var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&entry, 1, Self.pollMilliseconds)
            if ready > 0 { return }
            if ready < 0 && errno != EINTR { throw FileInput.error(path: path, errno: errno) }
            if shouldStop() { throw InterruptedError.reading(path) }
        }
    }

    /// The whole rest of the file; throws when it holds more than `limit` bytes (a device such as
    /// /dev/zero never ends, and must not be read until memory runs out).
    func readAll(limit: Int = Int.max) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: min(max(size ?? 0, 0), limit) + 1)
        var filled = 0
        while true {
            if filled > limit {
                throw DataFileError(path: path, message: "is larger than \(limit / (1 << 20)) MB")
            }
            if filled == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(bytes.count, 65536))) }
            let got = try bytes.withUnsafeMutableBytes { raw in
                try read(into: UnsafeMutableRawBufferPointer(rebasing: raw[filled...]))
            }
            if got == 0 { break }
            filled += got
        }
        bytes.removeLast(bytes.count - filled)
        return bytes
    }

    /// The error for a failed open, stat or read, by errno.
    static func error(path: String, errno code: Int32) -> DataFileError {
        switch code {
        case ENOENT: return DataFileError(path: path, message: "no such file")
        case EACCES: return DataFileError(path: path, message: "permission denied")
        case EISDIR: return DataFileError(path: path, message: "is a directory, not a data file")
        case ENOTDIR: return DataFileError(path: path, message: "no such file (a folder in the path is a file)")
        default: return DataFileError(path: path, message: "cannot be read (\(String(cString: strerror(code))))")
        }
    }
}
