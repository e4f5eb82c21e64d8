/// The console a command writes to: its text becomes `output` and `diagnostic` cell events, while
/// questions about the terminal (width, colour) are answered by the real console.
final class CellConsole: Console {
    private let terminal: Console
    private let emit: (CellEvent) -> Void

    /// A console emitting through `emit`, describing `terminal`.
    init(terminal: Console, emit: @escaping (CellEvent) -> Void) {
        self.terminal = terminal
        self.emit = emit
    }

    var isTerminal: Bool { terminal.isTerminal }
    var usesColor: Bool { terminal.usesColor }
    var width: Int { terminal.width }
    func write(_ text: String) { emit(.output(text)) }
    func writeError(_ text: String) { emit(.diagnostic(text)) }
}
