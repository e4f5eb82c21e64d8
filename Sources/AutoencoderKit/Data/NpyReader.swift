/// Reads NumPy `.npy` files (format versions 1.0, 2.0 and 3.0) of plain numbers into a table.
enum NpyReader {
    /// The element type named by `descr`.
    struct ElementType {
        enum Kind { case float, signed, unsigned, bool }
        var kind: Kind
        var size: Int
        var bigEndian: Bool

        /// Parses `<f4`, `>i8`, `|u1`, …; nil for anything unsupported.
        init?(_ descr: String) {
            let bytes = Array(descr.utf8)
            guard bytes.count == 3 else { return nil }
            switch bytes[0] {
            case UInt8(ascii: "<"), UInt8(ascii: "|"), UInt8(ascii: "="): bigEndian = false
            case UInt8(ascii: ">"): bigEndian = true
            default: return nil
            }
            guard let size = Int(String(decoding: bytes[2...], as: UTF8.self)) else { return nil }
            switch (bytes[1], size) {
            case (UInt8(ascii: "f"), 4), (UInt8(ascii: "f"), 8): kind = .float
            case (UInt8(ascii: "i"), 1), (UInt8(ascii: "i"), 2), (UInt8(ascii: "i"), 4), (UInt8(ascii: "i"), 8): kind = .signed
            case (UInt8(ascii: "u"), 1), (UInt8(ascii: "u"), 2), (UInt8(ascii: "u"), 4), (UInt8(ascii: "u"), 8): kind = .unsigned
            case (UInt8(ascii: "b"), 1): kind = .bool
            default: return nil
            }
            self.size = size
        }

        /// The element at byte `offset` (which the caller has checked lies inside `p`).
        @inline(__always)
        func load(_ p: UnsafeRawBufferPointer, at offset: Int) -> Double {
            func word<T: FixedWidthInteger>(_: T.Type) -> T {
                let raw = p.loadUnaligned(fromByteOffset: offset, as: T.self)
                return bigEndian ? T(bigEndian: raw) : T(littleEndian: raw)
            }
            switch (kind, size) {
            case (.float, 4): return Double(Float(bitPattern: word(UInt32.self)))
            case (.float, _): return Double(bitPattern: word(UInt64.self))
            case (.signed, 1): return Double(word(Int8.self))
            case (.signed, 2): return Double(word(Int16.self))
            case (.signed, 4): return Double(word(Int32.self))
            case (.signed, _): return Double(word(Int64.self))
            case (.unsigned, 1), (.bool, _): return Double(word(UInt8.self))
            case (.unsigned, 2): return Double(word(UInt16.self))
            case (.unsigned, 4): return Double(word(UInt32.self))
            case (.unsigned, _): return Double(word(UInt64.self))
            }
        }
    }

    /// Parses a whole `.npy` file held in `p`.
    static func parse(_ p: UnsafeBufferPointer<UInt8>, source: String, options: TableReadOptions) throws -> LoadedTable {
        func fail(_ message: String) -> DataFileError { DataFileError(path: source, message: message) }
        let magic: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59]  // \x93NUMPY
        guard p.count >= 10, Array(p[0..<6]) == magic else {
            throw fail(p.isEmpty ? "the file is empty" : "not a .npy file (it does not start with \\x93NUMPY)")
        }
        let headerLength: Int, headerStart: Int
        switch p[6] {
        case 1:
            headerLength = Int(p[8]) | Int(p[9]) << 8
            headerStart = 10
        case 2, 3:
            guard p.count >= 12 else { throw fail("truncated .npy file: the header is cut off") }
            headerLength = Int(p[8]) | Int(p[9]) << 8 | Int(p[10]) << 16 | Int(p[11]) << 24
            headerStart = 12
        default:
            throw fail(".npy format version \(p[6]).\(p[7]) is not supported (1.0, 2.0 and 3.0 are)")
        }
        guard headerLength <= p.count - headerStart else { throw fail("truncated .npy file: the header is cut off") }
        let header = try NpyHeader.parse(Array(p[headerStart..<(headerStart + headerLength)]), source: source)
        guard let type = ElementType(header.descr) else {
            throw fail("the .npy dtype '\(header.descr)' is not supported (f4, f8, i1–i8, u1–u8, b1 are)")
        }
        let rows: Int, columns: Int
        switch header.shape.count {
        case 1: (rows, columns) = (header.shape[0], 1)
        case 2: (rows, columns) = (header.shape[0], header.shape[1])
        default: throw fail("the .npy array has \(header.shape.count) dimensions; only 1 or 2 can be a table")
        }
        let dataStart = headerStart + headerLength
        let (count, overflow1) = rows.multipliedReportingOverflow(by: columns)
        let (byteCount, overflow2) = count.multipliedReportingOverflow(by: type.size)
        let available = p.count - dataStart
        guard !overflow1, !overflow2, byteCount <= available else {
            throw fail("truncated .npy file: shape (\(rows), \(columns)) of '\(header.descr)' needs "
                + (overflow1 || overflow2 ? "more bytes than can exist" : "\(byteCount) bytes of data")
                + ", the file has \(available)")
        }
        guard byteCount == available else {
            throw fail("the .npy file has \(available - byteCount) bytes after the data; it is not a plain array")
        }
        guard rows > 0 else { throw fail("no data rows (the array is empty)") }
        guard columns > 0 else { throw fail("no columns (the array's shape is (\(rows), 0))") }
        let names = (0..<columns).map { "x\($0)" }
        if options.idColumn != nil || !options.ignoredColumns.isEmpty {
            throw fail("id= and ignore= apply to CSV files; a .npy array has only numeric columns")
        }
        let labelIndex = try options.labelColumn.map { try ColumnLookup.index(of: $0, in: names, source: source) }
        let featureCount = columns - (labelIndex == nil ? 0 : 1)
        guard featureCount > 0 else {
            throw fail("no feature columns: the only column is the label \"\(names[0])\"")
        }
        let raw = UnsafeRawBufferPointer(p)
        var table = NpyTableBuilder(source: source, options: options, names: names, labelIndex: labelIndex,
                                    rows: rows, featureCount: featureCount)
        for row in 0..<rows {
            for column in 0..<columns {
                let index = header.fortranOrder ? column * rows + row : row * columns + column
                try table.add(type.load(raw, at: dataStart + index * type.size), row: row, column: column)
            }
            table.endRow()
        }
        return try table.finish()
    }
}

/// Collects a `.npy` array's elements row by row, with the same label and missing rules as CSV.
private struct NpyTableBuilder {
    let source: String
    let options: TableReadOptions
    let names: [String]
    let labelIndex: Int?
    let kinds: [Int]
    let featureCount: Int
    var values: [Float] = []
    var labels: [UInt8] = []
    var sourceRows: [Int] = []
    var missingPerColumn: [Int]
    var rowHasMissing = false
    var rowMark = 0
    var row = 0

    init(source: String, options: TableReadOptions, names: [String], labelIndex: Int?, rows: Int, featureCount: Int) {
        self.source = source
        self.options = options
        self.names = names
        self.labelIndex = labelIndex
        self.kinds = CSVParser.kinds(columnCount: names.count, labelIndex: labelIndex)
        self.featureCount = featureCount
        missingPerColumn = [Int](repeating: 0, count: featureCount)
        values.reserveCapacity(rows * featureCount)
        sourceRows.reserveCapacity(rows)
        if labelIndex != nil { labels.reserveCapacity(rows) }
    }

    mutating func add(_ value: Double, row: Int, column: Int) throws {
        let feature = kinds[column]
        func fail(_ message: String) -> DataFileError {
            DataFileError(path: source, column: names[column], message: "row \(row) (counting from 0): \(message)")
        }
        if feature < 0 {
            guard value == 0 || value == 1 else { throw fail("a label must be 0 or 1, not \(value)") }
            labels.append(value == 1 ? 1 : 0)
            return
        }
        if value.isNaN {
            guard options.dropMissing else { throw fail("missing value (NaN)") }
            missingPerColumn[feature] += 1
            rowHasMissing = true
            return
        }
        let single = Float(value)
        guard single.isFinite else {
            throw fail(value.isFinite ? "\(value) is outside the 32-bit float range" : "\(value) is not a finite number")
        }
        values.append(single)
    }

    mutating func endRow() {
        if rowHasMissing {
            values.removeLast(values.count - rowMark)
            if labelIndex != nil { labels.removeLast() }
        } else {
            sourceRows.append(row)
        }
        rowHasMissing = false
        rowMark = values.count
        row += 1
    }

    func finish() throws -> LoadedTable {
        guard !sourceRows.isEmpty else {
            throw DataFileError(path: source, message: "all \(row) data rows have missing values")
        }
        guard let features = Matrix(rows: sourceRows.count, columns: featureCount, values: values) else {
            throw DataFileError(path: source, message: "internal error: \(values.count) values for \(sourceRows.count) rows")
        }
        let dataset = Dataset(features: features, columnNames: names.enumerated().filter { $0.offset != labelIndex }.map(\.element),
                              labels: labelIndex == nil ? nil : labels, sourceRows: sourceRows,
                              labelName: labelIndex.map { names[$0] })
        return LoadedTable(dataset: dataset, droppedRows: row - sourceRows.count, missingPerColumn: missingPerColumn)
    }
}
