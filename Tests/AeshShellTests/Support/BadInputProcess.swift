import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What a finished `aesh` process left behind.
struct ProcessOutcome {
    /// The exit status, or 128 + the signal number when a signal ended it.
    let status: Int32
    /// Whether a signal (a crash, SIGPIPE) ended it rather than `exit`.
    let signaled: Bool
    /// Whether it was killed for running past its time limit.
    let timedOut: Bool
    let stdout: String
    let stderr: String
}

/// Runs the built `aesh` binary as a child process, always with SWIFT_BACKTRACE=enable=no and a
/// time limit, in a clean environment (PATH, HOME and XDG_STATE_HOME in `directory`, TERM=xterm,
/// LC_ALL=C.UTF-8); `environment` adds to or overrides it.
enum AeshProcess {
    /// The built binary, or nil when it is not built.
    static var executable: String? { PseudoTerminal.productPath("aesh") }

    static func environment(directory: String, adding extra: [String: String]) -> [String: String] {
        var variables = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "HOME": directory, "XDG_STATE_HOME": directory, "TERM": "xterm", "LC_ALL": "C.UTF-8",
        ]
        variables.merge(extra) { _, given in given }
        variables["SWIFT_BACKTRACE"] = "enable=no"
        return variables
    }

    /// Runs `aesh arguments` (or `launcher + [aesh] + arguments`, e.g. setpriv) in `directory` with
    /// `input` on standard input; output goes to files, so neither pipe can fill and block it.
    static func run(_ arguments: [String], in directory: String, input: String = "",
                    environment extra: [String: String] = [:], launcher: [String] = [],
                    timeout: Double = 30) throws -> ProcessOutcome {
        guard let aesh = executable else { throw ProcessError("aesh is not built: run swift build") }
        let scratch = directory + "/.process-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        for name in ["in", "out", "err"] {
            _ = FileManager.default.createFile(atPath: scratch + "/" + name, contents: name == "in" ? Data(input.utf8) : nil)
        }
        guard let stdin = FileHandle(forReadingAtPath: scratch + "/in"),
              let stdout = FileHandle(forWritingAtPath: scratch + "/out"),
              let stderr = FileHandle(forWritingAtPath: scratch + "/err") else { throw ProcessError("cannot open the output files") }
        let process = Process()
        let command = launcher + [aesh] + arguments
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = environment(directory: directory, adding: extra)
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let timedOut = !waitForExit(process, timeout: timeout)
        try? stdin.close(); try? stdout.close(); try? stderr.close()
        let read = { (name: String) in (try? String(contentsOfFile: scratch + "/" + name, encoding: .utf8)) ?? "" }
        let signaled = process.terminationReason == .uncaughtSignal
        return ProcessOutcome(status: signaled ? 128 + process.terminationStatus : process.terminationStatus,
                              signaled: signaled, timedOut: timedOut, stdout: read("out"), stderr: read("err"))
    }

    /// What `runUntilReaderLeaves` saw.
    struct EarlyReaderOutcome {
        /// What was read before the reader left: at least `lines` lines unless aesh ended first.
        var received: String
        var stderr: String
        /// Whether aesh ended within the timeout.
        var ended: Bool
        var reason: Process.TerminationReason
        var status: Int32
    }

    /// Runs `aesh arguments` with standard output on a pipe whose reader closes it after `lines`
    /// lines, as `aesh … | head -n 3` does, and waits up to `timeout` seconds for aesh to end.
    static func runUntilReaderLeaves(_ arguments: [String], in directory: String, lines: Int = 3,
                                     timeout: Double = 30) throws -> EarlyReaderOutcome {
        guard let aesh = executable else { throw ProcessError("aesh is not built: run swift build") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: aesh)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = environment(directory: directory, adding: [:])
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        var received = Data()
        while received.filter({ $0 == UInt8(ascii: "\n") }).count < lines {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            received += chunk
        }
        try output.fileHandleForReading.close()
        let ended = waitForExit(process, timeout: timeout)
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return EarlyReaderOutcome(received: String(decoding: received, as: UTF8.self), stderr: stderr, ended: ended,
                                  reason: process.terminationReason, status: process.terminationStatus)
    }

    /// Waits up to `timeout` seconds; kills the process (and returns false) when it runs longer.
    static func waitForExit(_ process: Process, timeout: Double) -> Bool {
        let deadline = ContinuousClock.now + .milliseconds(Int(timeout * 1000))
        while process.isRunning && ContinuousClock.now < deadline { usleep(2_000) }
        guard process.isRunning else { return true }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return false
    }

    /// Runs `aesh arguments` with standard output and error on a new pseudo-terminal (so aesh sees
    /// a terminal) and returns the exit status and the raw bytes it wrote, escape codes included.
    static func runOnTerminal(_ arguments: [String], in directory: String, environment extra: [String: String] = [:],
                              timeout: Double = 30) throws -> (status: Int32, bytes: [UInt8]) {
        guard let aesh = executable else { throw ProcessError("aesh is not built: run swift build") }
        var master: Int32 = -1, slave: Int32 = -1
        guard openpty(&master, &slave, nil, nil, nil) == 0 else { throw ProcessError("openpty failed") }
        defer { close(master) }
        let terminal = FileHandle(fileDescriptor: slave, closeOnDealloc: false)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: aesh)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = environment(directory: directory, adding: extra)
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = terminal
        process.standardError = terminal
        do { try process.run() } catch { close(slave); throw error }
        close(slave)
        // Read until the child's side closes (read fails with EIO) or the time runs out.
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        let deadline = ContinuousClock.now + .milliseconds(Int(timeout * 1000))
        while ContinuousClock.now < deadline {
            var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 100) >= 0 || errno == EINTR else { break }
            if descriptor.revents == 0 { continue }
            let count = read(master, &buffer, buffer.count)
            if count <= 0 { break }
            bytes += buffer[0..<count]
        }
        _ = waitForExit(process, timeout: 5)
        return (process.terminationStatus, bytes)
    }
}

/// A child process could not be started or read.
struct ProcessError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
