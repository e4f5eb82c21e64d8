/// A parsed command line: the command's name, its positional words and its `key=value` options.
public struct Invocation: Equatable, Sendable {
    /// The command name as typed.
    public var name: String
    /// Words without a bare `=`, in order.
    public var positionals: [String]
    /// `key=value` words, in order (keys are checked against the command later).
    public var options: [(key: String, value: String)]

    /// Parses a logical line; `nil` for a blank or comment-only line.
    public static func parse(_ line: String) throws -> Invocation? {
        let tokens = try Tokenizer.tokenize(line)
        guard let first = tokens.first else { return nil }
        var invocation = Invocation(name: first.text, positionals: [], options: [])
        for token in tokens.dropFirst() {
            if token.hasBareEquals, let equals = token.text.firstIndex(of: "=") {
                let key = String(token.text[..<equals])
                guard !key.isEmpty else { throw ShellError("\"\(token.text)\" has no key before =") }
                invocation.options.append((key, String(token.text[token.text.index(after: equals)...])))
            } else {
                invocation.positionals.append(token.text)
            }
        }
        return invocation
    }

    /// Equal when the name, the positional words and the options (in order) are.
    public static func == (lhs: Invocation, rhs: Invocation) -> Bool {
        lhs.name == rhs.name && lhs.positionals == rhs.positionals
            && lhs.options.map(\.key) == rhs.options.map(\.key) && lhs.options.map(\.value) == rhs.options.map(\.value)
    }
}
