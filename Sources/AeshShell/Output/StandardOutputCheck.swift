import Foundation

/// What happens when standard output cannot be written: the process ends with the status a shell
/// expects, so that `aesh script | head`, `aesh script >/dev/full` and `aesh script >&-` do not
/// report success.
enum StandardOutputCheck {
    /// The exit status for a reader that went away: 128 + SIGPIPE, as shells report it.
    static let brokenPipeStatus: Int32 = 141

    /// Whether standard output was closed when the process started.
    nonisolated(unsafe) private(set) static var wasClosed = false

    /// When descriptor 1 is closed, puts /dev/null there and remembers it: otherwise the next file
    /// opened (a data file, a temporary file) would get descriptor 1 and receive the output.
    static func occupyIfClosed() {
        guard fcntl(STDOUT_FILENO, F_GETFD) == -1 && errno == EBADF else { return }
        wasClosed = true
        let null = open("/dev/null", O_WRONLY)
        if null >= 0 && null != STDOUT_FILENO {
            dup2(null, STDOUT_FILENO)
            close(null)
        }
    }

    /// Ends the process after a failed write to standard output (`code` is the write's errno).
    static func fail(errno code: Int32) -> Never {
        if code == EPIPE { exit(brokenPipeStatus) }
        let reason = code == EBADF ? "it is closed" : String(cString: strerror(code))
        let message = Array("aesh: cannot write to standard output: \(reason)\n".utf8)
        _ = message.withUnsafeBytes { Foundation.write(STDERR_FILENO, $0.baseAddress, $0.count) }
        exit(1)
    }
}
