import AutoencoderKit
extension CommandSpec {
    /// `help [COMMAND]`: the command list, or one command's usage, keys and example.
    static let help = CommandSpec(
        name: "help",
        summary: "list the commands, or show one command's usage, keys and example",
        operands: "[COMMAND]",
        details: "`help` lists every command with one line; `help train` shows train's usage, keys, details and an example.",
        example: "help train",
        positionals: 0...1,
        positionalCompletion: .commands
    ) { arguments, _, context in
        let console = context.console
        let commands = context.commands
        guard let name = arguments.positional(0) else {
            console.line("aesh \(aeshVersion): anomaly detection with a dense autoencoder, one command at a time.")
            console.line("The method in order: load|generate → split → scale → model → train → errors → threshold → evaluate")
            console.line()
            let width = commands.map(\.name.count).max() ?? 8
            for command in commands {
                console.line("  " + command.name + String(repeating: " ", count: width - command.name.count + 2) + command.summary)
            }
            console.line()
            console.line("`help COMMAND` for its keys and an example; `explain` for what each step does and why.")
            return
        }
        guard let command = commands.first(where: { $0.name == name }) else {
            throw ShellError("unknown command \"\(name)\"\(Suggestion.hint(for: name, in: commands.map(\.name)))")
        }
        console.line(console.styled(command.usage, "1"))
        console.line("  " + command.summary)
        console.line()
        for line in command.details.split(separator: "\n", omittingEmptySubsequences: false) {
            console.line("  " + line)
        }
        if !command.keys.isEmpty {
            console.line()
            let width = command.keys.map { $0.name.count + $0.value.count + 1 }.max() ?? 8
            for key in command.keys {
                let shown = "\(key.name)=\(key.value)"
                console.line("  " + shown + String(repeating: " ", count: width - shown.count + 2) + key.description)
            }
        }
        console.line()
        console.line("  example: \(command.example)")
    }
}
