import AutoencoderKit
import Foundation

/// How a script is replayed.
public struct ScriptRunOptions: Sendable {
    /// Echo each command like a notebook cell, with its elapsed time.
    public var echo: Bool
    /// Report a failing command and go on instead of stopping.
    public var keepGoing: Bool

    /// Options for a replay.
    public init(echo: Bool = true, keepGoing: Bool = false) {
        self.echo = echo
        self.keepGoing = keepGoing
    }
}

extension Shell {
    /// Replays `lines` from a script called `file` on this shell's session. Prose cells are emitted
    /// as they are; each command is echoed as `In [n]: …` (n counting commands) with its output and time; a failure prints `FILE:LINE: message` and stops the run
    /// unless `keepGoing`. Returns the number of commands that failed.
    ///
    /// Ctrl-C (SIGINT) stops the replay after the command it arrived in, which keeps what it
    /// keeps when interrupted (training its best weights so far): the run prints
    /// `FILE:LINE: interrupted` for that command and sets `interrupted`, even with `keepGoing`.
    @discardableResult
    public func runScript(_ lines: [ScriptLine], file: String, options: ScriptRunOptions) -> Int {
        let scriptName = Self.scriptName(of: file)
        var failures = 0, number = 0
        InterruptFlag.install()
        let interruptsBefore = InterruptFlag.count
        for line in lines where !quitRequested && !interrupted {
            if line.isProse {
                emit(.prose(line.text))
                continue
            }
            // `In [n]` counts commands only, so prose does not move plot file names.
            number += 1
            let location = "\(file):\(line.lineNumber)"
            let cell = Cell(number: number, command: line.text, location: location,
                            framing: options.echo ? .notebook : .none)
            let succeeded = runCell(cell, scriptName: scriptName, interactive: false)
            if InterruptFlag.count != interruptsBefore {
                interrupted = true
                emit(.error("\(location): interrupted"))
            }
            if !succeeded {
                failures += 1
                if !options.keepGoing { break }
            }
        }
        return failures
    }

    /// Reads a script file and replays it; an unreadable file counts as one failure, reported.
    @discardableResult
    public func runScriptFile(path: String, options: ScriptRunOptions) -> Int {
        let lines: [ScriptLine]
        do {
            // Ctrl-C ends a wait for a FIFO's writer as it ends a replay.
            lines = try Self.readScript(path: path, shouldStop: InterruptFlag.watch())
        } catch let error as InterruptedError {
            interrupted = true
            emit(.error("\(error)"))
            return 1
        } catch {
            emit(.error("\(error)"))
            return 1
        }
        // Known as running, so a script that runs itself stops at its own `run` line.
        runningScripts.append(Self.canonicalPath(path))
        defer { runningScripts.removeLast() }
        return runScript(lines, file: path, options: options)
    }

    /// One spelling per file (absolute, symlinks resolved), to recognise a script already running.
    static func canonicalPath(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// Scripts longer than this are refused: a device such as /dev/zero would never end.
    public static let maximumScriptBytes = 16 << 20

    /// The logical lines of a script file; throws for a missing, unreadable, binary or endless file.
    /// A FIFO is waited for until a writer closes it or `shouldStop` says yes (`InterruptedError`).
    public static func readScript(path: String, shouldStop: @escaping @Sendable () -> Bool = { false }) throws -> [ScriptLine] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw ShellError("\(path): \(describeReadFailure(path: path))")
        }
        let bytes: [UInt8]
        do {
            bytes = try FileBytes.read(path: path, limit: maximumScriptBytes, shouldStop: shouldStop)
        } catch is DataFileError {
            throw ShellError("\(path): \(describeReadFailure(path: path))")
        }
        guard bytes.count <= maximumScriptBytes else { throw scriptTooLong(path) }
        return try parseScript(Data(bytes), name: path)
    }

    /// A script that does not end, or not soon enough.
    private static func scriptTooLong(_ name: String) -> ShellError {
        ShellError("\(name): longer than \(maximumScriptBytes >> 20) MB, too long for a script")
    }

    /// The logical lines of a script read from `handle` (a file, or standard input), named `name`.
    public static func readScript(from handle: FileHandle, name: String) throws -> [ScriptLine] {
        let data: Data
        do {
            data = try handle.read(upToCount: maximumScriptBytes + 1) ?? Data()
        } catch {
            throw ShellError("\(name): cannot be read (\(error.localizedDescription))")
        }
        guard data.count <= maximumScriptBytes else { throw scriptTooLong(name) }
        return try parseScript(data, name: name)
    }

    /// The logical lines of script bytes; throws when they are not UTF-8 text.
    public static func parseScript(_ data: Data, name: String) throws -> [ScriptLine] {
        if let zero = data.firstIndex(of: 0) {
            throw ShellError("\(name): not a text script (a zero byte at offset \(zero - data.startIndex))")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ShellError("\(name): not a text script (not valid UTF-8)")
        }
        let withoutBOM = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        return ScriptLines.split(withoutBOM)
    }

    /// "seed" for "scripts/seed.aesh": the stem used to name plot files.
    static func scriptName(of path: String) -> String {
        let base = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        return base.isEmpty ? "script" : base
    }

    /// Replays a script inside a command (`run`): all of it or none of it changes the session.
    func replay(path: String, on session: inout Session) throws {
        let canonical = Self.canonicalPath(path)
        guard !runningScripts.contains(canonical) else {
            throw ShellError("\(path) is already running (a script that runs itself would never end)")
        }
        guard runningScripts.count < Self.maximumRunDepth else {
            throw ShellError("scripts nest more than \(Self.maximumRunDepth) deep")
        }
        let lines = try Self.readScript(path: path, shouldStop: InterruptFlag.watch())
        runningScripts.append(canonical)
        defer { runningScripts.removeLast() }
        var draft = session
        InterruptFlag.install()
        let interruptsBefore = InterruptFlag.count
        for (index, line) in lines.filter({ !$0.isProse }).enumerated() where !quitRequested {
            do {
                try perform(line.text, on: &draft, scriptName: Self.scriptName(of: path), step: index + 1,
                            interactive: false)
            } catch let error as NestedScriptError {
                throw error
            } catch {
                throw NestedScriptError(description: "\(path):\(line.lineNumber): \(error)")
            }
            // Ctrl-C stops the replay; like any failure of `run`, it leaves the session as it was.
            if InterruptFlag.count != interruptsBefore {
                throw NestedScriptError(description: "\(path):\(line.lineNumber): interrupted; the session is unchanged")
            }
        }
        session = draft
    }
}

/// Why a file at `path` could not be read: missing, a directory, or not permitted.
func describeReadFailure(path: String) -> String {
    var isDirectory: ObjCBool = false
    if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) { return "no such file" }
    if isDirectory.boolValue { return "is a directory, not a file" }
    if !FileManager.default.isReadableFile(atPath: path) { return "permission denied" }
    return "cannot be read"
}
