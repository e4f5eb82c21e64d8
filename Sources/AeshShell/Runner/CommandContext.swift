import Foundation

/// What a running command may know about how it was called, and the few things it may ask of the
/// runner: paths resolved, the output-folder policy, somewhere to report what it produced, a way
/// to replay a script's lines (`run`) and to end the session (`quit`). It never sees the shell.
public final class CommandContext {
    /// Where output goes (as cell events).
    public let console: Console
    /// Relative paths in commands resolved the one way the shell does.
    public let paths: PathResolver
    /// The environment handed to helper programs (gnuplot's PATH, DISPLAY for windows).
    public let environment: [String: String]
    /// When script-mode charts may create their output folder.
    public let outputFolder: OutputFolderPolicy
    /// The commands the shell knows (for `help`).
    public let commands: [CommandSpec]
    /// The script being replayed ("seed" for seed.aesh), nil at the prompt or in `-c`.
    public let scriptName: String?
    /// The command's 1-based position in its script (for naming plot files).
    public let step: Int
    /// True when a person is typing at the prompt.
    public let interactive: Bool
    /// The scripts being replayed (the outermost first), as canonical paths: no command may
    /// write over them.
    public let runningScripts: [String]
    /// The command line as it runs (parameters expanded), for the run log.
    public let line: String
    /// The run log `train` and `evaluate` append to; nil when the shell keeps none.
    public let runLog: RunLogger?
    /// The line `history` records for this command instead of the line as typed, when the
    /// command asked for one (`replay(as:)`).
    public private(set) var replayLine: String?
    private let sink: (Artifact) -> Void
    private let replayer: (String, inout Session) throws -> Void
    private let reporter: (String, Bool, Session) throws -> [String]
    private let quitter: () -> Void

    /// A context for one command.
    init(console: Console, paths: PathResolver, environment: [String: String], outputFolder: OutputFolderPolicy,
         commands: [CommandSpec], scriptName: String?, step: Int, interactive: Bool, runningScripts: [String] = [],
         line: String = "", runLog: RunLogger? = nil,
         artifacts: @escaping (Artifact) -> Void, replay: @escaping (String, inout Session) throws -> Void,
         report: @escaping (String, Bool, Session) throws -> [String], quit: @escaping () -> Void) {
        self.console = console
        self.paths = paths
        self.environment = environment
        self.outputFolder = outputFolder
        self.commands = commands
        self.scriptName = scriptName
        self.step = step
        self.interactive = interactive
        self.runningScripts = runningScripts
        self.line = line
        self.runLog = runLog
        self.sink = artifacts
        self.replayer = replay
        self.reporter = report
        self.quitter = quit
    }

    /// Reports a chart drawn, a file written or a file read.
    public func record(_ artifact: Artifact) { sink(artifact) }

    /// Replays the script at `path` (already resolved) on `session`: all of it or none of it.
    public func replay(script path: String, on session: inout Session) throws { try replayer(path, &session) }

    /// Writes the session so far (every finished cell) as a report at `path` (already resolved),
    /// with or without times; returns the files written.
    public func writeReport(to path: String, times: Bool, session: Session) throws -> [String] {
        try reporter(path, times, session)
    }

    /// Makes `history` record `line` for this command instead of the line as typed: the command
    /// that reproduces what it kept (an interrupted `train` as the training of the weights it kept).
    public func replay(as line: String) { replayLine = line }

    /// Ends the session once the current command is done.
    public func requestQuit() { quitter() }
}

/// Resolves the paths written in commands against the shell's base directory.
public struct PathResolver: Sendable {
    /// Relative paths are taken from here; nil means the working directory (paths are then used,
    /// and shown in messages, exactly as typed).
    public var baseDirectory: String?

    /// A resolver from `baseDirectory`.
    public init(baseDirectory: String?) { self.baseDirectory = baseDirectory }

    /// `path` resolved against `baseDirectory` (absolute paths and `~/` are kept as they are).
    public func resolve(_ path: String) -> String {
        if path == "~" || path.hasPrefix("~/") { return NSString(string: path).expandingTildeInPath }
        guard let base = baseDirectory, !path.hasPrefix("/") else { return path }
        return base.hasSuffix("/") ? base + path : base + "/" + path
    }
}

/// Whether a script-mode chart may create the output folder it goes into: only the folder the
/// process started with (`--out`, default out/), and only when the runner allows it.
public struct OutputFolderPolicy: Sendable {
    /// Whether the starting folder may be made.
    public var createsFolder: Bool
    /// The output folder the process started with.
    public var startingFolder: String?

    /// A policy; by default no folder is ever made.
    public init(createsFolder: Bool = false, startingFolder: String? = nil) {
        self.createsFolder = createsFolder
        self.startingFolder = startingFolder
    }

    /// Makes `folder` when the policy allows it (errors surface later, when the chart is written).
    func prepare(_ folder: String, paths: PathResolver) {
        guard createsFolder && folder == startingFolder else { return }
        try? FileManager.default.createDirectory(atPath: paths.resolve(folder), withIntermediateDirectories: true)
    }
}
