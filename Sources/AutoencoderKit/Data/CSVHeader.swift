/// The header of a CSV table: every column's name and what it is (feature, label, id or skipped).
struct CSVHeader {
    /// `kinds` for the label column.
    static let label = -1
    /// `kinds` for the id column.
    static let id = -2
    /// `kinds` for a column that is scanned past unread.
    static let skipped = -3

    /// All column names, in file order.
    let names: [String]
    /// Per column: its index among the features, or `label`, `id` or `skipped`.
    let kinds: [Int]
    /// The label column's index among all columns, when there is one.
    let labelIndex: Int?
    /// The id column's index among all columns, when there is one.
    let idIndex: Int?

    /// Number of feature columns (stored: the reader asks for it once per row).
    let featureCount: Int

    init(names: [String], kinds: [Int], labelIndex: Int?, idIndex: Int?) {
        self.names = names
        self.kinds = kinds
        self.labelIndex = labelIndex
        self.idIndex = idIndex
        featureCount = kinds.lazy.filter { $0 >= 0 }.count
    }
    /// The feature columns' names.
    var featureNames: [String] { names.indices.filter { kinds[$0] >= 0 }.map { names[$0] } }
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
        if record.bareCarriageReturn {
            throw DataFileError(path: source, line: line, message:
                "its lines end with a carriage return alone (classic Mac OS line endings), which aesh does not read; convert them to line feeds, e.g. tr '\\r' '\\n' < \(source) > converted.csv")
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
        if options.decimalComma, delimiter == UInt8(ascii: ",") {
            throw DataFileError(path: source, line: line, message:
                "a decimal comma needs another delimiter than the comma (the header is split by commas; give delimiter=;)")
        }
        let headerLine = line
        var names: [String] = []
        while true {
            guard let field = try scanField(p, from: pos, isFinal: isFinal) else {
                line = savedLine
                return nil
            }
            let bytes = contentBytes(p, field)
            guard let name = String(validating: bytes, as: UTF8.self) else {
                throw DataFileError(path: source, line: headerLine, column: nil, locatedMessage:
                    "line \(headerLine), column \(names.count + 1) of the header is not UTF-8 text (\(quotedCell(bytes))); save the file as UTF-8")
            }
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
                              isFinal: Bool) -> (end: Int, detectedDelimiter: UInt8, bareCarriageReturn: Bool)? {
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
                // A carriage return with no line feed after it: lines end in CR alone.
                if byte == asciiCR, i < p.count, p[i] != asciiLF { return (i, 0, true) }
                if byte == UInt8(ascii: ",") { commas += 1 }
                if byte == UInt8(ascii: "\t") { tabs += 1 }
                if byte == UInt8(ascii: ";") { semicolons += 1 }
            }
        }
        if i == p.count, !isFinal, p.last != asciiLF || inQuotes { return nil }
        // Ties go to the comma, then the tab; with decimal commas a header without commas is not split by them.
        var best = (byte: UInt8(ascii: options.decimalComma && commas == 0 ? ";" : ","), count: commas)
        if tabs > best.count { best = (UInt8(ascii: "\t"), tabs) }
        if semicolons > best.count { best = (UInt8(ascii: ";"), semicolons) }
        return (i, best.byte, false)
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
        let labelIndex = try options.labelColumn.flatMap { name in
            labelIsOptional ? names.firstIndex(of: name) : try ColumnLookup.index(of: name, in: names, source: source)
        }
        let idIndex = try options.idColumn.flatMap { name in
            idIsOptional ? names.firstIndex(of: name) : try ColumnLookup.index(of: name, in: names, source: source)
        }
        let ignored = try options.ignoredColumns.map { try ColumnLookup.index(of: $0, in: names, source: source) }
        var roles: [Int: String] = [:]
        for (index, role) in [(labelIndex, "label"), (idIndex, "id")] + ignored.map({ ($0, "ignore") }) {
            guard let index else { continue }
            if let earlier = roles[index] {
                throw DataFileError(path: source, column: names[index],
                                    message: earlier == role ? "named twice in \(role)="
                                        : "cannot be both \(earlier)= and \(role)=")
            }
            roles[index] = role
        }
        var skipped = Set(ignored)
        let readable = names.indices.filter { roles[$0] == nil }.map { names[$0] }
        if let used = options.modelColumns, Set(used).isSubset(of: readable) {
            let usedSet = Set(used)
            skipped.formUnion(names.indices.filter { !usedSet.contains(names[$0]) })
        }
        var kinds: [Int] = []
        var next = 0
        for column in names.indices {
            if column == labelIndex {
                kinds.append(CSVHeader.label)
            } else if column == idIndex {
                kinds.append(CSVHeader.id)
            } else if skipped.contains(column) {
                kinds.append(CSVHeader.skipped)
            } else {
                kinds.append(next)
                next += 1
            }
        }
        let header = CSVHeader(names: names, kinds: kinds, labelIndex: labelIndex, idIndex: idIndex)
        if header.featureCount == 0, names.count == 1, labelIndex != nil {
            throw DataFileError(path: source, message: "no feature columns: the only column is the label \"\(names[0])\"")
        }
        if header.featureCount == 0 {
            let others = [labelIndex.map { "the label \"\(names[$0])\"" }, idIndex.map { "the id \"\(names[$0])\"" },
                          ignored.isEmpty ? nil : "ignored columns"].compactMap { $0 }
            throw DataFileError(path: source, message: "no feature columns: the file holds only \(others.joined(separator: " and "))")
        }
        return header
    }

    /// Per column, its feature index or -1 for the label (the `.npy` reader's columns).
    static func kinds(columnCount: Int, labelIndex: Int?) -> [Int] {
        var next = 0
        return (0..<columnCount).map { column in
            if column == labelIndex { return CSVHeader.label }
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
