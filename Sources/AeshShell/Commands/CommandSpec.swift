/// One key a command accepts, e.g. `epochs=N`.
public struct KeySpec: Sendable {
    /// The key's name.
    public var name: String
    /// What the value looks like in usage text ("N", "X", "yes|no").
    public var value: String
    /// One line on what it does, with its default.
    public var summary: String
    /// Values offered by tab completion.
    public var completions: [String]

    /// A key.
    public init(_ name: String, _ value: String, _ summary: String, completions: [String] = []) {
        self.name = name
        self.value = value
        self.summary = summary
        self.completions = completions
    }
}

/// What tab completion offers for a command's positional words.
public enum PositionalCompletion: Sendable {
    case none
    case files
    case choices([String])
    case commands
    case settings
}

/// Everything about one command in one place: its name, help, keys, completion and what it does.
/// `help`, the parser's checks and completion all read these declarations.
public struct CommandSpec: Sendable {
    /// The word that runs it.
    public var name: String
    /// One line for `help`.
    public var summary: String
    /// The usage line, e.g. `train [epochs=50] [batch=32] …`.
    public var usage: String
    /// A longer explanation for `help NAME`.
    public var details: String
    /// A real example.
    public var example: String
    /// How many positional words it takes.
    public var positionals: ClosedRange<Int>
    /// The keys it accepts.
    public var keys: [KeySpec]
    /// Completion for positional words.
    public var positionalCompletion: PositionalCompletion
    /// Does the work on a draft of the session.
    public var run: @Sendable (Arguments, inout Session, CommandContext) throws -> Void

    /// A command declaration.
    public init(name: String, summary: String, usage: String, details: String, example: String,
                positionals: ClosedRange<Int> = 0...0, keys: [KeySpec] = [],
                positionalCompletion: PositionalCompletion = .none,
                run: @escaping @Sendable (Arguments, inout Session, CommandContext) throws -> Void) {
        self.name = name
        self.summary = summary
        self.usage = usage
        self.details = details
        self.example = example
        self.positionals = positionals
        self.keys = keys
        self.positionalCompletion = positionalCompletion
        self.run = run
    }
}
