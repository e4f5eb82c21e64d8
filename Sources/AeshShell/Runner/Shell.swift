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

    /// `path` resolved against `baseDirectory` (absolute paths and `~/` are kept as they are).
    public func resolve(_ path: String) -> String {
        if path == "~" || path.hasPrefix("~/") { return NSString(string: path).expandingTildeInPath }
        guard let base = baseDirectory, !path.hasPrefix("/") else { return path }
        return base.hasSuffix("/") ? base + path : base + "/" + path
    }

    /// A shell with the standard commands.
    public init(console: Console, commands: [CommandSpec] = CommandRegistry.all) {
        self.console = console
        self.commands = commands
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
        let context = CommandContext(console: console, shell: self, scriptName: scriptName, step: step,
                                     interactive: interactive)
        do {
            let arguments = try Arguments(invocation, spec: spec)
            var draft = session
            try spec.run(arguments, &draft, context)
            // `run` has already recorded the lines it replayed; recording `run FILE` too would
            // replay them twice from a saved history.
            // Lines are recorded as they ran: parameters expanded, `param` with the values in force.
            if spec.name == "param" && !arguments.namedValues.isEmpty {
                draft.history.append(draft.parameters.declarationLine(names: arguments.namedValues.map(\.name)))
            } else if spec.name != "history" && spec.name != "run" {
                draft.history.append(expanded)
            }
            session = draft
        } catch let error as NestedScriptError {
            throw error
        } catch let failure as PartialFailure {
            var kept = failure.session
            kept.history.append(expanded)
            session = kept
            throw ShellError("\(spec.name): \(failure.message)")
        } catch {
            throw ShellError("\(spec.name): \(error)")
        }
    }

    /// Runs one line on this shell's session, printing any error; returns whether it succeeded.
    @discardableResult
    public func execute(_ line: String, location: String? = nil, scriptName: String? = nil, step: Int = 0,
                        interactive: Bool = false) -> Bool {
        do {
            try perform(line, on: &session, scriptName: scriptName, step: step, interactive: interactive)
            return true
        } catch {
            let prefix = location.map { "\($0): " } ?? ""
            console.writeError(console.styled("\(prefix)\(error)", "31") + "\n")
            return false
        }
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
