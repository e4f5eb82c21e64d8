/// Writes command lines back as text that `Tokenizer` reads as the same words: what `history`
/// saves when a command is recorded otherwise than as typed (an interrupted `train`, the settings
/// a saved script starts with).
public enum CommandLineText {
    /// `word` as one word of a command line: as it is when it holds nothing the tokenizer treats
    /// specially, else in quotes (single quotes when it holds a double quote). `positional` words
    /// holding `=` are quoted too, so they do not read as `key=value`.
    public static func quoted(_ word: String, positional: Bool = false) -> String {
        let special: Set<Character> = ["\"", "'", "#", ";", "\\"]
        let plain = !word.isEmpty && !word.contains { $0.isWhitespace || special.contains($0) || (positional && $0 == "=") }
        if plain { return word }
        return word.contains("\"") ? "'\(word)'" : "\"\(word)\""
    }
}

extension Invocation {
    /// The invocation as one command line: the name, the positional words, then `key=value` words,
    /// each quoted where needed.
    public var line: String {
        ([name] + positionals.map { CommandLineText.quoted($0, positional: true) }
            + options.map { "\($0.key)=\(CommandLineText.quoted($0.value))" }).joined(separator: " ")
    }

    /// The invocation with `key` set to `value`: replaced where it was given, else added at the end.
    public func setting(_ key: String, to value: String) -> Invocation {
        var changed = self
        if let index = options.firstIndex(where: { $0.key == key }) {
            changed.options[index].value = value
        } else {
            changed.options.append((key, value))
        }
        return changed
    }
}
