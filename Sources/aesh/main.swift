import AeshShell
import ArgumentParser
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
        status 1. Type `help` at the prompt for the commands.
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

    func validate() throws {
        // An empty folder would put plots at the file system's root ("" + "/" + name).
        guard !out.isEmpty else { throw ValidationError("--out must name a folder") }
    }

    mutating func run() throws {
        let console = StandardConsole()
        let shell = Shell(console: console)
        shell.session.settings.outputFolder = out
        if let seed { shell.session.settings.seed = seed }
        let options = ScriptRunOptions(echo: true, keepGoing: keepGoing)
        var failures = 0
        if let commands {
            failures = shell.runScript(ScriptLines.splitOneLiner(commands), file: "-c",
                                       options: ScriptRunOptions(echo: false, keepGoing: keepGoing))
        } else if !scripts.isEmpty {
            try? FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            for script in scripts where !shell.quitRequested {
                failures += shell.runScriptFile(path: script, options: options)
                if failures > 0 && !keepGoing { break }
            }
        } else if isatty(STDIN_FILENO) == 1 {
            throw ExitCode(Prompt.run(shell: shell))
        } else {
            do {
                let lines = try Shell.readScript(from: FileHandle.standardInput, name: "<stdin>")
                try? FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
                failures = shell.runScript(lines, file: "<stdin>", options: options)
            } catch {
                console.writeError("\(error)\n")
                failures = 1
            }
        }
        if failures > 0 { throw ExitCode(1) }
    }
}

AeshCommand.main()
