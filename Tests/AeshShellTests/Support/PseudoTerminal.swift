import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A program running on its own pseudo-terminal, driven like a person at a keyboard: `send` types
/// bytes, `waitFor` reads what the screen received. Every wait has a timeout, and the program (with
/// its process group) is killed when the terminal goes away, so no test can hang or leak a child.
///
/// The child gets a clean environment: PATH, HOME and XDG_STATE_HOME in a fresh temporary folder
/// (`home`, removed afterwards), TERM=xterm, NO_COLOR=1, SWIFT_BACKTRACE=enable=no, LC_ALL=C.UTF-8
/// and INPUTRC=/dev/null (no inputrc of the machine's); `environment` adds to or overrides these.
///
/// To test a product of this package, locate it with `productPath`:
/// ```
/// let aesh = try #require(PseudoTerminal.productPath("aesh"), "build aesh first: swift build")
/// let terminal = try PseudoTerminal(executable: aesh)
/// _ = try terminal.waitFor("aesh> ")
/// try terminal.send("help\r")
/// ```
final class PseudoTerminal {
    /// The child's process id; it leads its own session and process group.
    let pid: pid_t
    /// The child's HOME, a fresh temporary folder removed when the terminal goes away.
    let home: String
    /// The child's XDG_STATE_HOME (`home`/state): aesh keeps its history in `stateHome`/aesh/history.
    var stateHome: String { home + "/state" }

    private let master: Int32
    private var received: [UInt8] = []
    private var screenText: [UInt8] = []
    private var filter = TerminalTextFilter()
    private var searchStart = 0
    private var endOfOutput = false
    private var exitStatus: Int32?

    /// Starts `executable` with `arguments` on a new `columns` × `rows` terminal, in
    /// `currentDirectory` (default: `home`).
    init(
        executable: String, arguments: [String] = [], environment: [String: String] = [:],
        currentDirectory: String? = nil, columns: UInt16 = 80, rows: UInt16 = 24
    ) throws {
        let home = FileManager.default.temporaryDirectory.path + "/aesh-pty-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: home + "/state", withIntermediateDirectories: true)
        var variables = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "HOME": home, "XDG_STATE_HOME": home + "/state", "TERM": "xterm", "NO_COLOR": "1",
            "SWIFT_BACKTRACE": "enable=no", "LC_ALL": "C.UTF-8", "INPUTRC": "/dev/null",
        ]
        variables.merge(environment) { _, given in given }
        // Everything the child touches is made before fork: after fork only async-signal-safe
        // calls are allowed, because other test threads may hold the allocator's locks.
        let argv = CStringArray([executable] + arguments)
        let envp = CStringArray(variables.keys.sorted().map { "\($0)=\(variables[$0] ?? "")" })
        let path = strdup(executable)
        let directory = strdup(currentDirectory ?? home)
        defer { free(path); free(directory) }
        let lastDescriptor = PseudoTerminal.highestOpenDescriptor() + 64
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        var master: Int32 = -1
        let pid = forkpty(&master, nil, nil, &size)
        if pid == 0 {
            PseudoTerminal.becomeChild(
                path: path, argv: argv.pointers, envp: envp.pointers, directory: directory,
                signals: &noSignals, lastDescriptor: lastDescriptor)
        }
        guard pid > 0 else {
            try? FileManager.default.removeItem(atPath: home)
            throw PseudoTerminalError(description: "forkpty failed: \(String(cString: strerror(errno)))")
        }
        _ = fcntl(master, F_SETFD, FD_CLOEXEC)
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
        self.pid = pid
        self.master = master
        self.home = home
    }

    deinit {
        if exitStatus == nil {
            kill(-pid, SIGKILL)
            kill(pid, SIGKILL)
        }
        close(master)
        if exitStatus == nil {
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        }
        try? FileManager.default.removeItem(atPath: home)
    }

    /// Everything the terminal has received so far, with escape sequences and bells removed and
    /// "\r\n" as "\n" (other control characters, such as "\r" and "\u{08}", are kept).
    var output: String { String(decoding: screenText, as: UTF8.self) }

    /// Types `text` as raw bytes: "\r" Enter, "\t" Tab, "\u{1b}[A" up-arrow, "\u{03}" Ctrl-C,
    /// "\u{04}" Ctrl-D.
    func send(_ text: String, timeout: Double = 5) throws {
        let bytes = Array(text.utf8)
        var sent = 0
        let deadline = ContinuousClock.now + .milliseconds(Int(timeout * 1000))
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
            if count > 0 {
                sent += count
            } else if count < 0 && errno != EAGAIN && errno != EINTR {
                throw PseudoTerminalError(description: "cannot type into the terminal: \(String(cString: strerror(errno)))")
            } else if ContinuousClock.now >= deadline {
                throw PseudoTerminalError(description: "the program stopped reading input; output so far:\n\(output)")
            } else {
                readAvailable(waitingUpTo: 0.01)  // the child may be blocked writing to us
            }
        }
    }

    /// Reads until `text` appears after the previous match and returns the output from there up
    /// to and including `text` (escape sequences removed). Throws if `timeout` seconds pass or the
    /// program closes the terminal first.
    @discardableResult
    func waitFor(_ text: String, timeout: Double = 5) throws -> String {
        let needle = Array(text.utf8)
        let deadline = ContinuousClock.now + .milliseconds(Int(timeout * 1000))
        while true {
            if let end = PseudoTerminal.end(of: needle, in: screenText, from: searchStart) {
                let found = String(decoding: screenText[searchStart..<end], as: UTF8.self)
                searchStart = end
                return found
            }
            let remaining = ContinuousClock.now.duration(to: deadline)
            guard remaining > .zero, !endOfOutput else {
                let why = endOfOutput ? "the program closed the terminal" : "timed out after \(timeout) s"
                throw PseudoTerminalError(description: "\(why) waiting for \(String(reflecting: text)); output:\n\(output)")
            }
            readAvailable(waitingUpTo: 0.05)
        }
    }

    /// Waits for the program to exit and returns its exit status (128 + the signal number if a
    /// signal ended it), or nil if it is still running after `timeout` seconds.
    func waitForExit(timeout: Double = 5) -> Int32? {
        let deadline = ContinuousClock.now + .milliseconds(Int(timeout * 1000))
        while exitStatus == nil {
            var status: Int32 = 0
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid {
                let signal = status & 0x7f
                exitStatus = signal == 0 ? (status >> 8) & 0xff : 128 + signal
            } else if reaped < 0 && errno != EINTR {
                return nil
            } else if ContinuousClock.now >= deadline {
                return nil
            } else {
                readAvailable(waitingUpTo: 0.01)  // drain output so the child never blocks on us
            }
        }
        readAvailable(waitingUpTo: 0)
        return exitStatus
    }

    /// The path of executable `name` built by this package, or nil when it is not built.
    ///
    /// SwiftPM puts a package's executables and its test program in one products folder, e.g.
    /// `.build/x86_64-unknown-linux-gnu/debug/` (`.build/debug` links to it) holds both `aesh`
    /// and `aeshPackageTests.xctest`; on Linux the test program is an executable, so the folder
    /// is that of /proc/self/exe. `swift test`, `swift build` and `swift build --build-tests` all
    /// build `aesh` there before any test runs.
    static func productPath(_ name: String) -> String? {
        let testProgram = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var folders = [testProgram.deletingLastPathComponent()]
        if let bundle = Bundle.main.executableURL?.resolvingSymlinksInPath() {
            folders.append(bundle.deletingLastPathComponent())
        }
        for folder in folders {
            let candidate = folder.appendingPathComponent(name).path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Reads whatever output is available, waiting at most `seconds` for some to arrive.
    private func readAvailable(waitingUpTo seconds: Double) {
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, Int32(max(0, seconds * 1000))) > 0 else { return }
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(master, &buffer, buffer.count)
            if count > 0 {
                received.append(contentsOf: buffer[0..<count])
                filter.feed(buffer[0..<count], into: &screenText)
            } else if count < 0 && errno == EINTR {
                continue
            } else {
                // 0 or EIO: every copy of the terminal's other end is closed.
                if count == 0 || errno == EIO { endOfOutput = true }
                return
            }
        }
    }

    /// The index just past the first occurrence of `needle` in `haystack` at or after `start`.
    private static func end(of needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty else { return start }
        guard haystack.count - start >= needle.count else { return nil }
        for offset in start...(haystack.count - needle.count)
        where haystack[offset..<(offset + needle.count)].elementsEqual(needle) {
            return offset + needle.count
        }
        return nil
    }

    /// The largest descriptor number this process has open (the child closes everything above 2).
    private static func highestOpenDescriptor() -> Int32 {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        return names.compactMap { Int32($0) }.max() ?? 1024
    }

    /// The child side of fork: only async-signal-safe calls, then exec; never returns.
    private static func becomeChild(
        path: UnsafeMutablePointer<CChar>?, argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>,
        envp: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>, directory: UnsafeMutablePointer<CChar>?,
        signals: UnsafeMutablePointer<sigset_t>, lastDescriptor: Int32
    ) -> Never {
        sigprocmask(SIG_SETMASK, signals, nil)
        // Ignored signals stay ignored across exec; the program must get the defaults.
        signal(SIGINT, SIG_DFL)
        signal(SIGQUIT, SIG_DFL)
        signal(SIGPIPE, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
        signal(SIGCHLD, SIG_DFL)
        var descriptor: Int32 = 3
        while descriptor <= lastDescriptor {
            close(descriptor)
            descriptor += 1
        }
        if let directory { chdir(directory) }
        if let path { execve(path, argv, envp) }
        _exit(127)
    }
}

/// A test harness failure, with the terminal's output so far to show what went wrong.
struct PseudoTerminalError: Error, CustomStringConvertible {
    let description: String
}

/// A NULL-terminated array of C strings that lives as long as this value.
private final class CStringArray {
    let pointers: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>
    private let count: Int

    init(_ strings: [String]) {
        count = strings.count
        pointers = .allocate(capacity: count + 1)
        for (index, string) in strings.enumerated() { pointers[index] = strdup(string) }
        pointers[count] = nil
    }

    deinit {
        for index in 0..<count { free(pointers[index]) }
        pointers.deallocate()
    }
}

/// Turns the bytes a terminal receives into the text a test looks for: escape sequences (CSI,
/// OSC, charset selection, other two-byte ones) and the bell are dropped and "\r\n" becomes "\n". A sequence
/// cut off at the end of one read is finished in the next, so the text only ever grows.
struct TerminalTextFilter {
    private enum State { case text, carriageReturn, escape, charset, controlSequence, operatingSystemCommand, stringEscape }
    private var state = State.text

    mutating func feed(_ bytes: ArraySlice<UInt8>, into text: inout [UInt8]) {
        for byte in bytes {
            switch state {
            case .text, .carriageReturn:
                if state == .carriageReturn && byte != 0x0a { text.append(0x0d) }
                state = .text
                switch byte {
                case 0x1b: state = .escape
                case 0x0d: state = .carriageReturn
                case 0x07: break  // the bell (readline rings it mid-completion)
                default: text.append(byte)
                }
            case .escape:
                switch byte {
                case UInt8(ascii: "["): state = .controlSequence
                case UInt8(ascii: "]"): state = .operatingSystemCommand
                case UInt8(ascii: "("), UInt8(ascii: ")"): state = .charset
                default: state = .text
                }
            case .charset:
                state = .text
            case .controlSequence:
                if (0x40...0x7e).contains(byte) { state = .text }  // the final byte
            case .operatingSystemCommand:
                if byte == 0x07 { state = .text } else if byte == 0x1b { state = .stringEscape }
            case .stringEscape:
                state = byte == UInt8(ascii: "\\") ? .text : .operatingSystemCommand
            }
        }
    }
}
