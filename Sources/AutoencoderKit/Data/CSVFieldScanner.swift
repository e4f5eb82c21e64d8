// Computed rather than stored: a global `let` would cost a lazy-initialisation check per use.
var asciiLF: UInt8 { 0x0A }
var asciiCR: UInt8 { 0x0D }
var asciiQuote: UInt8 { 0x22 }

/// How a field ended.
enum FieldEnd {
    /// At a delimiter: another field of the same record follows.
    case delimiter
    /// At `\n` or `\r\n`, which `next` has stepped over (the caller counts the line).
    case newline
    /// At the end of the input.
    case endOfInput
}

/// One field of a record: where its content lies (spaces trimmed, quotes removed) and how it ended.
struct ScannedField {
    /// First byte of the content.
    var start: Int
    /// One past the last byte of the content.
    var end: Int
    /// Whether the content contains `""` that stands for one quote.
    var hasEscapedQuotes: Bool
    /// Where the next field or record begins.
    var next: Int
    /// What ended the field.
    var ending: FieldEnd
}

extension CSVParser {
    /// Whether `byte` is a space to trim around fields (never the delimiter itself).
    @inline(__always)
    func isPadding(_ byte: UInt8) -> Bool {
        (byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")) && byte != delimiter
    }

    /// Scans one field starting at `start`, counting the newlines inside quoted fields in `line`.
    ///
    /// Returns nil when the field may continue past the end of `p` and more input is coming
    /// (`isFinal` false); the caller then restores `line` and retries with more bytes.
    mutating func scanField(_ p: UnsafeBufferPointer<UInt8>, from start: Int, isFinal: Bool) throws -> ScannedField? {
        let n = p.count
        var i = start
        while i < n, isPadding(p[i]) { i += 1 }
        if i < n, p[i] == asciiQuote { return try scanQuotedField(p, quoteAt: i, isFinal: isFinal) }
        let contentStart = i
        while i < n, p[i] != delimiter, p[i] != asciiLF { i += 1 }
        if i == n && !isFinal { return nil }
        var end = i
        let ending: FieldEnd
        let next: Int
        if i == n {
            ending = .endOfInput
            next = n
        } else if p[i] == delimiter {
            ending = .delimiter
            next = i + 1
        } else {
            ending = .newline
            next = i + 1
        }
        if ending != .delimiter, end > contentStart, p[end - 1] == asciiCR { end -= 1 }
        while end > contentStart, isPadding(p[end - 1]) { end -= 1 }
        return ScannedField(start: contentStart, end: end, hasEscapedQuotes: false, next: next, ending: ending)
    }

    /// Scans `"…"` (with `""` for a quote; newlines allowed inside) and what follows it.
    private mutating func scanQuotedField(_ p: UnsafeBufferPointer<UInt8>, quoteAt quote: Int,
                                          isFinal: Bool) throws -> ScannedField? {
        let n = p.count
        let openingLine = line
        var i = quote + 1
        var escaped = false
        var contentEnd = i
        while true {
            while i < n, p[i] != asciiQuote {
                if p[i] == asciiLF { line += 1 }
                i += 1
            }
            guard i < n else {
                if !isFinal { return nil }
                throw DataFileError(path: source, line: openingLine, message: "a quoted field is never closed")
            }
            if i + 1 < n, p[i + 1] == asciiQuote {
                escaped = true
                i += 2
                continue
            }
            if i + 1 == n && !isFinal { return nil }
            contentEnd = i
            i += 1
            break
        }
        while i < n, isPadding(p[i]) { i += 1 }
        let field = { (next: Int, ending: FieldEnd) in
            ScannedField(start: quote + 1, end: contentEnd, hasEscapedQuotes: escaped, next: next, ending: ending)
        }
        if i == n { return isFinal ? field(n, .endOfInput) : nil }
        if p[i] == delimiter { return field(i + 1, .delimiter) }
        if p[i] == asciiLF { return field(i + 1, .newline) }
        if p[i] == asciiCR {
            if i + 1 < n, p[i + 1] == asciiLF { return field(i + 2, .newline) }
            if i + 1 == n { return isFinal ? field(n, .endOfInput) : nil }
        }
        throw DataFileError(path: source, line: line,
                            message: "unexpected \(quotedCell(p[i..<min(i + 1, n)])) after a closing quote")
    }

    /// The field's content as bytes, with `""` turned back into `"`.
    func contentBytes(_ p: UnsafeBufferPointer<UInt8>, _ field: ScannedField) -> [UInt8] {
        guard field.start < field.end else { return [] }
        let raw = p[field.start..<field.end]
        guard field.hasEscapedQuotes else { return Array(raw) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(raw.count)
        var previousWasQuote = false
        for byte in raw {
            if byte == asciiQuote && previousWasQuote {
                previousWasQuote = false
                continue
            }
            previousWasQuote = byte == asciiQuote
            bytes.append(byte)
        }
        return bytes
    }

    /// The field's content for an error message.
    func cellText(_ p: UnsafeBufferPointer<UInt8>, _ field: ScannedField) -> String {
        quotedCell(contentBytes(p, field))
    }
}
