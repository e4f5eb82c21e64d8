import Foundation

/// Where a command's output goes: the terminal, a pipe, or a buffer in tests.
public protocol Console: AnyObject {
    /// Writes normal output (the caller supplies newlines).
    func write(_ text: String)
    /// Writes an error or warning message.
    func writeError(_ text: String)
    /// Whether output goes to a terminal (progress bars, window plots).
    var isTerminal: Bool { get }
    /// Whether to use colour (off when NO_COLOR is set or output is not a terminal).
    var usesColor: Bool { get }
    /// The terminal's width in columns (80 when unknown).
    var width: Int { get }
}

extension Console {
    /// Writes one line of output.
    public func line(_ text: String = "") { write(text + "\n") }
    /// Writes text in a colour when colour is on (ANSI SGR code, e.g. "1" bold, "31" red).
    public func styled(_ text: String, _ code: String) -> String {
        usesColor ? "\u{1b}[\(code)m\(text)\u{1b}[0m" : text
    }
}

/// The process's standard output and error. A failed write to standard output ends the process:
/// a reader that left (EPIPE) with status 141, as a shell reports a broken pipe; a full device, a
/// closed standard output or any other failure with a message on standard error and status 1.
/// Either way the script stops there, so no later command runs as if its output had been seen.
public final class StandardConsole: Console {
    public let isTerminal: Bool
    public let usesColor: Bool

    /// A console on stdout/stderr; colour follows NO_COLOR and whether stdout is a terminal.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        isTerminal = isatty(STDOUT_FILENO) == 1
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty || environment["TERM"] == "dumb"
        usesColor = isTerminal && !noColor
        // A reader that exits early (`aesh x.aesh | head`) is seen as EPIPE from write(), not as SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        StandardOutputCheck.occupyIfClosed()
    }

    public var width: Int {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }

    public func write(_ text: String) { Self.put(Array(text.utf8), to: STDOUT_FILENO) }
    public func writeError(_ text: String) { Self.put(Array(text.utf8), to: STDERR_FILENO) }
    /// Writes bytes to standard output as they are, at once (no buffering: a live `score` relies on it).
    public func write(bytes: [UInt8]) { Self.put(bytes, to: STDOUT_FILENO) }

    private static func put(_ bytes: [UInt8], to descriptor: Int32) {
        if descriptor == STDOUT_FILENO && StandardOutputCheck.wasClosed { StandardOutputCheck.fail(errno: EBADF) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return Foundation.write(descriptor, base.advanced(by: offset), buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                if descriptor == STDOUT_FILENO { StandardOutputCheck.fail(errno: errno) }
                return
            }
            offset += written
        }
    }
}

/// A console that keeps everything in memory: for tests and in-process script runs.
public final class BufferConsole: Console {
    /// Everything written as output.
    public private(set) var output = ""
    /// Everything written as errors.
    public private(set) var errors = ""
    public let isTerminal: Bool
    public let usesColor = false
    public let width = 80

    /// An empty buffer; `isTerminal` lets tests see the terminal behaviour.
    public init(isTerminal: Bool = false) { self.isTerminal = isTerminal }
    public func write(_ text: String) { output += text }
    public func writeError(_ text: String) { errors += text }
}
