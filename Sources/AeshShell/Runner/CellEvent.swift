/// How a cell is framed when shown: a notebook cell (`In [n]: …` and its time), a line typed at
/// the prompt (its time when it took a second or more), or nothing around the output (`-c`, tests).
public enum CellFraming: Sendable, Equatable {
    case notebook
    case prompt
    case none
}

/// One command line run as a cell: its number in its script, the text and where it came from.
public struct Cell: Sendable, Equatable {
    /// 1-based position among the script's commands (`In [n]`); 0 at the prompt.
    public var number: Int
    /// The command line as written.
    public var command: String
    /// `FILE:LINE` for a script line, nil for typed input.
    public var location: String?
    /// How a terminal shows it.
    public var framing: CellFraming
}

/// Something a command produced besides text: a chart with its file, a file written, a file read.
public enum Artifact: Sendable, Equatable {
    /// A chart drawn to `path` in `format` (the file's extension: png, svg, pdf, txt).
    case chart(kind: String, path: String, format: String)
    /// A file the command wrote (a model, an export, a saved history).
    case fileWritten(path: String)
    /// A data or model file the command read.
    case fileRead(path: String)
    /// A chart drawn anywhere (a file, a window, the terminal), as the gnuplot commands that draw
    /// it once a terminal is set, so that a report can draw it again in its own format.
    case figure(kind: String, gnuplot: String)
}

/// What the runner reports while it runs cells; every consumer (terminal, script mode, reports)
/// sees the same stream, and a command never knows which of them is listening.
public enum CellEvent: Sendable, Equatable {
    /// A cell is about to run.
    case started(Cell)
    /// A prose cell of a script (the Markdown of its `#'` lines, without the marks).
    case prose(String)
    /// Text the running command wrote as output.
    case output(String)
    /// Text the running command wrote as a warning (gnuplot's, for one).
    case diagnostic(String)
    /// Something the running command produced.
    case artifact(Artifact)
    /// The cell failed with this message (located as `FILE:LINE: ` when it came from a script).
    case error(String)
    /// The cell ended after `seconds`, successfully or not.
    case finished(Cell, seconds: Double, succeeded: Bool)
}

/// A consumer of cell events.
public protocol CellListener: AnyObject {
    /// Receives one event, in the order the runner emits them.
    func receive(_ event: CellEvent)
}
