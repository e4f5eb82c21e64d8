#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Ctrl-C while a long command runs: a process-wide flag set by the SIGINT handler and polled by
/// training and t-SNE. Once installed, SIGINT never kills the program; it only sets the flag (and,
/// at the prompt, cancels the line being edited). Clear it before each command, so that a Ctrl-C
/// pressed after the previous one ended does not stop the next. Child processes in the terminal's
/// foreground group (gnuplot) still get SIGINT themselves.
public enum InterruptFlag {
    /// Installs the SIGINT handler; calling it again does nothing.
    public static func install() {
        _ = installation
    }

    /// Whether Ctrl-C was pressed since the last `clear()`.
    public static var isSet: Bool {
        interruptRequested.load(ordering: .acquiring)
    }

    /// How many times Ctrl-C was pressed since `install()`; `clear()` leaves it as it is, so a
    /// script replay can tell that a command it ran was interrupted even when the command itself
    /// cleared the flag afterwards.
    public static var count: Int {
        interruptCount.load(ordering: .acquiring)
    }

    /// Forgets an earlier Ctrl-C, e.g. before a command starts or before the prompt reads a line.
    public static func clear() {
        interruptRequested.store(false, ordering: .releasing)
        drainWakeUpPipe()
    }

    /// The read end of a pipe that receives a byte on every SIGINT, so that code waiting in `poll`
    /// wakes up even when the signal was delivered to another thread. -1 before `install()`.
    static var wakeUpDescriptor: Int32 {
        wakeUpReadEnd.load(ordering: .acquiring)
    }

    /// Empties the wake-up pipe (it is non-blocking, so this never waits).
    static func drainWakeUpPipe() {
        let descriptor = wakeUpDescriptor
        guard descriptor >= 0 else { return }
        var scratch = [UInt8](repeating: 0, count: 64)
        while read(descriptor, &scratch, scratch.count) > 0 {}
    }

    /// Runs once. The globals the handler touches are created before the handler is installed,
    /// because lazy global initialisation is not safe inside a signal handler.
    private static let installation: Void = {
        var ends: [Int32] = [-1, -1]
        if pipe(&ends) == 0 {
            for end in ends {
                _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
                _ = fcntl(end, F_SETFD, FD_CLOEXEC)
            }
            wakeUpWriteEnd.store(ends[1], ordering: .releasing)
            wakeUpReadEnd.store(ends[0], ordering: .releasing)
        }
        interruptRequested.store(false, ordering: .releasing)
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = handleInterrupt
        #else
        action.__sigaction_u.__sa_handler = handleInterrupt
        #endif
        sigemptyset(&action.sa_mask)
        // No SA_RESTART: a call blocked when Ctrl-C arrives returns EINTR rather than waiting on,
        // so the command sees the flag. Waits that may last (a FIFO with no writer or reader, a
        // full pipe) poll with a timeout and ask the flag, whichever thread the signal lands on.
        action.sa_flags = 0
        _ = sigaction(SIGINT, &action, nil)
    }()
}

/// Lock-free atomics only: these are touched from the signal handler.
private let interruptRequested = Atomic<Bool>(false)
private let interruptCount = Atomic<Int>(0)
private let wakeUpWriteEnd = Atomic<Int32>(-1)
private let wakeUpReadEnd = Atomic<Int32>(-1)

/// The SIGINT handler: async-signal-safe (lock-free atomics and a write to a non-blocking pipe).
private func handleInterrupt(_ signal: Int32) {
    let savedErrno = errno
    interruptRequested.store(true, ordering: .releasing)
    interruptCount.wrappingAdd(1, ordering: .releasing)
    let descriptor = wakeUpWriteEnd.load(ordering: .acquiring)
    if descriptor >= 0 {
        var byte: UInt8 = 1
        _ = write(descriptor, &byte, 1)
    }
    errno = savedErrno
}

extension InterruptFlag {
    /// For a command about to do something long: installs the handler, forgets any earlier
    /// Ctrl-C, and returns the check the work polls (true once Ctrl-C is pressed).
    public static func watch() -> @Sendable () -> Bool {
        install()
        clear()
        return { isSet }
    }
}
