import Foundation

/// The interactive prompt: reads lines with GNU readline and runs them until `quit` or Ctrl-D.
public enum Prompt {
    /// Runs the prompt on `shell`; returns the exit status (0).
    public static func run(shell: Shell, environment: [String: String] = ProcessInfo.processInfo.environment) -> Int32 {
        let completer = Completer(commands: shell.commands, columnNames: { [unowned shell] in
            shell.session.data?.columnNames ?? []
        })
        let editor = LineEditor(historyPath: LineEditor.defaultHistoryPath(environment: environment),
                                completer: completer.candidates)
        InterruptFlag.install()
        let console = shell.console
        console.line("aesh \(aeshVersion): type `help` for the commands, `explain` for the method, Ctrl-D to leave.")
        var pending = ""
        while !shell.quitRequested {
            switch editor.readLine(prompt: pending.isEmpty ? "aesh> " : "  ...> ") {
            case .endOfInput:
                console.line()
                return 0
            case .interrupted:
                pending = ""
                continue
            case .line(let text):
                if text.hasSuffix("\\") {
                    pending += text.dropLast() + " "
                    continue
                }
                let line = pending + text
                pending = ""
                guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
                editor.remember(line)
                // Prose typed at the prompt goes into the session's report as it would from a script.
                if let markdown = ScriptLines.proseText(line) {
                    shell.emit(.prose(markdown))
                    continue
                }
                shell.runCell(Cell(number: 0, command: line, location: nil, framing: .prompt), scriptName: nil,
                              interactive: true)
            }
        }
        return 0
    }
}
