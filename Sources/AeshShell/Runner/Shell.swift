import AutoencoderKit
import Foundation

/// Runs command lines against a session: typed input, `-c`, `run` and script files all come here,
/// only the source of the lines differs.
public final class Shell {
    /// The session's state, replaced only by commands that succeed.
    public var session = Session()
    /// Where output goes.
    public let console: Console
    /// The commands this shell knows.
    public let commands: [CommandSpec]
    /// Set by `quit`.
    public internal(set) var quitRequested = false
    /// Set when Ctrl-C stopped a script replay (`aesh` then exits with status 130).
    public internal(set) var interrupted = false
    /// Scripts being replayed by `run`, outermost first (to stop recursion).
    var runningScripts: [String] = []
    /// Whether script-mode charts may create the output folder given at start-up (`--out`).
    public var createsOutputFolder = false
    /// The output folder the process started with, which `createsOutputFolder` allows making.
    public var startingOutputFolder: String?
    /// How deeply `run` may nest.
    public static let maximumRunDepth = 16
    /// Relative paths in commands are taken from here; nil means the working directory (and paths
    /// are then used, and shown in messages, exactly as typed).
    public var baseDirectory: String?
    /// The environment handed to helper programs (PATH to find gnuplot, DISPLAY for plot windows);
    /// tests replace it.
    public var environment: [String: String] = ProcessInfo.processInfo.environment

    /// The run log's file (relative paths from `baseDirectory`): the `aesh` executable sets
    /// `aesh-runs.sqlite` in the working folder; nil (the default, and what tests get) keeps none.
    public var runLogFile: String? {
        didSet { runLogger = runLogFile.map { RunLogger(path: resolve($0)) } }
    }
    /// The logger for `runLogFile`, made when it is set (tests set one with a short busy timeout).
    public internal(set) var runLogger: RunLogger?

    /// Who hears the cell events; the terminal's printer by default.
    public var listeners: [CellListener]
    /// Every cell of the session as a report needs it (`report`, `--report`); hears every event.
    public let log = ReportLog()
    /// The command line a report's provenance shows (the process's own by default).
    public var commandLine: [String] = CommandLine.arguments

    /// `path` resolved against `baseDirectory` (absolute paths and `~/` are kept as they are).
    public func resolve(_ path: String) -> String { PathResolver(baseDirectory: baseDirectory).resolve(path) }

    /// A shell with the standard commands, printing its cells onto `console`.
    public init(console: Console, commands: [CommandSpec] = CommandRegistry.all) {
        self.console = console
        self.commands = commands
        listeners = [CellPrinter(console: console)]
    }

    /// Sends `event` to every listener.
    public func emit(_ event: CellEvent) {
        log.receive(event)
        for listener in listeners { listener.receive(event) }
    }

    /// The command called `name`, if any.
    public func command(named name: String) -> CommandSpec? {
        commands.first { $0.name == name }
    }

    /// Parses and runs one logical line on `session`; a failure throws and leaves `session` as it was.
    public func perform(_ line: String, on session: inout Session, scriptName: String?, step: Int,
                        interactive: Bool) throws {
        let expanded = try session.parameters.expand(line)
        guard let invocation = try Invocation.parse(expanded) else { return }
        guard let spec = command(named: invocation.name) else {
            let hint = Suggestion.hint(for: invocation.name, in: commands.map(\.name))
            let shown = invocation.name.count > 40 ? invocation.name.prefix(40) + "…" : invocation.name
            throw ShellError("unknown command \"\(shown)\"\(hint); type `help` for the list")
        }
        let context = makeContext(scriptName: scriptName, step: step, interactive: interactive, line: expanded)
        do {
            let arguments = try Arguments(invocation, spec: spec)
            var draft = session
            try spec.run(arguments, &draft, context)
            // `run` has already recorded the lines it replayed; recording `run FILE` too would
            // replay them twice from a saved history.
            // Lines are recorded as they ran: parameters expanded, `param` with the values in force.
            // A command may ask to be recorded as the command that reproduces what it kept.
            if draft.historySettings == nil { draft.historySettings = session.settings }
            if spec.name == "param" && !arguments.namedValues.isEmpty {
                draft.history.append(draft.parameters.declarationLine(names: arguments.namedValues.map(\.name)))
            } else if spec.name != "history" && spec.name != "run" {
                draft.history.append(context.replayLine ?? expanded)
            }
            session = draft
        } catch let error as NestedScriptError {
            throw error
        } catch let error as InterruptedError {
            throw ShellError("\(spec.name): \(error); the session is unchanged")
        } catch let failure as PartialFailure {
            var kept = failure.session
            if kept.historySettings == nil { kept.historySettings = session.settings }
            kept.history.append(context.replayLine ?? expanded)
            session = kept
            throw ShellError("\(spec.name): \(failure.message)")
        } catch {
            throw ShellError("\(spec.name): \(error)")
        }
    }

    /// What a command run by this shell gets: the console as cell events, path resolution, the
    /// output-folder policy, the artifact sink, `run`'s replay and `quit`.
    private func makeContext(scriptName: String?, step: Int, interactive: Bool, line: String) -> CommandContext {
        CommandContext(
            console: CellConsole(terminal: console) { [unowned self] in emit($0) },
            paths: PathResolver(baseDirectory: baseDirectory), environment: environment,
            outputFolder: OutputFolderPolicy(createsFolder: createsOutputFolder, startingFolder: startingOutputFolder),
            commands: commands, scriptName: scriptName, step: step, interactive: interactive,
            runningScripts: runningScripts,
            line: line, runLog: runLogger,
            artifacts: { [unowned self] in emit(.artifact($0)) },
            replay: { [unowned self] path, session in try replay(path: path, on: &session) },
            report: { [unowned self] path, times, session in
                try ReportWriter.write(ReportRequest(path: path, commandLine: commandLine, times: times,
                                                     fallbackTitle: scriptName.map(PlotDestination.fileStem) ?? "aesh session"),
                                       log: log, session: session, environment: environment)
            },
            quit: { [unowned self] in quitRequested = true })
    }

    /// Runs one line on this shell's session as a cell without framing, reporting any error;
    /// returns whether it succeeded.
    @discardableResult
    public func execute(_ line: String, location: String? = nil, scriptName: String? = nil, step: Int = 0,
                        interactive: Bool = false) -> Bool {
        runCell(Cell(number: step, command: line, location: location, framing: .none), scriptName: scriptName,
                interactive: interactive)
    }

    /// Runs `cell` on this shell's session: emits its start, its output and artifacts, its error
    /// if it fails, and its end with the elapsed time. Typed input, `-c` and scripts all come here.
    @discardableResult
    public func runCell(_ cell: Cell, scriptName: String?, interactive: Bool) -> Bool {
        emit(.started(cell))
        let start = DispatchTime.now().uptimeNanoseconds
        var succeeded = true
        do {
            try perform(cell.command, on: &session, scriptName: scriptName, step: cell.number, interactive: interactive)
        } catch {
            let prefix = cell.location.map { "\($0): " } ?? ""
            emit(.error("\(prefix)\(error)"))
            succeeded = false
        }
        emit(.finished(cell, seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, succeeded: succeeded))
        return succeeded
    }
}

/// A command failed after doing part of its work, which it keeps: the session to commit and why it
/// still counts as a failure (training that diverged keeps its last finite weights).
public struct PartialFailure: Error {
    /// The session with what was kept.
    public var session: Session
    /// What went wrong.
    public var message: String
}

/// A failure inside a script replayed by `run`, already located at its own file and line.
struct NestedScriptError: Error, CustomStringConvertible {
    let description: String
}
