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
    /// The usage line, e.g. `train [epochs=50] [batch=32] …`: the name, the positional words and
    /// each key's usage fragment (derived from the key declarations).
    public var usage: String
    /// A longer explanation for `help NAME`.
    public var details: String
    /// A real example.
    public var example: String
    /// How many positional words it takes.
    public var positionals: ClosedRange<Int>
    /// The keys it accepts, in declaration order.
    public var keys: [KeySpec]
    /// How many stored properties its key set has (all should be keys; a test checks).
    let keySetPropertyCount: Int
    /// Completion for positional words.
    public var positionalCompletion: PositionalCompletion
    /// Whether any `name=value` words are the command's data rather than declared keys (`param`):
    /// they reach it, in order, as `Arguments.namedValues`.
    public var takesNamedValues = false
    /// Does the work on a draft of the session.
    public var run: @Sendable (Arguments, inout Session, CommandContext) throws -> Void

    /// A command declaration. `operands` is the usage of the positional words ("PATH",
    /// "loss|errors|…"); the usage line adds the keys of `keys`, unless `usage` gives another form
    /// (for a command whose forms are alternatives). `run` reads the keys through `keys`.
    public init<Keys: KeySet>(
        name: String, summary: String, operands: String = "", usage: String? = nil, details: String,
        example: String, positionals: ClosedRange<Int> = 0...0, keys: Keys.Type,
        positionalCompletion: PositionalCompletion = .none,
        run: @escaping @Sendable (KeyedArguments<Keys>, inout Session, CommandContext) throws -> Void
    ) {
        self.name = name
        self.summary = summary
        let declarations = Keys.declarations
        self.usage = usage ?? ([name] + (operands.isEmpty ? [] : [operands]) + declarations.map(\.usage))
            .joined(separator: " ")
        self.details = details
        self.example = example
        self.positionals = positionals
        self.keys = declarations
        self.keySetPropertyCount = Keys.propertyCount
        self.positionalCompletion = positionalCompletion
        self.run = { arguments, session, context in try run(KeyedArguments(arguments), &session, context) }
    }

    /// A command declaration for a command that takes no keys.
    public init(
        name: String, summary: String, operands: String = "", usage: String? = nil, details: String,
        example: String, positionals: ClosedRange<Int> = 0...0, positionalCompletion: PositionalCompletion = .none,
        run: @escaping @Sendable (KeyedArguments<NoKeys>, inout Session, CommandContext) throws -> Void
    ) {
        self.init(name: name, summary: summary, operands: operands, usage: usage, details: details, example: example,
                  positionals: positionals, keys: NoKeys.self, positionalCompletion: positionalCompletion, run: run)
    }
}
