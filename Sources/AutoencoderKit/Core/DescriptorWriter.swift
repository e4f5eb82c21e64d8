import Foundation

/// Writes bytes to an open descriptor in pieces, asking between pieces whether to stop, and
/// waiting in `poll` (not in `write`) when a non-blocking pipe is full, so a stop request is
/// seen even while a reader is slow or gone quiet.
enum DescriptorWriter {
    /// How the write ended.
    enum Outcome: Equatable {
        case done
        /// errno of the failed call.
        case failed(Int32)
        /// `shouldStop` said yes before every byte was written.
        case stopped
    }

    /// Bytes written between two questions to `shouldStop`.
    static let pieceBytes = 1 << 20

    /// How long one wait for room in a full pipe lasts before `shouldStop` is asked again.
    static let pollMilliseconds: Int32 = 100

    /// Writes all of `buffer` to `descriptor`, retrying after signals.
    static func write(_ buffer: UnsafeRawBufferPointer, to descriptor: Int32, shouldStop: () -> Bool) -> Outcome {
        guard let base = buffer.baseAddress else { return .done }
        var offset = 0
        while offset < buffer.count {
            if shouldStop() { return .stopped }
            let count = min(pieceBytes, buffer.count - offset)
            let written = Foundation.write(descriptor, base + offset, count)
            if written < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN {
                    var entry = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
                    if poll(&entry, 1, pollMilliseconds) < 0 && errno != EINTR { return .failed(errno) }
                    continue
                }
                return .failed(errno)
            }
            offset += written
        }
        return .done
    }

    /// Opens the device or FIFO at `path` for writing without waiting in `open`: a FIFO with no
    /// reader yet (ENXIO) is tried again every `pollMilliseconds` until one comes or `shouldStop`
    /// says yes (nil then). The descriptor is non-blocking; `write` copes with that.
    static func openInPlace(_ path: String, shouldStop: () -> Bool) -> Result<Int32, OpenFailure> {
        while true {
            let descriptor = open(path, O_WRONLY | O_NONBLOCK | O_CLOEXEC)
            if descriptor >= 0 { return .success(descriptor) }
            let code = errno
            guard code == ENXIO || code == EINTR else { return .failure(.failed(code)) }
            if shouldStop() { return .failure(.stopped) }
            if code == ENXIO { usleep(UInt32(pollMilliseconds) * 1000) }
        }
    }

    /// Why `openInPlace` returned no descriptor.
    enum OpenFailure: Error {
        case failed(Int32)
        case stopped
    }
}
