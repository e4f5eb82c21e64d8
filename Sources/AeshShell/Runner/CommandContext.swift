/// What a running command may know about how it was called and may ask of the shell.
public final class CommandContext {
    /// Where output goes.
    public let console: Console
    /// The shell running the command (for `run`, `help`, `history`).
    public unowned let shell: Shell
    /// The script being replayed ("seed" for seed.aesh), nil at the prompt or in `-c`.
    public let scriptName: String?
    /// The command's 1-based position in its script (for naming plot files).
    public let step: Int
    /// True when a person is typing at the prompt.
    public let interactive: Bool

    /// A context for one command.
    public init(console: Console, shell: Shell, scriptName: String?, step: Int, interactive: Bool) {
        self.console = console
        self.shell = shell
        self.scriptName = scriptName
        self.step = step
        self.interactive = interactive
    }
}
