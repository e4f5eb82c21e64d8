/// What a terminal would show of a cell's output, as plain text: colour codes removed, and a line
/// redrawn in place with `\r` (the training progress bar) kept as last drawn.
enum TerminalText {
    /// `text` without ANSI escape sequences, each line as it ended up after carriage returns.
    static func plain(_ text: String) -> String {
        var result = "", line = ""
        var iterator = text.unicodeScalars.makeIterator()
        while let scalar = iterator.next() {
            switch scalar {
            case "\u{1B}":
                // CSI: ESC [ parameters, then a final byte from @ to ~; any other escape is two scalars.
                guard let next = iterator.next(), next == "[" else { continue }
                while let byte = iterator.next(), !(0x40...0x7E).contains(byte.value) {}
            case "\r":
                line = ""
            case "\n":
                result += line + "\n"
                line = ""
            default:
                line.unicodeScalars.append(scalar)
            }
        }
        return result + line
    }
}
