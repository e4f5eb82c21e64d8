/// Scores CSV rows with a model as their bytes arrive: one pass, memory bounded by what one call
/// is given, and each row's result as soon as its record is complete.
///
/// Columns are found by name as `load` finds them (the model's columns in any order, others
/// skipped unread); the model's label and id columns (`load … label= id=` at training) are copied
/// when the input has them, a label cell that is neither 0 nor 1 (blank for new, unjudged rows, or
/// text) as an empty field: scores never depend on them. Each row gives one CSV line,
/// `row,error,predicted[,label][,id]`: `row` counts the input's data rows from 0 (skipped bad rows
/// included), `error` is written as `export` writes it, `predicted` is 1 above the model's
/// threshold, 0 below, empty without one. The errors are those of `errors` on the whole table, bit
/// for bit: inference computes every row on its own (see `Autoencoder.inferenceBLASThreshold`),
/// so how the rows are split into calls does not matter.
public struct StreamingScorer {
    /// The model that scores.
    public let model: AnomalyModel
    /// Data rows scored so far.
    public private(set) var scoredRows = 0
    /// Bad rows skipped so far (only when skipping).
    public private(set) var skippedRows = 0
    private var parser: CSVParser
    /// Data rows (scored or skipped) already handed out.
    private var finishedRows = 0
    private var wroteHeader = false
    private var hasLabels = false
    private var hasIds = false

    /// A scorer for the CSV input named `source` (in errors); `skipBadRows` hands bad rows to the
    /// caller and goes on instead of throwing.
    public init(model: AnomalyModel, source: String, skipBadRows: Bool) {
        self.model = model
        let options = TableReadOptions(labelColumn: model.labelName, idColumn: model.idName, modelColumns: model.columns)
        parser = CSVParser(source: source, options: options, expectedBytes: nil)
        parser.startsEagerly = true
        parser.labelIsOptional = true
        parser.idIsOptional = true
        parser.labelsMayBeUnknown = true
        parser.badRows = skipBadRows ? [] : nil
    }

    /// The output's header line, once the input's header has been read.
    public var headerLine: String? {
        guard parser.header != nil else { return nil }
        return "row,error,predicted" + (hasLabels ? ",label" : "") + (hasIds ? ",id" : "")
    }

    /// Parses `bytes` (the unused rest of the previous call followed by new input), scores every
    /// row they complete and appends its line to `output` (the header line first). Returns how
    /// many bytes it used; the caller passes the rest again, followed by more. `isFinal`: the input
    /// ends with `bytes`. Each skipped row goes to `skipped` with what is wrong with it.
    ///
    /// Throws a `DataFileError` naming the line of the first bad row when not skipping, after
    /// appending the lines of the rows before it (the scorer is then done); and when the input
    /// lacks a model column.
    public mutating func consume(_ bytes: UnsafeBufferPointer<UInt8>, isFinal: Bool, output: inout [UInt8],
                                 skipped: (DataFileError) -> Void) throws -> Int {
        let used: Int
        do {
            used = try parser.consume(bytes, isFinal: isFinal)
        } catch let error as DataFileError {
            if parser.header != nil { try flushRows(into: &output, skipped: skipped) }
            throw error
        }
        guard parser.header != nil else { return used }
        try flushRows(into: &output, skipped: skipped)
        return used
    }

    /// Scores the rows parsed since the last call, reports the skipped ones, and empties the parser.
    private mutating func flushRows(into output: inout [UInt8], skipped: (DataFileError) -> Void) throws {
        guard let header = parser.header else { return }
        if !wroteHeader {
            try checkColumns(header)
            hasLabels = header.labelIndex != nil
            hasIds = header.idIndex != nil
            output.append(contentsOf: (headerLine ?? "").utf8)
            output.append(asciiLF)
            wroteHeader = true
        }
        let bad = parser.badRows ?? []
        let total = parser.dataRows - finishedRows
        let count = total - bad.count
        let width = header.featureCount
        var positions: [Int] = []
        positions.reserveCapacity(count)
        var nextBad = bad.makeIterator(), upcoming = nextBad.next()
        for position in finishedRows..<parser.dataRows {
            if position == upcoming?.position {
                upcoming = nextBad.next()
            } else {
                positions.append(position)
            }
        }
        if count > 0, let features = Matrix(rows: count, columns: width, values: Array(parser.values.prefix(count * width))) {
            let scores = try model.score(Dataset(features: features, columnNames: header.featureNames))
            let labels = hasLabels ? parser.labels : nil
            let ids = hasIds ? parser.ids : nil
            for k in 0..<count {
                let error = scores.errors[k]
                guard error.isFinite else {
                    let problem = DataFileError(path: parser.source, message:
                        "row \(positions[k]) reconstructs to a non-finite error: the model or the data holds extreme values")
                    guard parser.badRows != nil else {
                        clear(through: finishedRows + total)
                        throw problem
                    }
                    skippedRows += 1
                    skipped(problem)
                    continue
                }
                Self.append(positions[k], to: &output)
                output.append(UInt8(ascii: ","))
                output.append(contentsOf: error.description.utf8)
                output.append(UInt8(ascii: ","))
                if let predicted = scores.predicted?[k] { output.append(UInt8(ascii: predicted ? "1" : "0")) }
                if let labels, labels.indices.contains(k) {
                    output.append(UInt8(ascii: ","))
                    if labels[k] != CSVParser.unknownLabel { output.append(UInt8(ascii: labels[k] == 0 ? "0" : "1")) }
                }
                if let ids, ids.indices.contains(k) {
                    output.append(UInt8(ascii: ","))
                    output.append(contentsOf: csvField(ids[k]).utf8)
                }
                output.append(asciiLF)
                scoredRows += 1
            }
        }
        for row in bad {
            skippedRows += 1
            skipped(row.error)
        }
        clear(through: finishedRows + total)
    }

    /// Forgets the rows up to data row `end` (exclusive): they are written.
    private mutating func clear(through end: Int) {
        finishedRows = end
        parser.values.removeAll(keepingCapacity: true)
        parser.labels.removeAll(keepingCapacity: true)
        parser.ids.removeAll(keepingCapacity: true)
        if parser.badRows != nil { parser.badRows?.removeAll(keepingCapacity: true) }
    }

    /// Throws when the header lacks a column the model takes.
    private func checkColumns(_ header: CSVHeader) throws {
        do {
            _ = try model.inputPositions(in: header.featureNames)
        } catch let error as AnomalyModelError {
            throw DataFileError(path: parser.source, message: error.message)
        }
    }

    /// Appends the decimal digits of `value` (at least 0).
    private static func append(_ value: Int, to output: inout [UInt8]) {
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var rest = UInt(max(value, 0)), count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[19 - count] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                count += 1
            } while rest > 0
            output.append(contentsOf: buffer[(20 - count)...])
        }
    }
}
