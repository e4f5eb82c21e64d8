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
        while true {
            if shell.quitRequested {
                if confirmLeaving(shell, editor) { return 0 }
                shell.quitRequested = false
            }
            switch editor.readLine(prompt: pending.isEmpty ? "aesh> " : "  ...> ") {
            case .endOfInput:
                if confirmLeaving(shell, editor) {
                    console.line()
                    return 0
                }
                pending = ""
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
    }

    /// Whether to leave: yes when nothing would be lost, else the person's answer to one question
    /// about the model trained since the last `save` (yes, or Ctrl-D again, leaves).
    static func confirmLeaving(_ shell: Shell, _ editor: LineEditor) -> Bool {
        guard shell.session.hasUnsavedModel else { return true }
        shell.console.line("the model trained in this session is not saved (`save PATH` keeps it)")
        switch editor.readLine(prompt: "leave anyway? [y/N] ") {
        case .endOfInput:
            return true
        case .interrupted:
            return false
        case .line(let answer):
            let word = answer.trimmingCharacters(in: .whitespaces).lowercased()
            return word == "y" || word == "yes"
        }
    }
}
