/// The CSV reader: a state machine fed the input in chunks, consuming whole records.
///
/// Rules (see `TableReader`): the first non-blank line is the header; blank lines are skipped
/// everywhere and are not data rows; a quoted field may hold the delimiter, `""` for a quote, and
/// newlines; errors give the physical line where the record (or the cell) starts. Feature values
/// are appended straight into one flat `[Float]`; a cell becomes a `String` only for an error.
struct CSVParser {
    /// Names the input in errors.
    let source: String
    let options: TableReadOptions
    /// The input's size when known, to reserve the value storage once.
    let expectedBytes: Int?
    /// The field separator, fixed once the header is read.
    var delimiter = UInt8(ascii: ",")
    /// The physical line (1-based) of the next byte to consume.
    var line = 1
    var startChecked = false
    var header: CSVHeader?
    var values: [Float] = []
    var labels: [UInt8] = []
    /// The id column's cells of the kept rows, when there is an id column.
    var ids: [String] = []
    /// The id cell of the row being read.
    var rowId = ""
    /// The decimal mark: `.`, or `,` with `decimalComma`.
    let point: UInt8
    var missingPerColumn: [Int] = []
    /// Positions (among data rows, from 0) of the rows dropped for missing values.
    var droppedPositions: [Int] = []
    /// Data rows seen so far, kept or dropped.
    var dataRows = 0
    /// Bytes consumed before the current chunk, and where the data rows began.
    var consumedBefore = 0
    var dataStartOffset = 0
    var capacityPlanned = false
    /// Feature indices of the missing cells of the current row (reused, so no allocation per row).
    var rowMissing: [Int] = []
    /// Whether the header may be read as soon as its line is complete, without waiting for the
    /// first 4096 bytes (a live stream's first line must not wait for more lines).
    var startsEagerly = false
    /// Whether a label column the options name is used only when the header has it.
    var labelIsOptional = false
    /// Whether an id column the options name is used only when the header has it.
    var idIsOptional = false
    /// Whether a label cell that is not 0 or 1 (blank, or text) is kept as `unknownLabel` rather
    /// than refused: scoring copies labels through and does not judge by them.
    var labelsMayBeUnknown = false
    /// The label of a row whose label cell held neither 0 nor 1 (with `labelsMayBeUnknown`).
    static let unknownLabel: UInt8 = 2
    /// Whether the current row's label cell is empty (the row is dropped with `dropMissing`).
    var rowLabelMissing = false
    /// nil: a bad row throws. Otherwise bad rows are skipped whole and collected here.
    var badRows: [CSVBadRow]?

    init(source: String, options: TableReadOptions, expectedBytes: Int?) {
        self.source = source
        self.options = options
        self.expectedBytes = expectedBytes
        point = UInt8(ascii: options.decimalComma ? "," : ".")
    }

    /// Consumes every complete record in `p` and returns how many bytes it used.
    ///
    /// The caller keeps the unused tail and passes it again, followed by more input. With
    /// `isFinal` the input ends at `p`'s end and everything is consumed.
    mutating func consume(_ p: UnsafeBufferPointer<UInt8>, isFinal: Bool) throws -> Int {
        var pos = 0
        defer { consumedBefore += pos }
        if !startChecked {
            guard p.count >= 4096 || isFinal || (startsEagerly && p.contains(asciiLF)) else { return 0 }
            pos = try checkStart(p)
            startChecked = true
        }
        if header == nil {
            guard let next = try readHeader(p, from: pos, isFinal: isFinal) else { return pos }
            pos = next
            dataStartOffset = consumedBefore + pos
        }
        guard let header else { return pos }
        let n = p.count
        let fastWidth = CSVParser.takesFastRows(header) ? header.names.count : 0
        while pos < n {
            let byte = p[pos]
            if byte == asciiLF {
                line += 1
                pos += 1
                continue
            }
            if byte == asciiCR {
                if pos + 1 == n {
                    if !isFinal { break }
                    pos += 1
                    continue
                }
                if p[pos + 1] == asciiLF {
                    line += 1
                    pos += 2
                    continue
                }
            }
            if values.capacity - values.count < header.featureCount { growStorage(at: consumedBefore + pos) }
            if fastWidth > 0, let next = fastRow(p, from: pos, width: fastWidth) {
                pos = next
                continue
            }
            guard let next = try readRow(p, from: pos, isFinal: isFinal, header: header) else { break }
            pos = next
        }
        return pos
    }

    /// Reads one record that starts at `start`; nil (and nothing changed) when it is incomplete.
    /// When bad rows are collected, a bad record is skipped whole and counted as a data row.
    private mutating func readRow(_ p: UnsafeBufferPointer<UInt8>, from start: Int, isFinal: Bool,
                                  header: CSVHeader) throws -> Int? {
        guard badRows != nil else { return try readFields(p, from: start, isFinal: isFinal, header: header) }
        let rowLine = line, mark = values.count
        do {
            return try readFields(p, from: start, isFinal: isFinal, header: header)
        } catch let error as DataFileError {
            values.removeLast(values.count - mark)
            line = rowLine
            guard let next = skipRecord(p, from: start, isFinal: isFinal) else {
                line = rowLine
                return nil
            }
            badRows?.append(CSVBadRow(position: dataRows, error: error))
            dataRows += 1
            return next
        }
    }

    /// Steps over the record at `start` (counting its lines); nil when it may continue past `p`.
    /// A record whose quotes do not parse ends at its first line's end.
    private mutating func skipRecord(_ p: UnsafeBufferPointer<UInt8>, from start: Int, isFinal: Bool) -> Int? {
        let rowLine = line
        var pos = start
        while true {
            let field: ScannedField?
            do {
                field = try scanField(p, from: pos, isFinal: isFinal)
            } catch {
                line = rowLine
                guard let newline = p[start...].firstIndex(of: asciiLF) else { return isFinal ? p.count : nil }
                line += 1
                return newline + 1
            }
            guard let field else { return nil }
            pos = field.next
            if field.ending != .delimiter {
                if field.ending == .newline { line += 1 }
                return pos
            }
        }
    }

    /// The fields of the record at `start`, stored; nil (and nothing changed) when it is incomplete.
    private mutating func readFields(_ p: UnsafeBufferPointer<UInt8>, from start: Int, isFinal: Bool,
                                     header: CSVHeader) throws -> Int? {
        let rowLine = line
        let mark = values.count
        rowMissing.removeAll(keepingCapacity: true)
        rowLabelMissing = false
        var label: UInt8 = 0
        var column = 0
        var pos = start
        let columnCount = header.names.count
        while true {
            let ending: FieldEnd
            if column < columnCount, header.kinds[column] >= 0,
               let cell = fastCell(p, from: pos, isFinal: isFinal) {
                values.append(cell.value)
                pos = cell.next
                ending = cell.ending
            } else {
                let cellLine = line
                guard let field = try scanField(p, from: pos, isFinal: isFinal) else {
                    values.removeLast(values.count - mark)
                    line = rowLine
                    return nil
                }
                if column < columnCount {
                    try take(p, field, column: column, line: cellLine, header: header, label: &label)
                }
                pos = field.next
                ending = field.ending
            }
            column += 1
            if ending != .delimiter {
                if ending == .newline { line += 1 }
                break
            }
        }
        guard column == columnCount else {
            throw DataFileError(path: source, line: rowLine, column: nil, locatedMessage:
                "line \(rowLine) has \(column) field\(column == 1 ? "" : "s"), the header has \(columnCount)")
        }
        if rowMissing.isEmpty, !rowLabelMissing {
            if header.labelIndex != nil { labels.append(label) }
            if header.idIndex != nil { ids.append(rowId) }
        } else {
            for feature in rowMissing { missingPerColumn[feature] += 1 }
            droppedPositions.append(dataRows)
            values.removeLast(values.count - mark)
        }
        dataRows += 1
        return pos
    }

    /// The common case without `scanField`: a plain number right up to the delimiter or line end.
    @inline(__always)
    private func fastCell(_ p: UnsafeBufferPointer<UInt8>, from pos: Int,
                          isFinal: Bool) -> (value: Float, next: Int, ending: FieldEnd)? {
        let value: Float, end: Int
        if let short = ShortDecimal.parse(p, at: pos, point: point) {
            (value, end) = short
        } else {
            guard let number = ScannedDecimal.scan(p, from: pos, to: p.count, point: point) else { return nil }
            (value, end) = (NumberParser.float(number, in: p), number.end)
        }
        guard value.isFinite else { return nil }
        guard end < p.count else { return isFinal ? (value, end, .endOfInput) : nil }
        let next = p[end]
        if next == delimiter { return (value, end + 1, .delimiter) }
        if next == asciiLF { return (value, end + 1, .newline) }
        if next == asciiCR, end + 1 < p.count, p[end + 1] == asciiLF { return (value, end + 2, .newline) }
        return nil
    }

    /// Stores one scanned cell of the current row, or throws saying what is wrong with it.
    private mutating func take(_ p: UnsafeBufferPointer<UInt8>, _ field: ScannedField, column: Int,
                               line cellLine: Int, header: CSVHeader, label: inout UInt8) throws {
        let name = header.names[column]
        let feature = header.kinds[column]
        let (start, end) = (field.start, field.end)
        if feature == CSVHeader.skipped { return }
        if feature == CSVHeader.id {
            let bytes = contentBytes(p, field)
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw DataFileError(path: source, line: cellLine, column: name,
                                    message: "the id \(quotedCell(bytes)) is not UTF-8 text; save the file as UTF-8")
            }
            rowId = text
            return
        }
        if feature < 0 {
            guard !field.hasEscapedQuotes, let value = NumberParser.parseWhole(p, from: start, to: end, point: point),
                  value == 0 || value == 1 else {
                if labelsMayBeUnknown {
                    label = Self.unknownLabel
                    return
                }
                if options.dropMissing, start == end || NumberParser.isMissing(p, from: start, to: end) {
                    rowLabelMissing = true
                    return
                }
                throw DataFileError(path: source, line: cellLine, column: name,
                                    message: "a label must be 0 or 1, not \(cellText(p, field))")
            }
            label = value == 1 ? 1 : 0
            return
        }
        if NumberParser.isMissing(p, from: start, to: end) {
            guard options.dropMissing else {
                let what = start == end ? "empty cell" : cellText(p, field)
                throw DataFileError(path: source, line: cellLine, column: name,
                                    message: "missing value (\(what))")
            }
            rowMissing.append(feature)
            return
        }
        if !field.hasEscapedQuotes, let value = NumberParser.parseWholeFloat(p, from: start, to: end, point: point) {
            if value.isFinite {
                values.append(value)
                return
            }
            let double = NumberParser.parseWhole(p, from: start, to: end, point: point) ?? .infinity
            let reason = double.isFinite ? "is outside the 32-bit float range" : "is not a finite number"
            throw DataFileError(path: source, line: cellLine, column: name, message: "\(cellText(p, field)) \(reason)")
        }
        if NumberParser.isInfinity(p, from: start, to: end) {
            throw DataFileError(path: source, line: cellLine, column: name,
                                message: "\(cellText(p, field)) is not a finite number")
        }
        if dataRows == missingPerColumn[feature] {
            // No number in this column so far: most likely a text column rather than one bad cell.
            var error = DataFileError(path: source, line: cellLine, column: name, locatedMessage:
                "column \"\(name)\" is not numeric (line \(cellLine): \(cellText(p, field)))")
            error.textColumn = name
            throw error
        }
        throw DataFileError(path: source, line: cellLine, column: name, message: "\(cellText(p, field)) is not a number")
    }

    /// Makes room for more rows: once from the input's size, then in steps of a quarter, so the
    /// storage is neither doubled past need nor copied often.
    private mutating func growStorage(at offset: Int) {
        guard let header else { return }
        let width = max(header.featureCount, 1)
        let rowsNow = values.count / width
        var rows = max(rowsNow + rowsNow / 4, rowsNow + 1024)
        if !capacityPlanned, let total = expectedBytes, dataRows >= 1024, offset > dataStartOffset {
            capacityPlanned = true
            let bytesPerRow = Double(offset - dataStartOffset) / Double(dataRows)
            let remaining = Double(max(total - offset, 0)) / bytesPerRow
            rows = max(rows, rowsNow + Int(remaining * 1.05) + 256)
        }
        values.reserveCapacity(rows * width)
        HugePages.adviseUnused(&values)
        if header.labelIndex != nil { labels.reserveCapacity(rows) }
        if header.idIndex != nil { ids.reserveCapacity(rows) }
    }

    /// The table read so far, once the whole input has been consumed.
    func finish() throws -> LoadedTable {
        guard let header else { throw DataFileError(path: source, message: "the file is empty") }
        guard dataRows > 0 else { throw DataFileError(path: source, message: "no data rows after the header") }
        let kept = dataRows - droppedPositions.count
        guard kept > 0 else {
            throw DataFileError(path: source, message: "all \(dataRows) data rows have missing values")
        }
        guard let features = Matrix(rows: kept, columns: header.featureCount, values: values) else {
            throw DataFileError(path: source, message: "internal error: \(values.count) values for \(kept) rows")
        }
        var sourceRows: [Int]?
        if !droppedPositions.isEmpty {
            var rows: [Int] = []
            rows.reserveCapacity(kept)
            var dropped = droppedPositions.makeIterator()
            var nextDropped = dropped.next()
            for position in 0..<dataRows {
                if position == nextDropped {
                    nextDropped = dropped.next()
                } else {
                    rows.append(position)
                }
            }
            sourceRows = rows
        }
        let dataset = Dataset(features: features, columnNames: header.featureNames,
                              labels: header.labelIndex == nil ? nil : labels,
                              sourceRows: sourceRows, labelName: header.labelName,
                              rowIds: header.idIndex == nil ? nil : ids, idName: header.idIndex.map { header.names[$0] })
        let skipped = header.names.indices.filter { header.kinds[$0] == CSVHeader.skipped }.map { header.names[$0] }
        return LoadedTable(dataset: dataset, droppedRows: droppedPositions.count, missingPerColumn: missingPerColumn,
                           skippedColumns: skipped)
    }
}

/// A data row the parser skipped: its position among the data rows (from 0) and what is wrong.
struct CSVBadRow: Equatable {
    let position: Int
    let error: DataFileError
}
