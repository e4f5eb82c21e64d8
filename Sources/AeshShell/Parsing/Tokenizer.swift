/// One word of a command line, with whether any part of it was quoted.
public struct Token: Equatable, Sendable {
    /// The word with quotes removed.
    public var text: String
    /// True when the word (or part of it) was written in quotes, so `"a=b"` stays a positional.
    public var wasQuoted: Bool
    /// Whether the `=` that splits key from value (if any) stood outside quotes.
    public var hasBareEquals: Bool
}

/// Splits one logical command line into words: white space separates, `"…"` and `'…'` quote,
/// `#` outside quotes starts a comment.
public enum Tokenizer {
    /// The words of `line`; throws `ShellError` for an unterminated quote, naming its column.
    public static func tokenize(_ line: String) throws -> [Token] {
        var tokens: [Token] = []
        var current = ""
        var inWord = false, quoted = false, bareEquals = false
        var quote: Character? = nil
        var quoteColumn = 0
        for (column, character) in line.enumerated() {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
                continue
            }
            switch character {
            case "\"", "'":
                quote = character
                quoteColumn = column + 1
                inWord = true
                quoted = true
            case "#" where !inWord:
                return finish(tokens, current, inWord, quoted, bareEquals)
            case _ where character.isWhitespace:
                if inWord { tokens.append(Token(text: current, wasQuoted: quoted, hasBareEquals: bareEquals)) }
                current = ""; inWord = false; quoted = false; bareEquals = false
            default:
                if character == "=" { bareEquals = true }
                current.append(character)
                inWord = true
            }
        }
        if quote != nil {
            throw ShellError("unterminated quote starting at column \(quoteColumn)")
        }
        return finish(tokens, current, inWord, quoted, bareEquals)
    }

    private static func finish(_ tokens: [Token], _ current: String, _ inWord: Bool, _ quoted: Bool,
                               _ bareEquals: Bool) -> [Token] {
        inWord ? tokens + [Token(text: current, wasQuoted: quoted, hasBareEquals: bareEquals)] : tokens
    }
}
