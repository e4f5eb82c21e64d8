/// The part of a prompt line before the word being completed, read as the tokenizer would read it
/// but forgiving an open quote: the complete words, and the start of the current word that
/// readline leaves out of the word it hands over (it breaks words at `=` and after an opening
/// quote, so for `label="my co` the word is `my co` and `label=` is left over).
struct CompletionLine {
    /// The words before the current one, quotes removed.
    var words: [String] = []
    /// The current word's text before the completed part, quotes removed.
    var leftOver = ""

    /// Reads `before`, the line up to the start of the word being completed.
    init(before: String) {
        var current = ""
        var inWord = false
        var quote: Character?
        for character in before {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "\"" || character == "'" {
                quote = character
                inWord = true
            } else if character.isWhitespace {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(character)
                inWord = true
            }
        }
        leftOver = current
    }

    /// The words after the command that are not `key=value`.
    var positionals: [String] { words.dropFirst().filter { !$0.contains("=") } }

    /// The keys already given.
    var givenKeys: Set<String> {
        Set(words.dropFirst().compactMap { word in word.firstIndex(of: "=").map { String(word[..<$0]) } })
    }

    /// The value given for `key` earlier on the line.
    func value(of key: String) -> String? {
        words.dropFirst().last { $0.hasPrefix(key + "=") }.map { String($0.dropFirst(key.count + 1)) }
    }
}
