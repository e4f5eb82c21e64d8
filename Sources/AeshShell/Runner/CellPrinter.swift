import Foundation

/// The terminal's and script mode's view of the cell events: output as it comes, errors in red on
/// the error stream, a notebook cell framed as `In [n]: …` with its time, a slow prompt line timed.
public final class CellPrinter: CellListener {
    private let console: Console

    /// A printer onto `console`.
    public init(console: Console) { self.console = console }

    public func receive(_ event: CellEvent) {
        switch event {
        case .started(let cell):
            if cell.framing == .notebook {
                // A script's text may hold control characters (ESC): shown, never obeyed.
                console.line(console.styled("In [\(cell.number)]: ", "1;34") + Format.printable(cell.command))
            }
        case .prose(let markdown):
            // A blank line sets prose apart from the cell that follows, as in the report; control
            // characters in it are shown escaped, never obeyed.
            console.write(Format.printableLines(markdown.trimmingCharacters(in: .newlines)) + "\n\n")
        case .output(let text):
            console.write(text)
        case .diagnostic(let text):
            console.writeError(text)
        case .artifact:
            break
        case .error(let message):
            console.writeError(console.styled(Format.printableLines(message), "31") + "\n")
        case .finished(let cell, let seconds, _):
            switch cell.framing {
            case .notebook:
                console.line(console.styled("(\(Format.duration(seconds)))", "2"))
                console.line()
            case .prompt:
                if seconds >= 1 { console.line(console.styled("(\(Format.duration(seconds)))", "2")) }
            case .none:
                break
            }
        }
    }
}
