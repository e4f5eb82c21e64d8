import AutoencoderKit
import Foundation

/// The two formats of an executed document, chosen by the report file's extension.
public enum ReportFormat: Sendable, Equatable {
    /// One self-contained page (`.html`, `.htm`).
    case html
    /// Markdown with its charts as PNG files in `NAME_files/` beside it (`.md`, `.markdown`).
    case markdown

    /// The format for `path`, after checking that the report can be written there: a known
    /// extension, not a folder, in a folder that exists and may be written. Checked before a
    /// replay starts, so a bad path costs nothing.
    public static func check(_ path: String) throws -> ReportFormat {
        let format: ReportFormat
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "html", "htm": format = .html
        case "md", "markdown": format = .markdown
        default: throw ShellError("report \(path): the name must end in .html or .md (the extension picks the format)")
        }
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { throw ShellError("report \(path): is a folder, not a file") }
            guard manager.isWritableFile(atPath: path) else { throw ShellError("report \(path): permission denied") }
        }
        let parent = NSString(string: path).deletingLastPathComponent
        let folder = parent.isEmpty ? "." : parent
        guard manager.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ShellError("report \(path): the folder \(folder) does not exist")
        }
        guard manager.isWritableFile(atPath: folder) else { throw ShellError("report \(path): the folder \(folder) cannot be written (permission denied)") }
        if format == .markdown {
            let charts = chartFolder(of: path)
            if manager.fileExists(atPath: charts, isDirectory: &isDirectory), !isDirectory.boolValue {
                throw ShellError("report \(path): its chart folder \(charts) is a file")
            }
        }
        return format
    }

    /// `seed_files` beside `seed.md`: where a Markdown report's charts go.
    static func chartFolder(of path: String) -> String {
        (path as NSString).deletingPathExtension + "_files"
    }
}

/// What to write a report of, and how.
public struct ReportRequest: Sendable {
    /// The report file; its extension picks the format.
    public var path: String
    /// The command line shown in the provenance block, word by word.
    public var commandLine: [String]
    /// Shows cell times, the date and the total time; without them two replays of a script give
    /// byte-identical reports.
    public var times: Bool
    /// The title when the prose has no heading.
    public var fallbackTitle: String

    /// A request for a report at `path`.
    public init(path: String, commandLine: [String], times: Bool = true, fallbackTitle: String = "aesh session") {
        self.path = path
        self.commandLine = commandLine
        self.times = times
        self.fallbackTitle = fallbackTitle
    }
}

/// Writes the session's executed document: every cell the log holds, the provenance, the charts.
public enum ReportWriter {
    /// Writes the report `request` asks for of what `log` saw run on `session`; files are written
    /// whole or not at all. Returns the files written (the report, then any chart files).
    @discardableResult
    public static func write(_ request: ReportRequest, log: ReportLog, session: Session,
                             environment: [String: String] = ProcessInfo.processInfo.environment) throws -> [String] {
        let format = try ReportFormat.check(request.path)
        let provenance = Provenance.collect(log: log, session: session, commandLine: request.commandLine, times: request.times)
        let content = ReportContent(entries: log.entries, provenance: provenance, fallbackTitle: request.fallbackTitle,
                                    times: request.times)
        switch format {
        case .html:
            try AtomicFile.write(try HTMLReport.render(content, environment: environment), to: request.path)
            return [request.path]
        case .markdown:
            let folder = ReportFormat.chartFolder(of: request.path)
            let linked = URL(fileURLWithPath: folder).lastPathComponent
            let (text, charts) = try MarkdownReport.render(content, folder: linked, environment: environment)
            var written: [String] = []
            if !charts.isEmpty {
                do {
                    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                } catch {
                    throw ShellError("report \(request.path): cannot create its chart folder \(folder) (\(error.localizedDescription))")
                }
                for chart in charts {
                    try AtomicFile.write(chart.bytes, to: folder + "/" + chart.name)
                    written.append(folder + "/" + chart.name)
                }
            }
            try AtomicFile.write(text, to: request.path)
            return [request.path] + written
        }
    }
}
