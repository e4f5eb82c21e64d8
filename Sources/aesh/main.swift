import AeshShell
import ArgumentParser
import AutoencoderKit
import Foundation

/// The `aesh` command line: the prompt, script replay, or a one-liner.
struct AeshCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aesh",
        abstract: "The autoencoder shell: anomaly detection with dense autoencoders, one command at a time.",
        discussion: """
        With no script, opens a prompt (or reads commands from standard input when it is not a \
        terminal). With scripts, replays each one like notebook cells, echoing every command with \
        its output and time; the first failing command stops the run with FILE:LINE and exit \
        status 1; Ctrl-C stops it after the current command with exit status 130. Type `help` \
        at the prompt for the commands. `aesh score MODEL [INPUT|-]` scores CSV rows with a saved \
        model as a Unix filter (`aesh score --help`).
        """,
        version: "aesh \(aeshVersion)")

    @Argument(help: "Scripts (.aesh) to replay, in order.")
    var scripts: [String] = []

    @Option(name: .customShort("c"), help: ArgumentHelp("Run these commands (separated by ;) and exit.", valueName: "commands"))
    var commands: String?

    @Flag(name: .long, help: "Report a failing command and go on; the exit status is still 1.")
    var keepGoing = false

    @Option(name: .long, help: "Folder for plots and outputs in script mode.")
    var out: String = "out"

    @Option(name: .long, help: "Seed for commands given no seed= (default 42).")
    var seed: UInt64?

    @Option(name: .long, help: ArgumentHelp("Override a script parameter declared with `param` (repeatable).", valueName: "name=value"))
    var param: [String] = []

    @Option(name: .long, help: ArgumentHelp("Also write the executed document: FILE.html (self-contained) or FILE.md (charts in FILE_files/).", valueName: "file"))
    var report: String?

    @Option(name: .customLong("report-times"), help: ArgumentHelp("yes, or no to leave times and the date out of the report (two replays then give identical files).", valueName: "yes|no"))
    var reportTimes: String = "yes"

    func validate() throws {
        guard ["yes", "no"].contains(reportTimes) else { throw ValidationError("--report-times takes yes or no, got \"\(reportTimes)\"") }
        // An empty folder would put plots at the file system's root ("" + "/" + name).
        guard !out.isEmpty else { throw ValidationError("--out must name a folder") }
        _ = try parameterOverrides()
    }

    /// The `--param NAME=VALUE` overrides, each name given once.
    private func parameterOverrides() throws -> [String: String] {
        var overrides: [String: String] = [:]
        for word in param {
            guard let equals = word.firstIndex(of: "="), ScriptParameters.isValidName(String(word[..<equals])) else {
                throw ValidationError("--param takes NAME=VALUE, got \"\(word)\"")
            }
            let name = String(word[..<equals])
            guard overrides[name] == nil else { throw ValidationError("--param \(name) is given twice") }
            overrides[name] = String(word[word.index(after: equals)...])
        }
        return overrides
    }

    /// Stops before a replay when an override names no parameter the scripts declare.
    private func checkOverrides(_ overrides: [String: String], against lines: [ScriptLine], console: Console) throws {
        let declared = ScriptParameters.declaredNames(in: lines)
        for name in overrides.keys.sorted() where !declared.contains(name) {
            let known = declared.isEmpty ? "it declares no parameters (declare them with `param NAME=VALUE`)"
                : "it declares \(declared.joined(separator: ", "))"
            console.writeError("aesh: --param \(name): the script declares no parameter \(name); \(known)\n")
            throw ExitCode(1)
        }
    }

    mutating func run() throws {
        let console = StandardConsole()
        let shell = Shell(console: console)
        shell.session.settings.outputFolder = out
        shell.startingOutputFolder = out
        // Every train and evaluate is appended to the working folder's run log (`set runlog off` stops it).
        shell.runLogFile = "aesh-runs.sqlite"
        // `history save` writes the seed and folder in force first, so a saved history replays alike.
        if let seed { shell.session.settings.seed = seed }
        try checkReport(console: console)
        let overrides = try parameterOverrides()
        shell.session.parameters = ScriptParameters(overrides: overrides)
        let options = ScriptRunOptions(echo: true, keepGoing: keepGoing)
        // Inputs are digested as they are read, so the report names the bytes that were used.
        shell.log.digestsOnRead = report != nil
        var failures = 0
        if let commands {
            shell.createsOutputFolder = true
            let lines = ScriptLines.splitOneLiner(commands)
            try checkOverrides(overrides, against: lines, console: console)
            failures = shell.runScript(lines, file: "-c", options: ScriptRunOptions(echo: false, keepGoing: keepGoing))
        } else if !scripts.isEmpty {
            if !overrides.isEmpty {
                let lines = scripts.flatMap { (try? Shell.readScript(path: $0)) ?? [] }
                try checkOverrides(overrides, against: lines, console: console)
            }
            try makeOutputFolder(console: console)
            for script in scripts where !shell.quitRequested && !shell.interrupted {
                shell.emit(.artifact(.fileRead(path: script)))
                failures += shell.runScriptFile(path: script, options: options)
                if failures > 0 && !keepGoing { break }
            }
        } else if isatty(STDIN_FILENO) == 1 {
            let status = Prompt.run(shell: shell)
            if writeReport(shell: shell, console: console) > 0 { throw ExitCode(1) }
            throw ExitCode(status)
        } else {
            do {
                var status = stat()
                if fstat(STDIN_FILENO, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR {
                    throw ShellError("<stdin>: standard input is a directory, not a script")
                }
                let lines = try Shell.readScript(from: FileHandle.standardInput, name: "<stdin>")
                try makeOutputFolder(console: console)
                failures = shell.runScript(lines, file: "<stdin>", options: options)
            } catch let error as ExitCode {
                throw error
            } catch {
                console.writeError("\(error)\n")
                failures = 1
            }
        }
        // A failing script still gets its report, up to and including the failing cell.
        failures += writeReport(shell: shell, console: console)
        // 128 + SIGINT, as a shell reports a program that Ctrl-C ended.
        if shell.interrupted { throw ExitCode(130) }
        if failures > 0 { throw ExitCode(1) }
    }

    /// Refuses a `--report` path that cannot be written before anything runs: a replay of minutes
    /// should not end in "cannot write". A report in the `--out` folder may count on it being made.
    private func checkReport(console: Console) throws {
        guard let report else { return }
        let folder = URL(fileURLWithPath: report).deletingLastPathComponent().standardizedFileURL.path
        if folder == URL(fileURLWithPath: out).standardizedFileURL.path { try makeOutputFolder(console: console) }
        do {
            _ = try ReportFormat.check(report)
        } catch {
            console.writeError("aesh: --report: \(error)\n")
            throw ExitCode(1)
        }
    }

    /// Writes the `--report` file of what ran; returns 1 when it cannot be written (said on stderr).
    private func writeReport(shell: Shell, console: Console) -> Int {
        guard let report else { return 0 }
        let title = scripts.first.map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent } ?? "aesh session"
        do {
            try ReportWriter.write(ReportRequest(path: report, commandLine: CommandLine.arguments, times: reportTimes == "yes",
                                                 fallbackTitle: title),
                                   log: shell.log, session: shell.session)
            return 0
        } catch {
            console.writeError("aesh: --report \(report): \(error)\n")
            return 1
        }
    }

    /// Creates the `--out` folder for a replay, or stops at once saying why it cannot.
    private func makeOutputFolder(console: Console) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: out, isDirectory: &isDirectory) {
            if isDirectory.boolValue { return }
            console.writeError("aesh: --out \(out) is a file, not a folder\n")
            throw ExitCode(1)
        }
        do {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        } catch {
            console.writeError("aesh: cannot create the output folder \(out): \(error.localizedDescription)\n")
            throw ExitCode(1)
        }
    }
}

// Before anything else: OpenBLAS's idle workers would otherwise spin beside the first commands.
BLASThreads.settle()
// `aesh score …` is its own command line; everything else is the shell's.
if CommandLine.arguments.dropFirst().first == "score" {
    ScoreCommand.main(Array(CommandLine.arguments.dropFirst(2)))
} else {
    AeshCommand.main()
}
