/// Where and why a data file could not be read.
///
/// `description` reads like `data.csv line 7, column "temp": "abc" is not a number`: the path, then
/// the line and column when they are known, then the message.
public struct DataFileError: Error, CustomStringConvertible, Equatable {
    /// The file as given (or the `source` name for parsed bytes).
    public let path: String
    /// 1-based physical line in the file, when known.
    public let line: Int?
    /// Column name, when known.
    public let column: String?
    /// What is wrong.
    public let message: String
    /// Whether `message` already says where (e.g. `line 7 has 3 fields, the header has 4`), so the
    /// description must not repeat the line and column in front of it.
    let messageNamesLocation: Bool
    /// The column, when the error is that a column holds text rather than numbers (so a caller
    /// can suggest keeping it as the row id or ignoring it).
    public internal(set) var textColumn: String?

    /// An error at an optional line and column of `path`.
    public init(path: String, line: Int? = nil, column: String? = nil, message: String) {
        self.path = path
        self.line = line
        self.column = column
        self.message = message
        self.messageNamesLocation = false
    }

    /// An error whose message already names its line and column; they are kept for callers.
    init(path: String, line: Int?, column: String?, locatedMessage: String) {
        self.path = path
        self.line = line
        self.column = column
        self.message = locatedMessage
        self.messageNamesLocation = true
    }

    /// The path, the line and column when known, and the message.
    public var description: String {
        if messageNamesLocation { return "\(path): \(message)" }
        var text = path
        if let line { text += " line \(line)" }
        if let column { text += ", column \"\(column)\"" }
        return text + ": " + message
    }
}

/// Renders a cell's bytes for an error message: quoted, control characters escaped, long cells cut.
func quotedCell<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
    let limit = 40
    var text = ""
    var count = 0
    for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
        if count == limit { text += "…"; break }
        if scalar.value < 0x20 || scalar.value == 0x7F {
            text += "\\u{" + String(scalar.value, radix: 16) + "}"
        } else {
            text.unicodeScalars.append(scalar)
        }
        count += 1
    }
    return "\"" + text + "\""
}
