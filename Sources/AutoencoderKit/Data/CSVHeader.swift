/// The header of a CSV table: every column's name and whether it is a feature or the label.
struct CSVHeader {
    /// All column names, in file order.
    var names: [String]
    /// Per column: its index among the features, or -1 for the label column.
    var kinds: [Int]
    /// The label column's index among all columns, when there is one.
    var labelIndex: Int?

    /// Number of feature columns.
    var featureCount: Int { names.count - (labelIndex == nil ? 0 : 1) }
    /// The feature columns' names.
    var featureNames: [String] { names.indices.filter { $0 != labelIndex }.map { names[$0] } }
    /// The label column's name.
    var labelName: String? { labelIndex.map { names[$0] } }
}

/// A header record longer than this is taken as a sign the input is not a table.
private let headerByteLimit = 16 << 20

extension CSVParser {
    /// Checks the first bytes (BOM, UTF-16, binary data); returns where the text starts.
    func checkStart(_ p: UnsafeBufferPointer<UInt8>) throws -> Int {
        if p.count >= 2, (p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF) {
            throw DataFileError(path: source, message: "the file is UTF-16 text; save it as UTF-8")
        }
        if p.prefix(4096).contains(0) {
            throw DataFileError(path: source, message: "does not look like a text table (it contains NUL bytes)")
        }
        return p.count >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF ? 3 : 0
    }

    /// Reads the header record at `start` (after blank lines), fixing the delimiter and columns.
    ///
    /// Returns where the data begins, or nil when the header may continue past the end of `p`.
    mutating func readHeader(_ p: UnsafeBufferPointer<UInt8>, from start: Int, isFinal: Bool) throws -> Int? {
        let savedLine = line
        let n = p.count
        var pos = start
        while pos < n {
            if p[pos] == asciiLF {
                pos += 1
            } else if p[pos] == asciiCR, pos + 1 < n, p[pos + 1] == asciiLF {
                pos += 2
            } else {
                break
            }
            line += 1
        }
        if pos == n || (pos + 1 == n && p[pos] == asciiCR) {
            line = savedLine
            if isFinal { throw DataFileError(path: source, message: "the file is empty") }
            return nil
        }
        guard let record = headerRecord(p, from: pos, isFinal: isFinal) else {
            line = savedLine
            if n - start > headerByteLimit {
                throw DataFileError(path: source, line: line, message: "the header line is longer than 16 MB; is this a text table?")
            }
            return nil
        }
        if p[pos..<record.end].contains(where: { $0 < 0x20 && $0 != 0x09 && $0 != asciiLF && $0 != asciiCR }) {
            throw DataFileError(path: source, line: line, message: "the header contains control characters; is this a text table?")
        }
        if let chosen = options.delimiter {
            guard chosen != asciiQuote, chosen != asciiLF, chosen != asciiCR else {
                throw DataFileError(path: source, message: "\(quotedCell([chosen])) cannot be a delimiter")
            }
            delimiter = chosen
        } else {
            delimiter = record.detectedDelimiter
        }
        let headerLine = line
        var names: [String] = []
        while true {
            guard let field = try scanField(p, from: pos, isFinal: isFinal) else {
                line = savedLine
                return nil
            }
            let name = String(decoding: contentBytes(p, field), as: UTF8.self)
            names.append(name.trimmingSpaces())
            pos = field.next
            if field.ending != .delimiter {
                if field.ending == .newline { line += 1 }
                break
            }
        }
        header = try makeHeader(names: names, line: headerLine)
        missingPerColumn = [Int](repeating: 0, count: header?.featureCount ?? 0)
        return pos
    }

    /// Where the header record ends (past its newline) and which delimiter it uses most.
    private func headerRecord(_ p: UnsafeBufferPointer<UInt8>, from start: Int,
                              isFinal: Bool) -> (end: Int, detectedDelimiter: UInt8)? {
        var commas = 0, tabs = 0, semicolons = 0
        var inQuotes = false
        var i = start
        while i < p.count {
            let byte = p[i]
            i += 1
            if byte == asciiQuote {
                inQuotes.toggle()
            } else if !inQuotes {
                if byte == asciiLF { break }
                if byte == UInt8(ascii: ",") { commas += 1 }
                if byte == UInt8(ascii: "\t") { tabs += 1 }
                if byte == UInt8(ascii: ";") { semicolons += 1 }
            }
        }
        if i == p.count, !isFinal, p.last != asciiLF || inQuotes { return nil }
        // Ties go to the comma, then the tab.
        var best = (byte: UInt8(ascii: ","), count: commas)
        if tabs > best.count { best = (UInt8(ascii: "\t"), tabs) }
        if semicolons > best.count { best = (UInt8(ascii: ";"), semicolons) }
        return (i, best.byte)
    }

    /// Checks the names (none empty, none twice) and resolves the label column.
    private func makeHeader(names: [String], line headerLine: Int) throws -> CSVHeader {
        var firstPosition: [String: Int] = [:]
        for (index, name) in names.enumerated() {
            if name.isEmpty {
                throw DataFileError(path: source, line: headerLine,
                                    message: "column \(index + 1) of the header has no name")
            }
            if let earlier = firstPosition[name] {
                throw DataFileError(path: source, line: headerLine, column: name,
                                    message: "the name appears twice (columns \(earlier + 1) and \(index + 1))")
            }
            firstPosition[name] = index
        }
        var labelIndex: Int?
        if let wanted = options.labelColumn {
            labelIndex = try ColumnLookup.index(of: wanted, in: names, source: source)
        }
        let header = CSVHeader(names: names, kinds: Self.kinds(columnCount: names.count, labelIndex: labelIndex),
                               labelIndex: labelIndex)
        if header.featureCount == 0 {
            throw DataFileError(path: source, message: "no feature columns: the only column is the label \"\(names[0])\"")
        }
        return header
    }

    /// Per column, its feature index or -1 for the label.
    static func kinds(columnCount: Int, labelIndex: Int?) -> [Int] {
        var next = 0
        return (0..<columnCount).map { column in
            if column == labelIndex { return -1 }
            defer { next += 1 }
            return next
        }
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        let isSpace = { (c: Character) in c == " " || c == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(self[first...last])
    }
}
