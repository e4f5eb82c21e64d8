import Foundation

/// A shell's side of the run log: the log file, this session's id, and whether a failed write was
/// reported. A write that fails is a warning, said once per session; it never fails the command
/// that ran.
public final class RunLogger {
    /// The log.
    public let log: RunLog
    /// This session's id, the same in every record it writes.
    public let session = UUID().uuidString.lowercased()
    private var warned = false

    /// A logger writing to the file at `path`, waiting up to `busyTimeout` seconds for another
    /// process's write.
    public init(path: String, busyTimeout: TimeInterval = 10) { log = RunLog(path: path, busyTimeout: busyTimeout) }

    /// A new record of `kind` for `command`, stamped with the time and this session.
    func record(_ kind: String, command: String) -> RunRecord {
        RunRecord(kind: kind, time: ISO8601DateFormatter().string(from: Date()), session: session, command: command)
    }

    /// Appends `record`; a failure prints one warning on `console` (the first time only).
    func append(_ record: RunRecord, console: Console) {
        do {
            try log.append(record)
        } catch {
            guard !warned else { return }
            warned = true
            console.line("warning: the run log \(log.path) was not written (\(error)); the command's results stand, and later failures of this session are not reported. `set runlog off` stops logging")
        }
    }
}
