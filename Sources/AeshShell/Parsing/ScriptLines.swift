/// A logical command line and the physical line it starts on.
public struct ScriptLine: Equatable, Sendable {
    /// The command text, continuation lines joined.
    public var text: String
    /// 1-based line number of its first physical line.
    public var lineNumber: Int
}

/// Turns script text into logical lines: a `\` at the end of a line continues it on the next,
/// and blank or comment-only lines are kept out.
public enum ScriptLines {
    /// The logical lines of a script file's text (LF or CRLF endings).
    public static func split(_ text: String) -> [ScriptLine] {
        var result: [ScriptLine] = []
        var pending = "", start = 0
        // "\r\n" is one Character in Swift, so both endings are named.
        let physical = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        for (index, raw) in physical.enumerated() {
            var line = String(raw)
            if line.hasSuffix("\r") { line.removeLast() }
            if pending.isEmpty { start = index + 1 }
            if line.hasSuffix("\\") {
                pending += line.dropLast() + " "
                continue
            }
            pending += line
            append(&result, pending, start)
            pending = ""
        }
        append(&result, pending, start)
        return result
    }

    /// The commands of a `-c` one-liner: its lines (as in a script), each split at `;` outside
    /// quotes, except a `;` that starts a value (`delimiter=;` is the semicolon, as a person means
    /// it); a `#` comment runs to the end of its line. Commands are numbered 1, 2, … so that an
    /// error says `-c:2:` for the second.
    public static func splitOneLiner(_ text: String) -> [ScriptLine] {
        var result: [ScriptLine] = []
        func add(_ command: String) { append(&result, command, result.count + 1) }
        for line in split(text) {
            var current = ""
            var quote: Character? = nil
            var previous: Character = " "
            for character in line.text {
                if let open = quote {
                    if character == open { quote = nil }
                    current.append(character)
                } else if character == "\"" || character == "'" {
                    quote = character
                    current.append(character)
                } else if character == "#" && previous.isWhitespace {
                    break
                } else if character == ";" && previous != "=" {
                    add(current)
                    current = ""
                    previous = " "
                    continue
                } else {
                    current.append(character)
                }
                previous = character
            }
            add(current)
        }
        return result
    }

    private static func append(_ result: inout [ScriptLine], _ text: String, _ line: Int) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { return }
        result.append(ScriptLine(text: trimmed, lineNumber: line))
    }
}
