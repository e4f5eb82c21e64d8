/// Text written as one CSV field: quoted (with `""` for a quote) when it holds a comma, a quote,
/// a line break or surrounding spaces, so a reader gets the same text back.
public func csvField(_ text: String) -> String {
    let needsQuotes = text.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
        || text.first == " " || text.last == " "
    guard needsQuotes else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
}
