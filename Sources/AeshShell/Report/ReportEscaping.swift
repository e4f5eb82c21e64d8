/// Text made safe for the two report formats: whatever a column name, a file name or an output
/// holds (`<script>`, `&`, backticks, `|`) appears as text.
enum ReportEscaping {
    /// `text` for HTML element content and quoted attribute values.
    static func html(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    /// `text` as literal Markdown inline text (also inside a table cell): Markdown's punctuation
    /// backslash-escaped, and `&`, `<`, `>`, `|` and backticks as HTML entities so no Markdown
    /// renderer sees markup, a code span or a cell boundary.
    static func markdownInline(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            // Entities, not backslashes: a `\|` still splits a table cell in some renderers.
            case "|": result += "&#124;"
            case "`": result += "&#96;"
            case "\\", "*", "_", "[", "]", "#", "!", "~", "{", "}", "(", ")":
                result += "\\" + String(character)
            case "\n": result += " "
            default: result.append(character)
            }
        }
        return result
    }

    /// A fenced Markdown code block holding `text` literally: the fence is longer than any run of
    /// backticks inside it.
    static func markdownFence(_ text: String, info: String = "text") -> String {
        var longest = 0, run = 0
        for character in text {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        let body = text.hasSuffix("\n") ? text : text + "\n"
        return "\(fence)\(info)\n\(body)\(fence)\n"
    }

    /// `path` as a Markdown link destination: each component percent-encoded except unreserved characters.
    static func urlPath(_ path: String) -> String {
        let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/".utf8)
        var result = ""
        for byte in path.utf8 {
            if unreserved.contains(byte) {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return result
    }
}
