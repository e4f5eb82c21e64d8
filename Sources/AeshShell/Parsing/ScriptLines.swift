/// A logical command line and the physical line it starts on, or a prose cell.
public struct ScriptLine: Equatable, Sendable {
    /// The command text, continuation lines joined; for prose, the Markdown of its lines without
    /// their `#'` marks, one line each.
    public var text: String
    /// 1-based line number of its first physical line.
    public var lineNumber: Int
    /// True for a prose cell: consecutive lines beginning `#'` (knitr's `spin` convention).
    public var isProse = false
}

/// Turns script text into logical lines: a `\` at the end of a line continues it on the next,
/// consecutive `#'` lines form one prose cell, and blank or other comment lines are kept out.
public enum ScriptLines {
    /// The mark that starts a prose line.
    static let proseMark = "#'"

    /// The logical lines of a script file's text (LF or CRLF endings), prose cells among them.
    public static func split(_ text: String) -> [ScriptLine] {
        var result: [ScriptLine] = []
        var pending = "", start = 0
        var prose: ScriptLine? = nil
        // "\r\n" is one Character in Swift, so both endings are named.
        let physical = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        for (index, raw) in physical.enumerated() {
            var line = String(raw)
            if line.hasSuffix("\r") { line.removeLast() }
            // A prose line never continues (a Markdown line may end in `\`), nor starts inside a
            // continued command.
            if pending.isEmpty, let markdown = proseText(line) {
                if prose == nil { prose = ScriptLine(text: markdown, lineNumber: index + 1, isProse: true) }
                else { prose?.text += "\n" + markdown }
                continue
            }
            if let cell = prose {
                result.append(cell)
                prose = nil
            }
            if pending.isEmpty { start = index + 1 }
            if line.hasSuffix("\\") {
                pending += line.dropLast() + " "
                continue
            }
            pending += line
            append(&result, pending, start)
            pending = ""
        }
        if let cell = prose { result.append(cell) }
        append(&result, pending, start)
        return result
    }

    /// The Markdown of a prose line (`#'` and one space after it removed), nil for any other line.
    static func proseText(_ line: String) -> String? {
        let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
        guard trimmed.hasPrefix(proseMark) else { return nil }
        let rest = trimmed.dropFirst(proseMark.count)
        return String(rest.hasPrefix(" ") ? rest.dropFirst() : rest)
    }

    /// The commands of a `-c` one-liner: its lines (as in a script), each split at `;` outside
    /// quotes, except a `;` that starts a value (`delimiter=;` is the semicolon, as a person means
    /// it); a `#` comment runs to the end of its line. Commands are numbered 1, 2, … so that an
    /// error says `-c:2:` for the second.
    public static func splitOneLiner(_ text: String) -> [ScriptLine] {
        var result: [ScriptLine] = []
        func add(_ command: String) { append(&result, command, result.count + 1) }
        for line in split(text) where !line.isProse {
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
