import Foundation

/// A chart a cell drew, kept as gnuplot commands to draw again as SVG or PNG.
public struct Figure: Sendable, Equatable {
    /// The chart's kind (loss, errors, roc, …).
    public var kind: String
    /// The gnuplot commands after `set terminal` and `set output`.
    public var gnuplot: String
}

/// A command cell as it ran: its text, output, charts, error and time.
public struct CommandRecord: Sendable, Equatable {
    /// The cell as the runner started it.
    public var cell: Cell
    /// Output and warnings in the order they came, as the terminal showed them.
    public var output = ""
    /// Charts drawn, in order.
    public var figures: [Figure] = []
    /// The error it failed with (located `FILE:LINE:` in a script).
    public var error: String?
    /// Seconds it took.
    public var seconds: Double = 0
    /// True once the runner reported its end.
    public var finished = false
}

/// One piece of an executed document.
public enum ReportEntry: Sendable, Equatable {
    /// A prose cell's Markdown.
    case prose(String)
    /// A command cell.
    case command(CommandRecord)
    /// An error outside any cell (a script that could not be read).
    case failure(String)
}

/// Listens to the runner and keeps what a report needs: the cells in order and every file read
/// and written. The shell holds one for the whole session, so `report` can write the session so far.
public final class ReportLog: CellListener {
    /// The session's cells so far.
    public private(set) var entries: [ReportEntry] = []
    /// Files read, in the order first read.
    public private(set) var filesRead: [String] = []
    /// Files written (charts among them), in the order first written.
    public private(set) var filesWritten: [String] = []
    /// Size and SHA-256 of files read, taken when read if `digestsOnRead`, else when the report is written.
    public private(set) var digests: [String: FileDigest] = [:]
    /// Digest each file when it is read (set for `--report`, so the digest is of what was read).
    public var digestsOnRead = false
    /// When the log started (uptime nanoseconds), for the total time.
    public let started = DispatchTime.now().uptimeNanoseconds

    /// An empty log.
    public init() {}

    public func receive(_ event: CellEvent) {
        switch event {
        case .started(let cell):
            closeOpenCell()
            open = CommandRecord(cell: cell)
        case .prose(let markdown):
            closeOpenCell()
            entries.append(.prose(markdown))
        case .output(let text), .diagnostic(let text):
            open?.output += text
        case .artifact(let artifact):
            record(artifact)
        case .error(let message):
            if open != nil { open?.error = message } else { entries.append(.failure(message)) }
        case .finished(_, let seconds, _):
            open?.seconds = seconds
            open?.finished = true
            closeOpenCell()
        }
    }

    /// The running cell, kept apart until it ends (so `report` writes only finished cells, and
    /// output appended piece by piece is not copied each time).
    private var open: CommandRecord?

    private func closeOpenCell() {
        if let record = open { entries.append(.command(record)) }
        open = nil
    }

    /// Size and digest of every file read, computing those not taken yet.
    public func inputDigests() -> [(path: String, digest: FileDigest?)] {
        filesRead.map { path in
            if digests[path] == nil, let digest = FileDigest(path: path) { digests[path] = digest }
            return (path, digests[path])
        }
    }

    private func record(_ artifact: Artifact) {
        switch artifact {
        case .figure(let kind, let gnuplot):
            open?.figures.append(Figure(kind: kind, gnuplot: gnuplot))
        case .chart(_, let path, _), .fileWritten(let path):
            if !filesWritten.contains(path) { filesWritten.append(path) }
        case .fileRead(let path):
            if !filesRead.contains(path) { filesRead.append(path) }
            if digestsOnRead, digests[path] == nil { digests[path] = FileDigest(path: path) }
        }
    }
}

/// A file's size and SHA-256.
public struct FileDigest: Sendable, Equatable {
    /// Bytes.
    public var size: UInt64
    /// 64 hexadecimal digits.
    public var sha256: String

    /// The digest of the file at `path`; nil when it cannot be read.
    public init?(path: String) {
        guard let (size, digest) = SHA256.file(path) else { return nil }
        self.size = size
        sha256 = digest
    }
}
